"""The outbox of email the app sends, the circulations of minutes and the reminders sent before meetings."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from meetings.models import Department, Group, Meeting


class Attachment(models.Model):
    """A file sent with messages, kept once however many messages carry it: the minutes as circulated."""

    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.filename


class Circulation(models.Model):
    """Minutes sent by email: who sent them and when; to whom are its messages."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="circulations")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    attachment = models.ForeignKey(Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self):
        return f"Circulation of {self.meeting} on {timezone.localtime(self.sent_at):%-d %B %Y}"


class Reminder(models.Model):
    """That a department was reminded of its actions before a meeting: once per department per meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="reminders")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "department"], name="one_reminder_per_department_per_meeting"),
        ]

    def __str__(self):
        return f"Reminder to {self.department} before {self.meeting}"


class MessageQuerySet(models.QuerySet):
    def of(self, group):
        return self.filter(group=group)

    def failed(self):
        return self.filter(status=Message.Status.FAILED)

    def last_sent(self, meeting, purpose):
        """The newest message of ``purpose`` for the meeting (its id, 0 if none): a page that sends email
        carries it back, so that sending twice from the same page is refused."""
        return self.filter(meeting=meeting, purpose=purpose).aggregate(last=models.Max("pk"))["last"] or 0


class Message(models.Model):
    """One email to one address, kept before it is sent so that nothing is lost when the mail server is down."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    class Purpose(models.TextChoices):
        CIRCULATION = "circulation", "Circulation of minutes"
        AGENDA = "agenda", "Circulation of the agenda"
        DEPARTMENT_ACTIONS = "department_actions", "A department's actions"
        REMINDER = "reminder", "Reminder before a meeting"
        INVITATION = "invitation", "Invitation to sign in"
        PASSWORD_RESET = "password_reset", "Password reset"

    # Their bodies carry a link that sets a password: once sent they are not kept.
    SECRET_PURPOSES = [Purpose.INVITATION, Purpose.PASSWORD_RESET]
    MAX_ATTEMPTS = 5

    purpose = models.CharField(max_length=30, choices=Purpose.choices)
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.CASCADE, related_name="messages")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="messages")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    circulation = models.ForeignKey(
        Circulation, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    to_name = models.CharField("to (name)", max_length=200, blank=True)
    to = models.EmailField("to")
    subject = models.CharField(max_length=300)
    text_body = models.TextField(blank=True)
    html_body = models.TextField(blank=True)
    attachment = models.ForeignKey(Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    queued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["group", "-created_at"], name="message_outbox_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(status="sent"), name="only_sent_messages_have_a_sent_time"
            ),
        ]

    def __str__(self):
        return f"{self.subject} to {self.to}"

    @property
    def recipient(self):
        """The address as a person reads it: "Private Office <po@homeoffice.gov.uk>"."""
        return f"{self.to_name} <{self.to}>" if self.to_name else self.to

    @property
    def status_colour(self):
        return {self.Status.QUEUED: "yellow", self.Status.SENT: "green", self.Status.FAILED: "red"}[self.status]

    @property
    def can_be_retried(self):
        """A failed message can be sent again, unless its body (a password link) is no longer kept."""
        return self.status == self.Status.FAILED and bool(self.text_body)
