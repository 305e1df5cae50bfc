"""Corrections to approved minutes: made in the admin, only with a reason, shown on the minutes and kept in history."""

import datetime

import pytest
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import Action, Update
from meetings.models import Attendee, Correction, Meeting, MinutesStatus
from tests.admin_pages import change_page_data
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    AttendeeFactory,
    DepartmentFactory,
    MeetingFactory,
    PersonFactory,
    UpdateFactory,
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
