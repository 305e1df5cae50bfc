import datetime

import icalendar
import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from meetings.models import MinutesStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def read(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    ics = icalendar.Calendar.from_ical(response.content)
    return ics, ics.walk("VEVENT")


def meeting_ics(client, meeting):
    return client.get(reverse("meetings:meeting-calendar", args=[meeting.pk]))


@pytest.fixture
def meeting(db):
    return MeetingFactory(
        group__slug="idmg",
        date=datetime.date(2013, 3, 11),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(15, 30),
        place="Home Office, 2 Marsham Street",
        status=MinutesStatus.CIRCULATED,
    )


def test_a_winter_meeting_is_at_london_time_with_no_offset(department_client, meeting):
    ics, (event,) = read(meeting_ics(department_client, meeting))

    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.isoformat(), end.isoformat()) == ("2013-03-11T14:00:00+00:00", "2013-03-11T15:30:00+00:00")
    assert event["dtstart"].params["TZID"] == "Europe/London"
    assert ics.walk("VTIMEZONE")[0]["tzid"] == "Europe/London"


def test_a_summer_meeting_is_at_london_time_an_hour_ahead_of_utc(department_client, meeting):
    meeting.date = datetime.date(2012, 9, 13)
    meeting.save()

    _, (event,) = read(meeting_ics(department_client, meeting))

    assert event.decoded("dtstart").isoformat() == "2012-09-13T14:00:00+01:00"
    assert event.decoded("dtstart").astimezone(datetime.UTC).hour == 13
    assert event.decoded("dtend").isoformat() == "2012-09-13T15:30:00+01:00"


def test_the_timezone_in_the_file_gives_the_summer_offset(department_client, meeting):
    meeting.date = datetime.date(2012, 9, 13)
    meeting.save()

    ics, _ = read(meeting_ics(department_client, meeting))

    (zone,) = ics.walk("VTIMEZONE")
    hour = datetime.timedelta(hours=1)
    assert {rule.decoded("tzoffsetto") for rule in zone.walk("DAYLIGHT")} == {hour}
    assert datetime.timedelta(0) in {rule.decoded("tzoffsetto") for rule in zone.walk("STANDARD")}


def test_a_meeting_without_a_time_is_an_all_day_event(department_client, meeting):
    meeting.start_time = meeting.end_time = None
    meeting.save()

    ics, (event,) = read(meeting_ics(department_client, meeting))

    assert event.decoded("dtstart") == datetime.date(2013, 3, 11)
    assert event.decoded("dtend") == datetime.date(2013, 3, 12)
    assert not ics.walk("VTIMEZONE")


def test_the_entry_names_the_group_the_place_and_links_back(department_client, meeting, settings):
    settings.SITE_URL = "https://idmg.example.gov.uk"

    _, (event,) = read(meeting_ics(department_client, meeting))

    assert str(event["summary"]) == "IDMG meeting"
    assert str(event["location"]) == "Home Office, 2 Marsham Street"
    assert str(event["url"]) == f"https://idmg.example.gov.uk/meetings/{meeting.pk}/"
    assert "Inter-Departmental Ministerial Group on Human Trafficking" in str(event["description"])


def test_the_entry_keeps_its_uid_when_the_meeting_moves_and_says_it_changed(department_client, meeting, settings):
    settings.SITE_URL = "https://idmg.example.gov.uk"
    _, (before,) = read(meeting_ics(department_client, meeting))
    meeting.start_time = datetime.time(10, 30)
    meeting.save()

    _, (after,) = read(meeting_ics(department_client, meeting))

    assert str(before["uid"]) == str(after["uid"]) == f"meeting-{meeting.pk}@idmg.example.gov.uk"
    assert after["sequence"] > before["sequence"]


def test_the_file_is_named_for_the_group_and_date(department_client, meeting):
    response = meeting_ics(department_client, meeting)

    assert response["Content-Disposition"] == 'attachment; filename="IDMG-2013-03-11-meeting.ics"'


def test_a_group_name_that_would_break_the_header_makes_a_plain_file_name(department_client, meeting):
    meeting.group.short_name = 'IDMG "HT"\r\nX-Bad: 1 – Nigeria'
    meeting.group.save()

    response = meeting_ics(department_client, meeting)

    assert response["Content-Disposition"] == 'attachment; filename="IDMG-HT-X-Bad-1-Nigeria-2013-03-11-meeting.ics"'


def test_draft_minutes_meeting_is_refused_to_a_department_user(department_client, meeting):
    meeting.status = MinutesStatus.DRAFT
    meeting.save()

    assert meeting_ics(department_client, meeting).status_code == 403


def test_the_minutes_page_offers_the_meeting_and_the_next_one(department_client, meeting):
    meeting.next_meeting_date = datetime.date(2013, 6, 10)
    meeting.save()

    response = department_client.get(meeting.get_absolute_url())

    assertContains(response, f'href="/meetings/{meeting.pk}/calendar.ics" download>Add this meeting to your calendar')
    assertContains(response, "Add the next meeting, 10 June 2013, to your calendar")
