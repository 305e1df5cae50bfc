"""Positioned rows, through the register (scoped by meeting) and paragraphs (scoped by item)."""

import pytest

from tests.factories import AgendaItemFactory, AttendeeFactory, MeetingFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    meeting = MeetingFactory()
    return [AttendeeFactory(meeting=meeting) for _ in range(3)]


def order(rows):
    return list(rows[0].siblings().order_by("position", "pk"))


def test_new_rows_go_last(register):
    assert [attendee.position for attendee in register] == [1, 2, 3]


def test_a_new_row_in_another_meeting_starts_at_one(register):
    assert AttendeeFactory(meeting=MeetingFactory()).position == 1


def test_a_row_given_a_position_keeps_it():
    assert AttendeeFactory(position=7).position == 7


def test_moving_up_swaps_with_the_row_above(register):
    first, second, third = register

    assert third.move("up") is True

    assert order(register) == [first, third, second]


def test_moving_down_swaps_with_the_row_below(register):
    first, second, third = register

    assert first.move("down") is True

    assert order(register) == [second, first, third]


def test_the_first_row_cannot_move_up(register):
    assert register[0].move("up") is False

    assert order(register) == register


def test_the_last_row_cannot_move_down(register):
    assert register[-1].move("down") is False

    assert order(register) == register


def test_ties_are_renumbered_before_a_move():
    meeting = MeetingFactory()
    first, second, third = (AttendeeFactory(meeting=meeting, position=5) for _ in range(3))

    assert second.move("down") is True

    assert order([first]) == [first, third, second]
    assert [row.position for row in order([first])] == [1, 2, 3]


def test_a_tied_row_moves_up_past_its_twin():
    meeting = MeetingFactory()
    first, second = (AttendeeFactory(meeting=meeting, position=4) for _ in range(2))

    assert second.move("up") is True

    assert order([first]) == [second, first]


def test_moves_stay_within_the_scope():
    item, other_item = AgendaItemFactory(), AgendaItemFactory()
    first = ParagraphFactory(agenda_item=item)
    ParagraphFactory(agenda_item=other_item)
    second = ParagraphFactory(agenda_item=item)

    assert second.move("down") is False
    assert second.move("up") is True

    assert list(item.paragraphs.all()) == [second, first]


def test_next_position_is_one_after_the_last(register):
    assert register[0].siblings().next_position() == 4
