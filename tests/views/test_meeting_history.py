"""The history of a meeting's minutes: every change, in words, newest first, with who and when."""

import datetime

import pytest
from pytest_django.asserts import assertContains

from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    AttendeeFactory,
    CorrectionFactory,
    DepartmentFactory,
    MeetingFactory,
    ParagraphFactory,
    PersonFactory,
)
from tests.history_pages import written_when
from tests.meeting_form import MARCH_2013, meeting_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2013, 3, 11), start_time=datetime.time(14), place="Home Office")


@pytest.fixture
def chair(meeting):
    """The first row of the register, made before anyone used the pages."""
    return AttendeeFactory(meeting=meeting, department__short_name="Cabinet Office", person__name="Lord Wallace")


def history_url(meeting):
    return f"/meetings/{meeting.pk}/history/"


def row_url(meeting, plural, row, view):
    return f"/meetings/{meeting.pk}/{plural}/{row.pk}/{view}/"


def add_attendee(client, meeting, department="Home Office", person="Mark Harper MP"):
    client.post(
        f"/meetings/{meeting.pk}/attendees/add/",
        {
            "attendee-department": department,
            "attendee-person": person,
            "attendee-deputising_for": "",
            "attendee-add_departments": "on",
        },
    )
    return meeting.attendees.get(person__name=person)


def change_attendee(client, attendee, **changes):
    prefix = f"attendee-{attendee.pk}"
    fields = {
        "department": attendee.department.short_name,
        "person": attendee.person.name if attendee.person else "",
        "deputising_for": attendee.deputising_for.name if attendee.deputising_for else "",
        "role": attendee.role,
        "version": attendee.version,
        "add_departments": "on",
    } | changes
    if attendee.remote:
        fields.setdefault("remote", "on")
    response = client.post(
        row_url(attendee.meeting, "attendees", attendee, "edit"),
        {f"{prefix}-{name}": value for name, value in fields.items()},
    )
    assert response.status_code == 302
    attendee.refresh_from_db()


def change_details(client, meeting, **changes):
    fields = meeting_details(
        MARCH_2013, version=meeting.version, **{"start_time": "14:00", "place": "Home Office"} | changes
    )
    response = client.post(f"/meetings/{meeting.pk}/edit/", fields)
    assert response.status_code == 302
    meeting.refresh_from_db()


def headings(changes, about=""):
    return [change["heading"] for change in changes if about in change["heading"]]


def change_headed(changes, heading):
    return next(change for change in changes if change["heading"] == heading)


def when(record):
    return written_when(record.history_date)


def test_it_lists_an_attendee_added_changed_moved_and_removed_newest_first(
    secretariat_client, changes_listed, meeting, chair
):
    attendee = add_attendee(secretariat_client, meeting)
    change_attendee(secretariat_client, attendee, person="Helen Grant MP")
    secretariat_client.post(row_url(meeting, "attendees", attendee, "move"), {"direction": "up"})
    secretariat_client.post(row_url(meeting, "attendees", attendee, "delete"))

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert headings(changes, "Attendee") == [
        "Removed Attendee: Home Office – Helen Grant MP",
        # A move swaps two rows of the register: both are listed as moved.
        "Moved Attendee: Cabinet Office – Lord Wallace",
        "Moved Attendee: Home Office – Helen Grant MP",
        "Changed Attendee: Home Office – Helen Grant MP",
        "Added Attendee: Home Office – Mark Harper MP",
        "Added Attendee: Cabinet Office – Lord Wallace",
    ]


def test_it_says_what_changed_from_what_to_what_by_name(secretariat_client, changes_listed, meeting):
    attendee = add_attendee(secretariat_client, meeting)
    change_attendee(secretariat_client, attendee, department="MOJ", person="", deputising_for="Helen Grant MP")
    change_attendee(secretariat_client, attendee, role="chair", remote="on")

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert [change["fields"] for change in changes if change["heading"].startswith("Changed Attendee")] == [
        [("Role", "Member", "Chair"), ("Via video link", "No", "Yes")],
        [
            ("Department", "Home Office", "MOJ"),
            ("Person", "Mark Harper MP", "(none)"),
            ("Deputising for", "(none)", "Helen Grant MP"),
        ],
    ]


