import datetime
import re

import factory
import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import Status
from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

# The session and the user; the ids of the meetings hidden from the user; the count of matching
# actions; one page of them, with their owners and latest updates, in one query; the groups and
# departments the filters offer (meetings are a year typed or one meeting linked to, never a list
# of every meeting).
QUERIES = 7

TODAY = timezone.localdate()


def days(count):
    return TODAY + datetime.timedelta(days=count)


def listed(response):
    """The references the register lists, in order."""
    return re.findall(r'<a class="govuk-link" href="/actions/\d+/">([^<]+)</a>', response.content.decode())


def refs(register, *names):
    return [register[name].reference for name in names]


@pytest.fixture
def departments():
    government = DepartmentFactory(short_name="Scottish Government")
    return {
        "Home Office": DepartmentFactory(short_name="Home Office"),
        "MOJ": DepartmentFactory(short_name="MOJ"),
        "Scottish Government": government,
        "Scottish Executive": DepartmentFactory(short_name="Scottish Executive", successor=government),
    }


@pytest.fixture
def meetings():
    idmg, board = GroupFactory(short_name="IDMG"), GroupFactory(short_name="Board")
    return {
        "IDMG 2012": MeetingFactory(group=idmg, date=datetime.date(2012, 4, 17), status=MinutesStatus.PUBLISHED),
        "IDMG 2013": MeetingFactory(group=idmg, date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED),
        "Board 2013": MeetingFactory(group=board, date=datetime.date(2013, 2, 4), status=MinutesStatus.CIRCULATED),
    }


@pytest.fixture
def register(meetings, departments):
    """Actions recorded out of reference order, across groups, meetings, departments and statuses."""

    def action(meeting, owner, text, item=None, **fields):
        action = ActionFactory(agenda_item=item or AgendaItemFactory(meeting=meetings[meeting]), text=text, **fields)
        ActionOwnerFactory(action=action, department=departments[owner], is_lead=True)
        return action

    first_item = AgendaItemFactory(meeting=meetings["IDMG 2013"])
    register = {}
    register["IDMG 2013 A1"] = action(
        "IDMG 2013", "MOJ", "MOJ and AGO/CPS to explore prosecutions", item=first_item, due_date=days(-3)
    )
    register["IDMG 2013 A2"] = action(
        "IDMG 2013", "Home Office", "Home Office to scope connections with source countries", due_date=days(10)
    )
    register["IDMG 2013 A3"] = action(
        "IDMG 2013",
        "Home Office",
        "Home Office to set up thematic groups",
        item=first_item,
        status=Status.DONE,
        closed_on=days(-1),
        due_date=days(-20),
    )
    register["IDMG 2013 A4"] = action(
        "IDMG 2013", "Scottish Government", "Scotland to report back on work with companies", due_date=days(30)
    )
    register["IDMG 2012 A1"] = action(
        "IDMG 2012", "Scottish Executive", "Scottish Executive to share its trafficking toolkit", due_date=days(-100)
    )
    register["IDMG 2012 A2"] = action(
        "IDMG 2012",
        "Home Office",
        "Check with HMRC whether it should join the Group",
        status=Status.DROPPED,
        closed_on=days(-200),
    )
    register["Board 2013 A1"] = action(
        "Board 2013", "Home Office", "Board to agree the Home Office data plan", status=Status.IN_PROGRESS
    )
    return register


def test_it_lists_every_action_oldest_reference_first(secretariat_client, register):
    response = secretariat_client.get("/actions/")

    assert listed(response) == refs(
        register,
        "IDMG 2012 A1",
        "IDMG 2012 A2",
        "Board 2013 A1",
        "IDMG 2013 A1",
        "IDMG 2013 A2",
        "IDMG 2013 A3",
        "IDMG 2013 A4",
    )
    assertContains(response, "7 actions")


def test_it_shows_each_actions_owners_due_date_status_and_latest_update(secretariat_client, register):
    UpdateFactory(action=register["IDMG 2013 A1"], text="Prosecution figures gathered.")

    response = secretariat_client.get("/actions/")

    assertContains(response, '<td class="govuk-table__cell">MOJ (lead)</td>', html=True)
    assertContains(response, f"{days(10):%-d %b %Y}")
    assertContains(response, '<strong class="govuk-tag govuk-tag--grey">Dropped</strong>', html=True)
    assertContains(response, "Prosecution figures gathered.")


