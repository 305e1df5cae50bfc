"""Circulating minutes by email: the recipients ticked, the email previewed, then sent, and each
department's actions after it."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from circulation.models import Circulation, Message
from meetings.models import Meeting, MinutesStatus

pytestmark = pytest.mark.django_db


def circulate_url(meeting):
    return reverse("circulation:circulate", args=[meeting.pk])


def every_contact(idmg):
    return [contact.pk for contact in vars(idmg.contacts).values()]


def send(client, idmg, contacts=None, send_actions=True, status="draft", users=()):
    """Post the form as a page loaded now would: with the last message of the minutes' circulations."""
    data = {
        "contacts": every_contact(idmg) if contacts is None else contacts,
        "users": [user.pk for user in users],
        "status": status,
        "last_sent": Message.objects.last_sent(idmg.meeting, Message.Purpose.CIRCULATION),
    }
    if send_actions:
        data["send_actions"] = "on"
    return client.post(circulate_url(idmg.meeting), data)


def emails_to(address):
    return [email for email in mail.outbox if any(address in to for to in email.to)]


def test_the_minutes_page_offers_to_circulate_through_the_email_page(secretariat_client, idmg):
    response = secretariat_client.get(idmg.meeting.get_absolute_url())

    assertContains(response, f'<form method="get" action="{circulate_url(idmg.meeting)}"')


def test_it_shows_every_members_contact_ticked_and_a_preview_of_the_email(secretariat_client, idmg):
    response = secretariat_client.get(circulate_url(idmg.meeting))

    assertContains(response, '<h1 class="govuk-heading-l">Circulate the minutes</h1>', html=True)
    for contact in vars(idmg.contacts).values():
        assertContains(response, f'value="{contact.pk}" checked', html=False)
    assertContains(response, "Jo Lead, Lead official (Home Office): jo.lead@homeoffice.gov.uk")
    assertContains(
        response,
        "Inter-Departmental Ministerial Group on Human Trafficking: minutes of the meeting of 11 March 2013",
    )
    assertContains(response, f"https://idmg.example.gov.uk/meetings/{idmg.meeting.pk}/")
    assertContains(
        response, "Home Office: Inter-Departmental Ministerial Group on Human Trafficking: Home Office&#x27;s actions"
    )
    assert Meeting.objects.get(pk=idmg.meeting.pk).status == MinutesStatus.DRAFT
    assert not Message.objects.exists()


