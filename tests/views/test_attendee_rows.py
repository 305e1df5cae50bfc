"""Adding, changing, removing and reordering the attendees of a meeting's register."""

import json
import re

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from meetings.models import Attendee
from tests.factories import AttendeeFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db

# Adding an attendee with htmx: the session and user, the meeting and its secretariat, checking the
# names typed (found once, not again to save them), saving the row with its history, the register's
# order, and the new row and the last.
ADDED_QUERIES = 17


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def attendee(meeting):
    return AttendeeFactory(meeting=meeting, department__short_name="Home Office", person__name="Mark Harper MP")


def add_url(meeting):
    return f"/meetings/{meeting.pk}/attendees/add/"


def row_url(attendee, view):
    return f"/meetings/{attendee.meeting_id}/attendees/{attendee.pk}/{view}/"


def new_attendee(**changes):
    return {
        "attendee-department": "MOJ",
        "attendee-person": "Helen Grant MP",
        "attendee-deputising_for": "",
        "attendee-role": "",
        "attendee-add_departments": "on",
    } | changes


def changed_attendee(attendee, **changes):
    prefix = f"attendee-{attendee.pk}"
    fields = {
        "department": "AGO",
        "person": "",
        "deputising_for": "Oliver Heald MP",
        "role": "chair",
        "remote": "on",
        "add_departments": "on",
        "version": attendee.version,
    }
    return {f"{prefix}-{name}": value for name, value in (fields | changes).items()}


def register(meeting):
    return list(meeting.attendees.values_list("pk", flat=True))


def test_it_adds_an_attendee(secretariat_client, meeting):
    response = secretariat_client.post(add_url(meeting), new_attendee(**{"attendee-remote": "on"}))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#attendees", fetch_redirect_response=False)
    attendee = meeting.attendees.get()
    assert attendee.department.short_name == "MOJ"
    assert attendee.who == "Helen Grant MP"
    assert attendee.remote


def test_it_adds_an_official_attending_for_a_minister(secretariat_client, meeting):
    secretariat_client.post(
        add_url(meeting), new_attendee(**{"attendee-person": "", "attendee-deputising_for": "Baroness Hanham MP"})
    )

    assert meeting.attendees.get().who == "Official (for Baroness Hanham MP)"


def test_it_adds_to_the_end_of_the_register(secretariat_client, meeting, attendee):
    secretariat_client.post(add_url(meeting), new_attendee())

    assert register(meeting)[0] == attendee.pk
    assert len(register(meeting)) == 2


def test_it_returns_the_new_row_and_the_add_form_again_for_htmx(
    secretariat_client, htmx_headers, meeting, attendee, assert_add_form_alone, rows_in
):
    last = AttendeeFactory(meeting=meeting)

    response = secretariat_client.post(add_url(meeting), new_attendee(), headers=htmx_headers)

    html = assert_add_form_alone(response, "attendee-add")
    added = meeting.attendees.get(person__name="Helen Grant MP")
    # Only the new row, at the end of the register; the rows already there stay as they are.
    assert rows_in(response) == [f"attendee-{added.pk}"]
    assert '<template><tbody data-hx-swap-oob="beforeend:#attendees-rows">' in html
    assert '<td class="govuk-table__cell">Helen Grant MP</td>' in html
    # The row that was last can now move down.
    controls = html.split(f'<ul class="app-row-actions govuk-body-s" id="attendee-{last.pk}-controls"', 1)[1]
    assert controls.startswith(' data-hx-swap-oob="true">')
    assert "Move down<span" in controls.split("</ul>", 1)[0]
    assert "Mark Harper MP" not in html
    assert json.loads(response["HX-Trigger-After-Settle"]) == {"announce": {"message": "Attendee added"}}
    # The add form is empty again, ready for the next attendee.
    assert 'name="attendee-person" value=' not in html
    assert "autofocus" in re.search(r'<input [^>]*name="attendee-department"[^>]*>', html).group()
    assert len(response.content) < 10_000


def test_the_first_attendee_takes_the_place_of_the_empty_register_for_htmx(
    secretariat_client, htmx_headers, meeting, rows_in
):
    response = secretariat_client.post(add_url(meeting), new_attendee(), headers=htmx_headers)

    html = response.content.decode()
    assert rows_in(response) == [f"attendee-{meeting.attendees.get().pk}"]
    assert '<tbody data-hx-swap-oob="innerHTML:#attendees-rows">' in html
    assert "-controls" not in html.split("</tr>", 1)[1]


