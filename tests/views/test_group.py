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


# The session and the user; the group; the years of its past meetings; that year's meetings; the
# next meetings; the groups the user serves; the group's imports still being checked.
QUERIES = 8


def test_it_lists_the_past_meetings_of_the_latest_year_and_links_the_other_years(secretariat_client, group):
    for year in (2012, 2013):
        MeetingFactory(group=group, date=datetime.date(year, 3, 11))

    response = secretariat_client.get("/groups/idmg/")

    assertContains(response, "Past meetings in 2013")
    assertContains(response, "11 March 2013")
    assertNotContains(response, "11 March 2012")
    assertContains(response, '<a class="govuk-link" href="?year=2012">2012</a>', html=True)


def test_it_lists_the_past_meetings_of_the_year_asked_for(secretariat_client, group):
    for year in (2012, 2013):
        MeetingFactory(group=group, date=datetime.date(year, 3, 11))

    response = secretariat_client.get("/groups/idmg/", {"year": "2012"})

    assertContains(response, "11 March 2012")
    assertNotContains(response, "11 March 2013")


@pytest.mark.parametrize("year", ["1999", "abc", "-1", "2013.5"])
def test_a_year_without_meetings_shows_the_latest_year(secretariat_client, group, year):
    MeetingFactory(group=group, date=datetime.date(2013, 3, 11))

    response = secretariat_client.get("/groups/idmg/", {"year": year})

    assertContains(response, "11 March 2013")


def test_it_lists_only_the_next_ten_meetings(secretariat_client, group):
    today = timezone.localdate()
    for days in range(12):
        MeetingFactory(group=group, date=today + datetime.timedelta(days=days + 1))

    response = secretariat_client.get("/groups/idmg/")

    assertContains(response, "These are the next 10 meetings.")
    assertNotContains(response, f"{today + datetime.timedelta(days=11):%-d %B %Y}")


@pytest.mark.parametrize("count", [2, 60])
def test_its_query_count_and_rows_do_not_grow_with_the_meetings(
    secretariat_client, django_assert_num_queries, group, count
):
    today = timezone.localdate()
    for number in range(count):
        MeetingFactory(group=group, date=today - datetime.timedelta(days=30 * number + 1))
        MeetingFactory(group=group, date=today + datetime.timedelta(days=number + 1))

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get("/groups/idmg/")

    assert response.content.decode().count('<tr class="govuk-table__row">') <= 2 + 10 + 13


def test_it_404s_for_an_unknown_group(secretariat_client):
    assert secretariat_client.get("/groups/nobody/").status_code == 404


def test_it_rejects_post(secretariat_client, group):
    assert secretariat_client.post("/groups/idmg/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, group):
    assert_sign_in_required("/groups/idmg/")
