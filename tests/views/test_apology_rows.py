"""Adding, changing, removing and reordering the apologies sent to a meeting."""

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import ApologyFactory, AttendeeFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def apology(meeting):
    return ApologyFactory(meeting=meeting, department__short_name="Home Office", person__name="Jeremy Browne MP")


def add_url(meeting):
    return f"/meetings/{meeting.pk}/apologies/add/"


def row_url(apology, view):
    return f"/meetings/{apology.meeting_id}/apologies/{apology.pk}/{view}/"


def new_apology(**changes):
    return {
        "apology-department": "DCLG",
        "apology-person": "Baroness Hanham MP",
        "apology-add_departments": "on",
    } | changes


def changed_apology(apology, **changes):
    fields = {"department": "FCO", "person": "Hugo Swire MP", "add_departments": "on", "version": apology.version}
    fields |= changes
    return {f"apology-{apology.pk}-{name}": value for name, value in fields.items()}


def apologies(meeting):
    return list(meeting.apologies.values_list("pk", flat=True))


def test_it_adds_an_apology(secretariat_client, meeting):
    response = secretariat_client.post(add_url(meeting), new_apology())

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#apologies", fetch_redirect_response=False)
    apology = meeting.apologies.get()
    assert (apology.department.short_name, apology.person.name) == ("DCLG", "Baroness Hanham MP")


def test_it_returns_the_new_row_and_the_add_form_again_for_htmx(
    secretariat_client, htmx_headers, meeting, apology, assert_add_form_alone, rows_in
):
    response = secretariat_client.post(add_url(meeting), new_apology(), headers=htmx_headers)

    html = assert_add_form_alone(response, "apology-add")
    added = meeting.apologies.get(person__name="Baroness Hanham MP")
    assert rows_in(response) == [f"apology-{added.pk}"]
    assert '<template><tbody data-hx-swap-oob="beforeend:#apologies-rows">' in html
    assert '<td class="govuk-table__cell">Baroness Hanham MP</td>' in html
    # The apology that was last keeps its row, and gets the controls of a row that can move down.
    assert f'id="apology-{apology.pk}-controls" data-hx-swap-oob="true"' in html
    assert "Jeremy Browne MP</td>" not in html
    assert 'id="attendees"' not in html
    assert 'name="apology-person" value=' not in html
    assert len(response.content) < 10_000


def test_an_apology_takes_back_the_offer_to_add_it_for_htmx(secretariat_client, htmx_headers, meeting):
    AttendeeFactory(meeting=meeting, person=None, deputising_for=PersonFactory(name="Baroness Hanham MP"))
    assert (
        "Add the apology of Baroness Hanham MP"
        in secretariat_client.get(f"/meetings/{meeting.pk}/record/").content.decode()
    )

    response = secretariat_client.post(add_url(meeting), new_apology(), headers=htmx_headers)

    offers = response.content.decode().split('<div id="apology-offers" data-hx-swap-oob="true">', 1)[1]
    assert "Add the apology of" not in offers


def test_it_shows_the_problem_on_the_page(secretariat_client, meeting, apology):
    response = secretariat_client.post(add_url(meeting), new_apology(**{"apology-person": "Official"}))

    assert response.status_code == 200
    assertContains(response, "<html")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(
        response, '<a href="#id_apology-person">Enter the name of the person who sent apologies</a>', html=True
    )
    assertContains(response, 'name="apology-department" value="DCLG"')
    assertContains(response, "Jeremy Browne MP")
    assert apologies(meeting) == [apology.pk]


def test_it_shows_the_problem_at_the_field_for_htmx(
    secretariat_client, htmx_headers, meeting, apology, assert_add_form_alone, rows_in
):
    response = secretariat_client.post(
        add_url(meeting), new_apology(**{"apology-department": ""}), headers=htmx_headers
    )

    html = assert_add_form_alone(response, "apology-add")
    assert (
        '<p id="id_apology-department-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the department that sent apologies</p>'
    ) in html
    assert 'value="Baroness Hanham MP"' in html
    assert rows_in(response) == []
    assert apologies(meeting) == [apology.pk]


