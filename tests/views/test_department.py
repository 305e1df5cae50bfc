import datetime
import re

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import Status
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    AttendeeFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

# The session and the user; the department; the successions, however many generations; the counts, in one
# query; a page of its outstanding actions with their owners and latest updates, in one query; its recently
# completed actions, which show neither.
QUERIES = 7

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


def department_url(department):
    return f"/departments/{department.pk}/"


def links_to_actions(html):
    return re.findall(r'<a class="govuk-link" href="/actions/\d+/">([^<]+)</a>', html)


def references(response):
    """The references in the table of outstanding actions, in order."""
    html = response.content.decode()
    return links_to_actions(html[html.find("<table") : html.find("</table>")]) if "<table" in html else []


def completed_references(response):
    """The references in the list of recently completed actions, in order."""
    return links_to_actions(response.content.decode().split("Recently completed")[1])


def count_of(response, what):
    match = re.search(rf'<span class="app-count__number">(\d+)</span> {what}', response.content.decode())
    return int(match.group(1))


@pytest.fixture
def home_office():
    return DepartmentFactory(short_name="Home Office", name="Home Office")


@pytest.fixture
def group():
    return GroupFactory(short_name="IDMG")


@pytest.fixture
def meeting(group):
    """A past meeting whose next meeting is on record, twenty days from today."""
    MeetingFactory(group=group, date=days(20))
    return MeetingFactory(group=group, date=days(-30))


def owned(department, meeting, *, lead=True, **fields):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), **fields)
    ActionOwnerFactory(action=action, department=department, is_lead=lead)
    return action


@pytest.fixture
def actions(home_office, meeting):
    """One of each kind of outstanding action the Home Office owns, in the order the page lists them."""
    no_next_meeting = MeetingFactory(group=GroupFactory(short_name="Strategy Board"), date=days(-10))
    return {
        "overdue": owned(home_office, meeting, due_date=days(-1)),
        "due soon": owned(home_office, meeting, due_date=days(5)),
        "at the next meeting": owned(home_office, meeting, due_at_next_meeting=True),
        "due later": owned(home_office, meeting, due_date=days(40), status=Status.IN_PROGRESS),
        "at a next meeting not yet set": owned(home_office, no_next_meeting, due_at_next_meeting=True),
        "undated": owned(home_office, meeting),
    }


def test_it_lists_the_outstanding_actions_most_urgent_first(secretariat_client, home_office, actions):
    response = secretariat_client.get(department_url(home_office))

    assert references(response) == [action.reference for action in actions.values()]
    assertContains(response, "Outstanding actions, most urgent first")


def test_it_marks_overdue_actions(secretariat_client, home_office, actions):
    response = secretariat_client.get(department_url(home_office))

    assertContains(response, '<strong class="govuk-tag govuk-tag--red">Overdue</strong>', count=1, html=True)


def test_it_counts_the_outstanding_overdue_and_due_by_the_next_meeting(secretariat_client, home_office, actions):
    response = secretariat_client.get(department_url(home_office))

    assert count_of(response, "outstanding") == 6
    assert count_of(response, "overdue") == 1
    assert count_of(response, "due by the next meeting") == 3


def test_it_lists_actions_it_co_owns_and_marks_the_lead(secretariat_client, home_office, meeting):
    moj = DepartmentFactory(short_name="MOJ")
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    action.set_owners([moj, home_office], lead=moj)

    response = secretariat_client.get(department_url(home_office))

    assert references(response) == [action.reference]
    assertContains(response, '<td class="govuk-table__cell">MOJ (lead), Home Office</td>', html=True)


def test_it_leaves_out_other_departments_and_closed_actions(secretariat_client, home_office, meeting):
    owned(DepartmentFactory(short_name="DWP"), meeting)
    owned(home_office, meeting, status=Status.DONE, closed_on=days(-2))

    response = secretariat_client.get(department_url(home_office))

    assert references(response) == []
    assertContains(response, "Home Office has no outstanding actions.")
    assert count_of(response, "outstanding") == 0


def test_it_shows_each_actions_latest_update(secretariat_client, home_office, meeting):
    action = owned(home_office, meeting)
    UpdateFactory(action=action, text="First draft written.")
    UpdateFactory(action=action, text="Second draft with officials.")

    response = secretariat_client.get(department_url(home_office))

    assertContains(response, "Second draft with officials.")
    assertNotContains(response, "First draft written.")


def test_it_lists_the_recently_completed_actions_newest_first(secretariat_client, home_office, meeting):
    done = owned(home_office, meeting, status=Status.DONE, closed_on=datetime.date(2013, 6, 10))
    dropped = owned(home_office, meeting, status=Status.DROPPED, closed_on=datetime.date(2013, 9, 9))

    response = secretariat_client.get(department_url(home_office))

    assert completed_references(response) == [dropped.reference, done.reference]
    assertContains(response, f"{done.reference}</a>: Home Office to set up")
    assertContains(response, "– done 10 June 2013")
    assertContains(response, "– dropped 9 September 2013")


def test_it_lists_only_the_ten_most_recently_completed(secretariat_client, home_office, meeting):
    closed = [
        owned(home_office, meeting, status=Status.DONE, closed_on=datetime.date(2013, 1, day)) for day in range(1, 13)
    ]

    response = secretariat_client.get(department_url(home_office))

    assert completed_references(response) == [action.reference for action in reversed(closed[2:])]


def test_it_says_when_none_are_completed(secretariat_client, home_office):
    response = secretariat_client.get(department_url(home_office))

    assertContains(response, "None yet.")


