"""What every document of the minutes says, whatever its format."""

import dataclasses

import pytest

from meetings.models import MinutesStatus
from minutes.contents import with_minutes
from minutes.documents.content import DRAFT_NOTICE, ArisingRow, clean, file_stem, is_right_to_left, minutes_content
from tests.documents.conftest import (
    ARABIC,
    expected_apologies,
    expected_attendees,
    expected_items,
)
from tests.factories import GroupFactory, MeetingFactory


def test_it_names_the_file_by_the_groups_short_name_and_the_iso_date(march_2013):
    assert march_2013.file_stem == "IDMG-2013-03-11-minutes"


@pytest.mark.django_db
def test_the_file_name_keeps_to_letters_digits_and_hyphens():
    meeting = MeetingFactory(group=GroupFactory(short_name="Strategy Board / Nów"))

    assert file_stem(meeting) == "Strategy-Board-Now-2013-03-11-minutes"


def test_it_titles_the_minutes_as_published(march_2013):
    assert (march_2013.group_name, march_2013.date) == (
        "Inter-Departmental Ministerial Group on Human Trafficking",
        "11 March 2013",
    )
    assert march_2013.title == "Inter-Departmental Ministerial Group on Human Trafficking: minutes of 11 March 2013"


def test_it_gives_the_register_and_apologies_as_the_published_minutes_do(march_2013):
    assert [list(dataclasses.astuple(row)) for row in march_2013.attendees] == expected_attendees()
    assert [list(dataclasses.astuple(row)) for row in march_2013.apologies] == expected_apologies()


def test_it_gives_each_item_with_its_numbered_paragraphs_and_its_actions_and_owners(march_2013):
    items = [
        {
            "heading": item.heading,
            "paragraphs": [f"{p.number} {p.text}" if p.number else p.text for p in item.paragraphs],
            "actions": [(action.text, action.owners) for action in item.actions],
        }
        for item in march_2013.items
    ]

    assert items == expected_items()


def test_it_gives_each_action_its_reference_owners_and_due_date(march_2013):
    action = march_2013.items[2].actions[0]

    assert action.details == "IDMG 2013-03 A3. Owner: Home Office (lead). Due: At the next meeting"


def test_published_minutes_carry_no_draft_notice(march_2013):
    assert march_2013.draft_notice == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "notice"),
    [
        (MinutesStatus.DRAFT, DRAFT_NOTICE),
        (MinutesStatus.CIRCULATED, DRAFT_NOTICE),
        (MinutesStatus.APPROVED, ""),
        (MinutesStatus.PUBLISHED, ""),
    ],
)
def test_minutes_not_yet_approved_say_so(status, notice):
    later = MeetingFactory(date="2013-06-10")
    meeting = MeetingFactory(
        group=later.group, status=status, approved_at=later if status in ("approved", "published") else None
    )

    assert minutes_content(with_minutes().get(pk=meeting.pk)).draft_notice == notice


def test_it_gives_the_matters_arising_as_minuted_the_next_meeting_and_the_corrections(hostile_content):
    (arising,) = hostile_content.matters_arising

    assert (arising.reference, arising.text, arising.owners, arising.status, arising.update) == (
        "IDMG 2012-04 A1",
        "MOJ to explore prosecutions ",
        "MOJ (lead)",
        "In progress",
        "Work has started.",
    )
    assert hostile_content.next_meeting == "The next IDMG meeting will be held on 10 June 2013 at the Home Office."
    (correction,) = hostile_content.corrections
    assert correction.endswith(": Register. Spelling of a name")


@pytest.mark.parametrize(
    ("owners", "details"),
    [
        ("MOJ (lead)", "IDMG 2012-04 A1. Owner: MOJ (lead)"),
        ("MOJ (lead), AGO", "IDMG 2012-04 A1. Owners: MOJ (lead), AGO"),
        ("", "IDMG 2012-04 A1. Owner: none recorded"),
    ],
)
def test_a_matter_arising_gives_its_reference_and_owners_as_a_line_under_the_action(owners, details):
    assert ArisingRow("IDMG 2012-04 A1", "Write", owners, "Done", "").details == details


def test_a_matter_arising_gives_its_status_at_the_meeting_before_the_update_given_there():
    assert ArisingRow("IDMG 2012-04 A1", "Write", "MOJ", "Done", "Sent.").outcome == "Done – Sent."
    assert ArisingRow("IDMG 2012-04 A1", "Write", "MOJ", "In progress", "").outcome == "In progress"


def test_it_drops_the_characters_no_document_can_hold_and_keeps_line_breaks():
    assert clean("one\x0btwo\x00\x1f\r\nthree\x0cfour\ud800\ufffe") == "one two\nthree four"


def test_it_keeps_emoji_and_every_script():
    assert clean(f"{ARABIC} 😀 Ελληνικά") == f"{ARABIC} 😀 Ελληνικά"


def test_it_tells_right_to_left_text_by_its_first_letter():
    assert is_right_to_left(f"{ARABIC} (FCO)")
    assert is_right_to_left(f"6.2 {ARABIC}")
    assert not is_right_to_left(f"FCO: {ARABIC}")
    assert not is_right_to_left("2.3")