def test_it_filters_by_group(secretariat_client, register, meetings):
    response = secretariat_client.get("/actions/", {"group": meetings["Board 2013"].group_id})

    assert listed(response) == refs(register, "Board 2013 A1")
    assertContains(response, "1 action<")


def test_it_filters_by_owning_department(secretariat_client, register, departments):
    response = secretariat_client.get("/actions/", {"department": departments["Home Office"].pk})

    assert listed(response) == refs(register, "IDMG 2012 A2", "Board 2013 A1", "IDMG 2013 A2", "IDMG 2013 A3")


def test_filtering_by_department_includes_the_departments_it_succeeded(secretariat_client, register, departments):
    response = secretariat_client.get("/actions/", {"department": departments["Scottish Government"].pk})

    assert listed(response) == refs(register, "IDMG 2012 A1", "IDMG 2013 A4")


def test_filtering_by_the_old_department_leaves_out_its_successors_actions(secretariat_client, register, departments):
    response = secretariat_client.get("/actions/", {"department": departments["Scottish Executive"].pk})

    assert listed(response) == refs(register, "IDMG 2012 A1")


def test_it_filters_by_one_status(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"status": "in_progress"})

    assert listed(response) == refs(register, "Board 2013 A1")


def test_it_filters_by_several_statuses(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"status": ["done", "dropped"]})

    assert listed(response) == refs(register, "IDMG 2012 A2", "IDMG 2013 A3")


def test_it_filters_by_meeting(secretariat_client, register, meetings):
    response = secretariat_client.get("/actions/", {"meeting": meetings["IDMG 2012"].pk})

    assert listed(response) == refs(register, "IDMG 2012 A1", "IDMG 2012 A2")


def test_it_filters_to_overdue_actions(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"overdue": "on"})

    assert listed(response) == refs(register, "IDMG 2012 A1", "IDMG 2013 A1")


def test_an_unticked_overdue_box_filters_nothing(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"overdue": "", "q": ""})

    assert len(listed(response)) == 7


def test_it_searches_the_action_text_whatever_the_case(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"q": "home office"})

    assert listed(response) == refs(register, "Board 2013 A1", "IDMG 2013 A2", "IDMG 2013 A3")


def test_it_combines_filters(secretariat_client, register, meetings, departments):
    response = secretariat_client.get(
        "/actions/",
        {
            "group": meetings["IDMG 2013"].group_id,
            "department": departments["Home Office"].pk,
            "status": ["open", "in_progress"],
            "q": "source",
        },
    )

    assert listed(response) == refs(register, "IDMG 2013 A2")


def test_it_says_when_nothing_matches(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"q": "no such action"})

    assert listed(response) == []
    assertContains(response, "No actions match these filters.")
    assertContains(response, "0 actions")