def test_sending_circulates_the_minutes_and_emails_each_ticked_contact(secretariat_client, secretariat_user, idmg):
    response = send(secretariat_client, idmg)

    assertRedirects(response, idmg.meeting.get_absolute_url(), fetch_redirect_response=False)
    assert Meeting.objects.get(pk=idmg.meeting.pk).status == MinutesStatus.CIRCULATED
    circulation = Circulation.objects.get(meeting=idmg.meeting)
    assert circulation.sent_by == secretariat_user
    circulated = Message.objects.filter(purpose=Message.Purpose.CIRCULATION)
    assert sorted(circulated.values_list("to", flat=True)) == sorted(
        [
            "po@homeoffice.gov.uk",
            "jo.lead@homeoffice.gov.uk",
            "po@justice.gov.uk",
            "po@gov.scot",
            "po@homeoffice.gov.uk",
        ]
    )
    assert set(circulated.values_list("status", flat=True)) == {Message.Status.SENT}
    email = emails_to("po@justice.gov.uk")[0]
    assert email.to == ["MOJ private office <po@justice.gov.uk>"]
    assert (
        email.subject
        == "Inter-Departmental Ministerial Group on Human Trafficking: minutes of the meeting of 11 March 2013"
    )
    assert email.from_email == "IDMG secretariat <idmg@example.gov.uk>"
    assert f"Read the minutes: https://idmg.example.gov.uk/meetings/{idmg.meeting.pk}/" in email.body
    html, content_type = email.alternatives[0]
    assert content_type == "text/html"
    assert f'href="https://idmg.example.gov.uk/meetings/{idmg.meeting.pk}/"' in html
    filename, content, attachment_type = email.attachments[0]
    assert (filename, attachment_type) == ("IDMG-2013-03-11-minutes.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_an_unticked_contact_gets_nothing(secretariat_client, idmg):
    send(secretariat_client, idmg, contacts=[idmg.contacts.moj.pk])

    assert {to for email in mail.outbox for to in email.to} == {"MOJ private office <po@justice.gov.uk>"}


def test_each_owning_department_gets_its_actions_from_the_meeting_and_its_other_outstanding_ones(
    secretariat_client, idmg
):
    send(secretariat_client, idmg)

    actions = Message.objects.filter(purpose=Message.Purpose.DEPARTMENT_ACTIONS)
    assert sorted(actions.values_list("department__short_name", "to")) == [
        ("Home Office", "jo.lead@homeoffice.gov.uk"),
        ("Home Office", "po@homeoffice.gov.uk"),
        ("MOJ", "po@justice.gov.uk"),
    ]
    moj = actions.get(department=idmg.moj)
    assert moj.subject == (
        "Inter-Departmental Ministerial Group on Human Trafficking: MOJ's actions from the meeting of 11 March 2013"
    )
    body = moj.text_body
    assert "- IDMG 2013-03 A1: Home Office and MOJ to share the referral figures" in body
    assert "- IDMG 2013-03 A2 (OVERDUE): MOJ to produce a leaflet" in body
    assert "Due: 1 May 2013." in body
    assert f"Post an update: https://idmg.example.gov.uk{idmg.leaflet.get_absolute_url()}" in body
    assert f'href="https://idmg.example.gov.uk{idmg.leaflet.get_absolute_url()}"' in moj.html_body


def test_no_email_tells_of_draft_minutes(secretariat_client, idmg):
    send(secretariat_client, idmg)

    for message in Message.objects.all():
        assert "A draft action nobody else may read" not in message.text_body + message.html_body
    home_office = Message.objects.filter(purpose=Message.Purpose.DEPARTMENT_ACTIONS, department=idmg.home_office)
    assert "Home Office to publish the strategy" not in home_office.first().text_body  # done: not outstanding


def test_a_successor_department_gets_the_actions_of_the_department_it_succeeded(secretariat_client, idmg):
    idmg.referral.set_owners([idmg.executive], lead=idmg.executive)

    send(secretariat_client, idmg)

    scotland = Message.objects.get(purpose=Message.Purpose.DEPARTMENT_ACTIONS, department=idmg.scotland)
    assert scotland.to == "po@gov.scot"
    assert "Home Office and MOJ to share the referral figures" in scotland.text_body
    assert "Scotland to report back on the new legislation" in scotland.text_body


def test_the_actions_emails_can_be_left_unsent(secretariat_client, idmg):
    send(secretariat_client, idmg, send_actions=False)

    assert not Message.objects.filter(purpose=Message.Purpose.DEPARTMENT_ACTIONS).exists()
    assert Message.objects.filter(purpose=Message.Purpose.CIRCULATION).count() == 5


def test_it_refuses_to_send_to_no_one_and_keeps_the_minutes_draft(secretariat_client, idmg):
    response = send(secretariat_client, idmg, contacts=[])

    assertContains(response, "Choose who to send the minutes to")
    assert Meeting.objects.get(pk=idmg.meeting.pk).status == MinutesStatus.DRAFT
    assert not Message.objects.exists()


def test_a_contact_of_another_group_cannot_be_slipped_in(secretariat_client, idmg):
    from tests.factories import ContactFactory

    stranger = ContactFactory(email="someone@example.com")

    response = send(secretariat_client, idmg, contacts=[stranger.pk])

    assert response.status_code == 200
    assertContains(response, "Choose from the list")
    assert not Message.objects.exists()


def test_minutes_circulated_since_the_page_was_loaded_are_not_sent_twice(secretariat_client, idmg):
    Meeting.objects.filter(pk=idmg.meeting.pk).update(status=MinutesStatus.CIRCULATED)

    response = send(secretariat_client, idmg, status="draft")

    assertContains(response, "The minutes have moved on since this page was loaded")
    assert not Message.objects.exists()


def test_circulated_minutes_can_be_sent_again_without_changing_their_status(secretariat_client, idmg):
    send(secretariat_client, idmg)

    response = send(secretariat_client, idmg, contacts=[idmg.contacts.scotland.pk], status="circulated")

    assert response.status_code == 302
    assert Circulation.objects.filter(meeting=idmg.meeting).count() == 2
    assert Meeting.objects.get(pk=idmg.meeting.pk).status == MinutesStatus.CIRCULATED


def test_a_group_without_contacts_circulates_without_email(secretariat_client, idmg):
    from members.models import Contact

    Contact.objects.all().delete()

    page = secretariat_client.get(circulate_url(idmg.meeting))
    response = secretariat_client.post(circulate_url(idmg.meeting), {"status": "draft"})

    assertContains(page, "have no contacts or department users with an email address on record, so no email")
    assert response.status_code == 302
    assert Meeting.objects.get(pk=idmg.meeting.pk).status == MinutesStatus.CIRCULATED
    assert not Message.objects.exists()


def test_the_circulation_is_on_the_meetings_history(secretariat_client, idmg, changes_listed):
    send(secretariat_client, idmg, contacts=[idmg.contacts.moj.pk, idmg.contacts.scotland.pk])

    changes = changes_listed(secretariat_client.get(reverse("minutes:history", args=[idmg.meeting.pk])))

    circulated = [change for change in changes if change["heading"].startswith("Circulated")]
    assert len(circulated) == 1
    assert circulated[0]["heading"] == (
        "Circulated the minutes by email to 2 recipients: MOJ private office <po@justice.gov.uk> (MOJ); "
        "Scottish private office <po@gov.scot> (Scottish Government)"
    )
    assert re.search(r"by secretariat$", circulated[0]["byline"])


def test_a_department_user_cannot_circulate(department_client, idmg):
    response = send(department_client, idmg)

    assert response.status_code == 403
    assert not Message.objects.exists()


def test_the_preview_of_each_departments_actions_lists_the_actions_of_the_minutes_to_circulate(
    secretariat_client, idmg
):
    response = secretariat_client.get(circulate_url(idmg.meeting))

    assertContains(response, "IDMG 2013-03 A2 (OVERDUE): MOJ to produce a leaflet")
    assertNotContains(response, "A draft action nobody else may read")


def test_an_address_shared_by_two_departments_receives_the_minutes_for_each(secretariat_client, idmg):
    send(secretariat_client, idmg, contacts=[idmg.contacts.home_office_private_office.pk, idmg.contacts.dfe.pk])

    shared = Message.objects.filter(purpose=Message.Purpose.CIRCULATION, to="po@homeoffice.gov.uk")
    assert sorted(shared.values_list("department__short_name", flat=True)) == ["DfE", "Home Office"]


def test_the_status_page_points_to_circulating_by_email(secretariat_client, idmg):
    response = secretariat_client.get(reverse("meetings:minutes-status", args=[idmg.meeting.pk]))

    assertContains(response, f'href="{circulate_url(idmg.meeting)}">circulate them by email</a>')


def test_the_member_departments_users_are_offered_ticked_at_their_own_addresses(
    secretariat_client, idmg, department_users
):
    response = secretariat_client.get(circulate_url(idmg.meeting))

    assertContains(response, "Department users")
    assertContains(response, f'value="{department_users.moj.pk}" checked', html=False)
    assertContains(response, "Ann Smith (MOJ): ann.smith@justice.gov.uk")
    for left_out in ("home_office_lead", "without_address", "closed", "stranger"):
        assertNotContains(response, f'name="users" type="checkbox" value="{getattr(department_users, left_out).pk}"')
    assert response.content.decode().lower().count("jo.lead@homeoffice.gov.uk") == 1


def test_a_department_user_receives_the_minutes_and_their_departments_actions(
    secretariat_client, idmg, department_users
):
    send(secretariat_client, idmg, contacts=[], users=[department_users.moj])

    ann = Message.objects.filter(to="ann.smith@justice.gov.uk")
    assert sorted(ann.values_list("purpose", "department__short_name", "to_name")) == [
        (Message.Purpose.CIRCULATION, "MOJ", "Ann Smith"),
        (Message.Purpose.DEPARTMENT_ACTIONS, "MOJ", "Ann Smith"),
    ]
    assert emails_to("ann.smith@justice.gov.uk")[0].to == ["Ann Smith <ann.smith@justice.gov.uk>"]
    assert Message.objects.count() == 2


def test_a_department_user_of_another_department_cannot_be_slipped_in(secretariat_client, idmg, department_users):
    response = send(secretariat_client, idmg, users=[department_users.stranger, department_users.closed])

    assertContains(response, "Choose from the list")
    assert not Message.objects.exists()


def test_department_users_alone_can_be_sent_the_minutes_when_no_contacts_are_on_record(
    secretariat_client, idmg, department_users
):
    from members.models import Contact

    Contact.objects.all().delete()

    refused = send(secretariat_client, idmg, contacts=[])
    response = send(secretariat_client, idmg, contacts=[], users=[department_users.moj])

    assertContains(refused, "Choose who to send the minutes to")
    assert response.status_code == 302
    assert set(Message.objects.values_list("to", flat=True)) == {"ann.smith@justice.gov.uk"}


def test_posting_the_same_page_twice_sends_the_minutes_once(secretariat_client, idmg):
    send(secretariat_client, idmg)
    page = secretariat_client.get(circulate_url(idmg.meeting))
    data = {
        "contacts": [idmg.contacts.moj.pk],
        "status": "circulated",
        "last_sent": page.context["form"].initial["last_sent"],
    }
    sent_before = Message.objects.count()

    first = secretariat_client.post(circulate_url(idmg.meeting), data)
    second = secretariat_client.post(circulate_url(idmg.meeting), data)

    assert first.status_code == 302
    assertContains(second, "The minutes have been sent since this page was loaded")
    assert Message.objects.count() == sent_before + 1
    assert Circulation.objects.filter(meeting=idmg.meeting).count() == 2
