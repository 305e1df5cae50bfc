"""Circulating minutes by email, and sending each department its actions."""

from django.db import transaction

from actions.models import Action
from circulation import emails
from circulation.models import Attachment, Circulation, Message
from circulation.outbox import queue
from meetings.models import MinutesStatus
from minutes.agenda import with_agenda
from minutes.contents import with_minutes
from minutes.documents import pdf
from minutes.documents.agenda import agenda_content, build_agenda_pdf
from minutes.documents.content import minutes_content


def minutes_attachment(meeting):
    """The minutes as a PDF, as they stand, kept once for every message that carries them."""
    meeting = with_minutes().get(pk=meeting.pk)
    content = minutes_content(meeting, Action.objects.reviewed_at(meeting))
    return Attachment.objects.create(
        filename=f"{content.file_stem}.pdf", content_type=pdf.CONTENT_TYPE, content=pdf.build_pdf(content)
    )


def circulate(meeting, contacts, sent_by, *, send_actions=True):
    """Circulate draft minutes (or send circulated ones again) to ``contacts``, and record it on the meeting.

    With ``send_actions``, each department owning actions of the meeting gets one more email, to its
    contacts among ``contacts``, listing its actions. Everything is queued in the outbox; the worker sends it.
    """
    with transaction.atomic():
        if meeting.status == MinutesStatus.DRAFT:
            meeting.circulate()
        attachment = minutes_attachment(meeting) if contacts else None
        circulation = Circulation.objects.create(meeting=meeting, sent_by=sent_by, attachment=attachment)
        email = emails.circulation_email(meeting, sent_by)
        for contact in contacts:
            queue_to(contact, email, Message.Purpose.CIRCULATION, meeting, sent_by, circulation, attachment)
        if send_actions:
            for department in emails.owning_departments(meeting):
                recipients = [contact for contact in contacts if contact.membership.department_id == department.pk]
                if not recipients:
                    continue
                email = emails.department_actions_email(meeting, department)
                for contact in recipients:
                    queue_to(contact, email, Message.Purpose.DEPARTMENT_ACTIONS, meeting, sent_by, circulation)
    return circulation


def circulate_agenda(meeting, contacts, sent_by):
    """Email the agenda of a meeting, with its PDF, to ``contacts``; each message is kept in the outbox."""
    with transaction.atomic():
        content = agenda_content(with_agenda().get(pk=meeting.pk))
        attachment = Attachment.objects.create(
            filename=f"{content.file_stem}.pdf", content_type=pdf.CONTENT_TYPE, content=build_agenda_pdf(content)
        )
        email = emails.agenda_email(meeting, sent_by)
        for contact in contacts:
            queue_to(contact, email, Message.Purpose.AGENDA, meeting, sent_by, attachment=attachment)


def queue_to(contact, email, purpose, meeting, sent_by, circulation=None, attachment=None):
    return queue(
        purpose=purpose,
        group=meeting.group,
        meeting=meeting,
        department=contact.membership.department,
        circulation=circulation,
        to_name=contact.name,
        to=contact.email,
        subject=email.subject,
        text_body=email.text_body,
        html_body=email.html_body,
        attachment=attachment,
        queued_by=sent_by,
    )
