import datetime
import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    ActionOwnerFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    MeetingFactory,
    ParagraphFactory,
)

pytestmark = pytest.mark.django_db

# The session and the user; the meeting with its group, loaded once; the groups the user serves;
# its corrections, attendees, apologies, agenda items, paragraphs, actions and their owners; the
# next item number; the counts of matters arising; a page of them with their owners and updates;
# the group's secretariat, who sign their updates as such; whether the register can be started from
# the members or the last meeting. Names are suggested as they are typed.
QUERIES = 19
# One section alone leaves out the matters arising.
SECTION_QUERIES = 14

# Minutes as short as they come, and as long as the group's longest.
SHORT = {"attendees": 2, "items": 1, "actions_per_item": 1, "owners_per_action": 1, "paragraphs_per_item": 1}
LONG = {"attendees": 30, "items": 10, "actions_per_item": 4, "owners_per_action": 3, "paragraphs_per_item": 3}


def record_url(meeting):
    return f"/meetings/{meeting.pk}/record/"


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2013, 3, 11))


def test_it_shows_every_section(secretariat_client, meeting):
    item = AgendaItemFactory(meeting=meeting, number=1, title="Welcome")

    response = secretariat_client.get(record_url(meeting))

    assertContains(response, "<title>Record minutes: IDMG, 11 March 2013 – Ministerial group minutes</title>")
    for element_id in ("attendees", "apologies", "matters-arising", "agenda", f"item-{item.pk}"):
        assertContains(response, f'id="{element_id}"')
    assertContains(response, "Add an attendee")
    assertContains(response, "Add an apology")
    assertContains(response, "Add an agenda item")
    assertContains(response, "Add a paragraph to item 1")
    assertContains(response, "Add an action to item 1")


def test_it_shows_the_rows_recorded(secretariat_client, meeting):
    AttendeeFactory(meeting=meeting, person__name="Mark Harper MP", role="chair")
    ApologyFactory(meeting=meeting, person__name="Jeremy Browne MP")
    item = AgendaItemFactory(meeting=meeting, number=1, title="Welcome")
    ParagraphFactory(agenda_item=item, number="1.1", text="Mark Harper MP welcomed the IDMG Ministers.")
    owner = ActionOwnerFactory(
        action__agenda_item=item, action__text="Share best practice", department__short_name="MOJ"
    )

    response = secretariat_client.get(record_url(meeting))

    assertContains(response, '<strong class="govuk-tag govuk-tag--blue">Chair</strong>', html=True)
    assertContains(response, "Jeremy Browne MP")
    assertContains(response, "1. Welcome</h3>")
    assertContains(response, "<strong>1.1</strong> Mark Harper MP welcomed the IDMG Ministers.")
    assertContains(response, "Share best practice")
    assertContains(response, "Owner: MOJ")
    assertContains(
        response, f'<a class="govuk-link" href="/actions/{owner.action_id}/">{owner.action.reference}</a>', html=True
    )


def test_it_suggests_the_next_item_number(secretariat_client, meeting):
    AgendaItemFactory(meeting=meeting, number=4)

    response = secretariat_client.get(record_url(meeting))

    assertContains(response, 'name="agenda-item-number" value="5"')


def test_it_renders_only_the_section_asked_for_by_htmx(secretariat_client, htmx_headers, meeting, assert_section_alone):
    AttendeeFactory(meeting=meeting, person__name="Mark Harper MP")
    ApologyFactory(meeting=meeting, person__name="Jeremy Browne MP")

    response = secretariat_client.get(f"{record_url(meeting)}?section=attendees", headers=htmx_headers)

    html = assert_section_alone(response, "attendees")
    assert "Mark Harper MP" in html
    assert "Jeremy Browne MP" not in html
    assert 'id="apologies"' not in html
    assert "govuk-breadcrumbs" not in html


def test_it_renders_one_agenda_item_for_htmx(secretariat_client, htmx_headers, meeting, assert_section_alone):
    welcome, aob = AgendaItemFactory(meeting=meeting, title="Welcome"), AgendaItemFactory(meeting=meeting, title="AOB")

    response = secretariat_client.get(f"{record_url(meeting)}?section=item-{welcome.pk}", headers=htmx_headers)

    html = assert_section_alone(response, f"item-{welcome.pk}")
    assert "Welcome" in html
    assert f'id="item-{aob.pk}"' not in html


def test_it_renders_the_whole_page_without_htmx(secretariat_client, meeting):
    response = secretariat_client.get(f"{record_url(meeting)}?section=attendees")

    assertContains(response, "<html")
    assertContains(response, 'id="apologies"')


def test_it_renders_the_whole_page_for_an_unknown_section(secretariat_client, htmx_headers, meeting):
    other_item = AgendaItemFactory()

    for section in ("nowhere", f"item-{other_item.pk}", "item-"):
        response = secretariat_client.get(f"{record_url(meeting)}?section={section}", headers=htmx_headers)

        assertContains(response, "<html")


def test_it_escapes_what_people_type(secretariat_client, meeting):
    AttendeeFactory(meeting=meeting, person__name="<b>Mark</b>")

    response = secretariat_client.get(record_url(meeting))

    assertContains(response, "&lt;b&gt;Mark&lt;/b&gt;")
    assertNotContains(response, "<b>Mark</b>")


@pytest.mark.parametrize(("size", "arising"), [(SHORT, 1), (LONG, 8)], ids=["short", "long"])
def test_its_query_count_does_not_grow_with_the_minutes(
    secretariat_client, django_assert_num_queries, build_minutes, size, arising
):
    meeting = build_minutes(**size, arising=arising)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get(record_url(meeting))

    assertContains(response, "Recorded at this meeting: <strong>In progress</strong>. Work has started.", count=arising)


@pytest.mark.parametrize(("size", "arising"), [(SHORT, 1), (LONG, 8)], ids=["short", "long"])
def test_its_query_count_for_one_section_does_not_grow_either(
    secretariat_client, htmx_headers, django_assert_num_queries, build_minutes, size, arising
):
    meeting = build_minutes(**size, arising=arising)

    with django_assert_num_queries(SECTION_QUERIES):
        response = secretariat_client.get(f"{record_url(meeting)}?section=attendees", headers=htmx_headers)

    assertContains(response, '<tr class="govuk-table__row" id="attendee-', count=size["attendees"])


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.get("/meetings/999/record/").status_code == 404


def test_it_rejects_post(secretariat_client, meeting):
    assert secretariat_client.post(record_url(meeting)).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, meeting):
    assert_sign_in_required(record_url(meeting))


def test_its_htmx_attributes_are_valid_html(secretariat_client, secretariat_user, build_minutes):
    meeting = build_minutes(
        attendees=2, items=1, actions_per_item=1, owners_per_action=1, paragraphs_per_item=1, arising=1
    )
    meeting.group.secretariat.add(secretariat_user)

    html = secretariat_client.get(meeting.get_record_url()).content.decode()

    assert re.findall(r"\shx-[a-z-]+=", html) == []
    assert 'data-hx-post="' in html
