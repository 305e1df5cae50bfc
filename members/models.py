"""Who belongs to a group: its member departments, their usual representatives over time, and their contacts."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from simple_history.models import HistoricalRecords

from meetings.models import Attendee, Department, Group, Person
from meetings.versioning import Versioned


class MembershipQuerySet(models.QuerySet):
    def of(self, group):
        return self.filter(group=group)

    def current_on(self, date):
        """Members that had joined by ``date`` and not yet left."""
        return self.filter(
            models.Q(joined_on__isnull=True) | models.Q(joined_on__lte=date),
            models.Q(left_on__isnull=True) | models.Q(left_on__gt=date),
        )

    def former_on(self, date):
        """Members that had left by ``date``."""
        return self.filter(left_on__isnull=False, left_on__lte=date)

    def for_listing(self):
        """With what the members page shows of each: its department, representatives and contacts."""
        return self.select_related("department").prefetch_related(
            models.Prefetch("representatives", Representative.objects.select_related("person")), "contacts"
        )

    def with_representative_on(self, date):
        """Each member annotated with ``representative_id``: who usually represented it on ``date``."""
        usual = Representative.objects.filter(membership=OuterRef("pk"), since__lte=date).order_by("-since", "-pk")
        return self.annotate(representative_id=Subquery(usual.values("person")[:1]))


class Membership(Versioned):
    """A department's membership of a group."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="memberships")
    joined_on = models.DateField(null=True, blank=True, help_text="Leave blank if it has always been a member.")
    left_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", models.functions.Lower("department__short_name")]
        constraints = [
            models.UniqueConstraint(fields=["group", "department"], name="department_is_a_member_once"),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gt=models.F("joined_on")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.department} in {self.group.short_name}"

    def get_absolute_url(self):
        return reverse("members:members", args=[self.group.slug]) + f"#member-{self.pk}"

    def is_current_on(self, date):
        return (self.joined_on is None or self.joined_on <= date) and (self.left_on is None or self.left_on > date)

    def last_attended_on_or_after(self, date):
        """The date of the group's last meeting on or after ``date`` that the department attended, or None:
        it cannot have left before then."""
        attended = Attendee.objects.filter(
            department=self.department_id, meeting__group=self.group_id, meeting__date__gte=date
        )
        return attended.order_by("-meeting__date").values_list("meeting__date", flat=True).first()

    def representative_on(self, date):
        """Who usually represented the department on ``date`` (the minister, say), or None.

        Read from the prefetched representatives when the page fetched them, newest first.
        """
        if "representatives" in getattr(self, "_prefetched_objects_cache", {}):
            usual = [rep for rep in self.representatives.all() if rep.since <= date]
            return max(usual, key=lambda rep: (rep.since, rep.pk)).person if usual else None
        usual = self.representatives.filter(since__lte=date).order_by("-since", "-pk").select_related("person")
        return next((representative.person for representative in usual[:1]), None)


class Representative(models.Model):
    """Who usually represents a member department from a date: a change of minister is a new row."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="representatives")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="representations")
    since = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["membership", "-since"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "since"], name="one_usual_representative_at_a_time"),
        ]

    def __str__(self):
        return f"{self.person} for {self.membership.department} from {self.since:%-d %B %Y}"


class Contact(Versioned):
    """Someone who receives a member department's papers: the minister's private office, the lead official."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    role = models.CharField(max_length=100, blank=True, help_text="For example, private office or lead official.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["membership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "email"], name="contact_listed_once_per_member"),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"
