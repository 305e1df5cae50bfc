import datetime
import io

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import Meeting
from tests.factories import AttendeeFactory, MeetingFactory

pytestmark = pytest.mark.django_db

# The session and the user; the meeting with its group, its corrections, attendees, apologies,
# agenda items, paragraphs, actions and their owners; the groups the user serves; the counts of
# matters arising; a page of those reviewed, with their owners and updates.
QUERIES = 15

# Minutes as short as they come, and as long as the group's longest.
SHORT = {
    "attendees": 2,
    "apologies": 1,
    "corrections": 0,
    "items": 1,
    "actions_per_item": 1,
    "owners_per_action": 1,
    "paragraphs_per_item": 1,
}
LONG = {
    "attendees": 30,
    "apologies": 12,
    "corrections": 3,
    "items": 10,
    "actions_per_item": 4,
    "owners_per_action": 3,
    "paragraphs_per_item": 3,
}


@pytest.fixture
def demo():
    call_command("loaddemo", stdout=io.StringIO())


def minutes_url(meeting):
    return f"/meetings/{meeting.pk}/"


def page_text(response):
    """The page's HTML with runs of whitespace made single spaces, as a browser shows them."""
    return " ".join(response.content.decode().split())


def test_it_shows_the_register_as_the_published_minutes_do(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))

    response = secretariat_client.get(minutes_url(meeting))

    assertContains(response, '<td class="govuk-table__cell">Official (for Baroness Hanham MP)</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">David Ford MLA – via video link</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell"><strong>CHAIR</strong></td>', html=True, count=1)
    assertContains(response, '<td class="govuk-table__cell">Mark Harper MP</td>', html=True)


def test_it_shows_the_apologies(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))

    response = secretariat_client.get(minutes_url(meeting))

    apologies = response.content.decode().split('id="apologies"')[1].split("</table>")[0]
    assert "Jeremy Browne MP" in apologies
    assert "Baroness Hanham MP" in apologies
    assert "Jennie Granger" in apologies
    assert apologies.count('<tr class="govuk-table__row">') == 1 + 10  # the heading's row and ten apologies


def test_it_numbers_items_and_paragraphs_as_the_published_minutes_do(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))
    item = meeting.agenda_items.get(number=1)
    paragraph = item.paragraphs.get(number="1.1")

    response = secretariat_client.get(minutes_url(meeting))

    assertContains(response, f'<h2 class="govuk-heading-m" id="item-{item.pk}-title">1. Welcome</h2>', html=True)
    assertContains(response, "7. Activity update</h2>")
    assertContains(
        response,
        f'<div class="app-minutes__paragraph" id="paragraph-{paragraph.pk}"><span class="govuk-body">1.1</span>'
        '<p class="govuk-body">Mark Harper MP welcomed the IDMG Ministers.</p></div>',
        html=True,
    )
    assertContains(response, '<span class="govuk-body">7.5</span>')


def test_it_shows_the_actions_with_their_owners_lead_first(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))

    response = secretariat_client.get(minutes_url(meeting))

    text = page_text(response)
    assert "Owners: MOJ (lead), AGO, CPS" in text
    assert "Owner: Home Office (lead)" in text
    assert "Owners: Home Office (lead), UKHTC" in text
    assert "Due: At the next meeting" in text


def test_it_gives_each_action_its_reference_linked_to_its_page(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))
    action = meeting.actions.get(number=4)

    response = secretariat_client.get(minutes_url(meeting))

    assertContains(response, f'<a class="govuk-link" href="/actions/{action.pk}/">IDMG 2013-03 A4</a>', html=True)


def test_it_says_none_for_an_item_without_actions(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2013, 3, 11))
    welcome = meeting.agenda_items.get(number=1)

    response = secretariat_client.get(minutes_url(meeting))

    html = response.content.decode()
    item_one = html.split(f'id="item-{welcome.pk}"')[1].split("</section>")[0]
    assert '<h3 class="govuk-heading-s">Actions:</h3>' in item_one
    assert '<p class="govuk-body">None</p>' in item_one


def test_it_gives_the_next_meeting(secretariat_client, demo):
    meeting = Meeting.objects.get(date=datetime.date(2012, 4, 17))

    response = secretariat_client.get(minutes_url(meeting))

    assert (
        "The next IDMG meeting will be held on 13 September 2012, from 10:30am to midday at the Home Office."
        in page_text(response)
    )


def test_it_leaves_out_the_next_meeting_when_it_is_not_set(secretariat_client):
    meeting = MeetingFactory()

    response = secretariat_client.get(minutes_url(meeting))

    assertNotContains(response, "Next meeting</h2>")
    assertContains(response, "No attendees recorded.")
    assertContains(response, "No agenda items recorded yet.")


def test_it_leaves_out_other_meetings_rows(secretariat_client):
    meeting = MeetingFactory()
    AttendeeFactory(person__name="Damian Green MP")

    response = secretariat_client.get(minutes_url(meeting))

    assertNotContains(response, "Damian Green MP")


@pytest.mark.parametrize(("size", "arising"), [(SHORT, 1), (LONG, 8)], ids=["short", "long"])
def test_its_query_count_does_not_grow_with_the_minutes(
    secretariat_client, django_assert_num_queries, build_minutes, size, arising
):
    meeting = build_minutes(**size, arising=arising)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get(minutes_url(meeting))

    assertContains(response, "Work has started.", count=arising)


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.get("/meetings/999/").status_code == 404


def test_it_rejects_post(secretariat_client):
    meeting = MeetingFactory()

    assert secretariat_client.post(minutes_url(meeting)).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    meeting = MeetingFactory()

    assert_sign_in_required(minutes_url(meeting))
