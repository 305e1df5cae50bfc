import datetime

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from meetings.models import Meeting
from tests.factories import GroupFactory
from tests.meeting_form import MARCH_2013, meeting_details

pytestmark = pytest.mark.django_db

URL = "/groups/idmg/meetings/new/"


@pytest.fixture
def group():
    return GroupFactory(slug="idmg")


def details(**changes):
    """What the form posts for the meeting of 11 March 2013, 2 to 3.30 pm at the Home Office."""
    return meeting_details(MARCH_2013, **{"start_time": "2pm", "end_time": "15:30", "place": "Home Office"} | changes)


def test_it_shows_the_form(secretariat_client, group):
    response = secretariat_client.get(URL)

    assertContains(response, '<h1 class="govuk-heading-l">Add a meeting</h1>', html=True)
    assertContains(response, 'name="date_day"')
    assertContains(response, 'name="start_time"')
    assertContains(response, '<a class="govuk-link" href="/groups/idmg/">Cancel</a>', html=True)


def test_it_creates_the_meeting_and_goes_to_its_recording_page(secretariat_client, group):
    response = secretariat_client.post(URL, details())

    meeting = Meeting.objects.get()
    assertRedirects(response, f"/meetings/{meeting.pk}/record/", fetch_redirect_response=False)
    assert meeting.group == group
    assert meeting.date == datetime.date(2013, 3, 11)
    assert (meeting.start_time, meeting.end_time) == (datetime.time(14), datetime.time(15, 30))
    assert meeting.place == "Home Office"


def test_it_says_the_meeting_was_created(secretariat_client, group):
    response = secretariat_client.post(URL, details(), follow=True)

    assertContains(response, "Meeting on 11 March 2013 created. Now take the register.")


def test_it_records_the_next_meeting(secretariat_client, group):
    secretariat_client.post(
        URL,
        details(
            next_meeting_date_day="13",
            next_meeting_date_month="9",
            next_meeting_date_year="2013",
            next_meeting_start_time="10.30am",
            next_meeting_place="the Home Office",
        ),
    )

    meeting = Meeting.objects.get(date=MARCH_2013)
    assert meeting.next_meeting_date == datetime.date(2013, 9, 13)
    assert meeting.next_meeting_start_time == datetime.time(10, 30)
    assert meeting.next_meeting_place == "the Home Office"


def test_it_asks_for_the_date(secretariat_client, group):
    response = secretariat_client.post(URL, details(date_day="", date_month="", date_year=""))

    assertContains(response, "<title>Error: Add a meeting – Ministerial group minutes</title>")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, '<a href="#id_date_day">Enter the date of the meeting</a>', html=True)
    assertContains(
        response,
        '<p id="id_date-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the date of the meeting</p>',
        html=True,
    )
    assert not Meeting.objects.exists()


def test_it_rejects_an_end_before_the_start(secretariat_client, group):
    response = secretariat_client.post(URL, details(start_time="2pm", end_time="10:00"))

    assertContains(response, "There is a problem")
    assertContains(response, '<a href="#id_end_time">End time must be after the start time</a>', html=True)
    assertContains(
        response,
        '<p id="id_end_time-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> End time must be after the start time</p>',
        html=True,
    )
    assert not Meeting.objects.exists()


def test_it_keeps_what_was_typed_when_there_is_a_problem(secretariat_client, group):
    response = secretariat_client.post(URL, details(end_time="10:00"))

    assertContains(response, 'name="date_day" type="text" inputmode="numeric" value="11"')
    assertContains(response, 'value="Home Office"')


def test_it_rejects_a_next_meeting_before_this_one(secretariat_client, group):
    response = secretariat_client.post(
        URL, details(next_meeting_date_day="1", next_meeting_date_month="1", next_meeting_date_year="2013")
    )

    assertContains(
        response, '<a href="#id_next_meeting_date_day">The next meeting must be after this one</a>', html=True
    )
    assert not Meeting.objects.exists()


def test_it_404s_for_an_unknown_group(secretariat_client):
    assert secretariat_client.get(URL).status_code == 404


def test_it_rejects_put(secretariat_client, group):
    assert secretariat_client.put(URL).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, group):
    assert_sign_in_required(URL)
    assert_sign_in_required(URL, method="post")
    assert not Meeting.objects.exists()
