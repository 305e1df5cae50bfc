import datetime

import pytest
from django.core.exceptions import ValidationError
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


def errors_of(meeting):
    with pytest.raises(ValidationError) as raised:
        meeting.full_clean()
    return raised.value.message_dict


def test_its_rules_are_said_at_the_field_to_correct_not_as_the_constraints_they_also_are():
    meeting = MeetingFactory.build(
        group=GroupFactory(),
        date=datetime.date(2013, 3, 11),
        start_time=datetime.time(10, 30),
        end_time=datetime.time(10),
        next_meeting_date=datetime.date(2013, 3, 11),
        next_meeting_start_time=datetime.time(12),
        next_meeting_end_time=datetime.time(11),
    )

    assert errors_of(meeting) == {
        "end_time": ["End time must be after the start time"],
        "next_meeting_end_time": ["End time must be after the start time"],
        "next_meeting_date": ["The next meeting must be after this one"],
    }


def test_a_next_meeting_time_needs_the_next_meetings_date():
    meeting = MeetingFactory.build(group=GroupFactory(), next_meeting_start_time=datetime.time(14))

    assert errors_of(meeting) == {"next_meeting_date": ["Enter the date of the next meeting, or remove its time"]}


def test_a_group_meets_once_on_a_date():
    earlier = MeetingFactory(date=datetime.date(2013, 3, 11))

    meeting = MeetingFactory.build(group=earlier.group, date=datetime.date(2013, 3, 11))

    assert errors_of(meeting) == {"date": [f"{earlier.group.short_name} already has a meeting on 11 March 2013"]}


def test_a_meeting_saved_again_does_not_clash_with_itself():
    meeting = MeetingFactory(date=datetime.date(2013, 3, 11))

    meeting.full_clean()


def test_a_constraint_broken_by_a_save_that_skips_its_rules_is_said_in_words():
    meeting = MeetingFactory.build(group=GroupFactory(), start_time=datetime.time(10, 30), end_time=datetime.time(10))

    with pytest.raises(ValidationError) as raised:
        meeting.validate_constraints()

    assert raised.value.messages == ["The meeting's end time must be after its start time."]
