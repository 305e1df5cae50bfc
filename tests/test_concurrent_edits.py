"""Two people editing the same thing: the second save is refused, says what changed, and keeps what was typed."""

import datetime
import re

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from actions.models import Status
from meetings.models import Attendee, Meeting
from meetings.versioning import EditConflict
from tests.admin_pages import change_page_data
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    AttendeeFactory,
    DepartmentFactory,
    MeetingFactory,
    UserFactory,
)
from tests.meeting_form import MARCH_2013, meeting_details

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved a change to this while you were editing it: "
KEPT = "Your version is still in the form. Check it, then save again to keep yours."


@pytest.fixture
def meeting():
    return MeetingFactory(date=datetime.date(2013, 3, 11), start_time=datetime.time(14), place="Home Office")


@pytest.fixture
def first(secretariat_user):
    client = Client()
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def second(meeting):
    """Another officer of the same group's secretariat, in a browser of their own."""
    colleague = UserFactory(username="colleague")
    meeting.group.secretariat.add(colleague)
    client = Client()
    client.force_login(colleague)
    return client


@pytest.fixture
def attendee(meeting):
    return AttendeeFactory(meeting=meeting, department__short_name="Home Office", person__name="Mark Harper MP")


@pytest.fixture
def action(meeting):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting, number=2), text="MOJ to explore prosecutions")
    moj = DepartmentFactory(short_name="MOJ")
    action.set_owners([moj], lead=moj)
    return action


def version_in(response, name):
    """The version the page's form carries, as the browser would post it back."""
    match = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="(\d+)"', page(response))
    assert match, f"No {name} in the form"
    return match.group(1)


def page(response):
    return response.content.decode()


def attendee_url(attendee):
    return f"/meetings/{attendee.meeting_id}/attendees/{attendee.pk}/edit/"


def attendee_typed(attendee, version, **fields):
    prefix = f"attendee-{attendee.pk}"
    fields = {
        "department": "Home Office",
        "person": "Mark Harper MP",
        "deputising_for": "",
        "role": "",
        "add_departments": "on",
    } | fields
    return {f"{prefix}-{name}": value for name, value in fields.items()} | {f"{prefix}-version": version}


def test_the_second_save_of_an_attendee_is_refused_and_says_what_changed(first, second, attendee):
    first_version = version_in(first.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    second_version = version_in(second.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")

    saved = first.post(attendee_url(attendee), attendee_typed(attendee, first_version, person="Helen Grant MP"))
    refused = second.post(
        attendee_url(attendee), attendee_typed(attendee, second_version, person="Lord Bates", remote="on")
    )

    assert saved.status_code == 302
    assert refused.status_code == 200
    assertContains(refused, CONFLICT + "Name from “Mark Harper MP” to “Helen Grant MP”. " + KEPT)
    attendee.refresh_from_db()
    assert attendee.person.name == "Helen Grant MP"
    assert not attendee.remote


def test_the_refused_form_keeps_what_the_second_person_typed(first, second, attendee):
    opened = version_in(second.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, opened, person="Helen Grant MP"))

    refused = second.post(attendee_url(attendee), attendee_typed(attendee, opened, person="Lord Bates", remote="on"))

    assertContains(refused, f'name="attendee-{attendee.pk}-person" value="Lord Bates"')
    assert re.search(rf'<input type="checkbox" name="attendee-{attendee.pk}-remote"[^>]* checked>', page(refused))
    assertContains(refused, "<title>Error: Record minutes:")


def test_saving_again_after_the_refusal_keeps_the_second_persons_change(first, second, attendee):
    opened = version_in(second.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, opened, person="Helen Grant MP"))
    refused = second.post(attendee_url(attendee), attendee_typed(attendee, opened, person="Lord Bates"))

    now = version_in(refused, f"attendee-{attendee.pk}-version")
    again = second.post(attendee_url(attendee), attendee_typed(attendee, now, person="Lord Bates"))

    assert int(now) == int(opened) + 1
    assert again.status_code == 302
    attendee.refresh_from_db()
    assert attendee.person.name == "Lord Bates"


