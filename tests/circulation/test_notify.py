"""GOV.UK Notify instead of SMTP: the plain text goes to Notify's plain template, and an email with an
attachment to the file template, the file in its ``((link_to_file))``. Notify's HTTP API is stubbed where
the client sends its requests, so each test reads the request Notify would receive."""

import base64
import json

import jwt
import pytest
import requests

from circulation import outbox
from circulation.models import Attachment, Message
from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db

SERVICE = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
PLAIN_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
FILE_TEMPLATE = "b7bd5a2e-5c5b-4c4f-9b5f-2f1c2a3e4d5f"


class NotifyAPI:
    """What the client asks of Notify's API, each request with its URL, headers and JSON body."""

    def __init__(self):
        self.requests = []
        self.status_code = 201

    def request(self, session, method, url, **kwargs):
        self.requests.append({"method": method, "url": url, "headers": kwargs["headers"], "body": kwargs["data"]})
        response = requests.Response()
        response.status_code = self.status_code
        response.url = url
        response._content = json.dumps({"id": "740e5834-3a29-46b4-9a6f-16142fde533a"}).encode()
        return response

    @property
    def notifications(self):
        return [json.loads(request["body"]) for request in self.requests]


@pytest.fixture
def notify(settings, monkeypatch):
    settings.GOVUK_NOTIFY_API_KEY = f"idmg_test-{SERVICE}-{SECRET}"
    settings.GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = PLAIN_TEMPLATE
    settings.GOVUK_NOTIFY_FILE_EMAIL_TEMPLATE_ID = FILE_TEMPLATE
    settings.EMAIL_BACKEND = "circulation.notify.NotifyEmailBackend"
    settings.EMAIL_ATTACHMENTS = True
    api = NotifyAPI()
    monkeypatch.setattr(
        requests.Session, "request", lambda session, method, url, **kwargs: api.request(session, method, url, **kwargs)
    )
    return api


def minutes_message(content=b"%PDF-1.7 the minutes"):
    attachment = Attachment.objects.create(
        filename="IDMG-2013-03-11-minutes.pdf", content_type="application/pdf", content=content
    )
    return outbox.queue(
        purpose=Message.Purpose.CIRCULATION,
        group=GroupFactory(slug="idmg"),
        to_name="Private Office",
        to="po@homeoffice.gov.uk",
        subject="IDMG: minutes",
        text_body="Read the minutes: https://idmg.example.gov.uk/meetings/1/",
        html_body="<p>Read the minutes</p>",
        attachment=attachment,
    )


def test_an_email_with_an_attachment_carries_the_file_in_the_file_template(notify):
    message = minutes_message()

    assert Message.objects.get(pk=message.pk).status == Message.Status.SENT
    [request] = notify.requests
    assert (request["method"], request["url"]) == (
        "POST",
        "https://api.notifications.service.gov.uk/v2/notifications/email",
    )
    token = jwt.decode(request["headers"]["Authorization"].removeprefix("Bearer "), SECRET, algorithms=["HS256"])
    assert token["iss"] == SERVICE
    [notification] = notify.notifications
    assert notification["email_address"] == "po@homeoffice.gov.uk"
    assert notification["template_id"] == FILE_TEMPLATE
    personalisation = notification["personalisation"]
    assert personalisation["subject"] == "IDMG: minutes"
    assert personalisation["body"] == "Read the minutes: https://idmg.example.gov.uk/meetings/1/"
    assert personalisation["link_to_file"]["filename"] == "IDMG-2013-03-11-minutes.pdf"
    assert base64.b64decode(personalisation["link_to_file"]["file"]) == b"%PDF-1.7 the minutes"


def test_an_email_without_an_attachment_goes_to_the_plain_template_as_subject_and_body(notify):
    outbox.queue(
        purpose=Message.Purpose.REMINDER,
        group=GroupFactory(slug="idmg"),
        to_name="Private Office",
        to="po@homeoffice.gov.uk",
        subject="IDMG: updates wanted",
        text_body="Please post an update.",
    )

    assert notify.notifications == [
        {
            "email_address": "po@homeoffice.gov.uk",
            "template_id": PLAIN_TEMPLATE,
            "personalisation": {"subject": "IDMG: updates wanted", "body": "Please post an update."},
        }
    ]


def test_without_a_file_template_notify_sends_the_email_without_its_attachment(notify, settings):
    settings.EMAIL_ATTACHMENTS = False

    minutes_message()

    [notification] = notify.notifications
    assert notification["template_id"] == PLAIN_TEMPLATE
    assert set(notification["personalisation"]) == {"subject", "body"}


def test_a_file_over_notifys_limit_fails_at_once_without_asking_notify(notify):
    message = minutes_message(content=b"%PDF" + b"0" * (2 * 1024 * 1024))

    failed = Message.objects.get(pk=message.pk)
    assert failed.status == Message.Status.FAILED
    assert "File is larger than 2MB" in failed.last_error
    assert notify.requests == []


def test_a_request_notify_refuses_fails_at_once(notify):
    notify.status_code = 400

    message = minutes_message()

    failed = Message.objects.get(pk=message.pk)
    assert (failed.status, failed.attempts) == (Message.Status.FAILED, 1)
