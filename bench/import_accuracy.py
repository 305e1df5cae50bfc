"""Report how accurately the importer reads minutes, field by field, over a folder of documents.

Each document (``.txt``, ``.html``, ``.docx``, ``.odt``, ``.pdf``) sits beside a ``.json`` file of the
same name holding what it should read as, in the form of ``minutes.demo.MEETINGS``. The departments
on record are the demo's. Run from the repository's root:

    .venv/bin/python bench/import_accuracy.py [folder ...]

With no folder it measures ``tests/imports/documents`` and the two seeds against the demo data.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from imports.accuracy import FIELDS, Score, compare  # noqa: E402
from imports.names import Directory  # noqa: E402
from imports.parser import parse_minutes  # noqa: E402
from imports.reading import read_document  # noqa: E402
from minutes import demo  # noqa: E402

DIRECTORY = Directory([(short_name, name) for short_name, name, _ in demo.DEPARTMENTS])
SEEDS = ROOT / "tests" / "imports" / "seeds"


def cases(folders):
    for folder in folders:
        for expected in sorted(Path(folder).glob("*.json")):
            documents = [path for path in expected.parent.glob(f"{expected.stem}.*") if path.suffix != ".json"]
            for document in documents:
                yield document, json.loads(expected.read_text(encoding="utf-8"))
    if not folders or folders == [ROOT / "tests" / "imports" / "documents"]:
        yield SEEDS / "idmg-minutes-2012-04-17.txt", demo.MEETINGS[0]
        yield SEEDS / "idmg-minutes-2013-03-11.txt", demo.MEETINGS[1]


def main(argv):
    folders = [Path(folder) for folder in argv] or [ROOT / "tests" / "imports" / "documents"]
    totals = {name: Score() for name in FIELDS}
    print(f"{'document':45} " + " ".join(f"{name:>12}" for name in FIELDS) + "   guesses  seconds")
    for document, expected in cases(folders):
        started = time.perf_counter()
        minutes = parse_minutes(read_document(document.read_bytes(), document.name), DIRECTORY)
        seconds = time.perf_counter() - started
        scores = compare(minutes, expected)
        for name in FIELDS:
            totals[name].add(scores[name])
        cells = " ".join(
            f"{scores[name].correct:>5}/{max(scores[name].expected, scores[name].found):<6}" for name in FIELDS
        )
        print(f"{document.name:45} {cells}   {minutes.guess_count:>7}  {seconds:7.3f}")
    print(f"{'all (per cent)':45} " + " ".join(f"{totals[name].percent:>11.1f}%" for name in FIELDS))


if __name__ == "__main__":
    main(sys.argv[1:])
