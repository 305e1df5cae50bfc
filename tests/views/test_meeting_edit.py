import datetime

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import MeetingFactory
from tests.meeting_form import meeting_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2013, 3, 11), start_time=datetime.time(14), place="Home Office")


def edit_url(meeting):
    return f"/meetings/{meeting.pk}/edit/"


def details(**changes):
    typed = {"start_time": "10:00", "end_time": "11:30", "place": "2 Marsham Street"}
    return meeting_details(datetime.date(2013, 3, 12), **typed | changes)


def test_it_shows_the_meeting_details(secretariat_client, meeting):
    response = secretariat_client.get(edit_url(meeting))

    assertContains(response, '<h1 class="govuk-heading-l">Change meeting details</h1>', html=True)
    assertContains(response, 'name="date_day" type="text" inputmode="numeric" value="11"')
    assertContains(response, 'name="date_year" type="text" inputmode="numeric" value="2013"')
    assertContains(response, 'value="14:00"')
    assertContains(response, 'value="Home Office"')
    assertContains(response, f'<a class="govuk-link" href="/meetings/{meeting.pk}/record/">Cancel</a>', html=True)


def test_it_saves_the_meeting_details(secretariat_client, meeting):
    response = secretariat_client.post(edit_url(meeting), {"version": meeting.version} | details())

    assertRedirects(response, f"/meetings/{meeting.pk}/record/", fetch_redirect_response=False)
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2013, 3, 12)
    assert (meeting.start_time, meeting.end_time) == (datetime.time(10), datetime.time(11, 30))
    assert meeting.place == "2 Marsham Street"


def test_it_says_the_details_were_saved(secretariat_client, meeting):
    response = secretariat_client.post(edit_url(meeting), {"version": meeting.version} | details(), follow=True)

    assertContains(response, "Meeting details saved.")


def test_it_changes_nothing_when_there_is_a_problem(secretariat_client, meeting):
    response = secretariat_client.post(
        edit_url(meeting), {"version": meeting.version} | details(start_time="2pm", end_time="1pm")
    )

    assertContains(response, "There is a problem")
    assertContains(response, '<a href="#id_end_time">End time must be after the start time</a>', html=True)
    assertContains(response, 'value="2 Marsham Street"')
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2013, 3, 11)
    assert meeting.place == "Home Office"
    assert meeting.end_time is None


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.get("/meetings/999/edit/").status_code == 404


def test_it_rejects_put(secretariat_client, meeting):
    assert secretariat_client.put(edit_url(meeting)).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, meeting):
    assert_sign_in_required(edit_url(meeting))
    assert_sign_in_required(edit_url(meeting), method="post")


def test_it_keeps_the_saved_date_in_the_breadcrumbs_when_there_is_a_problem(secretariat_client, meeting):
    response = secretariat_client.post(
        edit_url(meeting), {"version": meeting.version} | details(date_day="12", start_time="2pm", end_time="1pm")
    )

    assertContains(
        response,
        f'<a class="govuk-breadcrumbs__link" href="/meetings/{meeting.pk}/record/">11 March 2013</a>',
        html=True,
    )
