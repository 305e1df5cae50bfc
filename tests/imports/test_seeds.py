"""The two seed minutes, imported from their plain text, read exactly as ``loaddemo`` loads them."""

from pathlib import Path

import pytest

from imports.accuracy import compare, differences, expected_rows, parsed_rows
from imports.names import Directory
from imports.parser import parse_minutes
from minutes import demo

SEEDS = Path(__file__).resolve().parents[2] / "tests" / "imports" / "seeds"
DIRECTORY = Directory([(short_name, name) for short_name, name, _ in demo.DEPARTMENTS])
CASES = [("idmg-minutes-2012-04-17.txt", demo.MEETINGS[0]), ("idmg-minutes-2013-03-11.txt", demo.MEETINGS[1])]


def parse_seed(name):
    return parse_minutes((SEEDS / name).read_text(encoding="utf-8"), DIRECTORY)


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_each_seed_reads_as_the_demo_data_field_by_field(name, expected):
    minutes = parse_seed(name)
    assert differences(minutes, expected) == {}
    assert all(score.percent == 100 for score in compare(minutes, expected).values())


def test_the_2013_seed_has_the_demo_counts():
    rows = parsed_rows(parse_seed("idmg-minutes-2013-03-11.txt"))
    assert [len(rows[name]) for name in ("attendees", "apologies", "items", "actions")] == [18, 10, 7, 10]
    assert rows["paragraphs"] == expected_rows(demo.MEETINGS[1])["paragraphs"]


def test_the_2012_seed_has_items_2_to_5_one_action_and_the_next_meeting():
    minutes = parse_seed("idmg-minutes-2012-04-17.txt")
    assert (len(minutes.attendees), len(minutes.apologies)) == (17, 8)
    assert [item.number for item in minutes.items] == [2, 3, 4, 5]
    assert [action.owners for action in minutes.actions] == [["UKHTC"]]
    assert (minutes.next_meeting_date, minutes.next_meeting_start_time, minutes.next_meeting_end_time) == (
        "2012-09-13",
        "10:30",
        "12:00",
    )
    assert minutes.next_meeting_place == "the Home Office"


def test_what_the_importer_inferred_is_marked_as_a_guess():
    minutes = parse_seed("idmg-minutes-2012-04-17.txt")
    (action,) = minutes.actions
    assert any("UKHTC taken from paragraph 4.2" in guess for guess in action.guesses)
    later = parse_seed("idmg-minutes-2013-03-11.txt")
    scotland = next(action for action in later.actions if action.text.startswith("Scotland"))
    assert scotland.guesses == ["“Scotland” read as Scottish Government"]
    update = next(action for action in later.actions if action.text.startswith("Update members"))
    assert any("chair's department" in guess for guess in update.guesses)


def test_lines_the_importer_could_not_place_are_listed_not_dropped():
    minutes = parse_seed("idmg-minutes-2013-03-11.txt")
    assert [(entry.line, entry.text) for entry in minutes.not_placed] == [(57, "--")]
