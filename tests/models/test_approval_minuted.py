"""Minutes approved at a meeting are said to be agreed in that meeting's own minutes, with any amendments."""

import datetime

import pytest

from meetings.models import STANDING_FIRST_ITEM, MinutesStatus
from tests.factories import AgendaItemFactory, GroupFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes():
    group = GroupFactory(slug="idmg")
    earlier = MeetingFactory(group=group, date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED)
    later = MeetingFactory(group=group, date=datetime.date(2013, 6, 10))
    return earlier, later


def test_the_approving_meetings_first_item_says_the_minutes_were_agreed(minutes):
    earlier, later = minutes

    earlier.approve(later)

    item = later.agenda_items.get()
    assert (item.number, item.title) == (1, STANDING_FIRST_ITEM)
    paragraph = item.paragraphs.get()
    assert (paragraph.number, paragraph.text) == ("1.1", "The minutes of the meeting of 11 March 2013 were agreed.")


def test_it_uses_the_standing_item_already_on_the_agenda(minutes):
    earlier, later = minutes
    AgendaItemFactory(meeting=later, number=1, title="Minutes of the last meeting and matters arising")
    AgendaItemFactory(meeting=later, number=2, title="Activity update")

    earlier.approve(later)

    assert later.agenda_items.count() == 2
    assert later.agenda_items.get(number=1).paragraphs.count() == 1


def test_without_the_standing_item_it_is_added_first(minutes):
    earlier, later = minutes
    AgendaItemFactory(meeting=later, number=1, title="Welcome")

    earlier.approve(later)

    first = later.agenda_items.order_by("position").first()
    assert first.title == STANDING_FIRST_ITEM
    assert first.number == 2


def test_amendments_are_said_and_shown_on_the_approved_minutes_as_corrections(minutes):
    earlier, later = minutes
    user = UserFactory()

    earlier.approve(
        later, amendments=["Paragraph 2.3: for “MOJ” read “AGO”.", " ", "Add DfE to the apologies."], by=user
    )

    text = later.agenda_items.get().paragraphs.get().text
    assert text.startswith("The minutes of the meeting of 11 March 2013 were agreed subject to the amendments below:")
    assert "– Paragraph 2.3: for “MOJ” read “AGO”." in text
    assert "– Add DfE to the apologies." in text
    corrections = list(earlier.corrections.all())
    assert [correction.reason for correction in corrections] == [
        "Paragraph 2.3: for “MOJ” read “AGO”.",
        "Add DfE to the apologies.",
    ]
    assert corrections[0].what == "Amended when approved at the meeting of 10 June 2013"
    assert corrections[0].made_by == user


def test_an_approving_meeting_already_approved_is_left_as_it_is(minutes):
    earlier, later = minutes
    later.status = MinutesStatus.APPROVED
    later.save()

    earlier.approve(later)

    assert not later.agenda_items.exists()
    assert earlier.status == MinutesStatus.APPROVED