def test_it_shows_who_made_each_change_and_when(secretariat_client, changes_listed, secretariat_user, meeting):
    attendee = add_attendee(secretariat_client, meeting)
    change_attendee(secretariat_client, attendee, person="Helen Grant MP")
    secretariat_user.first_name, secretariat_user.last_name = "Sam", "Clerk"
    secretariat_user.save()

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    added, changed = attendee.history.order_by("history_id")
    assert change_headed(changes, "Changed Attendee: Home Office – Helen Grant MP")["byline"] == (
        f"{when(changed)} by Sam Clerk"
    )
    assert (
        change_headed(changes, "Added Attendee: Home Office – Mark Harper MP")["byline"]
        == f"{when(added)} by Sam Clerk"
    )


def test_it_names_the_user_by_username_without_a_full_name(secretariat_client, changes_listed, meeting):
    add_attendee(secretariat_client, meeting)

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert change_headed(changes, "Added Attendee: Home Office – Mark Harper MP")["byline"].endswith(" by secretariat")


def test_it_lists_changes_to_the_meeting_details(secretariat_client, changes_listed, meeting):
    change_details(secretariat_client, meeting, place="2 Marsham Street", start_time="10:00", end_time="11:30")
    change_details(
        secretariat_client,
        meeting,
        place="2 Marsham Street",
        start_time="10:00",
        end_time="11:30",
        next_meeting_date_day="3",
        next_meeting_date_month="6",
        next_meeting_date_year="2013",
    )

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert headings(changes, "Meeting") == [
        "Changed Meeting: 11 March 2013",
        "Changed Meeting: 11 March 2013",
        "Added Meeting: 11 March 2013",
    ]
    assert [change["fields"] for change in changes if change["heading"].startswith("Changed Meeting")] == [
        [("Next meeting date", "(none)", "3 June 2013")],
        [
            ("Start time", "14:00", "10:00"),
            ("End time", "(none)", "11:30"),
            ("Place", "Home Office", "2 Marsham Street"),
        ],
    ]


def test_it_lists_apologies_added_and_removed(secretariat_client, changes_listed, meeting):
    secretariat_client.post(
        f"/meetings/{meeting.pk}/apologies/add/",
        {"apology-department": "DfE", "apology-person": "Edward Timpson MP", "apology-add_departments": "on"},
    )
    secretariat_client.post(row_url(meeting, "apologies", meeting.apologies.get(), "delete"))

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert headings(changes, "Apology") == [
        "Removed Apology: DfE – Edward Timpson MP",
        "Added Apology: DfE – Edward Timpson MP",
    ]


def test_it_lists_changes_to_agenda_items_and_paragraphs(secretariat_client, changes_listed, meeting):
    item = AgendaItemFactory(meeting=meeting, number=1, title="Welcome")
    paragraph = ParagraphFactory(agenda_item=item, number="1.1", text="Mark Harper MP welcomed Ministers.")
    renamed = secretariat_client.post(
        row_url(meeting, "items", item, "edit"),
        {
            f"agenda_item-{item.pk}-number": "1",
            f"agenda_item-{item.pk}-title": "Welcome and introductions",
            f"agenda_item-{item.pk}-version": item.version,
        },
    )
    reworded = secretariat_client.post(
        row_url(meeting, "paragraphs", paragraph, "edit"),
        {
            f"paragraph-{paragraph.pk}-number": "1.1",
            f"paragraph-{paragraph.pk}-text": "The Chair welcomed Ministers.",
            f"paragraph-{paragraph.pk}-version": paragraph.version,
        },
    )

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert (renamed.status_code, reworded.status_code) == (302, 302)
    assert change_headed(changes, "Changed Agenda item: 1. Welcome and introductions")["fields"] == [
        ("Title", "Welcome", "Welcome and introductions")
    ]
    assert change_headed(changes, "Changed Paragraph: 1.1 The Chair welcomed Ministers.")["fields"] == [
        ("Text", "Mark Harper MP welcomed Ministers.", "The Chair welcomed Ministers.")
    ]


