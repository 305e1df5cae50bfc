"""Email through a real SMTP server, started by the test, and the worker running the queue as in production."""

import email
import socket
import time
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from circulation import outbox
from circulation.models import Message
from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


class Inbox:
    """An SMTP server's handler that keeps what arrives, and refuses the addresses it is told to."""

    def __init__(self, refused=()):
        self.arrived = []
        self.refused = set(refused)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.arrived.append(
            (envelope.mail_from, envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    def start(refused=()):
        inbox = Inbox(refused)
        controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
        controller.start()
        started.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        return inbox

    started = []
    yield start
    for controller in started:
        controller.stop()


def queue_to(address):
    return outbox.queue(
        purpose=Message.Purpose.REMINDER,
        group=GroupFactory(slug="idmg"),
        to_name="Private Office",
        to=address,
        subject="Inter-Departmental Ministerial Group on Human Trafficking: updates wanted",
        text_body="Please post an update.",
        html_body="<p>Please post an update.</p>",
    )


def test_a_message_arrives_at_the_smtp_server_with_its_text_and_html(smtp_server):
    inbox = smtp_server()

    message = queue_to("po@homeoffice.gov.uk")

    assert Message.objects.get(pk=message.pk).status == Message.Status.SENT
    [(sender, recipients, arrived)] = inbox.arrived
    assert sender == "idmg@example.gov.uk"
    assert recipients == ["po@homeoffice.gov.uk"]
    assert arrived["Subject"] == "Inter-Departmental Ministerial Group on Human Trafficking: updates wanted"
    assert arrived["To"] == "Private Office <po@homeoffice.gov.uk>"
    parts = {part.get_content_type(): part.get_content() for part in arrived.walk() if not part.is_multipart()}
    assert parts["text/plain"].strip() == "Please post an update."
    assert parts["text/html"].strip() == "<p>Please post an update.</p>"


def test_a_refused_address_shows_as_failed_in_the_outbox(smtp_server, secretariat_client):
    smtp_server(refused={"nobody@homeoffice.gov.uk"})

    message = queue_to("nobody@homeoffice.gov.uk")

    message = Message.objects.get(pk=message.pk)
    assert message.status == Message.Status.FAILED
    assert "No such user here" in message.last_error
    response = secretariat_client.get("/groups/idmg/outbox/")
    assert "No such user here" in response.content.decode()


def test_a_message_queued_while_the_mail_server_is_down_is_kept_and_sent_when_retried(smtp_server, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", free_port(), False

    message = queue_to("po@homeoffice.gov.uk")

    message = Message.objects.get(pk=message.pk)
    assert message.status == Message.Status.QUEUED
    assert "Connection refused" in message.last_error
    inbox = smtp_server()
    outbox.deliver(message.pk)
    assert Message.objects.get(pk=message.pk).status == Message.Status.SENT
    assert len(inbox.arrived) == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_what_was_queued(smtp_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    inbox = smtp_server()
    messages = [queue_to(f"office{n}@example.gov.uk") for n in range(3)]
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.QUEUED}
    assert inbox.arrived == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")

    deadline = time.monotonic() + 5
    while len(inbox.arrived) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(recipients[0] for _, recipients, _ in inbox.arrived) == [message.to for message in messages]
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
