"""The outbox: each message kept before it is sent, retried when the mail server fails, listed for the secretariat."""

import smtplib

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from circulation import outbox
from circulation.models import Message
from tests.factories import GroupFactory, MessageFactory

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail connection that raises the error the test sets."""

    error = None

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise FailingBackend.error


@pytest.fixture
def failing(settings):
    settings.EMAIL_BACKEND = "tests.circulation.test_outbox.FailingBackend"

    def fail_with(error):
        FailingBackend.error = error

    return fail_with


def queued(**fields):
    defaults = {
        "purpose": Message.Purpose.CIRCULATION,
        "group": GroupFactory(slug="idmg"),
        "to_name": "Private Office",
        "to": "po@homeoffice.gov.uk",
        "subject": "IDMG: minutes",
        "text_body": "The minutes.",
        "html_body": "<p>The minutes.</p>",
    }
    return outbox.queue(**(defaults | fields))


def saved(message):
    return Message.objects.get(pk=message.pk)


def test_a_queued_message_is_sent_with_its_text_and_html():
    message = saved(queued())

    assert message.status == Message.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert mail.outbox[0].to == ["Private Office <po@homeoffice.gov.uk>"]
    assert mail.outbox[0].body == "The minutes."
    assert mail.outbox[0].alternatives[0] == ("<p>The minutes.</p>", "text/html")


def test_a_message_the_server_cannot_take_now_stays_queued_with_the_error(failing):
    failing(smtplib.SMTPConnectError(421, "Service not available"))

    message = saved(queued())

    assert message.status == Message.Status.QUEUED
    assert message.attempts == 1
    assert "Service not available" in message.last_error
    assert message.next_attempt_at is not None


def test_it_is_retried_later_with_a_longer_wait_each_time(failing, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    failing(ConnectionRefusedError(111, "Connection refused"))
    message = queued()
    waits = []
    for _ in range(Message.MAX_ATTEMPTS):
        before = saved(message)
        outbox.deliver(message.pk)
        after = saved(message)
        if after.next_attempt_at:
            waits.append((after.next_attempt_at - after.last_attempt_at).total_seconds() // 60)
        assert after.attempts == before.attempts + 1

    assert waits == [1, 5, 25, 125]
    assert saved(message).status == Message.Status.FAILED
    assert DBTaskResult.objects.count() == 1 + 4


def test_an_address_the_server_refuses_fails_at_once(failing):
    failing(smtplib.SMTPRecipientsRefused({"po@homeoffice.gov.uk": (550, b"No such user")}))

    message = saved(queued())

    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert "No such user" in message.last_error


def test_a_message_already_sent_is_not_sent_again():
    message = queued()

    outbox.deliver(message.pk)

    assert len(mail.outbox) == 1
    assert saved(message).attempts == 1


def test_a_password_link_is_not_kept_once_sent():
    message = saved(queued(purpose=Message.Purpose.PASSWORD_RESET, text_body="https://x/password/a/b/"))

    assert message.status == Message.Status.SENT
    assert (message.text_body, message.html_body) == ("", "")
    assert "https://x/password/a/b/" in mail.outbox[0].body


def outbox_url(group):
    return reverse("circulation:outbox", args=[group.slug])


def test_the_outbox_lists_the_groups_messages_newest_first(secretariat_client):
    group = GroupFactory(slug="idmg")
    older = MessageFactory(group=group, to="older@example.gov.uk", status=Message.Status.SENT)
    newer = MessageFactory(group=group, to="newer@example.gov.uk", status=Message.Status.FAILED, last_error="550")
    elsewhere = MessageFactory(to="elsewhere@example.gov.uk")

    response = secretariat_client.get(outbox_url(group))

    page = response.content.decode()
    assert page.index(newer.to) < page.index(older.to)
    assertNotContains(response, elsewhere.to)
    assertContains(response, '<strong class="govuk-tag govuk-tag--red">Failed</strong>', html=True)
    assertContains(response, "1 message failed.")


def test_the_outbox_is_paginated(secretariat_client):
    group = GroupFactory(slug="idmg")
    MessageFactory.create_batch(51, group=group)

    first = secretariat_client.get(outbox_url(group))
    second = secretariat_client.get(outbox_url(group), {"page": 2})

    assert first.content.decode().count('<tr class="govuk-table__row" id="message-') == 50
    assert second.content.decode().count('<tr class="govuk-table__row" id="message-') == 1


def test_the_outbox_makes_the_same_queries_however_many_messages(secretariat_client, django_assert_num_queries):
    group = GroupFactory(slug="idmg")
    MessageFactory.create_batch(3, group=group)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    secretariat_client.get(outbox_url(group))
    with CaptureQueriesContext(connection) as few:
        secretariat_client.get(outbox_url(group))
    MessageFactory.create_batch(20, group=group, status=Message.Status.FAILED)
    with django_assert_num_queries(len(few.captured_queries)):
        secretariat_client.get(outbox_url(group))


def test_a_failed_message_is_sent_again_by_hand(secretariat_client):
    group = GroupFactory(slug="idmg")
    message = MessageFactory(group=group, status=Message.Status.FAILED, attempts=5, last_error="Connection refused")

    response = secretariat_client.post(reverse("circulation:outbox-retry", args=[group.slug, message.pk]))

    assertRedirects(response, outbox_url(group), fetch_redirect_response=False)
    assert saved(message).status == Message.Status.SENT
    assert len(mail.outbox) == 1


def test_a_sent_message_is_not_sent_again_by_hand(secretariat_client):
    group = GroupFactory(slug="idmg")
    message = MessageFactory(group=group, status=Message.Status.SENT)

    secretariat_client.post(reverse("circulation:outbox-retry", args=[group.slug, message.pk]))

    assert not mail.outbox


def test_another_groups_message_cannot_be_retried(secretariat_client):
    group = GroupFactory(slug="idmg")
    other = MessageFactory(status=Message.Status.FAILED)

    response = secretariat_client.post(reverse("circulation:outbox-retry", args=[group.slug, other.pk]))

    assert response.status_code == 404
    assert saved(other).status == Message.Status.FAILED