def test_it_keeps_the_chosen_filters_in_the_form(secretariat_client, register, meetings):
    response = secretariat_client.get(
        "/actions/", {"q": "source", "status": "open", "meeting": meetings["IDMG 2013"].pk}
    )

    assertContains(response, 'value="source"')
    assertContains(response, 'value="open" checked')
    assertContains(
        response, f'<input type="hidden" name="meeting" value="{meetings["IDMG 2013"].pk}" id="id_meeting">', html=True
    )
    assertContains(response, "Only the actions of the meeting of 11 March 2013 (IDMG).")


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (
            "reference",
            [
                "IDMG 2012 A1",
                "IDMG 2012 A2",
                "Board 2013 A1",
                "IDMG 2013 A1",
                "IDMG 2013 A2",
                "IDMG 2013 A3",
                "IDMG 2013 A4",
            ],
        ),
        (
            "-reference",
            [
                "IDMG 2013 A4",
                "IDMG 2013 A3",
                "IDMG 2013 A2",
                "IDMG 2013 A1",
                "Board 2013 A1",
                "IDMG 2012 A2",
                "IDMG 2012 A1",
            ],
        ),
        (
            "due",
            [
                "IDMG 2012 A1",
                "IDMG 2013 A3",
                "IDMG 2013 A1",
                "IDMG 2013 A2",
                "IDMG 2013 A4",
                "IDMG 2012 A2",
                "Board 2013 A1",
            ],
        ),
        (
            "-due",
            [
                "IDMG 2013 A4",
                "IDMG 2013 A2",
                "IDMG 2013 A1",
                "IDMG 2013 A3",
                "IDMG 2012 A1",
                "IDMG 2012 A2",
                "Board 2013 A1",
            ],
        ),
        (
            "status",
            [
                "IDMG 2012 A1",
                "IDMG 2013 A1",
                "IDMG 2013 A2",
                "IDMG 2013 A4",
                "Board 2013 A1",
                "IDMG 2013 A3",
                "IDMG 2012 A2",
            ],
        ),
    ],
)
def test_it_sorts(secretariat_client, register, sort, expected):
    response = secretariat_client.get("/actions/", {"sort": sort})

    assert listed(response) == refs(register, *expected)


def test_it_sorts_the_filtered_list(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"overdue": "on", "sort": "-due"})

    assert listed(response) == refs(register, "IDMG 2013 A1", "IDMG 2012 A1")


@pytest.fixture
def many_actions():
    """120 open actions of one meeting, the first 60 mentioning data."""
    item = AgendaItemFactory(meeting=MeetingFactory(group=GroupFactory(short_name="IDMG")))
    actions = [ActionFactory(agenda_item=item, text=f"Action {number}") for number in range(60)]
    return actions + [ActionFactory(agenda_item=item, text=f"Data {number}") for number in range(60)]


def test_it_shows_fifty_actions_a_page(secretariat_client, many_actions):
    response = secretariat_client.get("/actions/")

    assert listed(response) == [action.reference for action in many_actions[:50]]
    assertContains(response, "120 actions")
    assertContains(response, 'href="?page=2" rel="next"')


def test_the_next_page_carries_on_where_the_first_left_off(secretariat_client, many_actions):
    second = secretariat_client.get("/actions/", {"page": 2})
    third = secretariat_client.get("/actions/", {"page": 3})

    assert listed(second) == [action.reference for action in many_actions[50:100]]
    assert listed(third) == [action.reference for action in many_actions[100:]]
    assertContains(third, 'href="?page=2" rel="prev"')
    assertNotContains(third, 'rel="next"')


def test_the_page_links_keep_the_filters(secretariat_client, many_actions):
    response = secretariat_client.get("/actions/", {"q": "data", "sort": "-reference", "page": 2})

    assert listed(response) == [action.reference for action in reversed(many_actions[60:70])]
    assertContains(response, 'href="?q=data&amp;sort=-reference&amp;page=1" rel="prev"')
    assertContains(response, 'href="/actions/export.csv?q=data&amp;sort=-reference"')


@pytest.mark.parametrize("page", ["99", "abc", "-1"])
def test_a_page_that_does_not_exist_shows_a_page_that_does(secretariat_client, many_actions, page):
    response = secretariat_client.get("/actions/", {"page": page})

    assert response.status_code == 200
    assert len(listed(response)) in (20, 50)


def test_bad_filter_values_give_a_page_with_an_error_summary(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"group": "999", "status": "nonsense", "meeting": "abc"})

    assert response.status_code == 200
    assertContains(response, "<title>Error: Action register", count=1)
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, '<a href="#id_group">Select a group from the list</a>', html=True)
    assertContains(response, '<a href="#id_meeting">That meeting is not on record</a>', html=True)
    assertContains(response, '<a href="#id_status_0">Select a status from the list</a>', html=True)


@pytest.mark.parametrize(
    "query",
    [
        {"department": "Home Office"},
        {"sort": "colour"},
        {"group": ["1", "2"]},
        {"meeting": "1.5"},
        {"status": ""},
        {"overdue": "maybe"},
        {"q": "x" * 5000},
        {"group": "0"},
        {"department": "-3"},
    ],
)
def test_no_filter_value_gives_a_server_error(secretariat_client, register, query):
    assert secretariat_client.get("/actions/", query).status_code == 200