def test_an_official_attending_for_a_minister_brings_the_offer_of_their_apology_for_htmx(
    secretariat_client, htmx_headers, meeting, attendee
):
    response = secretariat_client.post(
        add_url(meeting),
        new_attendee(**{"attendee-person": "", "attendee-deputising_for": "Baroness Hanham MP"}),
        headers=htmx_headers,
    )

    html = response.content.decode()
    assert '<div id="apology-offers" data-hx-swap-oob="true">' in html
    assert "Add the apology of Baroness Hanham MP</button>" in html


def test_adding_an_attendee_with_htmx_costs_the_same_however_long_the_register(
    secretariat_client, htmx_headers, django_assert_num_queries, meeting
):
    secretariat_client.post(add_url(meeting), new_attendee(), headers=htmx_headers)
    for count in (1, 20):
        AttendeeFactory.create_batch(count, meeting=meeting)

        with django_assert_num_queries(ADDED_QUERIES):
            response = secretariat_client.post(add_url(meeting), new_attendee(), headers=htmx_headers)

        assert response.status_code == 200


def test_it_shows_the_problem_on_the_page(secretariat_client, meeting, attendee):
    response = secretariat_client.post(add_url(meeting), new_attendee(**{"attendee-department": ""}))

    assert response.status_code == 200
    assertContains(response, "<html")
    assertContains(response, "<title>Error: Record minutes:")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, '<a href="#id_attendee-department">Enter the attendee\'s department</a>', html=True)
    assertContains(response, 'value="Helen Grant MP"')
    assertContains(response, "Mark Harper MP")
    assert register(meeting) == [attendee.pk]


def test_it_shows_the_problem_at_the_field_for_htmx(
    secretariat_client, htmx_headers, meeting, attendee, assert_add_form_alone, rows_in
):
    response = secretariat_client.post(
        add_url(meeting), new_attendee(**{"attendee-department": ""}), headers=htmx_headers
    )

    html = assert_add_form_alone(response, "attendee-add")
    assert (
        '<p id="id_attendee-department-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the attendee&#x27;s department</p>'
    ) in html
    # Under the section's heading (h2), so the outline stays whole.
    assert '<h3 class="govuk-error-summary__title">There is a problem</h3>' in html
    assert 'value="Helen Grant MP"' in html
    assert rows_in(response) == []
    assert "HX-Trigger-After-Settle" not in response
    assert register(meeting) == [attendee.pk]


def test_it_shows_the_change_form_on_the_page(secretariat_client, attendee):
    response = secretariat_client.get(row_url(attendee, "edit"))

    assertContains(response, "<html")
    assertContains(response, f'<form method="post" action="{row_url(attendee, "edit")}"')
    assertContains(response, "Change attendee</legend>")
    assertContains(response, f'name="attendee-{attendee.pk}-department" value="Home Office"')
    assertContains(response, f'name="attendee-{attendee.pk}-person" value="Mark Harper MP"')


def test_it_shows_the_change_form_alone_in_the_attendees_place_for_htmx(
    secretariat_client, htmx_headers, attendee, assert_row_alone
):
    response = secretariat_client.get(row_url(attendee, "edit"), headers=htmx_headers)

    html = assert_row_alone(response, f"attendee-{attendee.pk}")
    assert f'data-hx-post="{row_url(attendee, "edit")}" data-hx-target="#attendee-{attendee.pk}"' in html
    assert f'name="attendee-{attendee.pk}-department" value="Home Office"' in html
    row = f"attendee-{attendee.pk}"
    page = f"/meetings/{attendee.meeting_id}/record/"
    cancel = f'href="{page}#{row}" data-hx-get="{page}?section={row}" data-hx-target="#{row}"'
    assert f"{cancel}>Cancel</a>" in html


def test_it_saves_changes(secretariat_client, attendee):
    response = secretariat_client.post(row_url(attendee, "edit"), changed_attendee(attendee))

    assertRedirects(response, f"/meetings/{attendee.meeting_id}/record/#attendees", fetch_redirect_response=False)
    attendee.refresh_from_db()
    assert attendee.department.short_name == "AGO"
    assert attendee.who == "Official (for Oliver Heald MP)"
    assert attendee.role == Attendee.Role.CHAIR
    assert attendee.remote


