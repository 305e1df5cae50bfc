"""Rows kept in the order a person gave them: the register, agenda items, paragraphs, actions."""

from django.db import models, transaction


class PositionedQuerySet(models.QuerySet):
    def next_position(self):
        """The position after the last row of this queryset."""
        last = self.aggregate(last=models.Max("position"))["last"]
        return 1 if last is None else last + 1


class Positioned(models.Model):
    """A row with a position among its siblings.

    Subclasses name the field that groups the siblings in ``position_scope``.
    """

    position = models.PositiveIntegerField(default=0)
    position_scope = "meeting"

    objects = PositionedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def save(self, *args, **kwargs):
        if self.position:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            # Rows added at the same moment take their positions one after another, never the same one.
            self.lock_siblings()
            self.position = self.siblings().next_position()
            return super().save(*args, **kwargs)

    def siblings(self):
        scope_id = getattr(self, f"{self.position_scope}_id")
        return type(self).objects.filter(**{f"{self.position_scope}_id": scope_id})

    def lock_siblings(self):
        """Wait for, then hold until the transaction ends, the row the siblings belong to (their
        meeting or agenda item): the one lock every change to their positions takes first.

        Locking the one row, not the siblings, gives everyone the same order to wait in, so that
        two people moving neighbouring rows never deadlock. (SQLite serialises every write
        transaction instead, and ignores the lock.)
        """
        parent = self._meta.get_field(self.position_scope).related_model
        scope_id = getattr(self, f"{self.position_scope}_id")
        list(parent._base_manager.select_for_update(no_key=True).filter(pk=scope_id).values_list("pk"))

    @transaction.atomic
    def move(self, direction):
        """Swap places with the sibling above ("up") or below ("down"); False at either end."""
        self.lock_siblings()
        # Where the row is now, not where it was when the page was read: someone may have moved it since.
        try:
            self.refresh_from_db(fields=["position"])
        except type(self).DoesNotExist:
            return False  # Someone removed it in the meantime.
        siblings = self.siblings()
        if direction == "up":
            neighbour = (
                siblings.filter(models.Q(position__lt=self.position) | models.Q(position=self.position, pk__lt=self.pk))
                .order_by("-position", "-pk")
                .first()
            )
        else:
            neighbour = (
                siblings.filter(models.Q(position__gt=self.position) | models.Q(position=self.position, pk__gt=self.pk))
                .order_by("position", "pk")
                .first()
            )
        if neighbour is None:
            return False
        if neighbour.position == self.position:
            self.renumber_siblings()
            return self.move(direction)
        self.position, neighbour.position = neighbour.position, self.position
        self.save(update_fields=["position"])
        neighbour.save(update_fields=["position"])
        return True

    def renumber_siblings(self):
        for index, sibling in enumerate(self.siblings().order_by("position", "pk"), start=1):
            if sibling.position != index:
                sibling.position = index
                sibling.save(update_fields=["position"])
