"""Minutes move draft → circulated → approved (at a later meeting) → published, and then are locked."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.utils import timezone

from meetings.models import Meeting, MinutesStatus
from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MARCH_2013 = datetime.date(2013, 3, 11)
JUNE_2013 = datetime.date(2013, 6, 10)


@pytest.fixture
def group():
    return GroupFactory(slug="idmg")


@pytest.fixture
def meeting(group):
    return MeetingFactory(group=group, date=MARCH_2013)


@pytest.fixture
def next_meeting(group):
    return MeetingFactory(group=group, date=JUNE_2013)


def saved(meeting):
    return Meeting.objects.get(pk=meeting.pk)


def test_new_minutes_are_a_draft(meeting):
    assert meeting.status == MinutesStatus.DRAFT
    assert meeting.approved_at is None


def test_circulating_draft_minutes_saves_them_as_circulated(meeting):
    meeting.circulate()

    assert saved(meeting).status == MinutesStatus.CIRCULATED


@pytest.mark.parametrize("status", [MinutesStatus.CIRCULATED, MinutesStatus.APPROVED, MinutesStatus.PUBLISHED])
def test_only_draft_minutes_can_be_circulated(group, status):
    meeting = MeetingFactory(group=group, status=status)

    with pytest.raises(ValidationError, match="Only draft minutes can become circulated."):
        meeting.circulate()

    assert saved(meeting).status == status


def test_approving_circulated_minutes_records_the_meeting_that_approved_them(meeting, next_meeting):
    meeting.circulate()

    meeting.approve(next_meeting)

    assert saved(meeting).status == MinutesStatus.APPROVED
    assert saved(meeting).approved_at == next_meeting


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.APPROVED, MinutesStatus.PUBLISHED])
def test_only_circulated_minutes_can_be_approved(group, next_meeting, status):
    meeting = MeetingFactory(group=group, date=MARCH_2013, status=status)

    with pytest.raises(ValidationError, match="Only circulated minutes can become approved."):
        meeting.approve(next_meeting)

    assert saved(meeting).status == status
    assert saved(meeting).approved_at is None


def test_a_refused_approval_leaves_the_minutes_as_they_were(meeting, next_meeting):
    with pytest.raises(ValidationError):
        meeting.approve(next_meeting)

    assert meeting.approved_at is None
    meeting.circulate()


def test_minutes_cannot_be_approved_at_an_earlier_meeting(group, meeting):
    meeting.circulate()
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17))

    with pytest.raises(ValidationError, match="Minutes are approved at a later meeting of the same group."):
        meeting.approve(earlier)

    assert saved(meeting).status == MinutesStatus.CIRCULATED


def test_minutes_cannot_be_approved_at_a_meeting_on_the_same_day(group, meeting):
    meeting.circulate()

    with pytest.raises(ValidationError, match="later meeting"):
        meeting.approve(MeetingFactory(group=group, date=MARCH_2013))


def test_minutes_cannot_be_approved_at_their_own_meeting(meeting):
    meeting.circulate()

    with pytest.raises(ValidationError, match="later meeting"):
        meeting.approve(meeting)


def test_minutes_cannot_be_approved_at_another_groups_meeting(meeting):
    meeting.circulate()
    board_meeting = MeetingFactory(group=GroupFactory(slug="strategy-board"), date=JUNE_2013)

    with pytest.raises(ValidationError, match="same group"):
        meeting.approve(board_meeting)

    assert saved(meeting).status == MinutesStatus.CIRCULATED
    assert saved(meeting).approved_at is None


def test_publishing_approved_minutes_keeps_where_they_were_approved(meeting, next_meeting):
    meeting.circulate()
    meeting.approve(next_meeting)

    meeting.publish()

    assert saved(meeting).status == MinutesStatus.PUBLISHED
    assert saved(meeting).approved_at == next_meeting


def test_publishing_records_when_the_minutes_were_published(meeting, next_meeting):
    meeting.circulate()
    meeting.approve(next_meeting)
    before = timezone.now()

    meeting.publish()

    assert before <= saved(meeting).published_at <= timezone.now()


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.PUBLISHED])
def test_only_approved_minutes_can_be_published(group, status):
    meeting = MeetingFactory(group=group, status=status)
    published_at = meeting.published_at

    with pytest.raises(ValidationError, match="Only approved minutes can become published."):
        meeting.publish()

    assert saved(meeting).status == status
    assert saved(meeting).published_at == published_at


@pytest.mark.parametrize(
    ("status", "locked"),
    [
        (MinutesStatus.DRAFT, False),
        (MinutesStatus.CIRCULATED, False),
        (MinutesStatus.APPROVED, True),
        (MinutesStatus.PUBLISHED, True),
    ],
)
def test_approved_and_published_minutes_are_locked(group, status, locked):
    assert MeetingFactory(group=group, status=status).is_locked is locked


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED])
def test_the_database_refuses_an_approval_on_unapproved_minutes(group, next_meeting, status):
    with pytest.raises(IntegrityError, match="only_approved_minutes_record_their_approval"):
        MeetingFactory(group=group, date=MARCH_2013, status=status, approved_at=next_meeting)


def test_the_database_refuses_to_take_minutes_back_to_circulated_keeping_their_approval(meeting, next_meeting):
    meeting.circulate()
    meeting.approve(next_meeting)

    with pytest.raises(IntegrityError, match="only_approved_minutes_record_their_approval"):
        Meeting.objects.filter(pk=meeting.pk).update(status=MinutesStatus.CIRCULATED)


@pytest.mark.parametrize("status", [MinutesStatus.APPROVED, MinutesStatus.PUBLISHED])
def test_the_database_accepts_an_approval_on_approved_and_published_minutes(group, next_meeting, status):
    meeting = MeetingFactory(group=group, date=MARCH_2013, status=status, approved_at=next_meeting)

    assert saved(meeting).approved_at == next_meeting


def test_the_meeting_that_approved_minutes_cannot_be_deleted(meeting, next_meeting):
    meeting.circulate()
    meeting.approve(next_meeting)

    with pytest.raises(ProtectedError):
        next_meeting.delete()


def test_the_approval_candidates_are_the_groups_later_meetings_soonest_first(group, meeting, next_meeting):
    september = MeetingFactory(group=group, date=datetime.date(2013, 9, 13))
    MeetingFactory(group=group, date=datetime.date(2012, 4, 17))
    MeetingFactory(group=group, date=MARCH_2013)
    MeetingFactory(group=GroupFactory(slug="strategy-board"), date=JUNE_2013)

    assert list(meeting.approval_candidates()) == [next_meeting, september]


def test_the_approval_candidates_leave_out_meetings_still_to_come(group, meeting, next_meeting):
    today = datetime.date(2013, 7, 1)
    MeetingFactory(group=group, date=datetime.date(2013, 9, 13))
    held_today = MeetingFactory(group=group, date=today)

    assert list(meeting.approval_candidates(today=today)) == [next_meeting, held_today]


def test_minutes_cannot_be_approved_at_a_meeting_that_has_not_taken_place(group, meeting):
    meeting.circulate()
    to_come = MeetingFactory(group=group, date=timezone.localdate() + datetime.timedelta(days=1))

    with pytest.raises(ValidationError, match="has not taken place yet"):
        meeting.approve(to_come)

    assert saved(meeting).status == MinutesStatus.CIRCULATED
    assert saved(meeting).approved_at is None


def test_minutes_can_be_approved_at_a_meeting_held_today(group, meeting):
    meeting.circulate()
    today = MeetingFactory(group=group, date=timezone.localdate())

    meeting.approve(today)

    assert saved(meeting).approved_at == today