def test_the_refusal_comes_back_in_the_attendees_row_for_htmx(first, second, attendee, htmx_headers, assert_row_alone):
    opened = version_in(second.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, opened, department="MOJ"))

    refused = second.post(
        attendee_url(attendee), attendee_typed(attendee, opened, person="Lord Bates"), headers=htmx_headers
    )

    row = assert_row_alone(refused, f"attendee-{attendee.pk}")
    assert "Department from “Home Office” to “MOJ”" in row
    assert f'name="attendee-{attendee.pk}-person" value="Lord Bates"' in row
    assert f'name="attendee-{attendee.pk}-version" value="2"' in row


def test_the_same_person_saving_twice_in_a_row_is_not_refused(first, attendee):
    opened = version_in(first.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, opened, person="Helen Grant MP"))

    reopened = version_in(first.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    response = first.post(attendee_url(attendee), attendee_typed(attendee, reopened, person="Lord Bates"))

    assert response.status_code == 302


def meeting_url(meeting):
    return f"/meetings/{meeting.pk}/edit/"


def meeting_typed(version, **fields):
    return meeting_details(MARCH_2013, version=version, **{"start_time": "14:00", "place": "Home Office"} | fields)


def test_the_second_save_of_the_meeting_details_is_refused(first, second, meeting):
    first_version = version_in(first.get(meeting_url(meeting)), "version")
    second_version = version_in(second.get(meeting_url(meeting)), "version")

    saved = first.post(meeting_url(meeting), meeting_typed(first_version, place="2 Marsham Street"))
    refused = second.post(
        meeting_url(meeting), meeting_typed(second_version, end_time="16:00", place="102 Petty France")
    )

    assert saved.status_code == 302
    assertContains(refused, CONFLICT + "Place from “Home Office” to “2 Marsham Street”. " + KEPT)
    assertContains(refused, 'name="place" value="102 Petty France"')
    assertContains(refused, 'name="end_time" value="16:00"')
    meeting.refresh_from_db()
    assert (meeting.place, meeting.end_time) == ("2 Marsham Street", None)

    again = second.post(
        meeting_url(meeting), meeting_typed(version_in(refused, "version"), end_time="16:00", place="102 Petty France")
    )

    assert again.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.place, meeting.end_time) == ("102 Petty France", datetime.time(16))


def action_edit_url(action):
    return f"/meetings/{action.meeting_id}/actions/{action.pk}/edit/"


def action_typed(action, version, **fields):
    prefix = f"action-{action.pk}"
    fields = {
        "text": "MOJ to explore prosecutions",
        "owners": "MOJ",
        "first_owner_leads": "on",
        "due": "none",
        "add_departments": "on",
    } | fields
    return {f"{prefix}-{name}": value for name, value in fields.items()} | {f"{prefix}-version": version}


def test_the_second_save_of_an_action_is_refused(first, second, action):
    name = f"action-{action.pk}-version"
    first_version = version_in(first.get(action_edit_url(action)), name)
    second_version = version_in(second.get(action_edit_url(action)), name)

    saved = first.post(action_edit_url(action), action_typed(action, first_version, text="MOJ and AGO to explore"))
    refused = second.post(action_edit_url(action), action_typed(action, second_version, owners="MOJ, CPS"))

    assert saved.status_code == 302
    assertContains(refused, CONFLICT + "Action from “MOJ to explore prosecutions” to “MOJ and AGO to explore”. " + KEPT)
    assertContains(refused, f'name="action-{action.pk}-owners" value="MOJ, CPS"')
    action.refresh_from_db()
    assert action.text == "MOJ and AGO to explore"
    assert [department.short_name for department in action.owner_list] == ["MOJ"]

    again = second.post(action_edit_url(action), action_typed(action, version_in(refused, name), owners="MOJ, CPS"))

    assert again.status_code == 302
    action.refresh_from_db()
    assert [department.short_name for department in action.owner_list] == ["MOJ", "CPS"]


def action_url(action):
    return f"/actions/{action.pk}/"


