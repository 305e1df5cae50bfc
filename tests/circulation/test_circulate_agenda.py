"""Sending the agenda of a meeting to the members' contacts: ticked, previewed, then queued with its PDF."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from circulation.models import Message
from members.models import Contact
from tests.factories import AgendaItemFactory, PaperFactory

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


def test_posting_the_same_form_twice_sends_the_agenda_once(secretariat_client, idmg, agenda):
    page = secretariat_client.get(circulate_agenda_url(agenda))
    data = {"contacts": [idmg.contacts.moj.pk], "last_sent": page.context["form"].initial["last_sent"]}

    first = secretariat_client.post(circulate_agenda_url(agenda), data)
    second = secretariat_client.post(circulate_agenda_url(agenda), data)

    assert first.status_code == 302
    assert second.status_code == 200
    assertContains(second, "The agenda has been sent since this page was loaded, perhaps by pressing the button twice")
    assert list(Message.objects.values_list("to", flat=True)) == ["po@justice.gov.uk"]
    assert len(mail.outbox) == 1


def test_the_agenda_can_be_sent_again_from_a_page_loaded_since(secretariat_client, idmg, agenda):
    secretariat_client.post(circulate_agenda_url(agenda), {"contacts": [idmg.contacts.moj.pk], "last_sent": 0})
    page = secretariat_client.get(circulate_agenda_url(agenda))

    again = secretariat_client.post(
        circulate_agenda_url(agenda),
        {"contacts": [idmg.contacts.moj.pk], "last_sent": page.context["form"].initial["last_sent"]},
    )

    assert again.status_code == 302
    assert Message.objects.count() == 2


def test_department_users_are_offered_the_agenda_of_a_meeting_whose_minutes_are_a_draft(
    secretariat_client, idmg, agenda, department_users
):
    page = secretariat_client.get(circulate_agenda_url(agenda))
    secretariat_client.post(circulate_agenda_url(agenda), {"users": [department_users.moj.pk]})

    assertContains(page, f'value="{department_users.moj.pk}" checked', html=False)
    assert sorted(email.to[0] for email in mail.outbox) == ["Ann Smith <ann.smith@justice.gov.uk>"]


def test_once_sent_the_agenda_and_its_papers_are_read_by_department_users_and_the_minutes_stay_a_draft(
    client, secretariat_user, department_user, idmg, agenda
):
    paper = PaperFactory(agenda_item=agenda.agenda_items.get(number=2))
    agenda_url = reverse("minutes:agenda", args=[agenda.pk])
    paper_url = reverse("minutes:paper", args=[agenda.pk, paper.pk])
    department_client = Client()
    department_client.force_login(department_user)
    before = [department_client.get(url).status_code for url in (agenda_url, paper_url)]

    client.force_login(secretariat_user)
    client.post(circulate_agenda_url(agenda), {"contacts": [idmg.contacts.moj.pk]})

    assert before == [403, 403]
    assertContains(department_client.get(agenda_url), "Activity update")
    assert department_client.get(paper_url).status_code == 200
    assert department_client.get(reverse("minutes:agenda-document", args=[agenda.pk, "pdf"])).status_code == 200
    assert department_client.get(agenda.get_absolute_url()).status_code == 403


def test_the_email_invites_to_read_the_papers_only_when_there_are_some(secretariat_client, idmg, agenda):
    without = secretariat_client.get(circulate_agenda_url(agenda))
    PaperFactory(agenda_item=agenda.agenda_items.get(number=2))
    with_papers = secretariat_client.get(circulate_agenda_url(agenda))

    assertNotContains(without, "papers")
    assertContains(without, "is ready.")
    assertContains(with_papers, "is ready, with its papers.")
    assertContains(with_papers, "Read the agenda and its papers:")


def test_with_no_one_to_send_to_it_links_to_the_members_page(secretariat_client, idmg, agenda):
    Contact.objects.all().delete()

    response = secretariat_client.get(circulate_agenda_url(agenda))

    assertContains(response, "no email will be sent")
    assertContains(response, f'href="{reverse("members:members", args=[idmg.group.slug])}"')


@pytest.mark.parametrize("crafted", ["-99999999999999999999", "99999999999999999999", "x", "1.5", " "])
def test_a_crafted_recipient_is_refused_at_the_field(secretariat_client, agenda, crafted):
    response = secretariat_client.post(circulate_agenda_url(agenda), {"contacts": [crafted]})

    assertContains(response, "Choose from the list")
    assert not Message.objects.exists()
