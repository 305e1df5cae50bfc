"""Rows of the register as minutes write them, one line each.

``Home Office   Damian Green MP CHAIR``, ``DCLG<tab>Official (for Baroness Hanham MP)``,
``Northern Ireland Executive  David Ford MLA – via video link``: the department, then who came
(a named person, or "Official", perhaps deputising for a minister), a role and a mode. The same
parser reads an imported document's register and the lines pasted into the recording page.
"""

import re

from imports.names import Directory, squeezed
from imports.structure import RegisterRow

CELLS = re.compile(r"\t+|\s{2,}")
_MODE = r"(?:via|by)\s+(?:video\s*-?\s*link|video|phone|telephone|teleconference)"
REMOTE = re.compile(rf"\s*\(\s*{_MODE}\s*\)|\s*(?:[-–—,]\s*)?{_MODE}", re.IGNORECASE)
CHAIR = re.compile(r"\s*[-–—,]?\s*\(?\b(?:CHAIR|Chair|chair(?:man|woman|person)?)\b\)?\s*$")
DEPUTISING = re.compile(r"^(?P<who>.*?)\s*\(\s*(?:for|on behalf of|representing)\s+(?P<for>[^)]*?)\s*\)\s*$", re.I)
POST_NOMINALS = {"MP", "MSP", "MLA", "AM", "MS", "QC", "KC", "MEP", "OBE", "CBE", "MBE", "KCB", "DBE", "PC"}
TITLES = {"baroness", "lord", "lady", "sir", "dame", "dr", "mr", "mrs", "ms", "miss", "rt", "the", "professor", "prof"}


def who_parts(who):
    """ "Official (for Kenny MacAskill MSP - via videolink) CHAIR" → person, deputising for, role, remote."""
    who = squeezed(who)
    remote = bool(REMOTE.search(who))
    who = squeezed(REMOTE.sub(" ", who))
    who = re.sub(r"\(\s*\)", "", who)
    role = ""
    if CHAIR.search(who):
        role, who = "chair", squeezed(CHAIR.sub("", who))
    who = who.strip(" -–—,;")
    person, deputising_for = who, ""
    match = DEPUTISING.match(who)
    if match:
        person, deputising_for = match["who"].strip(" -–—,"), match["for"].strip(" -–—,")
    if person.lower() in {"official", "officials", "an official", ""}:
        person = ""
    return person, deputising_for, role, remote


def split_unknown(text):
    """Where a line with no department on record and no column gap divides: before "Official",
    or before the person's name (a title, or the last two words before any post-nominals)."""
    words = text.split()
    for index, word in enumerate(words):
        if index and word.lower().startswith("official"):
            return " ".join(words[:index]), " ".join(words[index:])
    for index, word in enumerate(words):
        if index and word.lower().strip(".") in TITLES:
            return " ".join(words[:index]), " ".join(words[index:])
    end = len(words)
    while end > 1 and words[end - 1].strip("(),").upper() in POST_NOMINALS | {"CHAIR"}:
        end -= 1
    start = max(1, end - 2)
    return " ".join(words[:start]), " ".join(words[start:])


def parse_register_line(text, directory: Directory, line=0):
    """One register row from a line, or None if the line holds no department and name."""
    cells = [cell.strip() for cell in CELLS.split(text.strip()) if cell.strip()]
    if not cells:
        return None
    guesses = []
    department = directory.find(cells[0])
    if department and len(cells) > 1:
        who = " ".join(cells[1:])
    else:
        department, who = directory.prefix(" ".join(cells))
        if department is None:
            if len(cells) > 1:
                department, who = cells[0], " ".join(cells[1:])
            else:
                department, who = split_unknown(cells[0])
                guesses.append(f"Where the department ends and the name begins was guessed from “{cells[0]}”")
    if not any(character.isalpha() for character in department) or len(department) > 60:
        return None
    if len(department.split()) > 6 or (guesses and not who):
        return None
    person, deputising_for, role, remote = who_parts(who)
    if len(person) > 200 or len(deputising_for) > 200:
        return None
    return RegisterRow(
        department=department,
        person=person,
        deputising_for=deputising_for,
        role=role,
        remote=remote,
        line=line,
        guesses=guesses,
    )


def parse_register(text, directory: Directory):
    """Pasted register lines as rows, and the lines that are not rows (as (line number, text))."""
    rows, not_rows = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        row = parse_register_line(line, directory, line=number)
        if row is None:
            not_rows.append((number, line.strip()))
        else:
            rows.append(row)
    return rows, not_rows
