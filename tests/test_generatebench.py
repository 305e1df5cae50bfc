"""The benchmark's data set, generated small: what it holds and how its records hang together."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from actions.models import OUTSTANDING, Action, ActionOwner, Update
from meetings.models import Apology, Attendee, Department, Group, Meeting, MinutesStatus, Paragraph
from minutes.benchdata import Generator

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def generated():
    output = StringIO()
    call_command("generatebench", "--actions", "400", "--groups", "2", "--large-minutes", stdout=output)
    return output.getvalue()


def test_it_makes_the_actions_asked_for_and_the_large_minutes(generated):
    assert Group.objects.count() == 3
    assert Action.objects.exclude(meeting__group__slug="large-minutes").count() == 400
    large = Meeting.objects.get(group__slug="large-minutes", date__gt=TODAY - datetime.timedelta(days=60))
    assert large.actions.count() == 120
    assert len(Action.objects.reviewed_at(large)) == 450
    assert "action: 970" in generated


def test_each_group_has_ten_years_of_meetings_ending_with_a_draft_and_one_to_come(generated):
    for group in Group.objects.exclude(slug="large-minutes"):
        meetings = list(group.meetings.order_by("date"))
        assert meetings[0].date < TODAY - datetime.timedelta(days=9 * 365)
        assert meetings[-1].date > TODAY
        assert [meeting.status for meeting in meetings[-3:]] == [
            MinutesStatus.CIRCULATED,
            MinutesStatus.DRAFT,
            MinutesStatus.DRAFT,
        ]
        assert {meeting.status for meeting in meetings[:-3]} == {MinutesStatus.PUBLISHED}
        assert all(meeting.approved_at.date > meeting.date for meeting in meetings[:-3])


def test_every_meeting_held_has_minutes(generated):
    held = Meeting.objects.filter(date__lt=TODAY)
    assert not held.filter(attendees=None).exists()
    assert not held.filter(apologies=None).exists()
    assert not held.filter(agenda_items=None).exists()
    assert Paragraph.objects.count() > 4 * held.count()
    chaired = held.filter(attendees__role="chair").annotate(chairs=Count("attendees")).values_list("chairs", flat=True)
    assert set(chaired) == {1}


def test_every_action_has_one_lead_and_updates_given_after_it_was_raised(generated):
    leads = Action.objects.annotate(leads=Count("ownerships", filter=Q(ownerships__is_lead=True)))
    assert set(leads.values_list("leads", flat=True)) == {1}
    assert ActionOwner.objects.count() > Action.objects.count()
    assert Update.objects.count() > Action.objects.count() / 2
    assert not Update.objects.filter(reported_at__date__lte=F("action__meeting__date")).exists()
    assert not Update.objects.exclude(reported_at=None).exclude(reported_at__group=F("action__meeting__group")).exists()


def test_every_action_is_due_when_its_due_date_or_next_meeting_says(generated):
    at_next_meeting = Action.objects.filter(due_at_next_meeting=True).select_related("meeting")
    for action in at_next_meeting[:100]:
        following = action.meeting.group.meetings.filter(date__gt=action.meeting.date).order_by("date").first()
        assert action.due_on == (following.date if following else action.meeting.next_meeting_date)
    assert (
        not Action.objects.filter(due_at_next_meeting=False).exclude(due_on=F("due_date")).exclude(due_on=None).exists()
    )
    assert not Action.objects.filter(due_date__isnull=False, due_on=None).exists()
    assert Action.objects.filter(due_at_next_meeting=True, due_on__isnull=False).exists()


def test_the_statuses_follow_the_updates(generated):
    closed = Action.objects.exclude(status__in=OUTSTANDING)
    assert closed.exists()
    for action in Action.objects.for_listing()[:200]:
        latest = action.latest_update
        assert action.status == (latest.new_status if latest else "open")
        assert action.version == 1 + action.updates.count()


def test_each_groups_matters_arising_hold_open_actions(generated):
    for group in Group.objects.exclude(slug="large-minutes"):
        draft = group.meetings.filter(date__lt=TODAY).order_by("-date").first()
        arising = Action.objects.matters_arising(draft)
        assert arising.count() > 20
        assert arising.filter(status__in=OUTSTANDING).exists()


def test_renamed_departments_name_their_successor_and_old_minutes_keep_the_old_name(generated):
    scottish = Department.objects.get(short_name="Scottish Executive")
    assert scottish.successor.short_name == "Scottish Government"
    assert Department.objects.get(short_name="DFID").successor == Department.objects.get(short_name="FCO").successor
    newest = Attendee.objects.filter(department__successor__isnull=False).order_by("-meeting__date").first()
    renamed = Department.history.filter(id=newest.department_id, history_type="~").get()
    assert newest.meeting.date < renamed.history_date.date()
    assert Apology.objects.exists()


def test_it_leaves_the_history_the_app_would_have_written(generated):
    action = Action.objects.annotate(updates_given=Count("updates")).filter(updates_given__gte=2).first()
    history = list(action.history.order_by("history_date", "history_id"))
    assert [record.history_type for record in history] == ["+"] + ["~"] * action.updates_given
    assert [record.version for record in history] == list(range(1, action.updates_given + 2))
    assert history[0].status == "open"
    assert history[-1].status == action.status
    assert Meeting.history.filter(history_type="~", status=MinutesStatus.PUBLISHED).exists()
    assert Paragraph.history.count() == Paragraph.objects.count()
    assert ActionOwner.history.count() == ActionOwner.objects.count()


def test_the_same_seed_makes_the_same_data():
    def made():
        Generator(actions=60, groups=1, years=2, seed=7).run()
        return list(Action.objects.order_by("pk").values_list("text", "status", "due_date", "closed_on", "version"))

    with transaction.atomic():
        first = made()
        transaction.set_rollback(True)

    assert made() == first


def test_it_refuses_a_database_that_holds_meetings(generated):
    with pytest.raises(CommandError, match="empty"):
        call_command("generatebench", "--actions", "10", stdout=StringIO())
