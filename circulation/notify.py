"""GOV.UK Notify as Django's email backend, carrying an email's attachment as a file to download.

django-gov-notify sends the subject and body through a plain template and refuses attachments. Notify
sends a file by email as a secure download link in place of a placeholder of its template, so an email
with an attachment goes through a second template, ``GOVUK_NOTIFY_FILE_EMAIL_TEMPLATE_ID``, whose
``((link_to_file))`` is the file.
"""

import io

from django.conf import settings
from django.core.mail.message import sanitize_address
from django_gov_notify.backends import NotifyEmailBackend as PlainNotifyEmailBackend
from notifications_python_client import prepare_upload

FILE_PLACEHOLDER = "link_to_file"


class FileRefused(ValueError):
    """The attachment cannot go through Notify (more than one, or over its size limit): it never will."""


class NotifyEmailBackend(PlainNotifyEmailBackend):
    def send_messages(self, email_messages):
        plain = [message for message in email_messages if not message.attachments]
        with_file = [message for message in email_messages if message.attachments]
        sent = super().send_messages(plain) if plain else 0
        if with_file:
            with self._lock:
                self.open()
                sent += sum(1 for message in with_file if self._send_with_file(message))
        return sent

    def _send_with_file(self, email_message):
        encoding = email_message.encoding or settings.DEFAULT_CHARSET
        notification = {
            "template_id": settings.GOVUK_NOTIFY_FILE_EMAIL_TEMPLATE_ID,
            "personalisation": {
                "subject": email_message.subject,
                "body": email_message.body,
                FILE_PLACEHOLDER: upload(email_message.attachments),
            },
        }
        try:
            for recipient in email_message.recipients():
                self.client.send_email_notification(email_address=sanitize_address(recipient, encoding), **notification)
        except Exception:
            if not self.fail_silently:
                raise
            return False
        return True


def upload(attachments):
    """The one attachment as Notify takes a file: its content in base64 (by the client's ``prepare_upload``,
    which refuses a file over Notify's 2 MB) and its name, which the recipient's download keeps."""
    if len(attachments) != 1:
        raise FileRefused("GOV.UK Notify sends one file with an email.")
    filename, content, _content_type = attachments[0]
    if isinstance(content, str):
        content = content.encode()
    try:
        file = prepare_upload(io.BytesIO(content))
    except ValueError as error:
        raise FileRefused(f"GOV.UK Notify refuses {filename}: {error}") from error
    return file | {"filename": filename}