def test_bad_filter_values_leave_the_good_ones_working(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"group": "999", "status": "in_progress"})

    assert listed(response) == refs(register, "Board 2013 A1")


def build_register(count):
    """``count`` overdue actions over three meetings, each with two owners and an update."""
    group = GroupFactory()
    for month in (1, 2, 3):
        item = AgendaItemFactory(meeting=MeetingFactory(group=group, date=datetime.date(2013, month, 4)))
        overdue_by = factory.Iterator([days(-1), days(-10)])
        for action in ActionFactory.create_batch(
            count // 3 + (month <= count % 3), agenda_item=item, due_date=overdue_by
        ):
            ActionOwnerFactory(action=action, is_lead=True)
            ActionOwnerFactory(action=action)
            UpdateFactory(action=action)


@pytest.mark.parametrize("count", [5, 300])
@pytest.mark.parametrize("query", [{}, {"status": "open", "sort": "due", "overdue": "on", "q": "Home"}])
def test_its_query_count_does_not_grow_with_the_actions(secretariat_client, django_assert_num_queries, count, query):
    build_register(count)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get("/actions/", query)

    assert response.status_code == 200


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post("/actions/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    assert_sign_in_required("/actions/")


def test_department_users_see_every_action_of_circulated_minutes(department_client, register):
    assert len(listed(department_client.get("/actions/"))) == 7


def test_department_users_see_no_action_of_draft_minutes(department_client, register, meetings):
    draft = ActionFactory(
        agenda_item__meeting=MeetingFactory(group=meetings["IDMG 2013"].group, date=datetime.date(2013, 6, 3)),
        text="Draft action",
    )

    response = department_client.get("/actions/")

    assert draft.reference not in listed(response)
    assertNotContains(response, "Draft action")


def test_the_secretariat_sees_its_groups_draft_actions(secretariat_client, secretariat_user, register, meetings):
    draft = ActionFactory(
        agenda_item__meeting=MeetingFactory(group=meetings["IDMG 2013"].group, date=datetime.date(2013, 6, 3)),
        text="Draft action",
    )
    draft.meeting.group.secretariat.add(secretariat_user)

    assert draft.reference in listed(secretariat_client.get("/actions/"))


def test_the_page_links_skip_to_the_first_and_last_with_ellipses(secretariat_client):
    item = AgendaItemFactory(meeting=MeetingFactory(group=GroupFactory(short_name="IDMG")))
    ActionFactory.create_batch(451, agenda_item=item)

    response = secretariat_client.get("/actions/", {"page": 5})

    html = response.content.decode()
    pages = re.findall(r'aria-label="Page (\d+)"', html)
    assert pages == ["1", "4", "5", "6", "10"]
    assert html.count("govuk-pagination__item--ellipses") == 2


def test_the_last_page_is_read_from_the_end_in_the_same_order(secretariat_client, many_actions):
    forwards = secretariat_client.get("/actions/", {"sort": "-reference", "page": 3})

    assert listed(forwards) == [action.reference for action in reversed(many_actions[:20])]


def test_it_filters_by_year(secretariat_client, register):
    response = secretariat_client.get("/actions/", {"year": "2012"})

    assert listed(response) == refs(register, "IDMG 2012 A1", "IDMG 2012 A2")


@pytest.mark.parametrize("year", ["twenty", "12", "30000"])
def test_a_bad_year_is_an_error_at_the_field(secretariat_client, register, year):
    response = secretariat_client.get("/actions/", {"year": year})

    assertContains(response, '<a href="#id_year">Enter a year, for example 2013</a>', html=True)


def test_a_department_user_cannot_name_a_draft_meeting(department_client, register, meetings):
    draft = MeetingFactory(group=meetings["IDMG 2013"].group, date=datetime.date(2013, 6, 3))

    response = department_client.get("/actions/", {"meeting": draft.pk})

    assertContains(response, "That meeting is not on record")
    assertNotContains(response, "3 June 2013")