def test_the_second_update_posted_on_an_action_page_is_refused(first, second, action):
    first_version = version_in(first.get(action_url(action)), "version")
    second_version = version_in(second.get(action_url(action)), "version")

    saved = first.post(
        action_url(action), {"status": "in_progress", "text": "Scoping has begun.", "version": first_version}
    )
    refused = second.post(
        action_url(action), {"status": "done", "text": "Guidance published.", "version": second_version}
    )

    assert saved.status_code == 302
    assertContains(
        refused,
        "Someone else updated this action while you were writing: it is now in progress (“Scoping has begun.”). "
        "Your update is still in the form. Check it, then post it again.",
    )
    assertContains(refused, ">\nGuidance published.</textarea>")
    assertContains(refused, 'name="status" type="radio" value="done" checked>')
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    assert [update.text for update in action.updates.all()] == ["Scoping has begun."]

    again = second.post(
        action_url(action), {"status": "done", "text": "Guidance published.", "version": version_in(refused, "version")}
    )

    assert again.status_code == 302
    action.refresh_from_db()
    assert action.status == Status.DONE
    assert [update.text for update in action.updates.all()] == ["Guidance published.", "Scoping has begun."]


def test_saving_a_stale_copy_raises_an_edit_conflict(attendee):
    mine, theirs = Attendee.objects.get(pk=attendee.pk), Attendee.objects.get(pk=attendee.pk)
    theirs.remote = True
    theirs.save()

    mine.role = Attendee.Role.CHAIR
    with pytest.raises(EditConflict):
        mine.save()

    attendee.refresh_from_db()
    assert (attendee.remote, attendee.role, attendee.version) == (True, Attendee.Role.MEMBER, 2)


def test_each_save_moves_the_version_on(meeting):
    meeting.place = "2 Marsham Street"
    meeting.save()
    meeting.save()

    assert meeting.version == 3
    assert Meeting.objects.get(pk=meeting.pk).version == 3


def test_a_saved_copy_saves_again(meeting):
    copy = Meeting.objects.get(pk=meeting.pk)
    copy.save()
    copy.place = "2 Marsham Street"
    copy.save()

    with pytest.raises(EditConflict):
        meeting.save()
    assert Meeting.objects.get(pk=meeting.pk).place == "2 Marsham Street"


def test_moving_a_row_while_it_is_being_edited_is_no_conflict(first, second, meeting, attendee):
    above = AttendeeFactory(meeting=meeting, department__short_name="MOJ")
    above.move("up")
    opened = version_in(second.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")

    first.post(f"/meetings/{meeting.pk}/attendees/{attendee.pk}/move/", {"direction": "up"})
    response = second.post(attendee_url(attendee), attendee_typed(attendee, opened, remote="on"))

    assert response.status_code == 302
    assert list(meeting.attendees.all()) == [attendee, above]
    assert Attendee.objects.get(pk=attendee.pk).remote


def test_the_refusal_names_the_owners_someone_else_changed(first, second, action):
    name = f"action-{action.pk}-version"
    first_version = version_in(first.get(action_edit_url(action)), name)
    second_version = version_in(second.get(action_edit_url(action)), name)

    first.post(action_edit_url(action), action_typed(action, first_version, owners="MOJ, AGO"))
    refused = second.post(action_edit_url(action), action_typed(action, second_version, text="MOJ to report back"))

    assertContains(refused, CONFLICT + "Owning departments from “MOJ (lead)” to “MOJ (lead), AGO”. " + KEPT)
    assertContains(refused, f'name="action-{action.pk}-text"')
    action.refresh_from_db()
    assert action.text == "MOJ to explore prosecutions"


def test_an_administrators_change_over_a_later_one_is_refused_too(first, admin_client, attendee):
    admin_url = f"/admin/meetings/attendee/{attendee.pk}/change/"
    opened = version_in(admin_client.get(admin_url), "opened_version")
    opened_after = version_in(first.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, opened_after, role="chair"))

    refused = admin_client.post(
        admin_url,
        {
            "meeting": attendee.meeting_id,
            "department": attendee.department_id,
            "person": attendee.person_id,
            "deputising_for": "",
            "role": "",
            "position": attendee.position,
            "opened_version": opened,
        },
    )

    assertContains(
        refused, "Someone else saved a change to this while you were editing it: Role from “Member” to “Chair”."
    )
    attendee.refresh_from_db()
    assert attendee.role == "chair"


