"""Queueing email and sending it: each message is a row before any task runs, so none is lost.

A message that fails for a reason that may pass (the mail server is down, a timeout) is tried again
later, waiting longer each time; one the server refuses for good (an unknown address) fails at once,
and the secretariat can try it again from the outbox.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from notifications_python_client.errors import HTTPError as NotifyError

from circulation.models import Message
from circulation.notify import FileRefused

logger = logging.getLogger(__name__)

# Minutes to wait before each retry: 1, 5, 25 and 125.
BACKOFF_BASE_MINUTES = 5


def queue(**fields):
    """Keep a message in the outbox and queue the task that sends it, in one transaction."""
    with transaction.atomic():
        message = Message.objects.create(**fields)
        enqueue(message)
    return message


def enqueue(message, run_after=None):
    from circulation.tasks import send_message

    if run_after is None:
        send_message.enqueue(message.pk)
    elif send_message.get_backend().supports_defer:
        send_message.using(run_after=run_after).enqueue(message.pk)
    # A backend that cannot wait (the immediate one of tests) leaves the retry to be made by hand.


def retry(message, by=None):
    """Queue a failed message again, by hand."""
    with transaction.atomic():
        updated = Message.objects.filter(pk=message.pk, status=Message.Status.FAILED).update(
            status=Message.Status.QUEUED, next_attempt_at=None
        )
        if updated:
            enqueue(message)
    logger.info("Message %s queued again by %s", message.pk, by)
    return bool(updated)


def permanent(error):
    """Whether the mail server refused the message for good: retrying would only be refused again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    if isinstance(error, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        return 500 <= error.smtp_code < 600
    if isinstance(error, NotifyError):
        # Notify refused the request itself (an invalid address, a missing placeholder, a revoked key);
        # it is worth waiting only when busy (429) or down (5xx).
        return error.status_code in (400, 403)
    return isinstance(error, FileRefused)


def email_of(message):
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        # GOV.UK Notify takes a bare address; other servers show the name too.
        to=[message.to if settings.GOVUK_NOTIFY_API_KEY else message.recipient],
    )
    if message.html_body:
        email.attach_alternative(message.html_body, "text/html")
    if message.attachment_id and settings.EMAIL_ATTACHMENTS:
        attachment = message.attachment
        email.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return email


def deliver(message_id):
    """Send the message if it is still queued; record the outcome on it."""
    message = Message.objects.select_related("attachment").filter(pk=message_id).first()
    if message is None or message.status != Message.Status.QUEUED:
        return
    # Claim this attempt: a message queued twice (by hand while a retry waited) is sent once.
    now = timezone.now()
    claimed = Message.objects.filter(pk=message.pk, status=Message.Status.QUEUED, attempts=message.attempts).update(
        attempts=message.attempts + 1, last_attempt_at=now
    )
    if not claimed:
        return
    message.attempts += 1
    try:
        email_of(message).send()
    except Exception as error:
        failed(message, error)
        return
    update = {"status": Message.Status.SENT, "sent_at": timezone.now(), "last_error": "", "next_attempt_at": None}
    if message.purpose in Message.SECRET_PURPOSES:
        update |= {"text_body": "", "html_body": ""}
    Message.objects.filter(pk=message.pk).update(**update)


def failed(message, error):
    description = f"{type(error).__name__}: {error}"[:2000]
    logger.warning("Message %s to %s failed (attempt %s): %s", message.pk, message.to, message.attempts, description)
    if permanent(error) or message.attempts >= Message.MAX_ATTEMPTS:
        Message.objects.filter(pk=message.pk).update(
            status=Message.Status.FAILED, last_error=description, next_attempt_at=None
        )
        return
    run_after = timezone.now() + timedelta(minutes=BACKOFF_BASE_MINUTES ** (message.attempts - 1))
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).update(last_error=description, next_attempt_at=run_after)
        enqueue(message, run_after=run_after)
