"""The next meeting the minutes name is a meeting of its own, made once and kept in step."""

import datetime

import pytest

from meetings.models import Meeting, MinutesStatus
from tests.factories import AttendeeFactory, GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

APRIL_2012 = datetime.date(2012, 4, 17)
SEPTEMBER_2012 = datetime.date(2012, 9, 13)


@pytest.fixture
def meeting():
    return MeetingFactory(
        group=GroupFactory(slug="idmg"),
        date=APRIL_2012,
        next_meeting_date=SEPTEMBER_2012,
        next_meeting_start_time=datetime.time(10, 30),
        next_meeting_end_time=datetime.time(12),
        next_meeting_place="Home Office",
    )


def test_it_makes_the_next_meeting_with_the_date_time_and_place_the_minutes_give(meeting):
    next_meeting, created = meeting.schedule_next_meeting()

    assert created
    assert (next_meeting.group, next_meeting.date, next_meeting.place) == (meeting.group, SEPTEMBER_2012, "Home Office")
    assert (next_meeting.start_time, next_meeting.end_time) == (datetime.time(10, 30), datetime.time(12))
    assert Meeting.objects.get(pk=meeting.pk).next_meeting == next_meeting


def test_it_makes_it_once_however_often_the_minutes_are_saved(meeting):
    first, _ = meeting.schedule_next_meeting()
    again, created = Meeting.objects.get(pk=meeting.pk).schedule_next_meeting()
    meeting.schedule_next_meeting()

    assert again == first
    assert not created
    assert Meeting.objects.filter(date=SEPTEMBER_2012).count() == 1
    assert Meeting.objects.get(pk=first.pk).version == first.version


def test_it_links_to_the_groups_meeting_already_on_that_date(meeting):
    held = MeetingFactory(group=meeting.group, date=SEPTEMBER_2012)

    next_meeting, created = meeting.schedule_next_meeting()

    assert next_meeting == held
    assert not created
    assert Meeting.objects.count() == 2


def test_another_groups_meeting_on_that_date_is_not_it(meeting):
    other = MeetingFactory(group=GroupFactory(slug="board"), date=SEPTEMBER_2012)

    next_meeting, created = meeting.schedule_next_meeting()

    assert created
    assert next_meeting != other


def test_a_change_in_the_minutes_changes_the_next_meeting(meeting):
    next_meeting, _ = meeting.schedule_next_meeting()
    meeting.next_meeting_date = datetime.date(2012, 9, 20)
    meeting.next_meeting_place = "Ministry of Justice"
    meeting.save()

    meeting.schedule_next_meeting()

    next_meeting.refresh_from_db()
    assert (next_meeting.date, next_meeting.place) == (datetime.date(2012, 9, 20), "Ministry of Justice")


def test_a_change_to_the_next_meeting_changes_the_minutes_that_name_it(meeting):
    next_meeting, _ = meeting.schedule_next_meeting()
    next_meeting.date = datetime.date(2012, 9, 27)
    next_meeting.start_time = datetime.time(14)
    next_meeting.end_time = None
    next_meeting.save()

    next_meeting.keep_previous_in_step()

    meeting.refresh_from_db()
    assert (meeting.next_meeting_date, meeting.next_meeting_start_time) == (
        datetime.date(2012, 9, 27),
        datetime.time(14),
    )
    assert meeting.next_meeting_end_time is None


def test_once_the_next_meeting_has_minutes_of_its_own_neither_changes_the_other(meeting):
    next_meeting, _ = meeting.schedule_next_meeting()
    AttendeeFactory(meeting=next_meeting)
    meeting.next_meeting_place = "Elsewhere"
    meeting.save()
    meeting.schedule_next_meeting()
    next_meeting.refresh_from_db()
    next_meeting.place = "Somewhere else"
    next_meeting.save()
    next_meeting.keep_previous_in_step()

    meeting.refresh_from_db()
    assert Meeting.objects.get(pk=next_meeting.pk).place == "Somewhere else"
    assert meeting.next_meeting_place == "Elsewhere"


def test_approved_minutes_are_not_changed_by_their_next_meeting(meeting):
    next_meeting, _ = meeting.schedule_next_meeting()
    Meeting.objects.filter(pk=meeting.pk).update(status=MinutesStatus.APPROVED, approved_at=next_meeting)
    next_meeting.place = "Moved"
    next_meeting.save()

    next_meeting.keep_previous_in_step()

    assert Meeting.objects.get(pk=meeting.pk).next_meeting_place == "Home Office"


def test_no_next_meeting_date_makes_nothing(meeting):
    meeting.next_meeting_date = None
    meeting.next_meeting_start_time = meeting.next_meeting_end_time = None

    assert meeting.schedule_next_meeting() == (None, False)
    assert Meeting.objects.count() == 1
