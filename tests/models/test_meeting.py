import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from meetings.models import Meeting
from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2013, 3, 11)
DAY = datetime.timedelta(days=1)


def test_it_reads_as_the_group_and_date():
    meeting = MeetingFactory(group=GroupFactory(short_name="IDMG"), date=datetime.date(2013, 3, 11))

    assert str(meeting) == "IDMG 11 March 2013"


def test_its_date_has_no_leading_zero():
    meeting = MeetingFactory(group=GroupFactory(short_name="IDMG"), date=datetime.date(2012, 4, 7))

    assert str(meeting) == "IDMG 7 April 2012"


def test_its_page_is_the_minutes():
    meeting = MeetingFactory()

    assert meeting.get_absolute_url() == f"/meetings/{meeting.pk}/"
    assert meeting.get_record_url() == f"/meetings/{meeting.pk}/record/"


def test_a_meeting_may_end_after_it_starts():
    meeting = MeetingFactory(start_time=datetime.time(10, 30), end_time=datetime.time(12))

    assert meeting.pk is not None


def test_a_meeting_may_have_a_start_time_and_no_end_time():
    meeting = MeetingFactory(start_time=datetime.time(10, 30), end_time=None)

    assert meeting.pk is not None


@pytest.mark.parametrize("end_time", [datetime.time(10), datetime.time(10, 30)])
def test_a_meeting_cannot_end_before_or_when_it_starts(end_time):
    with pytest.raises(IntegrityError, match="meeting_ends_after_it_starts"), transaction.atomic():
        MeetingFactory(start_time=datetime.time(10, 30), end_time=end_time)


def test_the_next_meeting_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError, match="next_meeting_ends_after_it_starts"), transaction.atomic():
        MeetingFactory(
            next_meeting_date=datetime.date(2012, 9, 13),
            next_meeting_start_time=datetime.time(12),
            next_meeting_end_time=datetime.time(10, 30),
        )


@pytest.mark.parametrize("next_meeting_date", [datetime.date(2013, 3, 11), datetime.date(2013, 3, 10)])
def test_the_next_meeting_must_come_after_this_one(next_meeting_date):
    with pytest.raises(IntegrityError, match="next_meeting_is_after_this_one"), transaction.atomic():
        MeetingFactory(date=datetime.date(2013, 3, 11), next_meeting_date=next_meeting_date)


def test_the_next_meeting_may_be_on_a_later_date():
    meeting = MeetingFactory(date=datetime.date(2012, 4, 17), next_meeting_date=datetime.date(2012, 9, 13))

    assert meeting.pk is not None


def test_upcoming_includes_todays_meeting_and_later_ones_soonest_first():
    MeetingFactory(date=TODAY - DAY)
    later = MeetingFactory(date=TODAY + DAY)
    this_afternoon = MeetingFactory(date=TODAY, start_time=datetime.time(14))
    this_morning = MeetingFactory(date=TODAY, start_time=datetime.time(10))

    assert list(Meeting.objects.upcoming(today=TODAY)) == [this_morning, this_afternoon, later]


def test_past_holds_meetings_before_today_newest_first():
    MeetingFactory(date=TODAY)
    last_week = MeetingFactory(date=TODAY - 7 * DAY)
    yesterday_morning = MeetingFactory(date=TODAY - DAY, start_time=datetime.time(10))
    yesterday_afternoon = MeetingFactory(date=TODAY - DAY, start_time=datetime.time(14))

    assert list(Meeting.objects.past(today=TODAY)) == [yesterday_afternoon, yesterday_morning, last_week]


def test_upcoming_and_past_default_to_the_real_today():
    today = timezone.localdate()
    past = MeetingFactory(date=today - DAY)
    upcoming = MeetingFactory(date=today)

    assert list(Meeting.objects.upcoming()) == [upcoming]
    assert list(Meeting.objects.past()) == [past]


def test_meetings_are_listed_newest_first():
    older = MeetingFactory(date=datetime.date(2012, 4, 17))
    newer = MeetingFactory(date=datetime.date(2013, 3, 11))

    assert list(Meeting.objects.all()) == [newer, older]


def test_a_group_with_meetings_cannot_be_deleted():
    meeting = MeetingFactory()

    with pytest.raises(ProtectedError), transaction.atomic():
        meeting.group.delete()
