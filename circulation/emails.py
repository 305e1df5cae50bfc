"""What each email says, in plain text and HTML, with absolute links and the group's name in the subject.

Every email says only what its recipients may read in the app: minutes once circulated, and the
actions of circulated minutes.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from actions.models import Action
from meetings.models import Department, MinutesStatus
from meetings.papers import Paper


@dataclass
class Email:
    subject: str
    text_body: str
    html_body: str


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def compose(template, subject, **context):
    """The email of ``template`` (``circulation/email/<template>.txt`` and ``.html``)."""
    context |= {"subject": subject, "site_url": settings.SITE_URL}
    return Email(
        subject=subject,
        text_body=render_to_string(f"circulation/email/{template}.txt", context).strip() + "\n",
        html_body=render_to_string(f"circulation/email/{template}.html", context),
    )


def shared_actions(group, circulating=None):
    """The group's actions that departments may read: those of minutes no longer draft, and those of the
    minutes ``circulating`` (whose preview is shown while they are still a draft)."""
    shared = ~Q(meeting__status=MinutesStatus.DRAFT)
    if circulating is not None:
        shared |= Q(meeting=circulating)
    return Action.objects.filter(meeting__group=group).filter(shared)


def listed(actions, today):
    """The actions as an email lists them, each with its link."""
    actions = list(actions.for_listing(today).by_urgency())
    for action in actions:
        action.url = absolute(action.get_absolute_url())
    return actions


def owning_departments(meeting):
    """The departments that carry the meeting's actions today (a renamed or merged one's successor)."""
    owners = Department.objects.filter(action_ownerships__action__meeting=meeting).select_related("successor")
    current = {department.current() for department in owners.distinct()}
    return sorted(current, key=lambda department: department.short_name.lower())


def circulation_email(meeting, sent_by):
    group = meeting.group
    return compose(
        "circulation",
        f"{group.name}: minutes of the meeting of {meeting.date:%-d %B %Y}",
        group=group,
        meeting=meeting,
        minutes_url=absolute(meeting.get_absolute_url()),
        attached=settings.EMAIL_ATTACHMENTS,
        sender=sent_by.get_full_name() or sent_by.get_username(),
    )


def agenda_email(meeting, sent_by):
    group = meeting.group
    return compose(
        "agenda",
        f"{group.name}: agenda of the meeting of {meeting.date:%-d %B %Y}",
        group=group,
        meeting=meeting,
        agenda_url=absolute(reverse("minutes:agenda", args=[meeting.pk])),
        has_papers=Paper.objects.filter(agenda_item__meeting=meeting).exists(),
        attached=settings.EMAIL_ATTACHMENTS,
        sender=sent_by.get_full_name() or sent_by.get_username(),
    )


def department_actions_email(meeting, department, today=None):
    """One department's actions from the meeting, and its other outstanding actions of the group."""
    today = today or timezone.localdate()
    group = meeting.group
    actions = shared_actions(group, circulating=meeting).owned_by(department)
    return compose(
        "department_actions",
        f"{group.name}: {department.short_name}'s actions from the meeting of {meeting.date:%-d %B %Y}",
        group=group,
        meeting=meeting,
        department=department,
        from_meeting=listed(actions.filter(meeting=meeting), today),
        others=listed(actions.outstanding().exclude(meeting=meeting), today),
        department_url=absolute(department.get_absolute_url()),
    )


def outstanding_for_reminder(group, department, today):
    """The department's outstanding actions of the group, overdue ones first."""
    actions = listed(shared_actions(group).owned_by(department).outstanding(), today)
    overdue = [action for action in actions if action.is_overdue]
    return overdue, [action for action in actions if not action.is_overdue]


def reminder_email(next_meeting, department, overdue, due, today):
    group = next_meeting.group
    return compose(
        "reminder",
        f"{group.name}: updates wanted on {department.short_name}'s actions before the meeting of "
        f"{next_meeting.date:%-d %B %Y}",
        group=group,
        next_meeting=next_meeting,
        department=department,
        overdue=overdue,
        due=due,
        department_url=absolute(department.get_absolute_url()),
    )


def invitation_email(group, user, department, link, invited_by):
    return compose(
        "invitation",
        f"{group.name}: you are invited to sign in to the group's minutes and actions",
        group=group,
        user=user,
        department=department,
        link=link,
        sign_in_url=absolute(reverse("login")),
        inviter=invited_by.get_full_name() or invited_by.get_username(),
        hours=settings.PASSWORD_RESET_TIMEOUT // 3600,
    )


def password_reset_email(user, link):
    return compose(
        "password_reset",
        "Ministerial group minutes: reset your password",
        user=user,
        link=link,
        hours=settings.PASSWORD_RESET_TIMEOUT // 3600,
    )
