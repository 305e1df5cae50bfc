import datetime

import icalendar
import pytest
from django.urls import reverse

from meetings.models import MinutesStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def next_meeting(client, meeting):
    response = client.get(reverse("meetings:next-meeting-calendar", args=[meeting.pk]))
    assert response.status_code == 200
    (event,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return response, event


@pytest.fixture
def meeting(db):
    """The IDMG of 17 April 2012, whose minutes name the next meeting: 13 September 2012, 10.30 am to 12 pm."""
    return MeetingFactory(
        group__slug="idmg",
        date=datetime.date(2012, 4, 17),
        status=MinutesStatus.CIRCULATED,
        next_meeting_date=datetime.date(2012, 9, 13),
        next_meeting_start_time=datetime.time(10, 30),
        next_meeting_end_time=datetime.time(12, 0),
        next_meeting_place="the Home Office",
    )


def test_the_next_meeting_named_in_the_minutes_is_in_summer_time(department_client, meeting):
    response, event = next_meeting(department_client, meeting)

    assert event.decoded("dtstart").isoformat() == "2012-09-13T10:30:00+01:00"
    assert event.decoded("dtend").isoformat() == "2012-09-13T12:00:00+01:00"
    assert str(event["location"]) == "the Home Office"
    assert "as announced in the minutes of 17 April 2012" in str(event["description"])
    assert response["Content-Disposition"] == 'attachment; filename="IDMG-2012-09-13-meeting.ics"'


def test_a_next_meeting_without_a_time_is_all_day(department_client, meeting):
    meeting.next_meeting_start_time = meeting.next_meeting_end_time = None
    meeting.save()

    _, event = next_meeting(department_client, meeting)

    assert event.decoded("dtstart") == datetime.date(2012, 9, 13)
    assert event.decoded("dtend") == datetime.date(2012, 9, 14)


def test_once_recorded_the_next_meeting_is_the_same_entry_as_the_meetings_own(department_client, meeting):
    recorded = MeetingFactory(
        group=meeting.group, date=datetime.date(2012, 9, 13), start_time=datetime.time(11, 0), place="Marsham Street"
    )

    _, event = next_meeting(department_client, meeting)

    assert str(event["uid"]) == f"meeting-{recorded.pk}@127.0.0.1"
    assert event.decoded("dtstart").isoformat() == "2012-09-13T11:00:00+01:00"
    assert str(event["location"]) == "Marsham Street"


def test_minutes_that_name_no_next_meeting_have_no_next_meeting_file(department_client, meeting):
    meeting.next_meeting_date = None
    meeting.save()

    assert department_client.get(reverse("meetings:next-meeting-calendar", args=[meeting.pk])).status_code == 404


def test_the_next_meeting_of_draft_minutes_is_refused_to_a_department_user(department_client, meeting):
    meeting.status = MinutesStatus.DRAFT
    meeting.save()

    assert department_client.get(reverse("meetings:next-meeting-calendar", args=[meeting.pk])).status_code == 403
