"""The test documents, in the layouts minutes come in, read as their expected JSON says, field by field."""

import json
from pathlib import Path

import pytest

from imports.accuracy import differences
from imports.names import Directory
from imports.parser import parse_minutes
from imports.reading import read_document
from minutes import demo

DOCUMENTS = Path(__file__).parent / "documents"
DIRECTORY = Directory([(short_name, name) for short_name, name, _ in demo.DEPARTMENTS])
CASES = sorted(path for path in DOCUMENTS.iterdir() if path.suffix != ".json")


@pytest.mark.parametrize("document", CASES, ids=[path.name for path in CASES])
def test_each_test_document_reads_as_expected(document):
    expected = json.loads(document.with_suffix(".json").read_text(encoding="utf-8"))
    minutes = parse_minutes(read_document(document.read_bytes(), document.name), DIRECTORY)
    assert differences(minutes, expected) == {}


def test_an_actions_table_gives_owners_and_due_dates():
    text = (DOCUMENTS / "attendees-parenthesis-numbers.txt").read_text(encoding="utf-8")
    (_, bill) = parse_minutes(text, DIRECTORY).items
    assert [(action.owners, action.due_date, action.due_at_next_meeting) for action in bill.actions] == [
        (["FCO", "Welsh Government"], "2014-01-31", False),
        (["Home Office"], "", True),
    ]


def test_the_accuracy_script_reports_every_field(capsys):
    from bench.import_accuracy import main

    main([])
    report = capsys.readouterr().out
    assert "idmg-minutes-2013-03-11.txt" in report
    assert report.strip().splitlines()[-1].count("100.0%") == 8
