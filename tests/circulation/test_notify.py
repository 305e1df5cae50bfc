"""GOV.UK Notify instead of SMTP: the plain text goes to Notify's plain template, without the attachment."""

import pytest

from circulation import outbox
from circulation.models import Attachment, Message
from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db

TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


class FakeNotify:
    sent = []

    def __init__(self, api_key):
        self.api_key = api_key

    def send_email_notification(self, **notification):
        FakeNotify.sent.append(notification)
        return {"id": "notification-1"}


@pytest.fixture
def notify(settings, monkeypatch):
    settings.GOVUK_NOTIFY_API_KEY = "test-key"
    settings.GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = TEMPLATE
    settings.EMAIL_BACKEND = "django_gov_notify.backends.NotifyEmailBackend"
    settings.EMAIL_ATTACHMENTS = False
    monkeypatch.setattr("django_gov_notify.backends.NotificationsAPIClient", FakeNotify)
    FakeNotify.sent = []
    return FakeNotify.sent


def test_a_message_goes_to_notify_as_subject_and_body_to_the_bare_address(notify):
    attachment = Attachment.objects.create(filename="minutes.pdf", content_type="application/pdf", content=b"%PDF")

    message = outbox.queue(
        purpose=Message.Purpose.CIRCULATION,
        group=GroupFactory(slug="idmg"),
        to_name="Private Office",
        to="po@homeoffice.gov.uk",
        subject="IDMG: minutes",
        text_body="Read the minutes: https://idmg.example.gov.uk/meetings/1/",
        html_body="<p>Read the minutes</p>",
        attachment=attachment,
    )

    assert Message.objects.get(pk=message.pk).status == Message.Status.SENT
    assert notify == [
        {
            "email_address": "po@homeoffice.gov.uk",
            "template_id": TEMPLATE,
            "personalisation": {
                "subject": "IDMG: minutes",
                "body": "Read the minutes: https://idmg.example.gov.uk/meetings/1/",
            },
        }
    ]
