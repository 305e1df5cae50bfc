import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from meetings import calendar
from meetings.models import MinutesStatus
from tests.factories import GroupFactory, MeetingFactory, ParagraphFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


@pytest.fixture
def group(db):
    return GroupFactory(slug="idmg", short_name="IDMG")


def subscription(client, group, token=None):
    return client.get(
        reverse("meetings:group-calendar", args=[group.slug, token or calendar.subscription_token(group)])
    )


def events(response):
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_a_calendar_program_fetches_the_subscription_without_signing_in(client, group):
    MeetingFactory(group=group, date=days(30), start_time=datetime.time(10, 30), place="Home Office")

    (event,) = events(subscription(client, group))

    assert event.decoded("dtstart").date() == days(30)
    assert str(event["location"]) == "Home Office"


def test_the_subscription_holds_upcoming_and_recent_meetings_not_old_ones(client, group):
    MeetingFactory(group=group, date=days(-400))
    recent, upcoming = MeetingFactory(group=group, date=days(-10)), MeetingFactory(group=group, date=days(20))

    uids = [str(event["uid"]) for event in events(subscription(client, group))]

    assert uids == [f"meeting-{recent.pk}@127.0.0.1", f"meeting-{upcoming.pk}@127.0.0.1"]


def test_the_subscription_holds_a_next_meeting_announced_but_not_yet_recorded(client, group):
    MeetingFactory(group=group, date=days(-10), next_meeting_date=days(80), next_meeting_place="Home Office")

    summaries = [
        (event.decoded("dtstart"), str(event.get("location"))) for event in events(subscription(client, group))
    ]

    assert summaries == [(days(-10), "None"), (days(80), "Home Office")]


def test_an_announced_next_meeting_once_recorded_is_in_the_subscription_once(client, group):
    MeetingFactory(group=group, date=days(-10), next_meeting_date=days(80))
    recorded = MeetingFactory(group=group, date=days(80))

    uids = [str(event["uid"]) for event in events(subscription(client, group))]

    assert len(uids) == 2
    assert uids[1] == f"meeting-{recorded.pk}@127.0.0.1"


def test_the_subscription_shows_when_and_where_never_the_minutes(client, group):
    meeting = MeetingFactory(group=group, date=days(-5), status=MinutesStatus.DRAFT)
    ParagraphFactory(agenda_item__meeting=meeting, text="A confidential discussion")

    response = subscription(client, group)

    assert b"confidential" not in response.content
    assert "inline" in response["Content-Disposition"]


def test_another_groups_meetings_are_not_in_the_subscription(client, group):
    MeetingFactory(group=GroupFactory(slug="board"), date=days(5))

    assert events(subscription(client, group)) == []


@pytest.mark.parametrize("token", ["0" * 32, "wrong"])
def test_a_wrong_secret_finds_no_calendar(client, group, token):
    MeetingFactory(group=group, date=days(5))

    assert subscription(client, group, token).status_code == 404


def test_one_groups_secret_does_not_open_another_groups_calendar(client, group):
    board = GroupFactory(slug="board")

    assert subscription(client, board, calendar.subscription_token(group)).status_code == 404


def test_members_signed_in_are_given_the_subscription_address(department_client, group):
    response = department_client.get(group.get_absolute_url())

    token = calendar.subscription_token(group)
    assertContains(response, f'href="webcal://127.0.0.1:8000/groups/idmg/calendar/{token}.ics"')
    assertContains(response, f"<code>http://127.0.0.1:8000/groups/idmg/calendar/{token}.ics</code>")
