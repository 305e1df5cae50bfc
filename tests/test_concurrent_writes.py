"""Many people saving at the same moment: every save is kept, or refused with the usual message, never a 500.

Each request runs in a thread of its own, with a database connection of its own, all let go at once.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from actions.models import Action
from meetings.models import AgendaItem, Attendee, Department, Person
from tests.factories import ActionFactory, AgendaItemFactory, AttendeeFactory, DepartmentFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)

AT_ONCE = 20


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def browsers(secretariat_user, meeting):
    """A signed-in browser for each of the people saving at once."""
    clients = []
    for _ in range(AT_ONCE):
        client = Client()
        client.force_login(secretariat_user)
        clients.append(client)
    return clients


def simultaneously(browsers, posts):
    """Send each post, (path, data), from a browser of its own, all at the same moment.

    Returns the responses in the order of the posts; a request that raised gives its exception.
    """
    start = threading.Barrier(len(posts))
    responses = [None] * len(posts)

    def send(index, browser, path, data):
        try:
            start.wait()
            responses[index] = browser.post(path, data)
        except Exception as error:  # Reported below, as the 500 it would be.
            responses[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=(index, browser, path, data))
        for index, (browser, (path, data)) in enumerate(zip(browsers, posts, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "A request never answered"
    failed = [response for response in responses if isinstance(response, Exception)]
    assert not failed, f"{len(failed)} of {len(posts)} failed, the first with {failed[0]!r}"
    return responses


def statuses(responses):
    return sorted(response.status_code for response in responses)


def page(response):
    return response.content.decode()


def test_actions_added_to_one_item_at_once_are_all_saved_with_their_own_numbers(meeting, browsers):
    item = AgendaItemFactory(meeting=meeting)
    DepartmentFactory(short_name="Home Office")
    prefix = f"item-{item.pk}-action"
    path = f"/meetings/{meeting.pk}/items/{item.pk}/actions/add/"
    posts = [
        (path, {f"{prefix}-text": f"Action {index}", f"{prefix}-owners": "Home Office", f"{prefix}-due": "none"})
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    actions = Action.objects.filter(agenda_item=item)
    assert sorted(actions.values_list("text", flat=True)) == sorted(f"Action {index}" for index in range(AT_ONCE))
    assert sorted(actions.values_list("number", flat=True)) == list(range(1, AT_ONCE + 1))
    assert sorted(actions.values_list("position", flat=True)) == list(range(1, AT_ONCE + 1))
    assert all(action.owner_list == [Department.objects.get(short_name="Home Office")] for action in actions)


def test_updates_posted_on_one_action_at_once_are_recorded_or_refused_with_the_conflict_message(meeting, browsers):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    posts = [
        (f"/actions/{action.pk}/", {"status": "in_progress", "text": f"Progress {index}", "version": action.version})
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    recorded = [response for response in responses if response.status_code == 302]
    refused = [response for response in responses if response.status_code != 302]
    assert len(recorded) == 1
    assert statuses(refused) == [200] * (AT_ONCE - 1)
    assert all("Someone else updated this action while you were writing" in page(response) for response in refused)
    assert all("Your update is still in the form" in page(response) for response in refused)
    assert action.updates.count() == 1
    action.refresh_from_db()
    assert action.version == 2


def test_updates_on_different_actions_at_once_are_all_recorded(meeting, browsers):
    item = AgendaItemFactory(meeting=meeting)
    actions = [ActionFactory(agenda_item=item) for _ in range(AT_ONCE)]
    posts = [
        (f"/actions/{action.pk}/", {"status": "done", "text": "Done", "version": action.version}) for action in actions
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    assert set(Action.objects.filter(agenda_item=item).values_list("status", flat=True)) == {"done"}


def test_matters_arising_updates_on_one_action_at_once_are_recorded_or_refused(meeting, browsers):
    earlier = MeetingFactory(group=meeting.group, date=meeting.date.replace(year=meeting.date.year - 1))
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=earlier))
    prefix = f"arising-{action.pk}"
    posts = [
        (
            f"/meetings/{meeting.pk}/matters-arising/{action.pk}/",
            {f"{prefix}-status": "in_progress", f"{prefix}-text": f"Said {index}", f"{prefix}-version": action.version},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    refused = [response for response in responses if response.status_code != 302]
    assert len(refused) == AT_ONCE - 1
    assert all("Someone else updated this action while you were writing" in page(response) for response in refused)
    assert action.updates.count() == 1


def test_attendees_added_at_once_are_all_saved_in_positions_of_their_own(meeting, browsers):
    DepartmentFactory(short_name="Home Office")
    posts = [
        (
            f"/meetings/{meeting.pk}/attendees/add/",
            {"attendee-department": "Home Office", "attendee-person": f"Minister {index}", "attendee-role": ""},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    attendees = Attendee.objects.filter(meeting=meeting)
    assert sorted(attendees.values_list("position", flat=True)) == list(range(1, AT_ONCE + 1))
    assert Person.objects.filter(name__startswith="Minister").count() == AT_ONCE


def test_attendees_naming_the_same_new_department_and_person_at_once_make_each_once(meeting, browsers):
    posts = [
        (
            f"/meetings/{meeting.pk}/attendees/add/",
            {
                "attendee-department": "Department for Levelling Up",
                "attendee-person": "Jo Bloggs MP",
                "attendee-deputising_for": "Anne Milton MP",
                "attendee-role": "",
                "attendee-add_departments": "on",
            },
        )
        for _ in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    department = Department.objects.get(short_name="Department for Levelling Up")
    jo, anne = Person.objects.get(name="Jo Bloggs MP"), Person.objects.get(name="Anne Milton MP")
    attendees = Attendee.objects.filter(meeting=meeting)
    assert attendees.count() == AT_ONCE
    assert set(attendees.values_list("department", "person", "deputising_for")) == {(department.pk, jo.pk, anne.pk)}


def test_actions_naming_the_same_new_department_at_once_make_it_once(meeting, browsers):
    item = AgendaItemFactory(meeting=meeting)
    prefix = f"item-{item.pk}-action"
    path = f"/meetings/{meeting.pk}/items/{item.pk}/actions/add/"
    posts = [
        (
            path,
            {
                f"{prefix}-text": f"Action {index}",
                f"{prefix}-owners": "Home Office, NCA",
                f"{prefix}-due": "none",
                f"{prefix}-add_departments": "on",
            },
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    assert Department.objects.filter(short_name__in=["Home Office", "NCA"]).count() == 2
    assert all(len(action.owner_list) == 2 for action in Action.objects.filter(agenda_item=item))


def test_rows_moved_up_and_down_at_once_keep_one_position_each(meeting, browsers):
    attendees = [AttendeeFactory(meeting=meeting) for _ in range(5)]
    posts = [
        (
            f"/meetings/{meeting.pk}/attendees/{attendees[index % 5].pk}/move/",
            {"direction": "up" if index % 2 else "down"},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    positions = Attendee.objects.filter(meeting=meeting).values_list("position", flat=True)
    assert sorted(positions) == [1, 2, 3, 4, 5]


def test_actions_moved_up_and_down_at_once_keep_one_position_each(meeting, browsers):
    item = AgendaItemFactory(meeting=meeting)
    actions = [ActionFactory(agenda_item=item) for _ in range(4)]
    posts = [
        (
            f"/meetings/{meeting.pk}/actions/{actions[index % 4].pk}/move/",
            {"direction": "down" if index % 3 else "up"},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    assert sorted(Action.objects.filter(agenda_item=item).values_list("position", flat=True)) == [1, 2, 3, 4]


def test_agenda_items_posted_with_the_same_number_at_once_save_one_and_say_so_to_the_others(meeting, browsers):
    posts = [
        (
            f"/meetings/{meeting.pk}/items/add/",
            {"agenda-item-number": "5", "agenda-item-title": f"Title {index}"},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    refused = [response for response in responses if response.status_code != 302]
    assert statuses(responses) == [200] * (AT_ONCE - 1) + [302]
    assert all("Item 5 is already on the agenda of this meeting" in page(response) for response in refused)
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_agenda_items_added_at_once_with_their_own_numbers_take_positions_of_their_own(meeting, browsers):
    posts = [
        (
            f"/meetings/{meeting.pk}/items/add/",
            {"agenda-item-number": str(index + 1), "agenda-item-title": f"Title {index}"},
        )
        for index in range(AT_ONCE)
    ]

    responses = simultaneously(browsers, posts)

    assert statuses(responses) == [302] * AT_ONCE
    positions = AgendaItem.objects.filter(meeting=meeting).values_list("position", flat=True)
    assert sorted(positions) == list(range(1, AT_ONCE + 1))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own settings")
def test_sqlite_lets_readers_read_while_one_writer_writes_and_the_others_wait():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        (journal_mode,) = cursor.fetchone()
        cursor.execute("PRAGMA busy_timeout")
        (busy_timeout,) = cursor.fetchone()

    assert journal_mode == "wal"
    assert busy_timeout >= 10_000
    assert connection.transaction_mode == "IMMEDIATE"
