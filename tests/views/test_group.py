import datetime

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(slug="idmg")


def test_it_shows_the_group(secretariat_client, group):
    response = secretariat_client.get("/groups/idmg/")

    assertContains(
        response, '<h1 class="govuk-heading-l">Inter-Departmental Ministerial Group on Human Trafficking</h1>'
    )
    assertContains(response, '<a href="/groups/idmg/meetings/new/"')


def test_it_splits_upcoming_and_past_meetings_around_today(secretariat_client, group):
    today = timezone.localdate()
    yesterday, tomorrow = today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)
    for date in (yesterday, today, tomorrow):
        MeetingFactory(group=group, date=date)

    response = secretariat_client.get("/groups/idmg/")

    upcoming, past = response.content.decode().split("Past meetings")
    assert upcoming.index(f"{today:%-d %B %Y}") < upcoming.index(f"{tomorrow:%-d %B %Y}")
    assert f"{yesterday:%-d %B %Y}" not in upcoming
    assert f"{yesterday:%-d %B %Y}" in past
    assert f"{today:%-d %B %Y}" not in past
    assert f"{tomorrow:%-d %B %Y}" not in past


def test_it_links_each_meeting_to_its_minutes_and_recording_page(secretariat_client, group):
    meeting = MeetingFactory(group=group, date=datetime.date(2013, 3, 11))

    response = secretariat_client.get("/groups/idmg/")

    assertContains(response, f'<a class="govuk-link" href="/meetings/{meeting.pk}/">11 March 2013</a>', html=True)
    assertContains(response, f'<a class="govuk-link" href="/meetings/{meeting.pk}/record/">Record minutes')


def test_it_says_when_there_are_no_meetings(secretariat_client, group):
    response = secretariat_client.get("/groups/idmg/")

    assertContains(response, "No meetings are scheduled.")
    assertContains(response, "No meetings have been held yet.")


def test_it_leaves_out_other_groups_meetings(secretariat_client, group):
    MeetingFactory(group=GroupFactory(slug="board"), date=datetime.date(2013, 3, 11))

    response = secretariat_client.get("/groups/idmg/")

    assertNotContains(response, "11 March 2013")


def test_it_404s_for_an_unknown_group(secretariat_client):
    assert secretariat_client.get("/groups/nobody/").status_code == 404


def test_it_rejects_post(secretariat_client, group):
    assert secretariat_client.post("/groups/idmg/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, group):
    assert_sign_in_required("/groups/idmg/")