def test_it_returns_the_changed_attendee_alone_for_htmx(secretariat_client, htmx_headers, attendee, assert_row_alone):
    response = secretariat_client.post(row_url(attendee, "edit"), changed_attendee(attendee), headers=htmx_headers)

    html = assert_row_alone(response, f"attendee-{attendee.pk}")
    assert "Official (for Oliver Heald MP) – via video link" in html
    assert json.loads(response["HX-Trigger-After-Settle"]) == {"announce": {"message": "Attendee saved"}}
    assert f'name="attendee-{attendee.pk}-department"' not in html


def test_it_keeps_what_was_typed_when_a_change_has_a_problem(secretariat_client, attendee):
    response = secretariat_client.post(
        row_url(attendee, "edit"), changed_attendee(attendee, department="", person="Helen Grant MP")
    )

    assertContains(response, "There is a problem")
    assertContains(response, f'<a href="#id_attendee-{attendee.pk}-department">')
    assertContains(response, f'name="attendee-{attendee.pk}-person" value="Helen Grant MP"')
    attendee.refresh_from_db()
    assert attendee.department.short_name == "Home Office"
    assert attendee.who == "Mark Harper MP"
    assert not attendee.remote


def test_it_shows_the_problem_in_the_change_form_for_htmx(secretariat_client, htmx_headers, attendee, assert_row_alone):
    response = secretariat_client.post(
        row_url(attendee, "edit"), changed_attendee(attendee, department=""), headers=htmx_headers
    )

    html = assert_row_alone(response, f"attendee-{attendee.pk}")
    assert "There is a problem" in html
    assert f'<p id="id_attendee-{attendee.pk}-department-error" class="govuk-error-message">' in html
    assert f'name="attendee-{attendee.pk}-deputising_for" value="Oliver Heald MP"' in html
    attendee.refresh_from_db()
    assert attendee.department.short_name == "Home Office"


def test_it_removes_an_attendee(secretariat_client, meeting, attendee):
    other = AttendeeFactory(meeting=meeting)

    response = secretariat_client.post(row_url(attendee, "delete"))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#attendees", fetch_redirect_response=False)
    assert register(meeting) == [other.pk]


def test_removing_the_only_attendee_with_htmx_shows_the_empty_register_alone(
    secretariat_client, htmx_headers, meeting, attendee, rows_in
):
    response = secretariat_client.post(row_url(attendee, "delete"), headers=htmx_headers)

    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#attendees-rows", "innerHTML")
    html = response.content.decode().strip()
    assert html == (
        '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="4" tabindex="-1" autofocus>'
        "No attendees yet.</td></tr>"
    )
    assert json.loads(response["HX-Trigger-After-Settle"]) == {"announce": {"message": "Attendee removed"}}


def test_removing_an_official_attending_for_a_minister_with_htmx_takes_back_the_offer_of_their_apology(
    secretariat_client, htmx_headers, meeting, attendee
):
    official = AttendeeFactory(meeting=meeting, person=None, deputising_for=PersonFactory(name="Baroness Hanham MP"))

    response = secretariat_client.post(row_url(official, "delete"), headers=htmx_headers)

    assert response["HX-Retarget"] == f"#attendee-{official.pk}"
    offers = response.content.decode().split('<div id="apology-offers" data-hx-swap-oob="true">', 1)[1]
    assert "Baroness Hanham MP" not in offers


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.post("/meetings/999/attendees/add/", new_attendee()).status_code == 404


BANNER = '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{}</p></div>'


def test_without_javascript_an_addition_shows_a_success_banner(secretariat_client, meeting):
    response = secretariat_client.post(add_url(meeting), new_attendee(), follow=True)

    assertContains(response, 'class="govuk-notification-banner govuk-notification-banner--success" role="alert"')
    assertContains(response, BANNER.format("Attendee added"), html=True)


def test_without_javascript_a_change_shows_a_success_banner(secretariat_client, attendee):
    response = secretariat_client.post(row_url(attendee, "edit"), changed_attendee(attendee), follow=True)

    assertContains(response, BANNER.format("Attendee saved"), html=True)


def test_without_javascript_a_removal_shows_a_success_banner(secretariat_client, attendee):
    response = secretariat_client.post(row_url(attendee, "delete"), follow=True)

    assertContains(response, BANNER.format("Attendee removed"), html=True)


def test_an_htmx_change_leaves_no_banner_for_the_next_page(secretariat_client, htmx_headers, meeting):
    secretariat_client.post(add_url(meeting), new_attendee(), headers=htmx_headers)

    assert "govuk-notification-banner" not in secretariat_client.get(f"/meetings/{meeting.pk}/record/").content.decode()
