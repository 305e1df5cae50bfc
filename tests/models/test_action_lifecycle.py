"""An action's life: its reference, its updates, its status over time, matters arising and urgency."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from actions.models import Action, ActionSummary, Status, Update
from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MARCH_2013 = datetime.date(2013, 3, 11)
JUNE_2013 = datetime.date(2013, 6, 10)
SEPTEMBER_2013 = datetime.date(2013, 9, 9)
DECEMBER_2013 = datetime.date(2013, 12, 9)


@pytest.fixture
def group():
    return GroupFactory(short_name="IDMG")


@pytest.fixture
def author():
    return UserFactory(username="secretariat")


def action_at(meeting, **fields):
    """An action raised at the meeting, under a new agenda item."""
    return ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), **fields)


def fetched(action, today=None):
    """The action as a list of actions shows it: due date resolved, updates fetched newest first."""
    return Action.objects.for_listing(today).get(pk=action.pk)


def references(actions):
    return [action.reference for action in actions]


# The reference


def test_its_reference_names_the_group_the_meeting_month_and_its_number(group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group, date=MARCH_2013))

    actions = ActionFactory.create_batch(4, agenda_item=item)

    assert actions[3].reference == "IDMG 2013-03 A4"
    assert str(actions[3]).startswith("IDMG 2013-03 A4: Home Office to set up")


def test_actions_are_numbered_across_the_meeting_in_the_order_they_are_recorded(group):
    meeting = MeetingFactory(group=group, date=MARCH_2013)

    actions = [action_at(meeting) for _ in range(3)]

    assert [action.number for action in actions] == [1, 2, 3]


def test_each_meeting_numbers_its_actions_from_one(group):
    action_at(MeetingFactory(group=group, date=MARCH_2013))

    later = action_at(MeetingFactory(group=group, date=JUNE_2013))

    assert later.reference == "IDMG 2013-06 A1"


def test_numbers_stay_the_same_when_an_action_is_added_to_an_earlier_item(group):
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    first_item, second_item = AgendaItemFactory(meeting=meeting), AgendaItemFactory(meeting=meeting)
    first = ActionFactory(agenda_item=first_item)
    second = ActionFactory(agenda_item=second_item)

    added = ActionFactory(agenda_item=first_item)

    first.refresh_from_db()
    second.refresh_from_db()
    assert references([first, second, added]) == ["IDMG 2013-03 A1", "IDMG 2013-03 A2", "IDMG 2013-03 A3"]
    assert list(first_item.actions.all()) == [first, added]


def test_the_number_stays_the_same_when_the_action_is_saved_again(group):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013))
    action_at(action.meeting)

    action.text = "Home Office to set up thematic groups"
    action.save()

    action.refresh_from_db()
    assert action.reference == "IDMG 2013-03 A1"


# Recording updates


def test_a_progress_note_is_kept_without_changing_the_status(author):
    action = ActionFactory()

    update = action.record_update(author=author, text="  Terms of reference drafted.  ")

    action.refresh_from_db()
    assert action.status == Status.OPEN
    assert (update.old_status, update.new_status) == (Status.OPEN, Status.OPEN)
    assert update.text == "Terms of reference drafted."
    assert update.author == author
    assert update.reported_at is None
    assert not update.status_changed
    assert list(action.updates.all()) == [update]


def test_a_change_of_status_is_kept_with_the_old_and_the_new_status(author):
    action = ActionFactory()

    update = action.record_update(author=author, status=Status.IN_PROGRESS)

    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    assert (update.old_status, update.new_status) == (Status.OPEN, Status.IN_PROGRESS)
    assert update.status_changed
    assert update.text == ""


@pytest.mark.parametrize("text", ["", "   "])
def test_dropping_without_a_reason_is_refused(author, text):
    action = ActionFactory()

    with pytest.raises(ValidationError) as raised:
        action.record_update(author=author, text=text, status=Status.DROPPED)

    assert raised.value.message_dict == {"text": ["Give the reason the action is being dropped"]}
    action.refresh_from_db()
    assert action.status == Status.OPEN
    assert not Update.objects.exists()


def test_dropping_with_a_reason_closes_the_action(author):
    action = ActionFactory()

    update = action.record_update(author=author, text="Overtaken by the new strategy.", status=Status.DROPPED)

    action.refresh_from_db()
    assert action.status == Status.DROPPED
    assert action.closed_on == update.happened_on == timezone.localdate()


@pytest.mark.parametrize("text", ["", "  \n "])
def test_an_update_that_says_nothing_is_refused(author, text):
    action = ActionFactory(status=Status.IN_PROGRESS)

    with pytest.raises(ValidationError) as raised:
        action.record_update(author=author, text=text, status=Status.IN_PROGRESS)

    assert raised.value.message_dict == {"text": ["Enter an update or change the status"]}
    assert not Update.objects.exists()


def test_completing_the_action_sets_the_day_it_closed(author):
    action = ActionFactory()

    action.record_update(author=author, text="Groups set up.", status=Status.DONE)

    action.refresh_from_db()
    assert action.status == Status.DONE
    assert action.closed_on == timezone.localdate()


def test_reopening_the_action_clears_the_day_it_closed(author):
    action = ActionFactory()
    action.record_update(author=author, status=Status.DONE)

    update = action.record_update(author=author, text="The report needs a second draft.", status=Status.OPEN)

    action.refresh_from_db()
    assert action.status == Status.OPEN
    assert action.closed_on is None
    assert (update.old_status, update.new_status) == (Status.DONE, Status.OPEN)


def test_an_update_reported_at_a_meeting_is_dated_by_the_meeting(group, author):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013))
    reviewed_at = MeetingFactory(group=group, date=JUNE_2013)

    update = action.record_update(author=author, text="Done.", status=Status.DONE, meeting=reviewed_at)

    action.refresh_from_db()
    assert update.reported_at == reviewed_at
    assert update.happened_on == JUNE_2013
    assert action.closed_on == JUNE_2013


def test_a_change_of_due_date_after_circulation_is_kept_with_the_old_and_the_new_date(author):
    action = ActionFactory(due_at_next_meeting=True, agenda_item__meeting__status=MinutesStatus.CIRCULATED)
    action.due_date, action.due_at_next_meeting = datetime.date(2013, 9, 30), False
    action.save()

    update = action.record_due_change(was_due_date=None, was_at_next_meeting=True, author=author)

    assert (update.old_due_date, update.new_due_date) == (None, datetime.date(2013, 9, 30))
    assert update.due_date_changed
    assert update.text == "Due date changed from At the next meeting to 30 September 2013."
    assert update.author == author


def test_a_change_of_due_date_in_draft_minutes_is_no_update(author):
    action = ActionFactory(due_date=datetime.date(2013, 9, 30))

    assert action.record_due_change(was_due_date=None, was_at_next_meeting=True, author=author) is None
    assert not action.updates.exists()


def test_an_unchanged_due_date_is_no_update(author):
    action = ActionFactory(due_at_next_meeting=True, agenda_item__meeting__status=MinutesStatus.CIRCULATED)

    assert action.record_due_change(was_due_date=None, was_at_next_meeting=True, author=author) is None


# The status on a date


def test_with_no_updates_its_status_on_any_date_is_its_status():
    action = ActionFactory(status=Status.IN_PROGRESS)

    assert action.status_on(MARCH_2013) == Status.IN_PROGRESS


def test_its_status_on_a_date_is_read_from_the_updates_given_at_meetings(group, author):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013))
    action.record_update(author=author, status=Status.IN_PROGRESS, meeting=MeetingFactory(group=group, date=JUNE_2013))
    action.record_update(author=author, status=Status.DONE, meeting=MeetingFactory(group=group, date=SEPTEMBER_2013))
    action = fetched(action)

    assert action.status_on(MARCH_2013) == Status.OPEN
    assert action.status_on(JUNE_2013 - datetime.timedelta(days=1)) == Status.OPEN
    assert action.status_on(JUNE_2013) == Status.IN_PROGRESS
    assert action.status_on(SEPTEMBER_2013 - datetime.timedelta(days=1)) == Status.IN_PROGRESS
    assert action.status_on(SEPTEMBER_2013) == Status.DONE
    assert action.status_on(DECEMBER_2013) == Status.DONE


def test_an_update_recorded_today_does_not_change_its_status_on_earlier_dates(author):
    action = ActionFactory()
    action.record_update(author=author, status=Status.IN_PROGRESS)
    action = fetched(action)

    assert action.status_on(timezone.localdate() - datetime.timedelta(days=1)) == Status.OPEN
    assert action.status_on(timezone.localdate()) == Status.IN_PROGRESS


# Matters arising, and carrying an action forward


def test_an_action_is_carried_forward_until_it_is_done_and_then_leaves_matters_arising(group, author):
    first, second, third, fourth = (
        MeetingFactory(group=group, date=date) for date in (MARCH_2013, JUNE_2013, SEPTEMBER_2013, DECEMBER_2013)
    )
    action = action_at(first)

    assert list(Action.objects.matters_arising(second)) == [action]
    action.record_update(author=author, text="Drafting has started.", status=Status.IN_PROGRESS, meeting=second)

    assert list(Action.objects.matters_arising(third)) == [action]
    action.record_update(author=author, text="Groups now meet quarterly.", status=Status.DONE, meeting=third)

    [at_second] = Action.objects.reviewed_at(second)
    assert (at_second.status_then, at_second.update_here.text) == (Status.IN_PROGRESS, "Drafting has started.")
    [at_third] = Action.objects.arising_at(third)
    assert (at_third.status_then, at_third.update_here.text) == (Status.DONE, "Groups now meet quarterly.")
    assert at_third.status == Status.DONE
    assert Action.objects.reviewed_at(third) == [at_third]
    assert list(Action.objects.matters_arising(fourth)) == []
    assert Action.objects.arising_at(fourth) == []


def test_an_action_reviewed_without_an_update_is_still_carried_forward(group):
    first, second, third = (MeetingFactory(group=group, date=date) for date in (MARCH_2013, JUNE_2013, SEPTEMBER_2013))
    action = action_at(first)

    [at_second] = Action.objects.arising_at(second)

    assert at_second.update_here is None
    assert at_second.status_then == Status.OPEN
    assert Action.objects.reviewed_at(second) == []
    assert list(Action.objects.matters_arising(third)) == [action]


def test_a_dropped_action_leaves_matters_arising_after_the_meeting_that_dropped_it(group, author):
    first, second, third = (MeetingFactory(group=group, date=date) for date in (MARCH_2013, JUNE_2013, SEPTEMBER_2013))
    action = action_at(first)

    action.record_update(author=author, text="No longer needed.", status=Status.DROPPED, meeting=second)

    [at_second] = Action.objects.arising_at(second)
    assert at_second.status_then == Status.DROPPED
    assert list(Action.objects.matters_arising(third)) == []


def test_an_action_done_between_meetings_is_not_in_the_next_meetings_matters_arising(group, author):
    today = timezone.localdate()
    raised_at = MeetingFactory(group=group, date=today - datetime.timedelta(days=60))
    held_since = MeetingFactory(group=group, date=today - datetime.timedelta(days=30))
    upcoming = MeetingFactory(group=group, date=today + datetime.timedelta(days=14))
    action = action_at(raised_at)

    action.record_update(author=author, text="Finished.", status=Status.DONE)

    assert list(Action.objects.matters_arising(held_since)) == [action]
    assert list(Action.objects.matters_arising(upcoming)) == []


def test_a_reopened_action_returns_to_matters_arising(group, author):
    today = timezone.localdate()
    raised_at = MeetingFactory(group=group, date=today - datetime.timedelta(days=60))
    upcoming = MeetingFactory(group=group, date=today + datetime.timedelta(days=14))
    action = action_at(raised_at)
    action.record_update(author=author, status=Status.DONE)

    action.record_update(author=author, text="Needs more work.", status=Status.IN_PROGRESS)

    assert list(Action.objects.matters_arising(upcoming)) == [action]


def test_matters_arising_hold_only_earlier_meetings_of_the_same_group_oldest_first(group):
    april_2012 = MeetingFactory(group=group, date=datetime.date(2012, 4, 17))
    march_2013 = MeetingFactory(group=group, date=MARCH_2013)
    june_2013 = MeetingFactory(group=group, date=JUNE_2013)
    first_item, second_item = AgendaItemFactory(meeting=march_2013), AgendaItemFactory(meeting=march_2013)
    # Recorded out of order, and the third added to the first item, to show the order is by meeting and number.
    a1 = ActionFactory(agenda_item=first_item)
    a2 = ActionFactory(agenda_item=second_item)
    a3 = ActionFactory(agenda_item=first_item)
    from_2012 = action_at(april_2012)
    action_at(june_2013)
    action_at(MeetingFactory(group=GroupFactory(short_name="Strategy Board"), date=datetime.date(2013, 1, 9)))
    action_at(MeetingFactory(group=group, date=datetime.date(2013, 9, 9)))

    assert list(Action.objects.matters_arising(june_2013)) == [from_2012, a1, a2, a3]
    assert list(Action.objects.matters_arising(march_2013)) == [from_2012]
    assert list(Action.objects.matters_arising(april_2012)) == []


def test_matters_arising_leave_out_actions_closed_before_the_meeting(group):
    earlier = MeetingFactory(group=group, date=MARCH_2013)
    meeting = MeetingFactory(group=group, date=JUNE_2013)
    done_before = action_at(earlier, status=Status.DONE, closed_on=JUNE_2013 - datetime.timedelta(days=1))
    done_on_the_day = action_at(earlier, status=Status.DONE, closed_on=JUNE_2013)
    dropped_after = action_at(earlier, status=Status.DROPPED, closed_on=JUNE_2013 + datetime.timedelta(days=1))
    in_progress = action_at(earlier, status=Status.IN_PROGRESS)

    matters_arising = list(Action.objects.matters_arising(meeting))

    assert done_before not in matters_arising
    assert matters_arising == [done_on_the_day, dropped_after, in_progress]


# Overdue


@pytest.mark.parametrize(
    ("due_date", "overdue"),
    [(datetime.date(2013, 5, 31), True), (datetime.date(2013, 6, 1), False), (datetime.date(2013, 6, 2), False)],
    ids=["due yesterday", "due today", "due tomorrow"],
)
def test_an_action_is_overdue_only_once_its_due_date_has_passed(due_date, overdue):
    today = datetime.date(2013, 6, 1)
    action = ActionFactory(due_date=due_date)

    assert fetched(action, today=today).is_overdue is overdue
    assert (action in Action.objects.overdue(today)) is overdue


@pytest.mark.parametrize("status", [Status.OPEN, Status.IN_PROGRESS])
def test_an_outstanding_action_past_its_due_date_is_overdue(status):
    action = ActionFactory(due_date=datetime.date(2013, 5, 31), status=status)

    assert list(Action.objects.overdue(datetime.date(2013, 6, 1))) == [action]


@pytest.mark.parametrize("status", [Status.DONE, Status.DROPPED])
def test_a_closed_action_is_never_overdue(status):
    today = datetime.date(2013, 6, 1)
    action = ActionFactory(due_date=datetime.date(2013, 4, 1), status=status, closed_on=datetime.date(2013, 5, 1))

    assert not fetched(action, today=today).is_overdue
    assert not Action.objects.overdue(today).exists()


def test_an_action_with_no_due_date_is_never_overdue():
    action = ActionFactory()

    assert not fetched(action, today=datetime.date(2030, 1, 1)).is_overdue
    assert not Action.objects.overdue(datetime.date(2030, 1, 1)).exists()


def test_due_at_the_next_meeting_means_the_date_the_minutes_gave_until_that_meeting_is_recorded(group):
    meeting = MeetingFactory(group=group, date=MARCH_2013, next_meeting_date=datetime.date(2013, 7, 1))
    action = action_at(meeting, due_at_next_meeting=True)

    assert fetched(action).due_on == datetime.date(2013, 7, 1)
    assert not Action.objects.overdue(datetime.date(2013, 7, 1)).exists()
    assert list(Action.objects.overdue(datetime.date(2013, 7, 2))) == [action]


def test_due_at_the_next_meeting_means_the_next_meeting_on_record_once_there_is_one(group):
    meeting = MeetingFactory(group=group, date=MARCH_2013, next_meeting_date=datetime.date(2013, 7, 1))
    action = action_at(meeting, due_at_next_meeting=True)
    # The meeting was brought forward from the date the minutes gave.
    MeetingFactory(group=group, date=datetime.date(2013, 5, 20))
    MeetingFactory(group=group, date=JUNE_2013)

    assert fetched(action).due_on == datetime.date(2013, 5, 20)
    assert not Action.objects.overdue(datetime.date(2013, 5, 20)).exists()
    assert list(Action.objects.overdue(datetime.date(2013, 5, 21))) == [action]


def test_due_at_the_next_meeting_ignores_meetings_of_other_groups(group):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013), due_at_next_meeting=True)
    MeetingFactory(group=GroupFactory(short_name="Strategy Board"), date=datetime.date(2013, 4, 1))

    assert fetched(action).due_on is None
    assert not Action.objects.overdue(datetime.date(2030, 1, 1)).exists()


def test_a_closed_action_due_at_a_past_meeting_is_not_overdue(group):
    action = action_at(
        MeetingFactory(group=group, date=MARCH_2013),
        due_at_next_meeting=True,
        status=Status.DONE,
        closed_on=JUNE_2013,
    )
    MeetingFactory(group=group, date=JUNE_2013)

    assert not fetched(action, today=DECEMBER_2013).is_overdue
    assert not Action.objects.overdue(DECEMBER_2013).exists()


# Owned by a department, and its predecessors


@pytest.fixture
def scotland():
    government = DepartmentFactory(short_name="Scottish Government")
    executive = DepartmentFactory(short_name="Scottish Executive", successor=government)
    return government, executive


def owned(department, *, lead=True):
    action = ActionFactory()
    ActionOwnerFactory(action=action, department=department, is_lead=lead)
    return action


def test_an_action_of_a_renamed_department_is_owned_by_its_successor(scotland):
    government, executive = scotland
    of_the_executive = owned(executive)

    assert list(Action.objects.owned_by(government)) == [of_the_executive]


def test_an_action_of_the_successor_is_not_owned_by_the_old_department(scotland):
    government, executive = scotland
    of_the_government = owned(government)
    of_the_executive = owned(executive)

    assert list(Action.objects.owned_by(executive)) == [of_the_executive]
    assert of_the_government not in Action.objects.owned_by(executive)


def test_actions_pass_down_a_chain_of_renames():
    welsh_government = DepartmentFactory(short_name="Welsh Government")
    assembly = DepartmentFactory(short_name="Welsh Assembly Government", successor=welsh_government)
    office = DepartmentFactory(short_name="Welsh Office", successor=assembly)
    of_the_office = owned(office)

    assert list(Action.objects.owned_by(welsh_government)) == [of_the_office]
    assert list(Action.objects.owned_by(assembly)) == [of_the_office]


def test_a_co_owner_owns_the_action_too():
    moj, ago = DepartmentFactory(short_name="MOJ"), DepartmentFactory(short_name="AGO")
    action = ActionFactory()
    action.set_owners([moj, ago], lead=moj)

    assert list(Action.objects.owned_by(ago)) == [action]


def test_an_action_owned_by_a_department_and_its_predecessor_is_listed_once(scotland):
    government, executive = scotland
    action = ActionFactory()
    action.set_owners([executive, government], lead=government)

    assert list(Action.objects.owned_by(government)) == [action]


def test_other_departments_actions_are_not_owned(scotland):
    government, _ = scotland
    owned(DepartmentFactory(short_name="Home Office"))

    assert not Action.objects.owned_by(government).exists()


# Urgency, and the counts on a department's page


def test_by_urgency_puts_overdue_first_then_due_soonest_then_next_meeting_not_yet_set_then_undated(group):
    today = datetime.date(2013, 6, 1)
    earlier = MeetingFactory(group=group, date=datetime.date(2013, 1, 14))
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    undated = action_at(meeting)
    next_meeting_unset = action_at(meeting, due_at_next_meeting=True)
    due_later = action_at(meeting, due_date=datetime.date(2013, 7, 1))
    due_soon = action_at(meeting, due_date=datetime.date(2013, 6, 5))
    overdue = action_at(meeting, due_date=datetime.date(2013, 5, 1))
    # Due at the next meeting after 14 January, which is on record: 11 March, now past.
    overdue_at_a_meeting = action_at(earlier, due_at_next_meeting=True)

    actions = list(Action.objects.with_due(today).by_urgency())

    assert actions == [overdue_at_a_meeting, overdue, due_soon, due_later, next_meeting_unset, undated]
    assert [action.is_overdue for action in actions] == [True, True, False, False, False, False]


def test_by_urgency_keeps_actions_due_on_the_same_day_in_reference_order(group):
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    first = action_at(meeting, due_date=JUNE_2013)
    second = action_at(meeting, due_date=JUNE_2013)

    assert list(Action.objects.with_due().by_urgency()) == [first, second]


def summary_of(today):
    return ActionSummary.of(Action.objects.all(), today)


def test_the_summary_counts_outstanding_overdue_and_due_by_the_next_meeting(group):
    today = datetime.date(2013, 6, 1)
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    MeetingFactory(group=group, date=datetime.date(2013, 6, 20))
    action_at(meeting, due_date=datetime.date(2013, 5, 31))  # overdue
    action_at(meeting, due_date=datetime.date(2013, 6, 1))  # due today: by the next meeting
    action_at(meeting, due_date=datetime.date(2013, 6, 20))  # due on the day of the next meeting
    action_at(meeting, due_date=datetime.date(2013, 6, 21))  # due after it
    action_at(meeting, due_at_next_meeting=True)
    action_at(meeting)
    action_at(meeting, due_date=datetime.date(2013, 5, 1), status=Status.DONE, closed_on=MARCH_2013)

    assert summary_of(today) == ActionSummary(outstanding=6, overdue=1, due_by_next_meeting=3)


def test_an_overdue_action_due_at_a_past_meeting_counts_as_overdue_only(group):
    today = datetime.date(2013, 6, 1)
    action_at(MeetingFactory(group=group, date=datetime.date(2012, 4, 17)), due_at_next_meeting=True)
    MeetingFactory(group=group, date=MARCH_2013)
    MeetingFactory(group=group, date=datetime.date(2013, 6, 20))

    assert summary_of(today) == ActionSummary(outstanding=1, overdue=1, due_by_next_meeting=0)


def test_with_no_next_meeting_on_record_only_actions_due_at_it_count_as_due_by_it(group):
    today = datetime.date(2013, 6, 1)
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    action_at(meeting, due_date=datetime.date(2013, 6, 5))
    action_at(meeting, due_at_next_meeting=True)

    assert summary_of(today) == ActionSummary(outstanding=2, overdue=0, due_by_next_meeting=1)


def test_the_summary_of_no_actions_is_all_zero(db):
    assert ActionSummary.of(Action.objects.all(), datetime.date(2013, 6, 1)) == ActionSummary(0, 0, 0)


def test_the_summary_is_counted_in_one_query(group, django_assert_num_queries):
    meeting = MeetingFactory(group=group, date=MARCH_2013)
    for _ in range(5):
        action_at(meeting, due_at_next_meeting=True)

    with django_assert_num_queries(1):
        summary = summary_of(datetime.date(2013, 6, 1))

    assert summary.outstanding == 5


# Updates typed up late


def test_an_update_typed_up_late_from_an_earlier_meeting_does_not_undo_a_later_one(group, author):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013))
    june = MeetingFactory(group=group, date=JUNE_2013)
    september = MeetingFactory(group=group, date=SEPTEMBER_2013)
    action.record_update(author=author, text="Report published.", status=Status.DONE, meeting=september)

    late = fetched(action).record_update(
        author=author, text="Drafting has started.", status=Status.IN_PROGRESS, meeting=june
    )

    action.refresh_from_db()
    assert action.status == Status.DONE
    assert action.closed_on == SEPTEMBER_2013
    assert (late.old_status, late.new_status) == (Status.OPEN, Status.IN_PROGRESS)
    assert fetched(action).status_on(JUNE_2013) == Status.IN_PROGRESS


def test_an_update_typed_up_late_leaves_the_later_meetings_status_and_latest_update_as_they_were(group, author):
    action = action_at(MeetingFactory(group=group, date=MARCH_2013))
    june = MeetingFactory(group=group, date=JUNE_2013)
    september = MeetingFactory(group=group, date=SEPTEMBER_2013)
    action.record_update(author=author, text="Report published.", status=Status.DONE, meeting=september)

    fetched(action).record_update(author=author, text="Drafting has started.", status=Status.IN_PROGRESS, meeting=june)

    action = fetched(action)
    assert action.status_on(SEPTEMBER_2013) == Status.DONE
    assert action.latest_update.text == "Report published."
    assert [update.text for update in action.timeline] == ["Report published.", "Drafting has started."]


# Due by the next meeting


def test_due_by_the_next_meeting_uses_the_date_the_minutes_gave_until_that_meeting_is_recorded(group):
    today = timezone.localdate()
    MeetingFactory(
        group=group, date=today - datetime.timedelta(days=30), next_meeting_date=today + datetime.timedelta(days=20)
    )
    earlier = MeetingFactory(group=group, date=today - datetime.timedelta(days=60))
    action = action_at(earlier, due_date=today + datetime.timedelta(days=10))

    listed = Action.objects.with_due().with_next_meeting(today).get(pk=action.pk)

    assert listed.group_next_meeting == today + datetime.timedelta(days=20)
    assert listed.is_due_by_next_meeting
