"""Starting the register from the members or the last meeting, each row confirmed; and apologies offered."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from meetings.models import Apology, Attendee
from tests.factories import (
    AttendeeFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    RepresentativeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    group = GroupFactory(slug="idmg", short_name="IDMG")
    for short_name, minister in [("Home Office", "Mark Harper MP"), ("MOJ", "Helen Grant MP")]:
        membership = MembershipFactory(group=group, department=DepartmentFactory(short_name=short_name))
        RepresentativeFactory(
            membership=membership, person=PersonFactory(name=minister), since=datetime.date(2012, 9, 4)
        )
    MembershipFactory(group=group, department=DepartmentFactory(short_name="FCO"), left_on=datetime.date(2013, 1, 1))
    return MeetingFactory(group=group, date=datetime.date(2013, 3, 11))


def url(meeting, source="members"):
    return f"/meetings/{meeting.pk}/register/start/?from={source}"


def test_the_recording_page_offers_to_start_from_the_members(secretariat_client, meeting):
    assertContains(secretariat_client.get(f"/meetings/{meeting.pk}/record/"), url(meeting))


def test_it_proposes_each_current_member_with_its_representative_on_the_day(secretariat_client, meeting):
    response = secretariat_client.get(url(meeting))

    assertContains(response, "Home Office: Mark Harper MP")
    assertContains(response, "MOJ: Helen Grant MP")
    assertNotContains(response, "FCO")


def test_only_the_rows_kept_are_added(secretariat_client, meeting):
    proposed = secretariat_client.get(url(meeting)).context["proposed"]
    home_office = next(row for row in proposed if row.department.short_name == "Home Office")

    response = secretariat_client.post(url(meeting), {"from": "members", "row": [home_office.key]})

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#attendees", fetch_redirect_response=False)
    attendee = Attendee.objects.get()
    assert (str(attendee.department), str(attendee.person)) == ("Home Office", "Mark Harper MP")


def test_rows_already_in_the_register_are_not_proposed_again(secretariat_client, meeting):
    proposed = secretariat_client.get(url(meeting)).context["proposed"]
    secretariat_client.post(url(meeting), {"from": "members", "row": [row.key for row in proposed]})

    response = secretariat_client.get(url(meeting))

    assertContains(response, "Everyone it would add is already in the register.")
    assert Attendee.objects.count() == 2


def test_a_crafted_row_adds_nothing(secretariat_client, meeting):
    stranger = DepartmentFactory(short_name="Not a member")

    secretariat_client.post(url(meeting), {"from": "members", "row": [f"{stranger.pk}::::0", "x:y:z"]})

    assert not Attendee.objects.exists()


def test_an_unknown_source_is_a_bad_request(secretariat_client, meeting):
    assert secretariat_client.get(url(meeting, "elsewhere")).status_code == 400


def test_it_starts_from_the_last_meetings_register(secretariat_client, meeting):
    last = MeetingFactory(group=meeting.group, date=datetime.date(2012, 4, 17))
    AttendeeFactory(
        meeting=last,
        department=DepartmentFactory(short_name="DfE"),
        person=None,
        deputising_for=PersonFactory(name="Sarah Teather MP"),
    )

    response = secretariat_client.get(url(meeting, "last-meeting"))
    assertContains(response, "the register of 17 April 2012")
    assertContains(response, "DfE: Official (for Sarah Teather MP)")
    secretariat_client.post(url(meeting, "last-meeting"), {"row": [row.key for row in response.context["proposed"]]})

    assert meeting.attendees.get().who == "Official (for Sarah Teather MP)"


def test_the_apology_of_a_minister_deputised_for_is_offered_and_added(secretariat_client, meeting):
    AttendeeFactory(
        meeting=meeting,
        department=DepartmentFactory(short_name="DfE"),
        person=None,
        deputising_for=PersonFactory(name="Sarah Teather MP"),
    )

    response = secretariat_client.get(f"/meetings/{meeting.pk}/record/")
    assertContains(response, "Add the apology of Sarah Teather MP")
    secretariat_client.post(
        f"/meetings/{meeting.pk}/apologies/add/", {"apology-department": "DfE", "apology-person": "Sarah Teather MP"}
    )

    assert str(Apology.objects.get().person) == "Sarah Teather MP"
    assertNotContains(secretariat_client.get(f"/meetings/{meeting.pk}/record/"), "Add the apology of")
