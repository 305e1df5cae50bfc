"""Corrections to approved minutes: made in the admin, only with a reason, shown on the minutes and kept in history."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions.models import Action, ActionOwner, Update
from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Correction,
    Department,
    DepartmentMember,
    Group,
    Meeting,
    MinutesStatus,
    Paragraph,
    Person,
)
from members.models import Membership
from tests.admin_pages import change_page_data
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    MeetingFactory,
    MembershipFactory,
    ParagraphFactory,
    PersonFactory,
    UpdateFactory,
    factory_for,
)

pytestmark = pytest.mark.django_db

REASON = "The Minister's name was misspelt."


@pytest.fixture
def published():
    return MeetingFactory(date=datetime.date(2013, 3, 11), status=MinutesStatus.PUBLISHED, place="Home Office")


@pytest.fixture
def draft():
    return MeetingFactory(date=datetime.date(2013, 6, 3), place="Home Office")


def attendee_of(meeting):
    return AttendeeFactory(meeting=meeting, department__short_name="Home Office", person__name="Mark Harpur MP")


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def change_in_admin(client, obj, **changes):
    url = admin_url(type(obj), "change", obj.pk)
    return client.post(url, change_page_data(client.get(url), **changes))


def reason_errors(response):
    return response.context["adminform"].form.errors.get("correction_reason")


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def correction_note(correction):
    return f"<li><strong>{format_date(timezone.localtime(correction.made_at), 'j F Y')}</strong>: {correction.what}. "


def test_changing_an_attendee_of_published_minutes_asks_for_a_reason(admin_client, published):
    attendee = attendee_of(published)

    response = admin_client.get(admin_url(Attendee, "change", attendee.pk))

    assertContains(response, "Reason for the correction")
    assertContains(response, "These minutes have been approved. Say why they are being corrected")


def test_changing_an_attendee_of_published_minutes_without_a_reason_is_refused(admin_client, published):
    attendee = attendee_of(published)

    response = change_in_admin(admin_client, attendee, person=PersonFactory(name="Mark Harper MP").pk)

    assert response.status_code == 200
    assert reason_errors(response) == ["Give the reason for correcting approved minutes"]
    assertContains(response, 'id="id_correction_reason"')
    attendee.refresh_from_db()
    assert attendee.person.name == "Mark Harpur MP"
    assert not Correction.objects.exists()


def test_changing_an_attendee_of_published_minutes_with_a_reason_makes_a_correction(
    admin_client, admin_user, published
):
    attendee = attendee_of(published)

    response = change_in_admin(
        admin_client, attendee, person=PersonFactory(name="Mark Harper MP").pk, correction_reason=REASON
    )

    assert response.status_code == 302
    attendee.refresh_from_db()
    assert attendee.person.name == "Mark Harper MP"
    correction = Correction.objects.get()
    assert (correction.meeting, correction.made_by, correction.reason) == (published, admin_user, REASON)
    assert correction.what == "Attendee: Home Office – Mark Harper MP"
    assert correction.made_at.date() == timezone.now().date()


def test_the_correction_is_shown_on_the_minutes_with_its_date(admin_client, published):
    attendee = attendee_of(published)
    change_in_admin(admin_client, attendee, person=PersonFactory(name="Mark Harper MP").pk, correction_reason=REASON)

    response = admin_client.get(published.get_absolute_url())

    assertContains(response, '<h2 class="govuk-heading-m" id="corrections-title">Corrections</h2>', html=True)
    correction = Correction.objects.get()
    assertContains(response, correction_note(correction) + "The Minister&#x27;s name was misspelt.</li>")
    assertContains(response, f"<strong>{timezone.localdate():%-d %B %Y}</strong>")


def test_the_history_keeps_the_reason_and_who_made_the_correction(admin_client, admin_user, published):
    attendee = attendee_of(published)

    change_in_admin(admin_client, attendee, person=PersonFactory(name="Mark Harper MP").pk, correction_reason=REASON)

    record = attendee.history.latest("history_id")
    assert record.history_change_reason == REASON
    assert record.history_user == admin_user
    history_page = admin_client.get(f"/meetings/{published.pk}/history/")
    assertContains(history_page, f"by {admin_user.username}. Reason: The Minister&#x27;s name was misspelt.")


def test_changing_published_meeting_details_needs_a_reason(admin_client, published):
    response = change_in_admin(admin_client, published, place="2 Marsham Street")

    assert reason_errors(response) == ["Give the reason for correcting approved minutes"]
    published.refresh_from_db()
    assert published.place == "Home Office"


def test_changing_published_meeting_details_with_a_reason_makes_a_correction(admin_client, published):
    response = change_in_admin(
        admin_client, published, place="2 Marsham Street", correction_reason="The meeting moved building."
    )

    assert response.status_code == 302
    published.refresh_from_db()
    assert published.place == "2 Marsham Street"
    correction = Correction.objects.get()
    assert (correction.meeting, correction.what) == (published, "Meeting: IDMG 11 March 2013")
    assert published.history.latest("history_id").history_change_reason == "The meeting moved building."
    assertContains(admin_client.get(published.get_absolute_url()), "The meeting moved building.")


def test_a_correction_to_a_row_through_the_meetings_page_keeps_the_reason_in_the_rows_history(admin_client, published):
    attendee = attendee_of(published)
    harper = PersonFactory(name="Mark Harper MP")

    response = change_in_admin(
        admin_client, published, **{"attendees-0-person": harper.pk, "correction_reason": REASON}
    )

    assert response.status_code == 302
    attendee.refresh_from_db()
    assert attendee.person == harper
    assert Correction.objects.get().reason == REASON
    assert attendee.history.latest("history_id").history_change_reason == REASON


def test_changing_an_action_of_published_minutes_needs_a_reason(admin_client, published):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=published), text="MOJ to explore prosecutions")
    ActionOwnerFactory(action=action, department__short_name="MOJ", is_lead=True)

    refused = change_in_admin(admin_client, action, text="MOJ and AGO to explore prosecutions")
    saved = change_in_admin(
        admin_client, action, text="MOJ and AGO to explore prosecutions", correction_reason="AGO was left out."
    )

    assert reason_errors(refused) == ["Give the reason for correcting approved minutes"]
    assert saved.status_code == 302
    action.refresh_from_db()
    assert action.text == "MOJ and AGO to explore prosecutions"
    correction = Correction.objects.get()
    assert correction.what == f"Action: {action}"
    assert action.history.latest("history_id").history_change_reason == "AGO was left out."
    assertContains(admin_client.get(published.get_absolute_url()), "AGO was left out.")


@pytest.mark.parametrize("status", [MinutesStatus.APPROVED, MinutesStatus.PUBLISHED])
def test_approved_minutes_need_a_reason_too(admin_client, status):
    earlier = MeetingFactory(status=status)
    attendee = attendee_of(earlier)

    response = change_in_admin(admin_client, attendee, remote="on")

    assert reason_errors(response) == ["Give the reason for correcting approved minutes"]


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED])
def test_unapproved_minutes_are_changed_without_a_reason(admin_client, status):
    meeting = MeetingFactory(status=status)
    attendee = attendee_of(meeting)

    page = admin_client.get(admin_url(Attendee, "change", attendee.pk))
    response = change_in_admin(admin_client, attendee, person=PersonFactory(name="Mark Harper MP").pk)

    assertNotContains(page, "Reason for the correction")
    assert response.status_code == 302
    attendee.refresh_from_db()
    assert attendee.person.name == "Mark Harper MP"
    assert not Correction.objects.exists()
    assertNotContains(admin_client.get(meeting.get_absolute_url()), 'id="corrections"')


def test_draft_meeting_details_are_changed_without_a_reason(admin_client, draft):
    response = change_in_admin(admin_client, draft, place="2 Marsham Street")

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.place == "2 Marsham Street"
    assert not Correction.objects.exists()


def test_a_row_of_published_minutes_cannot_be_deleted_from_its_own_admin(admin_client, published):
    attendee = attendee_of(published)
    url = admin_url(Attendee, "delete", attendee.pk)

    assert admin_client.get(url).status_code == 403
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Attendee.objects.filter(pk=attendee.pk).exists()
    assertNotContains(admin_client.get(admin_url(Attendee, "change", attendee.pk)), url)


def test_a_row_of_published_minutes_cannot_be_deleted_from_the_list_either(admin_client, published):
    attendee = attendee_of(published)

    response = admin_client.post(
        admin_url(Attendee, "changelist"),
        {"action": "delete_selected", "_selected_action": [attendee.pk], "post": "yes"},
    )

    assert response.status_code == 403
    assert Attendee.objects.filter(pk=attendee.pk).exists()


def test_adding_a_row_to_published_minutes_needs_a_reason(admin_client, published):
    response = admin_client.post(
        admin_url(Attendee, "add"),
        {
            "meeting": published.pk,
            "department": DepartmentFactory(short_name="DfE").pk,
            "person": PersonFactory(name="Edward Timpson MP").pk,
            "role": "",
            "position": "0",
        },
    )

    assert response.status_code == 200
    assert not published.attendees.exists()


def test_published_minutes_cannot_be_deleted(admin_client, published):
    url = admin_url(Meeting, "delete", published.pk)

    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Meeting.objects.filter(pk=published.pk).exists()


def test_a_row_of_draft_minutes_can_be_deleted(admin_client, draft):
    attendee = attendee_of(draft)

    response = admin_client.post(admin_url(Attendee, "delete", attendee.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Attendee.objects.filter(pk=attendee.pk).exists()


def test_the_update_admin_is_read_only(admin_client, published):
    update = UpdateFactory(action=ActionFactory(agenda_item=AgendaItemFactory(meeting=published)))

    page = admin_client.get(admin_url(Update, "change", update.pk))

    assert page.status_code == 200
    assertNotContains(page, 'name="_save"')
    assert admin_client.post(admin_url(Update, "change", update.pk), {"text": "Rewritten."}).status_code == 403
    assert admin_client.get(admin_url(Update, "add")).status_code == 403
    assert admin_client.post(admin_url(Update, "delete", update.pk), {"post": "yes"}).status_code == 403
    update.refresh_from_db()
    assert update.text == "A draft has gone to officials for comment."


def test_the_corrections_themselves_are_read_only(admin_client, published):
    attendee = attendee_of(published)
    change_in_admin(admin_client, attendee, remote="on", correction_reason=REASON)
    correction = Correction.objects.get()

    assert admin_client.post(admin_url(Correction, "change", correction.pk), {"reason": "x"}).status_code == 403
    assert admin_client.post(admin_url(Correction, "delete", correction.pk), {"post": "yes"}).status_code == 403
    assert Correction.objects.get().reason == REASON


def test_an_action_admin_page_shows_updates_without_changing_them(admin_client, published):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=published))
    UpdateFactory(action=action)

    response = admin_client.get(admin_url(Action, "change", action.pk))

    assertContains(response, "A draft has gone to officials for comment.")
    assertNotContains(response, 'name="updates-0-text"')


# A name that approved minutes show: a person or a department


@pytest.fixture
def blairs():
    return PersonFactory(name="Chris Blairs")


@pytest.fixture
def minutes_showing_blairs(blairs):
    """Approved minutes with him in the register, published minutes with his apology, published
    minutes with an official attending for him, and a draft with him in the register."""
    approved = MeetingFactory(date=datetime.date(2012, 4, 17), status=MinutesStatus.APPROVED)
    AttendeeFactory(meeting=approved, person=blairs)
    published = MeetingFactory(date=datetime.date(2012, 9, 13), status=MinutesStatus.PUBLISHED)
    ApologyFactory(meeting=published, person=blairs)
    deputised = MeetingFactory(date=datetime.date(2013, 3, 11), status=MinutesStatus.PUBLISHED)
    AttendeeFactory(meeting=deputised, person=None, deputising_for=blairs)
    draft = MeetingFactory(date=datetime.date(2013, 6, 10))
    AttendeeFactory(meeting=draft, person=blairs)
    return SimpleNamespace(locked=[approved, published, deputised], draft=draft)


def test_renaming_a_person_shown_on_approved_minutes_asks_for_a_reason_naming_them(
    admin_client, blairs, minutes_showing_blairs
):
    response = admin_client.get(admin_url(Person, "change", blairs.pk))

    assertContains(response, "Reason for the correction")
    assertContains(
        response, "Approved minutes show this person: IDMG 17 April 2012, IDMG 13 September 2012, IDMG 11 March 2013."
    )


def test_renaming_a_person_shown_on_approved_minutes_without_a_reason_is_refused(
    admin_client, blairs, minutes_showing_blairs
):
    response = change_in_admin(admin_client, blairs, name="Chris Blair")

    assert response.status_code == 200
    assert reason_errors(response) == ["Give the reason for correcting approved minutes"]
    blairs.refresh_from_db()
    assert blairs.name == "Chris Blairs"
    assert not Correction.objects.exists()


def test_renaming_a_person_with_a_reason_leaves_a_correction_on_each_approved_minutes_that_show_them(
    admin_client, admin_user, blairs, minutes_showing_blairs
):
    response = change_in_admin(admin_client, blairs, name="Chris Blair", correction_reason="The name was misspelt.")

    assert response.status_code == 302
    blairs.refresh_from_db()
    assert blairs.name == "Chris Blair"
    corrections = Correction.objects.order_by("meeting__date")
    assert [correction.meeting for correction in corrections] == minutes_showing_blairs.locked
    for correction in corrections:
        assert correction.what == "Person “Chris Blairs” corrected to “Chris Blair”"
        assert (correction.reason, correction.made_by) == ("The name was misspelt.", admin_user)
    assert blairs.history.latest("history_id").history_change_reason == "The name was misspelt."
    for meeting in minutes_showing_blairs.locked:
        assertContains(admin_client.get(meeting.get_absolute_url()), "The name was misspelt.")
    assertNotContains(admin_client.get(minutes_showing_blairs.draft.get_absolute_url()), 'id="corrections"')


def test_the_correction_of_a_name_is_listed_in_the_history_of_the_minutes(
    admin_client, changes_listed, blairs, minutes_showing_blairs
):
    change_in_admin(admin_client, blairs, name="Chris Blair", correction_reason="The name was misspelt.")

    [newest, *_] = changes_listed(admin_client.get(f"/meetings/{minutes_showing_blairs.locked[0].pk}/history/"))

    assert newest["heading"] == "Correction recorded: Person “Chris Blairs” corrected to “Chris Blair”"
    assert newest["byline"].endswith("by administrator. Reason: The name was misspelt.")


def test_renaming_a_person_shown_only_on_unapproved_minutes_needs_no_reason(admin_client):
    person = PersonFactory(name="Chris Blairs")
    AttendeeFactory(meeting=MeetingFactory(status=MinutesStatus.CIRCULATED), person=person)

    page = admin_client.get(admin_url(Person, "change", person.pk))
    response = change_in_admin(admin_client, person, name="Chris Blair")

    assertNotContains(page, "Reason for the correction")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name == "Chris Blair"
    assert not Correction.objects.exists()


def test_renaming_a_department_that_owns_an_action_of_published_minutes_leaves_a_correction(admin_client, published):
    dfid = DepartmentFactory(short_name="DfID", name="Department for International Development")
    ActionOwnerFactory(action=ActionFactory(agenda_item=AgendaItemFactory(meeting=published)), department=dfid)

    refused = change_in_admin(admin_client, dfid, short_name="DFID")
    saved = change_in_admin(admin_client, dfid, short_name="DFID", correction_reason="Its initials were mistyped.")

    assert reason_errors(refused) == ["Give the reason for correcting approved minutes"]
    assert saved.status_code == 302
    correction = Correction.objects.get()
    assert (correction.meeting, correction.what) == (published, "Department “DfID” corrected to “DFID”")
    assertContains(admin_client.get(published.get_absolute_url()), "Its initials were mistyped.")


def test_renaming_a_department_in_the_matters_arising_of_published_minutes_leaves_a_correction(admin_client, published):
    earlier = MeetingFactory(group=published.group, date=datetime.date(2012, 4, 17), status=MinutesStatus.PUBLISHED)
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=earlier))
    moj = DepartmentFactory(short_name="MoJ")
    ActionOwnerFactory(action=action, department=moj)
    UpdateFactory(action=action, reported_at=published)

    change_in_admin(admin_client, moj, short_name="MOJ", correction_reason="Its initials were mistyped.")

    assert sorted(correction.meeting.pk for correction in Correction.objects.all()) == sorted(
        [earlier.pk, published.pk]
    )


def test_changing_only_a_departments_full_name_needs_no_reason(admin_client, published):
    home_office = DepartmentFactory(short_name="Home Office", name="Home Ofice")
    AttendeeFactory(meeting=published, department=home_office)

    response = change_in_admin(admin_client, home_office, name="Home Office")

    assert response.status_code == 302
    assert not Correction.objects.exists()


def test_the_department_page_explains_that_a_rename_or_merger_is_a_new_department_with_a_successor(admin_client):
    response = admin_client.get(admin_url(Department, "add"))

    assertContains(response, "add the new department, then set this one's successor to it")
    assertContains(response, "Old minutes keep the name they used")


# Reverting to an earlier version from the admin's history


def history_admin_models():
    return [model for model, model_admin in admin.site._registry.items() if hasattr(model_admin, "history_form_view")]


def test_every_record_with_a_history_in_the_admin_refuses_to_revert():
    for model in history_admin_models():
        assert admin.site._registry[model].revert_disabled(None) is True, model


@pytest.mark.parametrize("method", ["get", "post"])
def test_reverting_approved_minutes_to_their_draft_copy_is_refused_without_an_error(admin_client, method):
    meeting = MeetingFactory(place="Home Office")
    draft_copy = meeting.history.latest("history_id")
    meeting.place = "2 Marsham Street"
    meeting.save()
    meeting.circulate()
    meeting.approve(MeetingFactory(group=meeting.group, date=datetime.date(2013, 6, 10)))
    url = reverse("admin:meetings_meeting_simple_history", args=[meeting.pk, draft_copy.history_id])

    response = getattr(admin_client, method)(url, {"place": "Home Office", "date": "2013-03-11"})

    assertRedirects(response, admin_url(Meeting, "history", meeting.pk), fetch_redirect_response=False)
    assert "cannot be restored from the history" in messages_of(response)[0]
    meeting.refresh_from_db()
    assert (meeting.place, meeting.status) == ("2 Marsham Street", MinutesStatus.APPROVED)
    assert not Correction.objects.exists()


@pytest.mark.parametrize("model", history_admin_models(), ids=lambda model: model._meta.label)
def test_no_revert_answers_500(admin_client, model, published):
    attendee = attendee_of(published)
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=published))
    records = {
        Meeting: published,
        Attendee: attendee,
        Person: attendee.person,
        Department: attendee.department,
        Action: action,
        ActionOwner: ActionOwnerFactory(action=action),
        AgendaItem: action.agenda_item,
        Paragraph: ParagraphFactory(agenda_item=action.agenda_item),
        Apology: ApologyFactory(meeting=published),
        Group: published.group,
        DepartmentMember: DepartmentMemberFactory(),
        Membership: MembershipFactory(group=published.group),
    }
    record = records.get(model) or factory_for(model)()
    version = record.history.earliest("history_id").history_id
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history", args=[record.pk, version])

    responses = [
        admin_client.get(url),
        admin_client.post(url, {}),
        admin_client.get(admin_url(model, "history", record.pk)),
    ]

    assert [response.status_code for response in responses] == [302, 302, 200]


def test_the_history_list_stays_readable(admin_client, published):
    attendee = attendee_of(published)
    change_in_admin(admin_client, attendee, remote="on", correction_reason=REASON)

    response = admin_client.get(admin_url(Attendee, "history", attendee.pk))

    assertContains(response, "name was misspelt")
    assertNotContains(response, "Choose a date from the list below to revert")
