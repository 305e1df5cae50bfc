from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from meetings.models import AgendaItem, Department, Meeting
from meetings.ordering import Positioned, PositionedQuerySet


class ActionQuerySet(PositionedQuerySet):
    def with_owners(self):
        return self.prefetch_related(
            models.Prefetch("ownerships", ActionOwner.objects.select_related("department")),
        )


class Action(Positioned):
    """Something a meeting asked one or more departments to do, written beside its agenda item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions", editable=False)
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField()
    owners = models.ManyToManyField(Department, through="ActionOwner", related_name="actions")
    due_date = models.DateField(null=True, blank=True)
    due_at_next_meeting = models.BooleanField(default=False)

    position_scope = "agenda_item"
    objects = ActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(Positioned.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True) | Q(due_at_next_meeting=False),
                name="action_due_by_date_or_at_next_meeting_not_both",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#action-{self.pk}"

    def clean(self):
        if self.due_date and self.due_at_next_meeting:
            raise ValidationError("An action is due by a date or at the next meeting, not both.")

    def save(self, *args, **kwargs):
        self.meeting_id = self.agenda_item.meeting_id
        super().save(*args, **kwargs)

    @property
    def owner_list(self):
        """The owning departments, lead first; uses the prefetched ownerships."""
        return [ownership.department for ownership in self.ownerships.all()]

    @property
    def lead(self):
        return next((ownership.department for ownership in self.ownerships.all() if ownership.is_lead), None)

    @property
    def due_display(self):
        if self.due_at_next_meeting:
            return "At the next meeting"
        if self.due_date:
            return f"{self.due_date:%-d %B %Y}"
        return ""

    def set_owners(self, departments, lead=None):
        """Replace the owners with these departments, in this order, marking the lead."""
        self.ownerships.all().delete()
        for position, department in enumerate(departments, start=1):
            ActionOwner.objects.create(
                action=self, department=department, is_lead=department == lead, position=position
            )


class ActionOwner(models.Model):
    """A department that owns an action; one owner per action may lead."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="ownerships")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="action_ownerships")
    is_lead = models.BooleanField("lead", default=False)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_lead", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "department"], name="department_owns_action_once"),
            models.UniqueConstraint(fields=["action"], condition=Q(is_lead=True), name="one_lead_owner_per_action"),
        ]

    def __str__(self):
        return f"{self.department}{' (lead)' if self.is_lead else ''}"
