"""Reminders before each group's next meeting: each department with outstanding actions, once per meeting."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from circulation import emails, recipients
from circulation.models import Message, Reminder
from circulation.outbox import queue
from circulation.workdays import working_days_before
from meetings.models import Department, Group

logger = logging.getLogger(__name__)


def next_meeting(group, today):
    return group.meetings.filter(date__gt=today).order_by("date", "start_time").first()


def reminder_due(group, meeting, today):
    """Whether today is within the group's reminder days before the meeting."""
    return meeting is not None and working_days_before(meeting.date, group.reminder_working_days) <= today


def departments_with_outstanding_actions(group):
    """The departments that carry the group's outstanding actions today (successors of renamed ones)."""
    actions = emails.shared_actions(group).outstanding()
    owners = Department.objects.filter(action_ownerships__action__in=actions).distinct().select_related("successor")
    departments = {department.current() for department in owners}
    return sorted(departments, key=lambda department: department.short_name.lower())


def send_reminders(today=None):
    """Queue every reminder due today; return how many departments were reminded.

    Each is recorded (a ``Reminder``) in the same transaction as its messages, so running this twice,
    or on two machines at once, reminds each department once per meeting.
    """
    today = today or timezone.localdate()
    reminded = 0
    for group in Group.objects.all():
        meeting = next_meeting(group, today)
        if not reminder_due(group, meeting, today):
            continue
        everyone = recipients.chosen(
            recipients.current_contacts(group, today), recipients.department_users(group, today)
        )
        for department in departments_with_outstanding_actions(group):
            to = recipients.of_department(everyone, department)
            if not to or Reminder.objects.filter(meeting=meeting, department=department).exists():
                continue
            overdue, due = emails.outstanding_for_reminder(group, department, today)
            if not (overdue or due):
                continue
            if remind(meeting, department, to, emails.reminder_email(meeting, department, overdue, due, today)):
                reminded += 1
    return reminded


def remind(meeting, department, to, email):
    try:
        with transaction.atomic():
            Reminder.objects.create(meeting=meeting, department=department)
            for recipient in to:
                queue(
                    purpose=Message.Purpose.REMINDER,
                    group=meeting.group,
                    meeting=meeting,
                    department=department,
                    to_name=recipient.name,
                    to=recipient.email,
                    subject=email.subject,
                    text_body=email.text_body,
                    html_body=email.html_body,
                )
    except IntegrityError:
        logger.info("%s was reminded before %s by another run", department, meeting)
        return False
    return True
