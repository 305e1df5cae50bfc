"""Circulating minutes by email, and sending each department its actions; sending the agenda."""

from django.db import transaction
from django.utils import timezone

from actions.models import Action
from circulation import emails
from circulation.models import Attachment, Circulation, Message
from circulation.outbox import queue
from circulation.recipients import of_department
from meetings.models import Meeting, MinutesStatus
from minutes.agenda import with_agenda
from minutes.contents import with_minutes
from minutes.documents import pdf
from minutes.documents.agenda import agenda_content, build_agenda_pdf
from minutes.documents.content import minutes_content


class SentMeanwhile(Exception):
    """The email was sent since the page asking for it was loaded: a second post of its form."""


def claim(meeting, purpose, last_sent):
    """Hold the meeting until the transaction ends, and refuse to send again what was sent since the page
    was loaded: ``last_sent`` is the last message of ``purpose`` the page knew of (a double click, or the
    same form posted twice, finds a newer one). Call it inside a transaction."""
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk).values_list("pk"))
    if Message.objects.last_sent(meeting, purpose) != (last_sent or 0):
        raise SentMeanwhile(f"{purpose} of {meeting} was sent since the page was loaded")


def minutes_attachment(meeting):
    """The minutes as a PDF, as they stand, kept once for every message that carries them."""
    meeting = with_minutes().get(pk=meeting.pk)
    content = minutes_content(meeting, Action.objects.reviewed_at(meeting))
    return Attachment.objects.create(
        filename=f"{content.file_stem}.pdf", content_type=pdf.CONTENT_TYPE, content=pdf.build_pdf(content)
    )


def circulate(meeting, recipients, sent_by, *, send_actions=True, last_sent=0):
    """Circulate draft minutes (or send circulated ones again) to ``recipients``, and record it on the meeting.

    With ``send_actions``, each department owning actions of the meeting gets one more email, to its
    recipients among ``recipients``, listing its actions. Everything is queued in the outbox; the worker
    sends it. Raises ``SentMeanwhile`` if the minutes were emailed since the message ``last_sent``.
    """
    with transaction.atomic():
        claim(meeting, Message.Purpose.CIRCULATION, last_sent)
        if meeting.status == MinutesStatus.DRAFT:
            meeting.circulate()
        attachment = minutes_attachment(meeting) if recipients else None
        circulation = Circulation.objects.create(meeting=meeting, sent_by=sent_by, attachment=attachment)
        email = emails.circulation_email(meeting, sent_by)
        for recipient in recipients:
            queue_to(recipient, email, Message.Purpose.CIRCULATION, meeting, sent_by, circulation, attachment)
        if send_actions:
            for department in emails.owning_departments(meeting):
                department_recipients = of_department(recipients, department)
                if not department_recipients:
                    continue
                email = emails.department_actions_email(meeting, department)
                for recipient in department_recipients:
                    queue_to(recipient, email, Message.Purpose.DEPARTMENT_ACTIONS, meeting, sent_by, circulation)
    return circulation


def circulate_agenda(meeting, recipients, sent_by, *, last_sent=0):
    """Email the agenda of a meeting, with its PDF, to ``recipients``; each message is kept in the outbox.

    Raises ``SentMeanwhile`` if the agenda was emailed since the message ``last_sent``.
    """
    with transaction.atomic():
        claim(meeting, Message.Purpose.AGENDA, last_sent)
        content = agenda_content(with_agenda().get(pk=meeting.pk))
        attachment = Attachment.objects.create(
            filename=f"{content.file_stem}.pdf", content_type=pdf.CONTENT_TYPE, content=build_agenda_pdf(content)
        )
        email = emails.agenda_email(meeting, sent_by)
        for recipient in recipients:
            queue_to(recipient, email, Message.Purpose.AGENDA, meeting, sent_by, attachment=attachment)
        Meeting.objects.filter(pk=meeting.pk, agenda_circulated_at__isnull=True).update(
            agenda_circulated_at=timezone.now()
        )


def queue_to(recipient, email, purpose, meeting, sent_by, circulation=None, attachment=None):
    return queue(
        purpose=purpose,
        group=meeting.group,
        meeting=meeting,
        department=recipient.department,
        circulation=circulation,
        to_name=recipient.name,
        to=recipient.email,
        subject=email.subject,
        text_body=email.text_body,
        html_body=email.html_body,
        attachment=attachment,
        queued_by=sent_by,
    )