def test_it_shows_the_change_form_on_the_page(secretariat_client, apology):
    response = secretariat_client.get(row_url(apology, "edit"))

    assertContains(response, "<html")
    assertContains(response, "Change apology</legend>")
    assertContains(response, f'<form method="post" action="{row_url(apology, "edit")}"')
    assertContains(response, f'name="apology-{apology.pk}-department" value="Home Office"')
    assertContains(response, f'name="apology-{apology.pk}-person" value="Jeremy Browne MP"')


def test_it_shows_the_change_form_alone_in_the_apologys_place_for_htmx(
    secretariat_client, htmx_headers, apology, assert_row_alone
):
    response = secretariat_client.get(row_url(apology, "edit"), headers=htmx_headers)

    html = assert_row_alone(response, f"apology-{apology.pk}")
    assert f'data-hx-post="{row_url(apology, "edit")}"' in html
    assert f'name="apology-{apology.pk}-person" value="Jeremy Browne MP"' in html


def test_it_saves_changes(secretariat_client, apology):
    response = secretariat_client.post(row_url(apology, "edit"), changed_apology(apology))

    assertRedirects(response, f"/meetings/{apology.meeting_id}/record/#apologies", fetch_redirect_response=False)
    apology.refresh_from_db()
    assert (apology.department.short_name, apology.person.name) == ("FCO", "Hugo Swire MP")


def test_it_returns_the_changed_apology_alone_for_htmx(secretariat_client, htmx_headers, apology, assert_row_alone):
    response = secretariat_client.post(row_url(apology, "edit"), changed_apology(apology), headers=htmx_headers)

    html = assert_row_alone(response, f"apology-{apology.pk}")
    assert '<td class="govuk-table__cell">Hugo Swire MP</td>' in html
    assert f'name="apology-{apology.pk}-person"' not in html


def test_it_keeps_what_was_typed_when_a_change_has_a_problem(secretariat_client, apology):
    response = secretariat_client.post(row_url(apology, "edit"), changed_apology(apology, person="official"))

    assertContains(response, "There is a problem")
    assertContains(response, f'<a href="#id_apology-{apology.pk}-person">')
    assertContains(response, f'name="apology-{apology.pk}-department" value="FCO"')
    assertContains(response, f'name="apology-{apology.pk}-person" value="official"')
    apology.refresh_from_db()
    assert (apology.department.short_name, apology.person.name) == ("Home Office", "Jeremy Browne MP")


def test_it_removes_an_apology(secretariat_client, meeting, apology):
    other = ApologyFactory(meeting=meeting)

    response = secretariat_client.post(row_url(apology, "delete"))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#apologies", fetch_redirect_response=False)
    assert apologies(meeting) == [other.pk]


def test_removing_the_only_apology_with_htmx_shows_the_empty_apologies_alone(secretariat_client, htmx_headers, apology):
    response = secretariat_client.post(row_url(apology, "delete"), headers=htmx_headers)

    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#apologies-rows", "innerHTML")
    html = response.content.decode().strip()
    assert html.startswith(
        '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3" tabindex="-1" autofocus>'
        "No apologies yet.</td></tr>"
    )
    # No official attended for a minister: nothing is offered.
    assert html.split('<div id="apology-offers" data-hx-swap-oob="true">')[1].strip() == "</div>"


def test_removing_a_ministers_apology_with_htmx_offers_it_again(secretariat_client, htmx_headers, meeting):
    minister = PersonFactory(name="Baroness Hanham MP")
    AttendeeFactory(meeting=meeting, person=None, deputising_for=minister)
    apology, _ = ApologyFactory(meeting=meeting, person=minister), ApologyFactory(meeting=meeting)

    response = secretariat_client.post(row_url(apology, "delete"), headers=htmx_headers)

    assert response["HX-Retarget"] == f"#apology-{apology.pk}"
    offers = response.content.decode().split('<div id="apology-offers" data-hx-swap-oob="true">', 1)[1]
    assert "Add the apology of Baroness Hanham MP" in offers
