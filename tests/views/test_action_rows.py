"""Adding, changing, removing and reordering the actions beside an agenda item."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions.models import Action
from meetings.models import Meeting, MinutesStatus
from tests.factories import ActionFactory, AgendaItemFactory, DepartmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TEXT = "MOJ and AGO/CPS to undertake further work to explore prosecutions in Human Trafficking"


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, number=2, title="Presentation on prosecutions")


@pytest.fixture
def action(item):
    """An action owned by MOJ, which leads, and AGO, due at the next meeting."""
    action = ActionFactory(agenda_item=item, text=TEXT, due_at_next_meeting=True)
    action.set_owners(
        [DepartmentFactory(short_name="MOJ"), DepartmentFactory(short_name="AGO")],
        lead=DepartmentFactory(short_name="MOJ"),
    )
    return action


def add_url(item):
    return f"/meetings/{item.meeting_id}/items/{item.pk}/actions/add/"


def row_url(action, view):
    return f"/meetings/{action.meeting_id}/actions/{action.pk}/{view}/"


def record_url(item):
    return f"/meetings/{item.meeting_id}/record/#item-{item.pk}"


def action_fields(prefix, **changes):
    fields = {
        "text": "Home Office and UKHTC to consider how to capture what happens to victims",
        "owners": "Home Office, UKHTC",
        "first_owner_leads": "on",
        "due": "none",
        "due_date_day": "",
        "due_date_month": "",
        "due_date_year": "",
        "add_departments": "on",
    } | changes
    return {f"{prefix}-{name}": value for name, value in fields.items() if value is not None}


def new_action(item, **changes):
    return action_fields(f"item-{item.pk}-action", **changes)


def changed_action(action, **changes):
    return action_fields(f"action-{action.pk}", **({"version": action.version} | changes))


def owners(action):
    return [(ownership.department.short_name, ownership.is_lead) for ownership in action.ownerships.all()]


def actions(item):
    return list(item.actions.values_list("pk", flat=True))


def test_it_adds_an_action_with_its_owners_lead_first(secretariat_client, item):
    response = secretariat_client.post(add_url(item), new_action(item, owners="MOJ, AGO, CPS", due="next_meeting"))

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    action = item.actions.get()
    assert action.text == "Home Office and UKHTC to consider how to capture what happens to victims"
    assert owners(action) == [("MOJ", True), ("AGO", False), ("CPS", False)]
    assert action.due_at_next_meeting
    assert action.due_date is None


def test_it_adds_an_action_due_by_a_date(secretariat_client, item):
    secretariat_client.post(
        add_url(item), new_action(item, due="date", due_date_day="30", due_date_month="4", due_date_year="2013")
    )

    action = item.actions.get()
    assert action.due_date == datetime.date(2013, 4, 30)
    assert not action.due_at_next_meeting


def test_it_adds_an_action_without_a_lead(secretariat_client, item):
    secretariat_client.post(add_url(item), new_action(item, first_owner_leads=None))

    assert owners(item.actions.get()) == [("Home Office", False), ("UKHTC", False)]


def test_it_returns_the_new_action_and_the_add_form_again_for_htmx(
    secretariat_client, htmx_headers, meeting, item, action, assert_add_form_alone, rows_in
):
    other_item = AgendaItemFactory(meeting=meeting)

    response = secretariat_client.post(add_url(item), new_action(item, owners="MOJ, AGO, CPS"), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-action-add")
    added = item.actions.exclude(pk=action.pk).get()
    assert rows_in(response) == [f"action-{added.pk}"]
    assert f'<div data-hx-swap-oob="beforeend:#item-{item.pk}-actions">' in html
    assert "Home Office and UKHTC to consider how to capture what happens to victims" in html
    assert "Owners: MOJ (lead), AGO, CPS</p>" in html
    # The action above keeps its row; only its controls come, now with Move down.
    assert f'id="action-{action.pk}-controls" data-hx-swap-oob="true"' in html
    assert "Owners: MOJ (lead), AGO<br>" not in html
    assert f"item-{other_item.pk}" not in html
    # The add form stays open, empty, for the next action.
    assert html.startswith(f'<details class="govuk-details" open id="item-{item.pk}-action-add">')
    assert f'name="item-{item.pk}-action-owners" value=' not in html
    assert len(response.content) < 20_000


def test_it_shows_the_problem_on_the_page(secretariat_client, item, action):
    response = secretariat_client.post(add_url(item), new_action(item, due="date"))

    assert response.status_code == 200
    assertContains(response, "<html")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(
        response, f'<a href="#id_item-{item.pk}-action-due_date_day">Enter the date the action is due</a>', html=True
    )
    assertContains(response, f'<details class="govuk-details" open id="item-{item.pk}-action-add">')
    assertContains(response, f'name="item-{item.pk}-action-owners" value="Home Office, UKHTC"')
    assertContains(response, TEXT)
    assert actions(item) == [action.pk]


def test_it_shows_the_problem_at_the_field_for_htmx(
    secretariat_client, htmx_headers, item, action, assert_add_form_alone, rows_in
):
    response = secretariat_client.post(add_url(item), new_action(item, owners="MOJ, moj"), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-action-add")
    assert (
        f'<p id="id_item-{item.pk}-action-owners-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Name each owning department once</p>'
    ) in html
    # Under the item's "Actions" heading (h4), so the outline stays whole.
    assert '<h5 class="govuk-error-summary__title">There is a problem</h5>' in html
    assert "capture what happens to victims</textarea>" in html
    assert rows_in(response) == []
    assert actions(item) == [action.pk]


def test_it_404s_adding_to_an_agenda_item_of_another_meeting(secretariat_client, meeting):
    elsewhere = AgendaItemFactory()

    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/items/{elsewhere.pk}/actions/add/", new_action(elsewhere)
    )

    assert response.status_code == 404
    assert not Action.objects.exists()


def test_it_shows_the_change_form_on_the_page(secretariat_client, action):
    response = secretariat_client.get(row_url(action, "edit"))

    assertContains(response, "<html")
    assertContains(response, f'<form method="post" action="{row_url(action, "edit")}"')
    assertContains(response, f"{TEXT}</textarea>")
    assertContains(response, f'name="action-{action.pk}-owners" value="MOJ, AGO"')
    assertContains(
        response,
        f'name="action-{action.pk}-first_owner_leads" class="govuk-checkboxes__input" '
        f'id="id_action-{action.pk}-first_owner_leads" checked',
    )
    assertContains(response, f'name="action-{action.pk}-due" type="radio" value="next_meeting" checked')


def test_it_shows_the_change_form_alone_in_the_actions_place_for_htmx(
    secretariat_client, htmx_headers, item, action, assert_row_alone
):
    response = secretariat_client.get(row_url(action, "edit"), headers=htmx_headers)

    html = assert_row_alone(response, f"action-{action.pk}")
    assert f'data-hx-post="{row_url(action, "edit")}"' in html
    assert f'name="action-{action.pk}-owners" value="MOJ, AGO"' in html


def test_it_saves_changes(secretariat_client, item, action):
    response = secretariat_client.post(
        row_url(action, "edit"),
        changed_action(
            action, first_owner_leads=None, due="date", due_date_day="30", due_date_month="4", due_date_year="2013"
        ),
    )

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    action.refresh_from_db()
    assert action.text == "Home Office and UKHTC to consider how to capture what happens to victims"
    assert owners(action) == [("Home Office", False), ("UKHTC", False)]
    assert action.due_date == datetime.date(2013, 4, 30)
    assert not action.due_at_next_meeting


def test_it_records_who_changed_the_due_date_of_circulated_minutes(secretariat_client, secretariat_user, action):
    Meeting.objects.filter(pk=action.meeting_id).update(status=MinutesStatus.CIRCULATED)
    secretariat_client.post(
        row_url(action, "edit"),
        changed_action(action, due="date", due_date_day="30", due_date_month="4", due_date_year="2013"),
    )

    update = action.updates.get()
    assert update.author == secretariat_user
    assert update.text == "Due date changed from At the next meeting to 30 April 2013."


def test_a_due_date_corrected_in_draft_minutes_is_no_update_and_leaves_the_action_removable(secretariat_client, action):
    secretariat_client.post(
        row_url(action, "edit"),
        changed_action(action, due="date", due_date_day="30", due_date_month="4", due_date_year="2013"),
    )
    action.refresh_from_db()
    assert action.due_date == datetime.date(2013, 4, 30)
    assert not action.updates.exists()

    secretariat_client.post(row_url(action, "delete"))

    assert not Action.objects.filter(pk=action.pk).exists()


def test_it_returns_the_changed_action_alone_for_htmx(secretariat_client, htmx_headers, item, action, assert_row_alone):
    response = secretariat_client.post(
        row_url(action, "edit"), changed_action(action, owners="CPS, MOJ"), headers=htmx_headers
    )

    html = assert_row_alone(response, f"action-{action.pk}")
    assert f'href="/actions/{action.pk}/">{action.reference}</a>' in html
    assert "Owners: CPS (lead), MOJ</p>" in html
    assert f'name="action-{action.pk}-owners"' not in html


def test_it_keeps_what_was_typed_when_a_change_has_a_problem(secretariat_client, action):
    response = secretariat_client.post(row_url(action, "edit"), changed_action(action, text="", due="next_meeting"))

    assertContains(response, "There is a problem")
    assertContains(response, f'<a href="#id_action-{action.pk}-text">Enter the action</a>')
    assertContains(response, f'name="action-{action.pk}-owners" value="Home Office, UKHTC"')
    assertContains(response, f'name="action-{action.pk}-due" type="radio" value="next_meeting" checked')
    action.refresh_from_db()
    assert action.text == TEXT
    assert owners(action) == [("MOJ", True), ("AGO", False)]
    assert action.due_at_next_meeting


def test_it_removes_an_action(secretariat_client, item, action):
    other = ActionFactory(agenda_item=item)

    response = secretariat_client.post(row_url(action, "delete"))

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    assert actions(item) == [other.pk]


def test_removing_an_items_only_action_with_htmx_shows_its_empty_list_alone(
    secretariat_client, htmx_headers, item, action
):
    response = secretariat_client.post(row_url(action, "delete"), headers=htmx_headers)

    assert (response["HX-Retarget"], response["HX-Reswap"]) == (f"#item-{item.pk}-actions", "innerHTML")
    assert response.content.decode().strip() == '<p class="govuk-body" tabindex="-1" autofocus>None</p>'


def test_it_keeps_an_action_that_has_updates_and_says_why(secretariat_client, secretariat_user, item, action):
    action.record_update(author=secretariat_user, text="Work has started.")

    response = secretariat_client.post(row_url(action, "delete"), follow=True)

    assert Action.objects.filter(pk=action.pk).exists()
    assert action.updates.count() == 1
    assertContains(response, f"Action {action.reference} cannot be removed: updates have been recorded on it.")


def test_it_sends_htmx_to_the_whole_page_to_say_why_an_action_with_updates_stays(
    secretariat_client, secretariat_user, htmx_headers, item, action
):
    action.record_update(author=secretariat_user, text="Work has started.")

    response = secretariat_client.post(row_url(action, "delete"), headers=htmx_headers)

    assert response["HX-Redirect"] == f"/meetings/{item.meeting_id}/record/"
    assert Action.objects.filter(pk=action.pk).exists()


def test_the_recording_page_offers_to_drop_an_action_with_updates_not_to_remove_it(
    secretariat_client, secretariat_user, item, action
):
    other = ActionFactory(agenda_item=item)
    action.record_update(author=secretariat_user, text="Work has started.")

    response = secretariat_client.get(f"/meetings/{item.meeting_id}/record/")

    html = response.content.decode()
    assert f'href="/actions/{action.pk}/?status=dropped#post-update">Drop<span' in html
    assert "Kept: its actions have updates" in html
    assert row_url(action, "delete") not in html
    assert row_url(other, "delete") in html
    assert f"/meetings/{item.meeting_id}/items/{item.pk}/delete/" not in html


def test_the_removal_page_of_an_action_with_updates_says_why_it_stays(secretariat_client, secretariat_user, action):
    action.record_update(author=secretariat_user, text="Work has started.")

    response = secretariat_client.get(row_url(action, "delete"))

    assertContains(response, "This action cannot be removed")
    assertContains(response, f"Action {action.reference} cannot be removed: updates have been recorded on it.")
    assertNotContains(response, "Yes, remove it")


def test_drop_leads_to_the_update_form_with_dropped_chosen(secretariat_client, action):
    response = secretariat_client.get(f"/actions/{action.pk}/?status=dropped")

    assertContains(response, 'id="post-update"')
    assertContains(response, 'value="dropped" checked', count=1)
