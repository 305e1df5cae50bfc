import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.utils import timezone

from actions.models import Status
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

# The session and the user; the matching actions, with their owners' names and latest update, as one query of rows
# (on PostgreSQL, after giving it the memory to sort them in).
QUERIES = 4 if connection.vendor == "postgresql" else 3

TODAY = timezone.localdate()
HEADER = [
    "Reference",
    "Group",
    "Meeting",
    "Agenda item",
    "Action",
    "Owners",
    "Lead",
    "Due",
    "Status",
    "Overdue",
    "Latest update",
    "Latest update on",
]


def days(count):
    return TODAY + datetime.timedelta(days=count)


def content(response):
    """The whole of the streamed CSV."""
    return b"".join(response.streaming_content)


def rows(response):
    """The CSV's rows, read as Excel would: UTF-8 after the byte order mark."""
    return list(csv.reader(io.StringIO(content(response).decode("utf-8-sig"))))


def csv_references(response):
    return [row[0] for row in rows(response)[1:]]


def register_references(response):
    return re.findall(r'<a class="govuk-link" href="/actions/\d+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def departments():
    government = DepartmentFactory(short_name="Scottish Government")
    return {
        "Home Office": DepartmentFactory(short_name="Home Office"),
        "FCO": DepartmentFactory(short_name="FCO"),
        "Scottish Government": government,
        "Scottish Executive": DepartmentFactory(short_name="Scottish Executive", successor=government),
    }


@pytest.fixture
def meetings():
    idmg, board = GroupFactory(short_name="IDMG"), GroupFactory(short_name="Board")
    return {
        "IDMG 2012": MeetingFactory(group=idmg, date=datetime.date(2012, 4, 17)),
        "IDMG 2013": MeetingFactory(group=idmg, date=datetime.date(2013, 3, 11)),
        "Board 2013": MeetingFactory(group=board, date=datetime.date(2013, 2, 4)),
    }


@pytest.fixture
def register(meetings, departments):
    """A mix of actions, recorded out of reference order under two items of one meeting."""
    items = {name: AgendaItemFactory(meeting=meeting) for name, meeting in meetings.items()}
    second_item = AgendaItemFactory(meeting=meetings["IDMG 2013"])

    def action(item, owners, text, **fields):
        action = ActionFactory(agenda_item=item, text=text, **fields)
        action.set_owners([departments[owner] for owner in owners], lead=departments[owners[0]])
        return action

    action(items["IDMG 2013"], ["Home Office", "FCO"], "Scope connections with source countries", due_date=days(-2))
    action(second_item, ["Home Office"], "Implement the Group's suggestions", status=Status.IN_PROGRESS)
    action(items["IDMG 2013"], ["FCO"], "Share the country report", status=Status.DONE, closed_on=days(-5))
    action(items["IDMG 2012"], ["Scottish Executive"], "Report back on the toolkit", due_date=days(-300))
    action(items["IDMG 2012"], ["Home Office"], "Check with HMRC", status=Status.DROPPED, closed_on=days(-250))
    action(items["Board 2013"], ["Scottish Government"], "Report on work with companies", due_date=days(20))


# Filter combinations, given the meetings and departments of the register.
FILTERS = {
    "no filters": lambda meetings, departments: {},
    "group": lambda meetings, departments: {"group": meetings["IDMG 2013"].group_id},
    "department and its predecessor": lambda meetings, departments: {
        "department": departments["Scottish Government"].pk
    },
    "department and statuses": lambda meetings, departments: {
        "department": departments["Home Office"].pk,
        "status": ["open", "in_progress"],
    },
    "statuses, newest first": lambda meetings, departments: {"status": ["done", "dropped"], "sort": "-reference"},
    "overdue": lambda meetings, departments: {"overdue": "on"},
    "text, soonest due first": lambda meetings, departments: {"q": "report", "sort": "due"},
    "meeting, by status": lambda meetings, departments: {"meeting": meetings["IDMG 2013"].pk, "sort": "status"},
    "latest due first": lambda meetings, departments: {"sort": "-due"},
    "bad values": lambda meetings, departments: {"group": "999", "status": "nonsense", "meeting": "abc"},
}


@pytest.mark.parametrize("filters", FILTERS.values(), ids=FILTERS.keys())
def test_its_rows_are_exactly_the_filtered_register_in_the_same_order(
    secretariat_client, register, meetings, departments, filters
):
    query = filters(meetings, departments)

    page = secretariat_client.get("/actions/", query)
    download = secretariat_client.get("/actions/export.csv", query)

    assert download.status_code == 200
    references = csv_references(download)
    assert references == register_references(page)
    assert references


def test_it_is_a_csv_attachment_named_for_today(secretariat_client, register):
    response = secretariat_client.get("/actions/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="actions-{TODAY:%Y-%m-%d}.csv"'


def test_it_starts_with_a_byte_order_mark_so_excel_reads_utf8(secretariat_client, register):
    response = secretariat_client.get("/actions/export.csv")

    assert content(response).startswith(b"\xef\xbb\xbfReference,")


def test_its_first_row_names_the_columns(secretariat_client, register):
    response = secretariat_client.get("/actions/export.csv")

    assert rows(response)[0] == HEADER


def test_a_row_gives_everything_the_register_shows(secretariat_client, meetings, departments):
    item = AgendaItemFactory(meeting=meetings["IDMG 2013"], number=6, title="Country specific report – Nigeria")
    action = ActionFactory(
        agenda_item=item,
        text="Home Office and FCO to scope connections, “priority” countries first",
        due_date=days(-2),
        status=Status.IN_PROGRESS,
    )
    action.set_owners([departments["Home Office"], departments["FCO"]], lead=departments["FCO"])
    UpdateFactory(action=action, text="Nigeria and Viet Nam, then Albania.\nMore to follow.", reported_at=None)

    [row] = rows(secretariat_client.get("/actions/export.csv"))[1:]

    assert row == [
        "IDMG 2013-03 A1",
        "IDMG",
        "2013-03-11",
        "6. Country specific report – Nigeria",
        "Home Office and FCO to scope connections, “priority” countries first",
        "FCO, Home Office",
        "FCO",
        f"{days(-2):%Y-%m-%d}",
        "In progress",
        "Yes",
        "Nigeria and Viet Nam, then Albania.\nMore to follow.",
        f"{TODAY:%Y-%m-%d}",
    ]


def test_an_action_due_at_the_next_meeting_gives_that_meetings_date_once_it_is_known(secretariat_client, meetings):
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meetings["IDMG 2012"]), due_at_next_meeting=True)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meetings["IDMG 2013"]), due_at_next_meeting=True)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meetings["IDMG 2013"]))

    due = [row[7] for row in rows(secretariat_client.get("/actions/export.csv"))[1:]]

    assert due == ["2013-03-11", "At the next meeting", ""]


