"""Sending the agenda of a meeting to the members' contacts: ticked, previewed, then queued with its PDF."""

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from circulation.models import Message
from tests.factories import AgendaItemFactory

pytestmark = pytest.mark.django_db


def circulate_agenda_url(meeting):
    return reverse("circulation:circulate-agenda", args=[meeting.pk])


@pytest.fixture
def agenda(idmg):
    AgendaItemFactory(meeting=idmg.later, number=1, title="Minutes of the last meeting and matters arising")
    AgendaItemFactory(meeting=idmg.later, number=2, title="Activity update")
    return idmg.later


def test_the_agenda_page_offers_the_secretariat_to_send_it_by_email(secretariat_client, agenda):
    response = secretariat_client.get(reverse("minutes:agenda", args=[agenda.pk]))

    assertContains(response, f'href="{circulate_agenda_url(agenda)}"')


def test_it_shows_every_members_contact_ticked_and_a_preview_of_the_email(secretariat_client, idmg, agenda):
    response = secretariat_client.get(circulate_agenda_url(agenda))

    assertContains(response, '<h1 class="govuk-heading-l">Send the agenda by email</h1>', html=True)
    for contact in vars(idmg.contacts).values():
        assertContains(response, f'value="{contact.pk}" checked', html=False)
    assertContains(
        response, "Inter-Departmental Ministerial Group on Human Trafficking: agenda of the meeting of 10 June 2013"
    )
    assertContains(response, f"https://idmg.example.gov.uk/meetings/{agenda.pk}/agenda/")
    assert not Message.objects.exists()


def test_sending_emails_each_ticked_contact_the_agenda_with_its_pdf(secretariat_client, idmg, agenda):
    chosen = [idmg.contacts.moj, idmg.contacts.scotland]

    response = secretariat_client.post(circulate_agenda_url(agenda), {"contacts": [c.pk for c in chosen]})

    assertRedirects(response, reverse("minutes:agenda", args=[agenda.pk]), fetch_redirect_response=False)
    assert sorted(email.to[0] for email in mail.outbox) == [
        "MOJ private office <po@justice.gov.uk>",
        "Scottish private office <po@gov.scot>",
    ]
    email = mail.outbox[0]
    assert email.subject.endswith("agenda of the meeting of 10 June 2013")
    [(filename, content, content_type)] = email.attachments
    assert (filename, content_type) == ("IDMG-2013-06-10-agenda.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    assert set(Message.objects.values_list("purpose", "status")) == {(Message.Purpose.AGENDA, Message.Status.SENT)}


def test_sending_to_no_one_is_refused_at_the_field(secretariat_client, agenda):
    response = secretariat_client.post(circulate_agenda_url(agenda), {})

    assertContains(response, "Choose who to send the agenda to")
    assert not Message.objects.exists()


def test_a_department_user_may_not_send_the_agenda(department_client, agenda):
    assert department_client.get(circulate_agenda_url(agenda)).status_code == 403
    assert department_client.post(circulate_agenda_url(agenda), {}).status_code == 403


def test_it_refuses_other_methods(secretariat_client, agenda):
    assert secretariat_client.put(circulate_agenda_url(agenda)).status_code == 405
