"""Versions on editable records, so that two people saving the same thing never overwrite each other.

``Versioned`` refuses a save over a version someone else saved first (``EditConflict``);
``VersionedFormMixin`` turns that refusal into an error on the form, keeping what was typed.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from meetings.changes import changes_since

logger = logging.getLogger(__name__)

OUT_OF_DATE = (
    "This page was out of date, so your change has not been saved. "
    "Your version is still in the form. Check it, then save again."
)
"""Said when a form comes back without the version it was opened at."""

SAVED_MEANWHILE = (
    "Someone else saved a change here at the same moment, so yours has not been saved. "
    "Your version is still in the form. Check it, then save again."
)
"""Said when the database refuses a save that clashed with another made at the same moment."""


class EditConflict(Exception):
    """Someone else saved the record since this copy of it was read."""


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self._state.adding or self.pk is None or (update_fields and set(update_fields) <= {"position"}):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=self.version)
                .update(version=models.F("version") + 1)
            )
            if not claimed:
                raise EditConflict(f"{self._meta.verbose_name} {self.pk} was changed by someone else")
            self.version += 1
            if update_fields:
                kwargs["update_fields"] = {*update_fields, "version"}
            try:
                return super().save(*args, **kwargs)
            except Exception:
                self.version -= 1  # Nothing was saved: the copy is still of the version it was.
                raise


class VersionedFormMixin:
    """For a form that changes a ``Versioned`` record: refuse to save over a change someone else
    saved after this form was opened, say what they changed, and keep what this person typed.

    The check is made twice: ``clean()`` compares the version the form was opened at, and
    ``save_unless_conflict()`` catches a change saved in the moment between the two.
    """

    version_field = "version"
    """The hidden field that carries the version the form was opened at."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.version_field] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if self.versioned_record.pk:
            self.initial[self.version_field] = self.versioned_record.version

    @property
    def versioned_record(self):
        """The record whose version the form carries: a model form's instance."""
        return self.instance

    def clean(self):
        cleaned = super().clean()
        if not self.versioned_record.pk:
            return cleaned
        opened = cleaned.get(self.version_field)
        if opened is None:
            # Without the version it was opened at, a save could overwrite anyone's change unseen.
            self.refresh_version()
            raise ValidationError(OUT_OF_DATE, code="no_version")
        if opened != self.versioned_record.version:
            self.refresh_version()
            raise ValidationError(self.conflict_message(opened), code="conflict")
        return cleaned

    def save_unless_conflict(self, *args, **kwargs):
        """Save as ``save()`` does; if someone else's change is found only now, say so on the form
        and return None, having saved nothing.

        A change is found only now when it was saved in the moment since the form was checked:
        a new version of the record, or a row that takes what must be unique (an item's number).
        """
        instance = getattr(self, "instance", None)
        adding = instance is not None and instance._state.adding
        try:
            with transaction.atomic():
                return self.save(*args, **kwargs)
        except EditConflict:
            self.versioned_record.refresh_from_db()
            self.refresh_version()
            self.add_error(None, ValidationError(self.conflict_message(None), code="conflict"))
            return None
        except IntegrityError:
            logger.info("Refused a save that collided with another", exc_info=True)
            if adding:
                # Nothing was added: the form checks again as the new row it still is.
                instance.pk, instance._state.adding = None, True
            # Checked again, the form now sees what was saved in that moment and says so at the field.
            self.full_clean()
            if self.is_valid():
                self.add_error(None, ValidationError(SAVED_MEANWHILE, code="conflict"))
            return None

    def refresh_version(self):
        """Carry the version now saved, so that saving again keeps this person's version."""
        self.data = self.data.copy()
        self.data[self.add_prefix(self.version_field)] = self.versioned_record.version

    def conflict_message(self, opened):
        """What the person is told; ``opened`` is the version they opened, if known."""
        changes = self.others_changes(opened) if opened is not None else []
        described = "; ".join(f"{label} from “{before}” to “{after}”" for label, before, after in changes)
        return (
            "Someone else saved a change to this while you were editing it"
            + (f": {described}." if described else ".")
            + " Your version is still in the form. Check it, then save again to keep yours."
        )

    def others_changes(self, opened):
        """What others changed since this person opened the form: [(field, before, after)]."""
        labels = {name: str(field.label) for name, field in self.fields.items() if field.label}
        return changes_since(self.instance, opened, labels=labels)
