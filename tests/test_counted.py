"""The paginator's count: exact, and on PostgreSQL read from the cache only while nothing it reads has changed.

The changes are committed one by one, as a page's request sees them (no test transaction around them).
"""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from actions.filters import ActionFilter
from actions.models import Action, Status
from govuk.pagination import counted
from meetings.models import Meeting, MinutesStatus
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    DepartmentFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="the count is cached on PostgreSQL only")


@pytest.fixture
def reader():
    return UserFactory()


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED)


@pytest.fixture
def department():
    return DepartmentFactory()


@pytest.fixture
def actions(meeting, department):
    item = AgendaItemFactory(meeting=meeting)
    actions = ActionFactory.create_batch(3, agenda_item=item, due_date=datetime.date(2013, 4, 1))
    ActionOwnerFactory(action=actions[0], department=department, is_lead=True)
    return actions


def register_count(reader, **filters):
    """The register's count for the reader with these filters, as the page counts it."""
    return counted(ActionFilter(filters or None, queryset=Action.objects.visible_to(reader)).qs)


def truth(reader, **filters):
    return ActionFilter(filters or None, queryset=Action.objects.visible_to(reader)).qs.count()


@on_postgresql
def test_a_count_is_read_from_the_cache_while_nothing_changes(reader, actions):
    register_count(reader)

    # A commit elsewhere on the database server (another test run's) makes a new snapshot, and the count is
    # taken again: of twenty tries, one at least finds nothing changed.
    queries = []
    for _ in range(20):
        with CaptureQueriesContext(connection) as context:
            assert register_count(reader) == 3
        queries.append(len(context.captured_queries))

    assert min(queries) == 1


def add_an_action(actions, **kwargs):
    ActionFactory(agenda_item=actions[0].agenda_item)


def delete_an_action(actions, **kwargs):
    actions[2].delete()


def close_one_by_update_without_history(actions, **kwargs):
    Action.objects.filter(pk=actions[1].pk).update(status=Status.DONE, closed_on=datetime.date(2013, 5, 1))


def move_the_meeting_by_raw_sql(actions, **kwargs):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE actions_action SET meeting_date = %s WHERE id = %s", [datetime.date(2014, 1, 6), actions[1].pk]
        )


def make_the_minutes_a_draft_again(actions, **kwargs):
    Meeting.objects.filter(pk=actions[0].meeting_id).update(status=MinutesStatus.DRAFT)


def give_another_action_to_the_department(actions, department, **kwargs):
    ActionOwnerFactory(action=actions[1], department=department)


def make_a_department_the_successor(actions, department, **kwargs):
    old = DepartmentFactory(successor=department)
    ActionOwnerFactory(action=actions[2], department=old)


def make_it_due_later(actions, **kwargs):
    Action.objects.filter(pk=actions[2].pk).update(due_on=datetime.date(2999, 1, 1))


@pytest.mark.parametrize(
    ("change", "filters"),
    [
        (add_an_action, {}),
        (delete_an_action, {}),
        (close_one_by_update_without_history, {"status": [Status.OPEN]}),
        (move_the_meeting_by_raw_sql, {"year": "2013"}),
        (make_the_minutes_a_draft_again, {}),
        (give_another_action_to_the_department, {"department": "department"}),
        (make_a_department_the_successor, {"department": "department"}),
        (make_it_due_later, {"overdue": "on"}),
    ],
)
def test_the_count_follows_every_kind_of_change(reader, actions, department, change, filters):
    filters = {name: department.pk if value == "department" else value for name, value in filters.items()}
    before = register_count(reader, **filters)
    assert before == truth(reader, **filters)

    change(actions=actions, reader=reader, department=department)

    assert truth(reader, **filters) != before
    assert register_count(reader, **filters) == truth(reader, **filters)


def test_the_count_follows_the_reader_joining_the_secretariat_of_draft_minutes(reader, actions):
    Meeting.objects.filter(pk=actions[0].meeting_id).update(status=MinutesStatus.DRAFT)
    assert register_count(reader) == 0

    actions[0].meeting.group.secretariat.add(reader)

    assert register_count(reader) == 3


def test_the_count_of_overdue_actions_follows_the_date(reader, actions, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2013, 3, 31))
    assert register_count(reader, overdue="on") == 0

    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: datetime.date(2013, 4, 2))

    assert register_count(reader, overdue="on") == 3


def test_inside_a_transaction_the_count_follows_its_own_changes(reader, actions):
    with transaction.atomic():
        assert register_count(reader) == 3
        ActionFactory(agenda_item=actions[0].agenda_item)

        assert register_count(reader) == 4


def test_a_list_of_distinct_values_is_counted_by_its_values(actions):
    ActionFactory()

    assert counted(Action.objects.values("meeting").distinct()) == 2


def test_a_list_is_counted_by_its_length():
    assert counted([1, 2, 3]) == 3
