"""Recording the approval of minutes, as they stand or subject to amendments, from the status page."""

import datetime

import pytest
from pytest_django.asserts import assertContains

from meetings.models import MinutesStatus
from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def minutes():
    group = GroupFactory(slug="idmg")
    earlier = MeetingFactory(group=group, date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED)
    later = MeetingFactory(group=group, date=datetime.date(2013, 6, 10))
    return earlier, later


def approve(client, earlier, later, **fields):
    return client.post(
        f"/meetings/{earlier.pk}/status/", {"transition": "approve", "approved_at": later.pk} | fields, follow=True
    )


def test_the_page_asks_whether_they_were_agreed_as_they_stand_or_amended(secretariat_client, minutes):
    earlier, _ = minutes

    response = secretariat_client.get(f"/meetings/{earlier.pk}/status/")

    assertContains(response, "Subject to amendments")
    assertContains(response, 'name="amendments"')


def test_approval_as_they_stand_is_said_in_the_approving_meetings_minutes(secretariat_client, minutes):
    earlier, later = minutes

    approve(secretariat_client, earlier, later, agreed="as-they-stand")

    assertContains(
        secretariat_client.get(f"/meetings/{later.pk}/record/"),
        "The minutes of the meeting of 11 March 2013 were agreed.",
    )


def test_amendments_are_said_there_and_shown_as_corrections(secretariat_client, minutes):
    earlier, later = minutes

    approve(
        secretariat_client, earlier, later, agreed="subject-to-amendments", amendments="Paragraph 2.3: for MOJ read AGO"
    )

    assertContains(secretariat_client.get(f"/meetings/{later.pk}/"), "were agreed subject to the amendments below")
    response = secretariat_client.get(f"/meetings/{earlier.pk}/")
    assertContains(response, "Amended when approved at the meeting of 10 June 2013. Paragraph 2.3: for MOJ read AGO")


def test_subject_to_amendments_with_none_given_is_refused_at_the_field(secretariat_client, minutes):
    earlier, later = minutes

    response = approve(secretariat_client, earlier, later, agreed="subject-to-amendments", amendments="  ")

    assertContains(response, "Enter the amendments agreed, or choose “As they stand”")
    earlier.refresh_from_db()
    assert earlier.status == MinutesStatus.CIRCULATED
    assert not later.agenda_items.exists()


def test_amendments_too_long_are_refused_keeping_them(secretariat_client, minutes):
    earlier, later = minutes

    response = approve(secretariat_client, earlier, later, agreed="subject-to-amendments", amendments="x" * 2001)

    assertContains(response, "Amendments agreed must be 2,000 characters or less")
    assertContains(response, "x" * 2001)