@pytest.fixture
def scotland():
    government = DepartmentFactory(short_name="Scottish Government")
    executive = DepartmentFactory(short_name="Scottish Executive", successor=government)
    return government, executive


def test_the_successors_page_lists_the_open_actions_of_the_department_it_succeeded(
    secretariat_client, scotland, meeting
):
    government, executive = scotland
    of_the_executive = owned(executive, meeting, due_date=days(-1))
    of_the_government = owned(government, meeting, due_date=days(3))

    response = secretariat_client.get(department_url(government))

    assert references(response) == [of_the_executive.reference, of_the_government.reference]
    assertContains(response, '<td class="govuk-table__cell">Scottish Executive (lead)</td>', html=True)
    assert count_of(response, "outstanding") == 2


def test_the_old_departments_page_points_to_its_successor(secretariat_client, scotland, meeting):
    government, executive = scotland
    of_the_executive = owned(executive, meeting)
    of_the_government = owned(government, meeting)

    response = secretariat_client.get(department_url(executive))

    assertContains(
        response,
        "Scottish Executive's work has passed to Scottish Government. Its open actions are followed up on "
        f'<a class="govuk-link" href="/departments/{government.pk}/">Scottish Government\'s page</a>.',
    )
    assert of_the_government.reference not in references(response)
    assert references(response) == [of_the_executive.reference]


def test_the_successors_page_does_not_point_anywhere(secretariat_client, scotland):
    government, _ = scotland

    response = secretariat_client.get(department_url(government))

    assertNotContains(response, "work has passed to")


def test_old_minutes_keep_the_old_name(secretariat_client, scotland, group):
    _, executive = scotland
    meeting_2012 = MeetingFactory(group=group, date=datetime.date(2012, 4, 17))
    AttendeeFactory(meeting=meeting_2012, department=executive, person=None)
    owned(executive, meeting_2012, text="Scotland to report back on its work with companies.")

    response = secretariat_client.get(f"/meetings/{meeting_2012.pk}/")

    assertContains(response, '<td class="govuk-table__cell">Scottish Executive</td>', html=True)
    assertContains(response, "Scottish Executive (lead)")
    assertNotContains(response, "Scottish Government")


def build_actions(department, count):
    """``count`` outstanding and ``count`` completed actions, owned directly or through a predecessor."""
    predecessor = DepartmentFactory(successor=department)
    group = GroupFactory()
    MeetingFactory(group=group, date=days(14))
    item = AgendaItemFactory(meeting=MeetingFactory(group=group, date=days(-30)))
    for number in range(count):
        owner = predecessor if number % 2 else department
        outstanding = ActionFactory(agenda_item=item, due_date=days(number - count // 2))
        ActionOwnerFactory(action=outstanding, department=owner, is_lead=True)
        ActionOwnerFactory(action=outstanding)
        UpdateFactory(action=outstanding)
        closed = ActionFactory(agenda_item=item, status=Status.DONE, closed_on=days(-number))
        ActionOwnerFactory(action=closed, department=owner)
        UpdateFactory(action=closed, new_status=Status.DONE)


@pytest.mark.parametrize("count", [5, 300])
def test_its_query_count_does_not_grow_with_the_actions(
    secretariat_client, django_assert_num_queries, home_office, count
):
    build_actions(home_office, count)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get(department_url(home_office))

    assert count_of(response, "outstanding") == count


@pytest.fixture
def many_outstanding(home_office, meeting):
    """120 outstanding actions of the Home Office, due a day apart, most urgent first."""
    item = AgendaItemFactory(meeting=meeting)
    actions = []
    for number in range(120):
        action = ActionFactory(agenda_item=item, due_date=days(number - 10))
        ActionOwnerFactory(action=action, department=home_office, is_lead=True)
        actions.append(action)
    return actions


def test_it_lists_fifty_outstanding_actions_a_page(secretariat_client, home_office, many_outstanding):
    response = secretariat_client.get(department_url(home_office))

    assert references(response) == [action.reference for action in many_outstanding[:50]]
    assertContains(response, "Showing 1 to 50 of 120 outstanding actions.")
    assertContains(response, 'href="?page=2" rel="next"')
    assert count_of(response, "outstanding") == 120
    assert count_of(response, "overdue") == 10


@pytest.mark.parametrize(("page", "first", "last"), [(2, 50, 100), (3, 100, 120)])
def test_its_later_pages_carry_on_where_the_last_left_off(
    secretariat_client, home_office, many_outstanding, page, first, last
):
    response = secretariat_client.get(department_url(home_office), {"page": page})

    assert references(response) == [action.reference for action in many_outstanding[first:last]]
    assert count_of(response, "outstanding") == 120


@pytest.mark.parametrize("page", [1, 3])
def test_any_page_costs_the_same_queries(
    secretariat_client, django_assert_num_queries, home_office, many_outstanding, page
):
    with django_assert_num_queries(QUERIES):
        secretariat_client.get(department_url(home_office), {"page": page})


def test_it_404s_for_an_unknown_department(secretariat_client):
    assert secretariat_client.get("/departments/999/").status_code == 404


def test_it_rejects_post(secretariat_client, home_office):
    assert secretariat_client.post(department_url(home_office)).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, home_office):
    assert_sign_in_required(department_url(home_office))


def test_department_users_may_read_any_departments_page(department_client, scotland):
    government, _ = scotland

    assert department_client.get(department_url(government)).status_code == 200
