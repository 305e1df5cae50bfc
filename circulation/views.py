"""The secretariat's email pages: circulating the minutes, the group's outbox, inviting a department user."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from circulation import emails, recipients, sending
from circulation.forms import CirculationForm, InvitationForm, RecipientsForm
from circulation.models import Message
from circulation.outbox import queue, retry
from meetings.access import secretariat_group, secretariat_meeting
from meetings.models import Department, DepartmentMember
from meetings.versioning import EditConflict
from members.models import Membership

OUTBOX_PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
def circulate(request, pk):
    """Circulate the minutes by email: the secretariat chooses the recipients, reads the email, then sends."""
    meeting = secretariat_meeting(request, pk)
    contacts = recipients.current_contacts(meeting.group)
    # Circulating shows the minutes to every department user, so each may be sent them.
    users = recipients.department_users(meeting.group)
    form = CirculationForm(
        request.POST or None,
        meeting=meeting,
        contacts=contacts,
        users=users,
        last_sent=Message.objects.last_sent(meeting, Message.Purpose.CIRCULATION),
    )
    if form.is_valid():
        chosen = form.recipients
        try:
            sending.circulate(
                meeting,
                chosen,
                request.user,
                send_actions=form.cleaned_data["send_actions"],
                last_sent=form.cleaned_data["last_sent"],
            )
        except (ValidationError, EditConflict):
            # Someone moved the minutes on in the moment between loading them and sending.
            form.add_error(None, CirculationForm.MOVED_ON)
        except sending.SentMeanwhile:
            form.add_error(None, form.SENT_MEANWHILE)
        else:
            sent = f"Email to {recipients_count(chosen)} queued." if chosen else ""
            messages.success(request, f"The minutes are circulated. {sent}".strip())
            return redirect(meeting)
    departments = emails.owning_departments(meeting)
    return render(
        request,
        "circulation/circulate.html",
        {
            "meeting": meeting,
            "form": form,
            "has_contacts": contacts.exists(),
            "has_users": users.exists(),
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "attaches": settings.EMAIL_ATTACHMENTS,
            "preview": emails.circulation_email(meeting, request.user),
            "action_previews": [
                (department, emails.department_actions_email(meeting, department)) for department in departments
            ],
            "nav": "meetings",
        },
    )


@require_http_methods(["GET", "POST"])
def circulate_agenda(request, pk):
    """Email the agenda, with its PDF, to the members' contacts and department users the secretariat ticks."""
    meeting = secretariat_meeting(request, pk)
    contacts = recipients.current_contacts(meeting.group)
    # Once sent, the agenda and its papers are theirs to read in the app, as the email invites them to.
    users = recipients.department_users(meeting.group)
    form = RecipientsForm(
        request.POST if request.method == "POST" else None,
        contacts=contacts,
        users=users,
        last_sent=Message.objects.last_sent(meeting, Message.Purpose.AGENDA),
    )
    if form.is_valid():
        chosen = form.recipients
        try:
            sending.circulate_agenda(meeting, chosen, request.user, last_sent=form.cleaned_data["last_sent"])
        except sending.SentMeanwhile:
            form.add_error(None, form.SENT_MEANWHILE)
        else:
            messages.success(request, f"The agenda is queued to {recipients_count(chosen)}.")
            return redirect("minutes:agenda", meeting.pk)
    return render(
        request,
        "circulation/circulate_agenda.html",
        {
            "meeting": meeting,
            "form": form,
            "has_contacts": contacts.exists(),
            "has_users": users.exists(),
            "from_email": settings.DEFAULT_FROM_EMAIL,
            "attaches": settings.EMAIL_ATTACHMENTS,
            "preview": emails.agenda_email(meeting, request.user),
            "nav": "meetings",
        },
    )


def recipients_count(chosen):
    return f"{len(chosen)} recipient{'' if len(chosen) == 1 else 's'}"


@require_GET
def outbox(request, slug):
    """Every message sent for the group, newest first, a page at a time."""
    group = secretariat_group(request, slug)
    group_messages = Message.objects.of(group).select_related("department", "meeting").defer("html_body")
    page = Paginator(group_messages, OUTBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "circulation/outbox.html",
        {
            "group": group,
            "page": page,
            "failed_count": Message.objects.of(group).failed().count(),
            "nav": "meetings",
        },
    )


@require_POST
def outbox_retry(request, slug, pk):
    group = secretariat_group(request, slug)
    message = get_object_or_404(Message.objects.of(group), pk=pk)
    if message.can_be_retried and retry(message, by=request.user):
        messages.success(request, f"The message to {message.to} is queued to be sent again.")
    else:
        status = message.get_status_display().lower()
        messages.info(request, f"The message to {message.to} is {status}: it was not sent again.")
    return redirect("circulation:outbox", slug=group.slug)


@require_http_methods(["GET", "POST"])
def invite(request, slug):
    """Invite a department user: an account with no password, and an email whose link sets one."""
    group = secretariat_group(request, slug)
    departments = Department.objects.filter(pk__in=Membership.objects.of(group).values("department"))
    if not departments.exists():
        departments = Department.objects.all()
    form = InvitationForm(request.POST or None, departments=departments)
    if form.is_valid():
        try:
            user = invited_user(**form.cleaned_data)
        except IntegrityError:
            # Someone invited the same address in the same moment.
            form.add_error("email", "Someone already signs in with this email address")
            return render(request, "circulation/invite.html", {"group": group, "form": form, "nav": "meetings"})
        link = password_link(user)
        email = emails.invitation_email(group, user, form.cleaned_data["department"], link, request.user)
        queue(
            purpose=Message.Purpose.INVITATION,
            group=group,
            department=form.cleaned_data["department"],
            to_name=user.get_full_name(),
            to=user.email,
            subject=email.subject,
            text_body=email.text_body,
            html_body=email.html_body,
            queued_by=request.user,
        )
        messages.success(request, f"Invitation to {user.email} queued. It is in the outbox.")
        return redirect("circulation:outbox", slug=group.slug)
    return render(request, "circulation/invite.html", {"group": group, "form": form, "nav": "meetings"})


def invited_user(*, name, email, department):
    first, _, last = name.strip().partition(" ")
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=email.lower(), email=email, first_name=first[:150], last_name=last[:150]
        )
        user.set_unusable_password()
        user.save()
        DepartmentMember.objects.create(user=user, department=department)
    return user


def password_link(user):
    """The link that lets the user choose a password: it works once, until PASSWORD_RESET_TIMEOUT."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("password_reset_confirm", args=[uidb64, default_token_generator.make_token(user)])
    return emails.absolute(path)
