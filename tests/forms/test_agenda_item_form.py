import pytest

from meetings.forms import AgendaItemForm
from tests.factories import AgendaItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


def test_it_adds_an_item_to_the_meeting(meeting):
    form = AgendaItemForm(data={"number": "2", "title": "Human Trafficking and the Olympics"}, meeting=meeting)

    assert form.is_valid(), form.errors
    item = form.save()

    assert item.meeting == meeting
    assert (item.number, item.title) == (2, "Human Trafficking and the Olympics")


def test_it_refuses_a_duplicate_item_number(meeting):
    AgendaItemFactory(meeting=meeting, number=3)

    form = AgendaItemForm(data={"number": "3", "title": "AOB"}, meeting=meeting)

    assert form.errors == {"number": ["Item 3 is already on the agenda of this meeting"]}


def test_the_same_number_is_fine_in_another_meeting(meeting):
    AgendaItemFactory(meeting=MeetingFactory(), number=3)

    form = AgendaItemForm(data={"number": "3", "title": "AOB"}, meeting=meeting)

    assert form.is_valid(), form.errors


def test_an_item_keeps_its_number_when_edited(meeting):
    item = AgendaItemFactory(meeting=meeting, number=3, title="AOB")

    form = AgendaItemForm(
        data={"number": "3", "title": "Any other business", "version": item.version}, instance=item, meeting=meeting
    )

    assert form.is_valid(), form.errors


def test_it_suggests_one_for_the_first_item(meeting):
    assert AgendaItemForm(meeting=meeting)["number"].value() == 1


def test_it_suggests_the_number_after_the_highest(meeting):
    AgendaItemFactory(meeting=meeting, number=2)
    AgendaItemFactory(meeting=meeting, number=5)

    assert AgendaItemForm(meeting=meeting)["number"].value() == 6


def test_it_does_not_suggest_a_number_when_editing(meeting):
    item = AgendaItemFactory(meeting=meeting, number=2)
    AgendaItemFactory(meeting=meeting, number=5)

    assert AgendaItemForm(instance=item, meeting=meeting)["number"].value() == 2


def test_the_number_must_be_a_whole_number(meeting):
    form = AgendaItemForm(data={"number": "2a", "title": "AOB"}, meeting=meeting)

    assert form.errors == {"number": ["Item number must be a whole number"]}


def test_the_number_and_title_are_required(meeting):
    form = AgendaItemForm(data={"number": "", "title": ""}, meeting=meeting)

    assert form.errors == {"number": ["Enter the item number"], "title": ["Enter the title of the agenda item"]}
