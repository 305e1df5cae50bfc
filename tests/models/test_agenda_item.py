import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import AgendaItem
from tests.factories import AgendaItemFactory, MeetingFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_number_and_title():
    item = AgendaItemFactory(number=6, title="Country specific report – Nigeria")

    assert str(item) == "6. Country specific report – Nigeria"


def test_it_refuses_a_duplicate_item_number_in_the_database():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number=2)

    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItemFactory(meeting=meeting, number=2)


def test_clean_refuses_a_duplicate_item_number_with_a_message_at_the_number():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number=2)
    item = AgendaItem(meeting=meeting, number=2, title="AOB")

    with pytest.raises(ValidationError) as raised:
        item.clean()

    assert raised.value.message_dict == {"number": ["Item 2 is already on the agenda of this meeting"]}


def test_clean_accepts_an_item_keeping_its_own_number():
    item = AgendaItemFactory(number=2)

    item.clean()


def test_the_same_number_is_allowed_in_another_meeting():
    AgendaItemFactory(meeting=MeetingFactory(), number=2)
    item = AgendaItemFactory(meeting=MeetingFactory(), number=2)

    item.clean()
    assert AgendaItem.objects.filter(number=2).count() == 2


def test_numbers_are_kept_as_recorded_not_recomputed():
    meeting = MeetingFactory()
    for number in [2, 3, 4, 5]:
        AgendaItemFactory(meeting=meeting, number=number)

    assert [item.number for item in meeting.agenda_items.all()] == [2, 3, 4, 5]


def test_next_number_is_one_for_a_meeting_with_no_items():
    assert MeetingFactory().agenda_items.next_number() == 1


def test_next_number_is_one_more_than_the_highest():
    meeting = MeetingFactory()
    AgendaItemFactory(meeting=meeting, number=5)
    AgendaItemFactory(meeting=meeting, number=2)
    AgendaItemFactory(meeting=MeetingFactory(), number=9)

    assert meeting.agenda_items.next_number() == 6


def test_next_paragraph_number_is_the_item_number_point_one_for_the_first():
    item = AgendaItemFactory(number=3)

    assert item.next_paragraph_number() == "3.1"


def test_next_paragraph_number_follows_the_last_numbered_paragraph():
    item = AgendaItemFactory(number=2)
    ParagraphFactory(agenda_item=item, number="2.2")
    ParagraphFactory(agenda_item=item, number="2.3")

    assert item.next_paragraph_number() == "2.4"


def test_next_paragraph_number_follows_the_highest_after_a_paragraph_was_moved():
    item = AgendaItemFactory(number=2)
    ParagraphFactory(agenda_item=item, number="2.2", position=1)
    ParagraphFactory(agenda_item=item, number="2.1", position=2)

    assert item.next_paragraph_number() == "2.3"


def test_next_paragraph_number_skips_unnumbered_paragraphs():
    item = AgendaItemFactory(number=3)
    ParagraphFactory(agenda_item=item, number="3.4")
    ParagraphFactory(agenda_item=item, number="")

    assert item.next_paragraph_number() == "3.5"


def test_next_paragraph_number_after_only_unnumbered_paragraphs_is_the_first():
    item = AgendaItemFactory(number=4)
    ParagraphFactory(agenda_item=item, number="")

    assert item.next_paragraph_number() == "4.1"


def test_next_paragraph_number_counts_past_nine():
    item = AgendaItemFactory(number=3)
    ParagraphFactory(agenda_item=item, number="3.9")

    assert item.next_paragraph_number() == "3.10"


def test_next_paragraph_number_makes_no_guess_after_an_odd_number():
    item = AgendaItemFactory(number=3)
    ParagraphFactory(agenda_item=item, number="3(a)")

    assert item.next_paragraph_number() == ""