def test_it_lists_changes_to_an_actions_owners(secretariat_client, changes_listed, meeting):
    item = AgendaItemFactory(meeting=meeting)
    action = ActionFactory(agenda_item=item, text="MOJ to explore prosecutions")
    action.set_owners([DepartmentFactory(short_name="MOJ")])
    prefix = f"action-{action.pk}"
    response = secretariat_client.post(
        row_url(meeting, "actions", action, "edit"),
        {
            f"{prefix}-text": "MOJ and AGO to explore prosecutions",
            f"{prefix}-owners": "AGO, MOJ",
            f"{prefix}-add_departments": "on",
            f"{prefix}-first_owner_leads": "on",
            f"{prefix}-due": "none",
            f"{prefix}-version": action.version,
        },
    )

    changes = changes_listed(secretariat_client.get(history_url(meeting)))

    assert response.status_code == 302
    assert "Added Action owner: AGO (lead)" in headings(changes, "Action owner")
    assert change_headed(changes, "Changed Action: A1 MOJ and AGO to explore prosecutions")["fields"] == [
        ("Text", "MOJ to explore prosecutions", "MOJ and AGO to explore prosecutions")
    ]


def test_it_says_when_nothing_has_been_recorded(secretariat_client, meeting):
    meeting.history.all().delete()

    assertContains(secretariat_client.get(history_url(meeting)), "No changes have been recorded.")


def test_a_department_user_reads_the_history_of_circulated_minutes(department_client, changes_listed):
    meeting = MeetingFactory(status=MinutesStatus.CIRCULATED)

    changes = changes_listed(department_client.get(history_url(meeting)))

    assert headings(changes) == ["Added Meeting: 11 March 2013"]


def test_it_refuses_the_history_of_draft_minutes_to_a_department_user(department_client, meeting):
    assert department_client.get(history_url(meeting)).status_code == 403


def test_it_refuses_the_history_of_draft_minutes_to_another_groups_secretariat(other_secretariat_client, meeting):
    assert other_secretariat_client.get(history_url(meeting)).status_code == 403


def test_it_rejects_post(secretariat_client, meeting):
    assert secretariat_client.post(history_url(meeting)).status_code == 405


def test_it_404s_for_an_unknown_meeting(secretariat_client):
    assert secretariat_client.get("/meetings/999/history/").status_code == 404


def test_it_requires_sign_in(assert_sign_in_required, meeting):
    assert_sign_in_required(history_url(meeting))


def a_meeting_naming(count):
    """A meeting whose register and actions name ``count`` departments and people, each changed once."""
    meeting = MeetingFactory(date=datetime.date(2013, 3, 11))
    item = AgendaItemFactory(meeting=meeting)
    for number in range(count):
        attendee = AttendeeFactory(
            meeting=meeting, department__short_name=f"Department {number}", person__name=f"Person {number}"
        )
        attendee.person = PersonFactory(name=f"Deputy {number}")
        attendee.save()
        action = ActionFactory(agenda_item=item)
        action.set_owners([attendee.department])
        CorrectionFactory(meeting=meeting)
    return meeting


# The session and the user; the meeting with its group; the groups the user serves; the ids of its
# agenda items and actions; the history of the meeting, its attendees, apologies, agenda items,
# paragraphs, actions and owners; and the records they name, one query for each model (groups,
# meetings, departments, people, agenda items and actions); the corrections with who made them;
# the updates given at the meeting and withdrawn; its circulations by email; its papers.
HISTORY_QUERIES = 23


@pytest.mark.parametrize("count", [1, 30])
def test_its_query_count_does_not_grow_with_the_names_it_shows(
    secretariat_client, secretariat_user, django_assert_num_queries, count
):
    meeting = a_meeting_naming(count)
    meeting.group.secretariat.add(secretariat_user)
    secretariat_client.get(history_url(meeting))

    with django_assert_num_queries(HISTORY_QUERIES):
        response = secretariat_client.get(history_url(meeting))

    assertContains(response, f"Deputy {count - 1}")
    assertContains(response, f"Department {count - 1}")
