"""An action carries when it is due (for the register's index), kept in step by one rule: its due date, or,
due at the next meeting, the date of its group's next meeting or, until that is on record, the date its minutes
gave for it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import Action, keep_due_on
from tests.factories import ActionFactory, AgendaItemFactory, GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2013, 3, 11)
JUNE = datetime.date(2013, 6, 10)
SEPTEMBER = datetime.date(2013, 9, 9)


@pytest.fixture
def group():
    return GroupFactory()


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, date=MARCH)


def at_next_meeting(meeting):
    return ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_at_next_meeting=True)


def due_on(action):
    return Action.objects.get(pk=action.pk).due_on


def test_an_action_due_by_a_date_is_due_then(meeting):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_date=JUNE)

    assert due_on(action) == action.due_on == JUNE


def test_an_action_without_a_due_date_is_due_on_no_date(meeting):
    assert due_on(ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))) is None


def test_an_action_due_at_the_next_meeting_is_due_on_the_groups_next_meeting(group, meeting):
    MeetingFactory(group=group, date=SEPTEMBER)
    MeetingFactory(group=group, date=JUNE)
    MeetingFactory(date=datetime.date(2013, 4, 1))

    action = at_next_meeting(meeting)

    assert due_on(action) == action.due_on == JUNE


def test_until_the_next_meeting_is_on_record_it_is_due_on_the_date_the_minutes_gave(group):
    action = at_next_meeting(MeetingFactory(group=group, date=MARCH, next_meeting_date=JUNE))

    assert due_on(action) == JUNE


def test_with_neither_it_is_due_on_no_date_yet(meeting):
    assert due_on(at_next_meeting(meeting)) is None


def test_a_next_meeting_added_sets_when_it_is_due(group, meeting):
    action = at_next_meeting(meeting)

    MeetingFactory(group=group, date=JUNE)

    assert due_on(action) == JUNE


def test_a_meeting_added_before_the_next_one_becomes_when_it_is_due(group, meeting):
    MeetingFactory(group=group, date=SEPTEMBER)
    action = at_next_meeting(meeting)

    MeetingFactory(group=group, date=JUNE)

    assert due_on(action) == JUNE


def test_a_meeting_added_after_the_next_one_changes_nothing(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    action = at_next_meeting(meeting)

    MeetingFactory(group=group, date=SEPTEMBER)

    assert due_on(action) == JUNE


def test_the_next_meeting_moved_moves_when_it_is_due(group, meeting):
    following = MeetingFactory(group=group, date=JUNE)
    action = at_next_meeting(meeting)

    following.date = datetime.date(2013, 6, 17)
    following.save()

    assert due_on(action) == datetime.date(2013, 6, 17)


def test_the_next_meeting_moved_past_another_leaves_that_one_next(group, meeting):
    following = MeetingFactory(group=group, date=JUNE)
    MeetingFactory(group=group, date=SEPTEMBER)
    action = at_next_meeting(meeting)

    following.date = datetime.date(2013, 12, 2)
    following.save()

    assert due_on(action) == SEPTEMBER


def test_its_own_meeting_moved_past_the_next_one_makes_the_one_after_next(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    MeetingFactory(group=group, date=SEPTEMBER)
    action = at_next_meeting(meeting)

    meeting.date = datetime.date(2013, 7, 1)
    meeting.save()

    assert due_on(action) == SEPTEMBER


def test_the_next_meeting_deleted_makes_the_one_after_next(group, meeting):
    following = MeetingFactory(group=group, date=JUNE)
    MeetingFactory(group=group, date=SEPTEMBER)
    action = at_next_meeting(meeting)

    following.delete()

    assert due_on(action) == SEPTEMBER


def test_the_only_next_meeting_deleted_leaves_the_date_the_minutes_gave(group):
    following = MeetingFactory(group=group, date=JUNE)
    action = at_next_meeting(MeetingFactory(group=group, date=MARCH, next_meeting_date=SEPTEMBER))

    following.delete()

    assert due_on(action) == SEPTEMBER


def test_a_new_date_for_the_next_meeting_in_the_minutes_sets_when_it_is_due(meeting):
    action = at_next_meeting(meeting)

    meeting.next_meeting_date = JUNE
    meeting.save()

    assert due_on(action) == JUNE


def test_the_next_meeting_on_record_wins_over_the_date_the_minutes_gave(group):
    meeting = MeetingFactory(group=group, date=MARCH, next_meeting_date=SEPTEMBER)
    action = at_next_meeting(meeting)

    MeetingFactory(group=group, date=JUNE)

    assert due_on(action) == JUNE


def test_switching_from_a_date_to_the_next_meeting_and_back_follows(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_date=SEPTEMBER)

    action.due_date, action.due_at_next_meeting = None, True
    action.save()
    assert due_on(action) == action.due_on == JUNE

    action.due_date, action.due_at_next_meeting = SEPTEMBER, False
    action.save()
    assert due_on(action) == action.due_on == SEPTEMBER


def test_a_copy_read_before_the_next_meeting_was_added_and_saved_after_keeps_its_date(group, meeting):
    action = Action.objects.get(pk=at_next_meeting(meeting).pk)
    MeetingFactory(group=group, date=JUNE)

    action.text = "Changed after the next meeting was added"
    action.save()

    assert due_on(action) == JUNE


def test_saving_an_action_still_due_at_the_next_meeting_does_not_work_out_its_date_again(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    action = Action.objects.get(pk=at_next_meeting(meeting).pk)
    action.text = "Changed"

    with CaptureQueriesContext(connection) as captured:
        action.save()

    assert not any("COALESCE" in query["sql"] for query in captured.captured_queries)
    assert due_on(action) == JUNE


def test_another_groups_meetings_change_nothing(meeting):
    action = at_next_meeting(meeting)

    MeetingFactory(date=JUNE)

    assert due_on(action) is None


def test_keeping_in_step_sets_when_actions_made_in_bulk_are_due_at_the_next_meeting(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    item = AgendaItemFactory(meeting=meeting)
    [action] = Action.objects.bulk_create(
        [Action(agenda_item=item, meeting=meeting, meeting_date=MARCH, number=1, text="A", due_at_next_meeting=True)]
    )

    assert keep_due_on(group.pk) == 1
    assert due_on(action) == JUNE


def test_keeping_in_step_changes_no_action_already_in_step(group, meeting):
    MeetingFactory(group=group, date=JUNE)
    at_next_meeting(meeting)
    at_next_meeting(MeetingFactory(group=group, date=SEPTEMBER))
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_date=JUNE)

    assert keep_due_on(group.pk) == 0


def test_an_action_due_at_a_next_meeting_now_past_is_overdue(group):
    past = MeetingFactory(group=group, date=datetime.date(2000, 1, 10))
    MeetingFactory(group=group, date=datetime.date(2000, 3, 6))
    action = at_next_meeting(past)

    assert Action.objects.with_due().get(pk=action.pk).is_overdue
    assert list(Action.objects.overdue()) == [action]


def test_when_it_is_due_is_not_part_of_the_actions_history(meeting):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_date=JUNE)

    assert not hasattr(action.history.first(), "due_on")
