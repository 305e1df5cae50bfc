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
        if not self.position:
            self.position = self.siblings().next_position()
        super().save(*args, **kwargs)

    def siblings(self):
        scope_id = getattr(self, f"{self.position_scope}_id")
        return type(self).objects.filter(**{f"{self.position_scope}_id": scope_id})

    @transaction.atomic
    def move(self, direction):
        """Swap places with the sibling above ("up") or below ("down"); False at either end."""
        siblings = self.siblings().select_for_update()
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
            self.refresh_from_db()
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
