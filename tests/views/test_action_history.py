"""The history of an action: changes to its text, due date, status and owners, in words, newest first."""

import datetime

import pytest
from pytest_django.asserts import assertContains

from tests.factories import ActionFactory, AgendaItemFactory, DepartmentFactory, GroupFactory, MeetingFactory
from tests.history_pages import written_when

pytestmark = pytest.mark.django_db


TEXT = "MOJ to explore prosecutions in Human Trafficking"


@pytest.fixture
def meeting():
    return MeetingFactory(group=GroupFactory(short_name="IDMG"), date=datetime.date(2013, 3, 11))


@pytest.fixture
def action(meeting):
    """An action owned by MOJ alone, which leads, with no due date."""
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting, number=2), text=TEXT)
    moj = DepartmentFactory(short_name="MOJ")
    action.set_owners([moj], lead=moj)
    return action


def history_url(action):
    return f"/actions/{action.pk}/history/"


def change_action(client, action, **changes):
    """Change the action through the recording page's change form, as the secretariat does."""
    prefix = f"action-{action.pk}"
    fields = {
        "text": action.text,
        "owners": ", ".join(department.short_name for department in action.owner_list),
        "add_departments": "on",
        "first_owner_leads": "on",
        "due": "none",
        "due_date_day": "",
        "due_date_month": "",
        "due_date_year": "",
        "version": action.version,
    } | changes
    response = client.post(
        f"/meetings/{action.meeting_id}/actions/{action.pk}/edit/",
        {f"{prefix}-{name}": value for name, value in fields.items() if value is not None},
    )
    assert response.status_code == 302
    action.refresh_from_db()


def headings(changes):
    return [change["heading"] for change in changes]


def change_headed(changes, heading):
    return next(change for change in changes if change["heading"] == heading)


def test_it_lists_changes_to_the_action_newest_first(secretariat_client, changes_listed, action):
    change_action(secretariat_client, action, text="MOJ and AGO to explore prosecutions")
    change_action(secretariat_client, action, due="date", due_date_day="30", due_date_month="9", due_date_year="2013")

    changes = changes_listed(secretariat_client.get(history_url(action)))

    assert [heading for heading in headings(changes) if "Action" in heading] == [
        "Changed Action: IDMG 2013-03 A1",
        "Changed Action: IDMG 2013-03 A1",
        "Added Action: IDMG 2013-03 A1",
    ]
    assert [change["fields"] for change in changes if change["heading"].startswith("Changed Action")] == [
        [("Due date", "(none)", "30 September 2013")],
        [("Text", TEXT, "MOJ and AGO to explore prosecutions")],
    ]


def test_it_lists_a_change_of_owners_by_department_name(secretariat_client, changes_listed, action):
    change_action(secretariat_client, action, owners="AGO, MOJ")

    changes = changes_listed(secretariat_client.get(history_url(action)))

    change_of_owners = [change["heading"] for change in changes if "Owner" in change["heading"]]
    assert change_of_owners == ["Added Owner: AGO (lead)", "Changed Owner: MOJ", "Added Owner: MOJ (lead)"]
    assert change_headed(changes, "Changed Owner: MOJ")["fields"] == [("Lead", "Yes", "No")]


def test_a_change_that_keeps_the_owners_lists_no_change_of_owners(secretariat_client, changes_listed, action):
    change_action(secretariat_client, action, text="MOJ and AGO to explore prosecutions")

    changes = changes_listed(secretariat_client.get(history_url(action)))

    assert [heading for heading in headings(changes) if "Owner" in heading] == ["Added Owner: MOJ (lead)"]


def test_it_lists_a_change_of_status_posted_on_the_action_page(
    department_client, department_user, changes_listed, action
):
    action.set_owners([DepartmentFactory(short_name="Home Office")])
    action.meeting.circulate()

    department_client.post(
        f"/actions/{action.pk}/", {"status": "done", "text": "Guidance published.", "version": action.version}
    )
    changes = changes_listed(department_client.get(history_url(action)))

    latest = changes[0]
    assert latest["heading"] == "Changed Action: IDMG 2013-03 A1"
    assert latest["fields"] == [("Status", "Open", "Done")]
    record = action.history.latest("history_id")
    assert latest["byline"] == f"{written_when(record.history_date)} by home-office"


def test_it_leaves_out_the_changes_of_other_actions(secretariat_client, changes_listed, action):
    other = ActionFactory(agenda_item=action.agenda_item, text="FCO to scope connections with source countries")
    other.set_owners([DepartmentFactory(short_name="FCO")])
    change_action(secretariat_client, other, text="FCO to scope the connections")

    changes = changes_listed(secretariat_client.get(history_url(action)))

    assert headings(changes) == ["Added Owner: MOJ (lead)", "Added Action: IDMG 2013-03 A1"]


def test_it_links_to_the_action_page_for_its_updates(secretariat_client, action):
    response = secretariat_client.get(history_url(action))

    assertContains(response, '<span class="govuk-caption-l">IDMG 2013-03 A1</span>', html=True)
    assertContains(response, f'<a class="govuk-link" href="/actions/{action.pk}/">the action\'s page</a>', html=True)


def test_a_department_user_reads_it_once_the_minutes_are_circulated(department_client, changes_listed, action):
    action.meeting.circulate()

    assert headings(changes_listed(department_client.get(history_url(action)))) == [
        "Added Owner: MOJ (lead)",
        "Added Action: IDMG 2013-03 A1",
    ]


def test_a_department_user_cannot_read_it_while_the_minutes_are_a_draft(department_client, action):
    assert department_client.get(history_url(action)).status_code == 403


def test_it_rejects_post(secretariat_client, action):
    assert secretariat_client.post(history_url(action)).status_code == 405


def test_it_404s_for_an_unknown_action(secretariat_client):
    assert secretariat_client.get("/actions/999/history/").status_code == 404


def test_it_requires_sign_in(assert_sign_in_required, action):
    assert_sign_in_required(history_url(action))


# The session and the user; the action with its meeting and group; the groups the user serves;
# the history of the action and of its owners; and the records they name, one query for each model
# (meetings, agenda items, actions and departments); its updates withdrawn.
HISTORY_QUERIES = 11


@pytest.mark.parametrize("count", [1, 20])
def test_its_query_count_does_not_grow_with_the_owners_it_names(
    secretariat_client, secretariat_user, action, django_assert_num_queries, count
):
    action.meeting.group.secretariat.add(secretariat_user)
    action.set_owners([DepartmentFactory(short_name=f"Department {number}") for number in range(count)])
    secretariat_client.get(history_url(action))

    with django_assert_num_queries(HISTORY_QUERIES):
        response = secretariat_client.get(history_url(action))

    assertContains(response, f"Department {count - 1}")