def test_it_is_not_split_into_pages(secretariat_client):
    ActionFactory.create_batch(60, agenda_item=AgendaItemFactory())

    response = secretariat_client.get("/actions/export.csv", {"page": 2})

    assert len(rows(response)) == 61


@pytest.mark.parametrize("count", [5, 100])
def test_its_query_count_does_not_grow_with_the_actions(secretariat_client, django_assert_num_queries, count):
    item = AgendaItemFactory()
    for action in ActionFactory.create_batch(count, agenda_item=item):
        ActionOwnerFactory(action=action, is_lead=True)
        UpdateFactory(action=action)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get("/actions/export.csv", {"status": "open"})
        read = rows(response)

    assert len(read) == count + 1


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post("/actions/export.csv").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    assert_sign_in_required("/actions/export.csv")


def test_it_is_streamed_as_it_is_written(secretariat_client, register):
    response = secretariat_client.get("/actions/export.csv")

    assert response.streaming
    assert len(rows(response)) == 7


def test_the_latest_update_is_the_newest_that_stands_by_when_it_happened(secretariat_client, meetings):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meetings["IDMG 2012"]))
    UpdateFactory(action=action, text="Given at the 2013 meeting", reported_at=meetings["IDMG 2013"])
    # Typed up later, but given at the earlier meeting: the 2013 update stays the latest.
    UpdateFactory(action=action, text="Given at the 2012 meeting", reported_at=meetings["IDMG 2012"])
    UpdateFactory(
        action=action,
        text="Given in error",
        reported_at=None,
        withdrawn_at=timezone.now(),
        withdrawal_reason="Wrong action",
    )

    [row] = rows(secretariat_client.get("/actions/export.csv"))[1:]

    assert row[10:] == ["Given at the 2013 meeting", "2013-03-11"]
