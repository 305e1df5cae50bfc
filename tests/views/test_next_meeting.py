"""Saving or circulating minutes that name the next meeting makes that meeting, once, and says so."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import Meeting
from tests.factories import GroupFactory, MeetingFactory
from tests.meeting_form import meeting_details

pytestmark = pytest.mark.django_db

APRIL_2012 = datetime.date(2012, 4, 17)


@pytest.fixture
def meeting():
    return MeetingFactory(group=GroupFactory(slug="idmg", short_name="IDMG"), date=APRIL_2012)


def with_next_meeting(meeting, **changes):
    return meeting_details(
        APRIL_2012,
        version=Meeting.objects.get(pk=meeting.pk).version,
        **{
            "next_meeting_date_day": "13",
            "next_meeting_date_month": "9",
            "next_meeting_date_year": "2012",
            "next_meeting_start_time": "10.30am",
            "next_meeting_end_time": "12pm",
            "next_meeting_place": "Home Office",
        }
        | changes,
    )


def test_saving_the_minutes_makes_the_next_meeting_and_says_so(secretariat_client, meeting):
    response = secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting), follow=True)

    assertContains(response, "The next meeting, on 13 September 2012, has been added to the IDMG meetings.")
    next_meeting = Meeting.objects.get(date=datetime.date(2012, 9, 13))
    assert (next_meeting.start_time, next_meeting.place) == (datetime.time(10, 30), "Home Office")


def test_saving_again_makes_no_second_meeting_and_says_nothing_more(secretariat_client, meeting):
    secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting), follow=True)

    response = secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting), follow=True)

    assertNotContains(response, "has been added")
    assert Meeting.objects.count() == 2


def test_changing_the_next_meetings_place_in_the_minutes_changes_the_meeting(secretariat_client, meeting):
    secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting))
    secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting, next_meeting_place="MOJ"))

    assert Meeting.objects.get(date=datetime.date(2012, 9, 13)).place == "MOJ"


def test_changing_the_next_meeting_changes_the_minutes_that_name_it(secretariat_client, meeting):
    secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting))
    next_meeting = Meeting.objects.get(date=datetime.date(2012, 9, 13))

    secretariat_client.post(
        f"/meetings/{next_meeting.pk}/edit/",
        meeting_details(datetime.date(2012, 9, 20), version=next_meeting.version, place="Cabinet Office"),
    )

    meeting.refresh_from_db()
    assert (meeting.next_meeting_date, meeting.next_meeting_place) == (datetime.date(2012, 9, 20), "Cabinet Office")


def test_a_next_meeting_before_this_one_is_refused_and_makes_nothing(secretariat_client, meeting):
    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting, next_meeting_date_year="2011")
    )

    assertContains(response, "The next meeting must be after this one")
    assert Meeting.objects.count() == 1


def test_it_links_to_the_meeting_already_on_that_date(secretariat_client, meeting):
    held = MeetingFactory(group=meeting.group, date=datetime.date(2012, 9, 13))

    response = secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting), follow=True)

    assertContains(response, "The next meeting is the meeting of 13 September 2012, already on record.")
    assert Meeting.objects.get(pk=meeting.pk).next_meeting == held


def test_circulating_the_minutes_makes_the_next_meeting(secretariat_client, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(next_meeting_date=datetime.date(2012, 9, 13))

    response = secretariat_client.post(f"/meetings/{meeting.pk}/status/", {"transition": "circulate"}, follow=True)

    assertContains(response, "has been added to the IDMG meetings")
    assert Meeting.objects.filter(date=datetime.date(2012, 9, 13)).count() == 1


def test_the_recording_page_links_to_the_next_meeting(secretariat_client, meeting):
    secretariat_client.post(f"/meetings/{meeting.pk}/edit/", with_next_meeting(meeting))
    next_meeting = Meeting.objects.get(date=datetime.date(2012, 9, 13))

    assertContains(
        secretariat_client.get(f"/meetings/{meeting.pk}/record/"), f'href="/meetings/{next_meeting.pk}/record/"'
    )
