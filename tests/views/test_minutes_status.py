"""Moving minutes on from the minutes page: circulate, approve at a later meeting, publish."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from meetings.models import Meeting, MinutesStatus
from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MARCH_2013 = datetime.date(2013, 3, 11)
JUNE_2013 = datetime.date(2013, 6, 10)
SEPTEMBER_2013 = datetime.date(2013, 9, 13)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def group():
    return GroupFactory(slug="idmg", short_name="IDMG")


@pytest.fixture
def meeting(group):
    """The draft minutes of 11 March 2013."""
    return MeetingFactory(group=group, date=MARCH_2013)


@pytest.fixture
def circulated(meeting):
    meeting.circulate()
    return meeting


@pytest.fixture
def next_meeting(group):
    return MeetingFactory(group=group, date=JUNE_2013)


@pytest.fixture
def approved(circulated, next_meeting):
    circulated.approve(next_meeting)
    return circulated


def status_url(meeting):
    return f"/meetings/{meeting.pk}/status/"


def minutes_url(meeting):
    return f"/meetings/{meeting.pk}/"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def saved(meeting):
    return Meeting.objects.get(pk=meeting.pk)


def test_it_offers_to_circulate_draft_minutes(secretariat_client, meeting):
    response = secretariat_client.get(minutes_url(meeting))

    # Circulating goes through the page that chooses who receives the minutes by email.
    assertContains(response, f'<form method="get" action="{reverse("circulation:circulate", args=[meeting.pk])}"')
    assertContains(response, '<input type="hidden" name="transition" value="circulate">', html=False)
    assertContains(response, "Circulate the minutes")


def test_asking_to_circulate_says_what_circulating_does_and_changes_nothing(secretariat_client, meeting):
    response = secretariat_client.get(status_url(meeting), {"transition": "circulate"})

    assertContains(response, '<h1 class="govuk-heading-l">Circulate the minutes?</h1>', html=True)
    assertContains(response, "Circulating shows these minutes to every signed-in user, including the departments.")
    assertContains(response, f'<form method="post" action="{status_url(meeting)}" novalidate>')
    assertContains(response, '<input type="hidden" name="transition" value="circulate"', html=False)
    assertContains(response, "Yes, circulate the minutes")
    assertContains(response, f'<a class="govuk-link" href="{minutes_url(meeting)}">Cancel</a>', html=True)
    assert saved(meeting).status == MinutesStatus.DRAFT


def test_asking_to_approve_says_approving_locks_the_minutes(secretariat_client, circulated, next_meeting):
    response = secretariat_client.get(status_url(circulated), {"transition": "approve", "approved_at": next_meeting.pk})

    assertContains(response, '<h1 class="govuk-heading-l">Record the approval of the minutes?</h1>', html=True)
    assertContains(response, "Approving locks the minutes: they can no longer be changed here.")
    assertContains(response, f'<option value="{next_meeting.pk}" selected>10 June 2013</option>', html=True)
    assertContains(response, "Yes, record the approval")
    assert saved(circulated).status == MinutesStatus.CIRCULATED


def test_asking_to_publish_warns_that_it_cannot_be_undone(secretariat_client, approved):
    response = secretariat_client.get(status_url(approved), {"transition": "publish"})

    assertContains(response, '<h1 class="govuk-heading-l">Publish the minutes?</h1>', html=True)
    assertContains(response, "Publishing makes these minutes public. It cannot be undone.")
    assertContains(response, "Yes, publish the minutes")
    assert saved(approved).status == MinutesStatus.APPROVED


def test_asking_for_a_step_the_minutes_have_passed_says_so_and_offers_the_next_one(secretariat_client, circulated):
    response = secretariat_client.get(status_url(circulated), {"transition": "circulate"})

    assertContains(response, "The minutes have moved on since the minutes page was loaded: they are now circulated.")
    assertContains(response, '<h1 class="govuk-heading-l">Record the approval of the minutes?</h1>', html=True)


def test_asking_to_move_published_minutes_on_says_there_is_nothing_more_to_do(secretariat_client, approved):
    approved.publish()

    response = secretariat_client.get(status_url(approved))

    assertContains(response, '<h1 class="govuk-heading-l">The minutes are published</h1>', html=True)
    assertNotContains(response, f'<form method="post" action="{status_url(approved)}"')


@pytest.mark.parametrize("client_name", ["department_client", "other_secretariat_client"])
def test_only_the_groups_secretariat_is_asked_to_confirm(request, client_name, meeting):
    response = request.getfixturevalue(client_name).get(status_url(meeting), {"transition": "circulate"})

    assertContains(response, "You cannot do that", status_code=403)


def test_the_confirmation_page_makes_a_fixed_number_of_queries(
    secretariat_client, circulated, group, django_assert_num_queries
):
    for day in range(1, 20):
        MeetingFactory(group=group, date=datetime.date(2013, 4, day))

    # The session and the user; the meeting with its group; the groups the user serves; whether
    # any meeting can have approved the minutes; those meetings, read by the field and its widget.
    with django_assert_num_queries(7):
        secretariat_client.get(status_url(circulated), {"transition": "approve"})


def test_it_circulates_draft_minutes(secretariat_client, meeting):
    response = secretariat_client.post(status_url(meeting), {"transition": "circulate"})

    assertRedirects(response, minutes_url(meeting), fetch_redirect_response=False)
    assert saved(meeting).status == MinutesStatus.CIRCULATED
    assert messages_of(response) == ["The minutes are now circulated."]


def test_it_offers_only_the_groups_later_meetings_for_the_approval(secretariat_client, group, circulated, next_meeting):
    september = MeetingFactory(group=group, date=SEPTEMBER_2013)
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17))
    board_meeting = MeetingFactory(group=GroupFactory(slug="strategy-board"), date=JUNE_2013)

    response = secretariat_client.get(minutes_url(circulated))

    assertContains(response, '<label class="govuk-label" for="id_approved_at">Approved at the meeting of</label>')
    assertContains(response, f'<option value="{next_meeting.pk}">10 June 2013</option>', html=True)
    assertContains(response, f'<option value="{september.pk}">13 September 2013</option>', html=True)
    for other in (earlier, board_meeting, circulated):
        assertNotContains(response, f'<option value="{other.pk}"')
    assertContains(response, "Record the approval")


def test_it_asks_for_the_later_meeting_to_be_added_first(secretariat_client, circulated):
    response = secretariat_client.get(minutes_url(circulated))

    assertContains(response, "Add that meeting first, then record the approval here.")
    assertNotContains(response, "Record the approval</button>")


def test_it_does_not_offer_a_meeting_that_has_not_taken_place(secretariat_client, group, circulated, next_meeting):
    to_come = MeetingFactory(group=group, date=timezone.localdate() + datetime.timedelta(days=30))
    today = MeetingFactory(group=group, date=timezone.localdate())

    response = secretariat_client.get(minutes_url(circulated))

    assertNotContains(response, f'<option value="{to_come.pk}"')
    assertContains(response, f'<option value="{today.pk}">', html=False)


def test_it_refuses_an_approval_at_a_meeting_still_to_come(secretariat_client, group, circulated):
    to_come = MeetingFactory(group=group, date=timezone.localdate() + datetime.timedelta(days=30))

    response = secretariat_client.post(status_url(circulated), {"transition": "approve", "approved_at": to_come.pk})

    assert response.status_code == 200
    assert response.context["form"].errors["approved_at"][0].startswith("Select a valid choice.")
    assert saved(circulated).status == MinutesStatus.CIRCULATED
    assert saved(circulated).approved_at is None


def test_it_approves_circulated_minutes_at_a_later_meeting(secretariat_client, circulated, next_meeting):
    response = secretariat_client.post(
        status_url(circulated), {"transition": "approve", "approved_at": next_meeting.pk}
    )

    assertRedirects(response, minutes_url(circulated), fetch_redirect_response=False)
    assert saved(circulated).status == MinutesStatus.APPROVED
    assert saved(circulated).approved_at == next_meeting
    assert messages_of(response) == ["The minutes are now approved."]


def test_it_says_at_which_meeting_the_minutes_were_approved(department_client, approved, next_meeting):
    response = department_client.get(minutes_url(approved))

    assertContains(
        response,
        f'approved at the meeting of <a class="govuk-link" href="{minutes_url(next_meeting)}">10 June 2013</a>',
    )


def test_it_asks_for_the_meeting_at_which_the_minutes_were_approved(secretariat_client, circulated, next_meeting):
    response = secretariat_client.post(status_url(circulated), {"transition": "approve"})

    assert response.status_code == 200
    assertContains(response, '<a href="#id_approved_at">Choose the meeting at which the minutes were approved</a>')
    assert saved(circulated).status == MinutesStatus.CIRCULATED


@pytest.mark.parametrize(
    "approved_at",
    [
        pytest.param(lambda group: MeetingFactory(group=group, date=datetime.date(2012, 4, 17)), id="earlier"),
        pytest.param(lambda group: MeetingFactory(group=group, date=MARCH_2013), id="same-day"),
        pytest.param(
            lambda group: MeetingFactory(group=GroupFactory(slug="strategy-board"), date=JUNE_2013),
            id="another-group",
        ),
    ],
)
def test_it_refuses_an_approval_at_a_meeting_it_does_not_offer(secretariat_client, group, circulated, approved_at):
    response = secretariat_client.post(
        status_url(circulated), {"transition": "approve", "approved_at": approved_at(group).pk}
    )

    assert response.status_code == 200
    [message] = response.context["form"].errors["approved_at"]
    assert message.startswith("Select a valid choice. That choice is not one of the available choices.")
    assert saved(circulated).status == MinutesStatus.CIRCULATED
    assert saved(circulated).approved_at is None


def test_it_offers_to_publish_approved_minutes(secretariat_client, approved):
    response = secretariat_client.get(minutes_url(approved))

    assertContains(response, "Publish the minutes")


def test_it_publishes_approved_minutes(secretariat_client, approved, next_meeting):
    response = secretariat_client.post(status_url(approved), {"transition": "publish"})

    assertRedirects(response, minutes_url(approved), fetch_redirect_response=False)
    assert saved(approved).status == MinutesStatus.PUBLISHED
    assert saved(approved).approved_at == next_meeting
    assert messages_of(response) == ["The minutes are now published."]


def test_it_offers_nothing_more_for_published_minutes(secretariat_client, approved):
    approved.publish()

    response = secretariat_client.get(minutes_url(approved))

    assertNotContains(response, status_url(approved))


@pytest.mark.parametrize(
    ("status", "transition"),
    [
        (MinutesStatus.DRAFT, "approve"),
        (MinutesStatus.DRAFT, "publish"),
        (MinutesStatus.CIRCULATED, "circulate"),
        (MinutesStatus.CIRCULATED, "publish"),
        (MinutesStatus.APPROVED, "circulate"),
        (MinutesStatus.APPROVED, "approve"),
        (MinutesStatus.PUBLISHED, "circulate"),
        (MinutesStatus.PUBLISHED, "approve"),
        (MinutesStatus.PUBLISHED, "publish"),
    ],
)
def test_it_refuses_a_step_out_of_order(secretariat_client, group, next_meeting, status, transition):
    approved_at = next_meeting if status in (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED) else None
    meeting = MeetingFactory(group=group, date=MARCH_2013, status=status, approved_at=approved_at)

    response = secretariat_client.post(status_url(meeting), {"transition": transition, "approved_at": next_meeting.pk})

    assertContains(response, "The minutes have moved on since this page was loaded. Check their status.")
    assert saved(meeting).status == status
    assert saved(meeting).approved_at == approved_at


@pytest.mark.parametrize("transition", ["", "delete", "draft"])
def test_it_refuses_an_unknown_step(secretariat_client, meeting, transition):
    response = secretariat_client.post(status_url(meeting), {"transition": transition})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert saved(meeting).status == MinutesStatus.DRAFT


def test_it_lets_an_administrator_move_minutes_on(admin_client, meeting):
    response = admin_client.post(status_url(meeting), {"transition": "circulate"})

    assertRedirects(response, minutes_url(meeting), fetch_redirect_response=False)
    assert saved(meeting).status == MinutesStatus.CIRCULATED


@pytest.mark.parametrize("client_name", ["department_client", "other_secretariat_client"])
def test_it_requires_the_groups_secretariat(request, client_name, meeting):
    client = request.getfixturevalue(client_name)

    response = client.post(status_url(meeting), {"transition": "circulate"})

    assertContains(response, "You cannot do that", status_code=403)
    assert saved(meeting).status == MinutesStatus.DRAFT


@pytest.mark.parametrize("client_name", ["department_client", "other_secretariat_client"])
def test_it_refuses_an_approval_by_anyone_else(request, client_name, circulated, next_meeting):
    client = request.getfixturevalue(client_name)

    response = client.post(status_url(circulated), {"transition": "approve", "approved_at": next_meeting.pk})

    assert response.status_code == 403
    assert saved(circulated).status == MinutesStatus.CIRCULATED
    assert saved(circulated).approved_at is None


@pytest.mark.parametrize("client_name", ["department_client", "other_secretariat_client"])
def test_it_shows_no_status_form_to_anyone_else(request, client_name, circulated, next_meeting):
    client = request.getfixturevalue(client_name)

    response = client.get(minutes_url(circulated))

    assertContains(response, '<strong class="govuk-tag govuk-tag--yellow">Circulated</strong>', html=True)
    assertNotContains(response, status_url(circulated))
    assertNotContains(response, "Record or change these minutes")


def test_it_rejects_other_methods(secretariat_client, meeting):
    assert secretariat_client.put(status_url(meeting)).status_code == 405


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.post("/meetings/999/status/", {"transition": "circulate"}).status_code == 404


def test_it_requires_sign_in(assert_sign_in_required, meeting):
    assert_sign_in_required(status_url(meeting), method="post")

    assert saved(meeting).status == MinutesStatus.DRAFT
