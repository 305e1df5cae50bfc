"""Versions on editable records, so that two people saving the same thing never overwrite each other."""

from django.db import models, transaction


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
            return super().save(*args, **kwargs)