def test_the_refusal_names_a_change_of_lead_alone(first, second, action):
    name = f"action-{action.pk}-version"
    first_version = version_in(first.get(action_edit_url(action)), name)
    second_version = version_in(second.get(action_edit_url(action)), name)

    first.post(action_edit_url(action), action_typed(action, first_version, first_owner_leads=""))
    refused = second.post(action_edit_url(action), action_typed(action, second_version, text="MOJ to report back"))

    assertContains(refused, CONFLICT + "Owning departments from “MOJ (lead)” to “MOJ”. " + KEPT)


def test_an_administrators_save_of_the_register_over_a_later_change_is_refused(first, admin_client, attendee):
    admin_url = f"/admin/meetings/meeting/{attendee.meeting_id}/change/"
    opened = change_page_data(admin_client.get(admin_url))
    version = version_in(first.get(attendee_url(attendee)), f"attendee-{attendee.pk}-version")
    first.post(attendee_url(attendee), attendee_typed(attendee, version, role="chair"))

    refused = admin_client.post(admin_url, opened | {"place": "102 Petty France"})

    assertContains(
        refused, "Someone else saved a change to this while you were editing it: Role from “Member” to “Chair”."
    )
    attendee.refresh_from_db()
    assert attendee.role == "chair"
    assert Meeting.objects.get(pk=attendee.meeting_id).place == "Home Office"


OUT_OF_DATE = (
    "This page was out of date, so your change has not been saved. "
    "Your version is still in the form. Check it, then save again."
)


def without_version(typed):
    return {name: value for name, value in typed.items() if not name.endswith("version")}


def test_a_save_that_leaves_out_the_version_is_refused_and_keeps_what_was_typed(first, attendee):
    refused = first.post(attendee_url(attendee), without_version(attendee_typed(attendee, "", person="Lord Bates")))

    assert refused.status_code == 200
    assertContains(refused, OUT_OF_DATE)
    assertContains(refused, f'name="attendee-{attendee.pk}-person" value="Lord Bates"')
    attendee.refresh_from_db()
    assert attendee.person.name == "Mark Harper MP"

    again = first.post(
        attendee_url(attendee), attendee_typed(attendee, version_in(refused, f"attendee-{attendee.pk}-version"))
    )

    assert again.status_code == 302


def test_a_save_with_an_empty_version_is_refused(first, meeting):
    refused = first.post(meeting_url(meeting), meeting_typed("", place="2 Marsham Street"))

    assertContains(refused, OUT_OF_DATE)
    assert Meeting.objects.get(pk=meeting.pk).place == "Home Office"


def test_an_update_posted_without_the_version_is_refused(first, action):
    refused = first.post(action_url(action), {"status": "done", "text": "Guidance published."})

    assertContains(refused, OUT_OF_DATE)
    assertContains(refused, ">\nGuidance published.</textarea>")
    assert not action.updates.exists()


def test_an_administrators_change_without_the_version_is_refused(admin_client, attendee):
    admin_url = f"/admin/meetings/attendee/{attendee.pk}/change/"

    refused = admin_client.post(
        admin_url,
        {
            "meeting": attendee.meeting_id,
            "department": attendee.department_id,
            "person": attendee.person_id,
            "deputising_for": "",
            "role": "chair",
            "position": attendee.position,
        },
    )

    assertContains(refused, OUT_OF_DATE)
    attendee.refresh_from_db()
    assert attendee.role == ""


def test_an_administrators_new_row_needs_no_version(admin_client, meeting):
    department = DepartmentFactory(short_name="MOJ")

    response = admin_client.post(
        "/admin/meetings/attendee/add/",
        {
            "meeting": meeting.pk,
            "department": department.pk,
            "person": "",
            "deputising_for": "",
            "role": "",
            "position": 1,
        },
    )

    assert response.status_code == 302
    assert meeting.attendees.get().department == department
