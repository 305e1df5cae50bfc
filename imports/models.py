"""An import of existing minutes: the file or text, who brought it, and what was read from it.

It is kept from the upload until a person confirms it, so a half-reviewed import can be taken up
again; confirming makes the draft meeting and records it here.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from imports.structure import ParsedMinutes
from meetings.models import Group, Meeting


class ImportQuerySet(models.QuerySet):
    def in_review(self):
        return self.filter(status=ImportRecord.Status.IN_REVIEW)


class ImportRecord(models.Model):
    class Status(models.TextChoices):
        IN_REVIEW = "in_review", "In review"
        CONFIRMED = "confirmed", "Confirmed"
        DISCARDED = "discarded", "Discarded"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="minutes_imports"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    file = models.FileField(
        upload_to="imports/%Y/%m/", blank=True, help_text="The file as uploaded; none for pasted text."
    )
    file_name = models.CharField(max_length=255, blank=True, help_text="The uploaded file's name, as it was called.")
    source_text = models.TextField(help_text="The text read from the file or pasted, as last changed in the review.")
    parsed = models.JSONField(default=dict, help_text="What was read from the text, for the review page.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_REVIEW)
    meeting = models.OneToOneField(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_record"
    )

    objects = ImportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["parsed", "source_text"])

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"Import of {self.source_name} into {self.group.short_name}"

    def get_absolute_url(self):
        return reverse("imports:review", args=[self.pk])

    @property
    def source_name(self):
        return self.file_name or "pasted text"

    @property
    def minutes(self):
        return ParsedMinutes.from_json(self.parsed)

    @property
    def is_in_review(self):
        return self.status == self.Status.IN_REVIEW
