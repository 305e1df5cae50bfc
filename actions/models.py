import datetime
import functools
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import connection, models, transaction
from django.db.models import Aggregate, Case, Exists, F, Max, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.expressions import OrderBy, RowRange
from django.db.models.functions import Coalesce, Concat, RowNumber, TruncDate
from django.db.models.lookups import IsNull
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from meetings.models import AgendaItem, Correction, Department, Meeting, MinutesStatus, readable_by
from meetings.ordering import Positioned, PositionedQuerySet
from meetings.search import matching
from meetings.versioning import Versioned


class Status(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


STATUS_TAG_COLOURS = {
    Status.OPEN: "blue",
    Status.IN_PROGRESS: "light-blue",
    Status.DONE: "green",
    Status.DROPPED: "grey",
}
"""The GOV.UK tag colour of each status."""


def shortened(text, length=60):
    return text if len(text) <= length else f"{text[: length - 1]}…"


def signature_of(user, group):
    """How a person signs what they post: name and department ("Jane Smith, Home Office"), or for
    the group's secretariat, name and secretariat ("Jane Smith, IDMG secretariat").

    The login name stands in only where no name is recorded. Reads the user's department and the
    group's secretariat as fetched (``with_latest_update()`` fetches them).
    """
    if user is None:
        return ""
    name = user.get_full_name() or user.get_username()
    member = getattr(user, "department_member", None)
    if member is not None:
        return f"{name}, {member.department.short_name}"
    if group.has_on_secretariat(user):
        return f"{name}, {group.short_name} secretariat"
    return name


def due_wording(due_date, at_next_meeting):
    """When an action is due, as every page and export writes it."""
    if at_next_meeting:
        return "At the next meeting"
    if due_date:
        return f"{due_date:%-d %B %Y}"
    return "No due date"


def next_meeting_date():
    """For a query of meetings, the date of the meeting after each: the group's next meeting on record or, until
    it is recorded, the date the minutes gave for it. The one rule for when "at the next meeting" is."""
    on_record = Meeting.objects.filter(group=OuterRef("group"), date__gt=OuterRef("date")).order_by("date")
    return Coalesce(Subquery(on_record.values("date")[:1]), F("next_meeting_date"))


def next_meeting_from(today):
    """For a query of actions, the date of their group's next meeting from ``today``: the next meeting on record
    or, until it is recorded, the date minutes gave for it."""
    group = OuterRef("meeting__group")
    on_record = Meeting.objects.filter(group=group, date__gte=today).order_by("date").values("date")
    announced = (
        Meeting.objects.filter(group=group, next_meeting_date__gte=today)
        .order_by("next_meeting_date")
        .values("next_meeting_date")
    )
    return Coalesce(Subquery(on_record[:1]), Subquery(announced[:1]))


OUTSTANDING = [Status.OPEN, Status.IN_PROGRESS]
CLOSED = [Status.DONE, Status.DROPPED]

STATUS_ORDER = Case(*(When(status=status, then=index) for index, status in enumerate(Status.values)))
"""The statuses in their order, open first: how the register sorts by status (the index ``action_status_order``)."""


class ActionQuerySet(PositionedQuerySet):
    def visible_to(self, user):
        """The actions of minutes the user may read: none of a draft's outside its secretariat."""
        return self.filter(readable_by(user, path="meeting__"))

    def visible_by_ids_to(self, user):
        """The actions ``visible_to(user)``, said by the ids of the meetings hidden from the user (a few drafts,
        read first in a query of their own): a page of a long list then walks the register's indexes alone,
        not joining each action it skips to its meeting."""
        if user.is_superuser:
            return self.all()
        return self.exclude(meeting__in=Meeting.objects.hidden_from(user))

    def with_owners(self):
        return self.prefetch_related(
            models.Prefetch("ownerships", ActionOwner.objects.select_related("department")),
        )

    def with_latest_update(self, recorded_by=None, signed=True):
        """Each action's updates, newest first, in one query; ``latest_update`` reads them.

        With ``recorded_by`` (a moment), only the updates recorded by then, as published minutes showed them.
        With ``signed=False``, without who gave and withdrew them, for lists that sign no update.
        """
        updates = Update.objects.select_related("reported_at").order_by("-pk")
        if signed:
            updates = updates.select_related(
                "author__department_member__department", "withdrawn_by__department_member__department"
            )
        if recorded_by is not None:
            updates = updates.filter(created_at__lte=recorded_by)
        return self.prefetch_related(models.Prefetch("updates", updates))

    def for_listing(self, today=None, recorded_by=None):
        """Everything a list of actions shows: reference, owners, due date and latest update."""
        return (
            self.select_related("meeting__group", "agenda_item")
            .with_owners()
            .with_latest_update(recorded_by)
            .with_due(today)
        )

    def for_table(self, today=None):
        """What a table of actions shows, in one query: reference, due date and status, and annotated
        ``owner_names`` (as ``owners_display`` names them), and the text and date of the latest update
        (``latest_update_text``, ``latest_update_on``: None without one), as ``latest_update`` has them.

        Only the columns the table shows are read, and no owner or update is made an instance.
        """
        owners = ActionOwner.objects.filter(action=OuterRef("pk")).order_by()
        named = Concat(
            "department__short_name",
            Case(When(is_lead=True, then=Value(" (lead)")), default=Value("")),
            output_field=models.TextField(),
        )
        names = owners.annotate(
            names=Window(
                JoinedText(named, ", "),
                partition_by=F("action"),
                order_by=ActionOwner._meta.ordering,
                frame=RowRange(start=None, end=None),
            )
        ).values("names")[:1]
        latest = (
            Update.objects.filter(action=OuterRef("pk"), withdrawn_at=None)
            .annotate(happened=update_happened_on())
            .order_by("-happened", "-pk")
        )
        return (
            self.select_related("meeting__group")
            .only(*TABLE_FIELDS)
            .annotate(
                owner_names=Coalesce(Subquery(names), Value(""), output_field=models.TextField()),
                latest_update_text=Subquery(latest.values("text")[:1]),
                latest_update_on=Subquery(latest.values("happened")[:1]),
            )
            .with_due(today)
        )

    def as_minuted(self, recorded_by=None):
        """What minutes show of their matters arising: reference, owners, and the updates that give each
        action's status on the day and the update given there (unsigned); ``as_arising`` reads them."""
        return self.select_related("meeting").with_owners().with_latest_update(recorded_by, signed=False)

    def with_due(self, today=None):
        """Annotate ``is_overdue``: still outstanding after its ``due_on``, as of ``today``."""
        return self.annotate(
            is_overdue=Case(
                When(status__in=OUTSTANDING, due_on__lt=today or timezone.localdate(), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )

    def with_next_meeting(self, today):
        """Annotate ``group_next_meeting``: the date of the group's next meeting from today.

        That is the next meeting on record or, until it is recorded, the date minutes gave for it.
        """
        return self.annotate(group_next_meeting=next_meeting_from(today))

    def by_urgency(self):
        """Overdue first, then due soonest, then due at a next meeting not yet set, then undated; each in
        reference order (the index ``action_due_order``)."""
        return self.order_by(*URGENCY_ORDER)

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING)

    def closed(self):
        return self.filter(status__in=CLOSED)

    def recently_closed(self):
        """The done and dropped actions, the latest closed first (the index ``action_recently_closed``)."""
        return self.closed().order_by("-closed_on", "-pk")

    def overdue(self, today=None):
        # Said as the outstanding actions due before today, not as ``is_overdue``: the index of outstanding
        # actions then serves it.
        return self.with_due(today).outstanding().filter(due_on__lt=today or timezone.localdate())

    def owned_by(self, department):
        """Actions the department owns or co-owns, including those of departments it succeeded."""
        return self.filter(pk__in=ActionOwner.objects.filter(department__in=department.lineage()).values("action"))

    def matters_arising(self, meeting):
        """Actions of the group's earlier meetings still open or in progress on this meeting's date.

        An action closed at this very meeting stays in its matters arising, as minuted there.
        In reference order, which the index ``action_register_order`` serves.
        """
        return (
            self.filter(meeting__group=meeting.group_id, meeting_date__lt=meeting.date)
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=meeting.date))
            .order_by(*REFERENCE_ORDER)
        )

    def reviewed(self, meeting, recorded_by=None):
        """Those an update was given on at the meeting and not withdrawn (by ``recorded_by``, if given)."""
        return self.filter(Exists(Update.objects.given_at(meeting, recorded_by).filter(action=OuterRef("pk"))))

    def before(self, action):
        """The actions before this one in reference order."""
        date, meeting, number = action.meeting_date, action.meeting_id, action.number
        return self.filter(
            Q(meeting_date__lt=date)
            | Q(meeting_date=date, meeting_id__lt=meeting)
            | Q(meeting_date=date, meeting_id=meeting, number__lt=number)
        )

    def arising_counts(self, meeting):
        """How many matters arising the meeting has, and how many of them it reviewed, in one query."""
        reviewed = Exists(Update.objects.given_at(meeting).filter(action=OuterRef("pk")))
        return ArisingCounts(
            **self.matters_arising(meeting).aggregate(
                total=models.Count("pk"), reviewed=models.Count("pk", filter=Q(reviewed))
            )
        )

    def arising_at(self, meeting, recorded_by=None):
        """A meeting's matters arising, each with the update given there and its status on the day.

        With ``recorded_by``, from the updates recorded by then only (see ``with_latest_update``).
        """
        return as_arising(self.matters_arising(meeting).as_minuted(recorded_by), meeting)

    def reviewed_at(self, meeting, recorded_by=None):
        """The matters arising as minuted: those an update was given on at the meeting."""
        return self.reviewed(meeting, recorded_by).arising_at(meeting, recorded_by)

    def matching(self, text):
        """The actions whose text holds what was typed: by full text on PostgreSQL, using its index."""
        return matching(self, "text", text)

    def register_rows(self, chunk_size=2_000):
        """The actions, in this queryset's order, as plain rows for the register's exports, read
        ``chunk_size`` at a time.

        Each row is ``REGISTER_ROW``'s values: the action's own (annotated with ``with_due()``), then its
        owners' names joined, lead first, and its lead's name (``ActionOwner.objects.named_per_action()``),
        and the date and text of its latest update (``Update.objects.latest_of_each_action()``); dates
        as text, 2013-03-11, on either database.

        The owners and the latest updates are worked out once for all the selected actions and joined,
        not looked up action by action: the ORM cannot join a query's rows to another query's, so this
        one statement does, from the querysets' own SQL.
        """
        keys = [sort_key(key) for key in self.query.order_by or self.model._meta.ordering]
        selected = (
            self.annotate(
                **{name: F(path) for name, path in REGISTER_FIELDS.items() if name != path},
                **{f"sort_{index}": expression for index, (expression, _) in enumerate(keys)},
            )
            .order_by()
            .values_list(*REGISTER_FIELDS, *(f"sort_{index}" for index in range(len(keys))))
        )
        ids = self.order_by().values("pk")
        owners = ActionOwner.objects.filter(action__in=ids).named_per_action()
        updates = Update.objects.filter(action__in=ids).latest_of_each_action()
        parts, params = zip(*(query.query.sql_with_params() for query in (selected, owners, updates)), strict=True)
        column = connection.ops.quote_name
        own = ", ".join(
            f"CAST(s.{column(name)} AS TEXT)" if name in DATES else f"s.{column(name)}" for name in REGISTER_FIELDS
        )
        # Sorted once, here, after the joins: the same order as the queryset's, key by key.
        order = ", ".join(f"s.sort_{index} {direction}" for index, (_, direction) in enumerate(keys))
        sql = (
            f"SELECT {own}, o.names, o.lead, CAST(u.happened AS TEXT), u.text "
            f"FROM ({parts[0]}) s "
            f"LEFT JOIN ({parts[1]}) o ON o.action_id = s.id "
            f"LEFT JOIN ({parts[2]}) u ON u.action_id = s.id "
            f"ORDER BY {order}"
        )
        # In a transaction of its own: PostgreSQL then sends the rows as they come rather than keeping all of
        # them for a cursor outliving it, and sorts them in memory (the whole register's rows: some 50 MB).
        with transaction.atomic(savepoint=False), connection.chunked_cursor() as cursor:
            if connection.vendor == "postgresql":
                with connection.cursor() as setting:
                    setting.execute(f"SET LOCAL work_mem = '{REGISTER_SORT_MEMORY}'")
            cursor.execute(sql, [*params[0], *params[1], *params[2]])
            while rows := cursor.fetchmany(chunk_size):
                yield from rows


TABLE_FIELDS = [
    "meeting__date",
    "meeting__group__short_name",
    "number",
    "text",
    "status",
    "due_date",
    "due_at_next_meeting",
    "due_on",
    "meeting_date",
]
"""The columns ``ActionQuerySet.for_table()`` reads: what a table of actions shows, and what it is sorted by."""

REGISTER_FIELDS = {
    "id": "id",
    "group_name": "meeting__group__short_name",
    "date": "meeting_date",
    "number": "number",
    "item_number": "agenda_item__number",
    "item_title": "agenda_item__title",
    "text": "text",
    "due_on": "due_on",
    "due_at_next_meeting": "due_at_next_meeting",
    "status": "status",
    "is_overdue": "is_overdue",
}
"""An action's own columns in ``register_rows()``, by the name each has there and its path in the query."""
DATES = {"date", "due_on"}


def sort_key(key):
    """An item of a queryset's ordering ("-number", ``F("due_on").asc(nulls_last=True)``, an expression) as
    the expression it sorts by and the SQL of its direction ("DESC NULLS LAST")."""
    if isinstance(key, str):
        return F(key.removeprefix("-")), "DESC" if key.startswith("-") else "ASC"
    if isinstance(key, OrderBy):
        nulls = " NULLS FIRST" if key.nulls_first else " NULLS LAST" if key.nulls_last else ""
        return key.expression, ("DESC" if key.descending else "ASC") + nulls
    return key, "ASC"


REGISTER_SORT_MEMORY = "64MB"
"""What PostgreSQL may use to sort and hash the register's rows for an export, rather than its 4 MB default."""

REGISTER_ROW = [*REGISTER_FIELDS, "owners", "lead", "latest_update_on", "latest_update"]
"""The columns of ``ActionQuerySet.register_rows()``, in order."""

REFERENCE_ORDER = ["meeting_date", "meeting_id", "number"]
"""Actions in reference order: by meeting date, meeting and number (the index ``action_register_order``)."""

UNDATED_LAST = IsNull(F("due_on"), True)
"""Sorted by first, the actions without a ``due_on`` come after the others: NULLS LAST, said so that SQLite can
index it too."""

URGENCY_ORDER = [UNDATED_LAST, "due_on", "-due_at_next_meeting", *REFERENCE_ORDER]
"""Actions by when they are due, soonest first, then those due at a next meeting not yet set, then the undated;
each in reference order (the index ``action_due_order``)."""

LATEST_DUE_ORDER = [UNDATED_LAST, "-due_on", *REFERENCE_ORDER]
"""Actions by when they are due, latest first, then the undated; each in reference order (the index
``action_latest_due_order``)."""


@dataclass(frozen=True)
class ArisingCounts:
    """A meeting's matters arising: how many, and how many had an update given at it."""

    total: int
    reviewed: int


def as_arising(actions, meeting):
    """Fetch actions of the meeting's matters arising, each with the update given there
    (``update_here``) and its status on the day (``status_then``); fetched with ``as_minuted()`` or
    ``for_listing()``."""
    actions = list(actions)
    for action in actions:
        # All of the meeting's group: one copy, whose secretariat is read once to sign the updates.
        action.meeting.group = meeting.group
        action.update_here = action.update_at(meeting)
        action.status_then = Status(action.status_on(meeting.date))
    return actions


class Action(Positioned, Versioned):
    """Something a meeting asked one or more departments to do, written beside its agenda item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions", editable=False)
    meeting_date = models.DateField(
        editable=False,
        help_text="Its meeting's date, kept here so that an index serves the register's order; "
        "``keep_meeting_date`` keeps it in step.",
    )
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveIntegerField(
        editable=False, help_text="Its number within the meeting, as in its reference (A4)."
    )
    # A TextField's max_length limits only its forms: the validator makes it the model's rule.
    text = models.TextField(max_length=2_000, validators=[MaxLengthValidator(2_000)])
    owners = models.ManyToManyField(Department, through="ActionOwner", related_name="actions")
    due_date = models.DateField(null=True, blank=True)
    due_at_next_meeting = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    closed_on = models.DateField(
        null=True, blank=True, editable=False, help_text="When it was done or dropped; empty while outstanding."
    )
    due_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="When it is due: its due date or, due at the next meeting, that meeting's date; kept here so "
        "that an index serves the register sorted by due date; ``keep_due_on`` keeps it in step.",
    )

    position_scope = "agenda_item"
    objects = ActionQuerySet.as_manager()
    # The meeting's date, and the date of the meeting after it, are the meetings' history, not the action's.
    history = HistoricalRecords(excluded_fields=["meeting_date", "due_on"])

    class Meta(Positioned.Meta):
        indexes = [
            # The register in reference order, a page at a time from either end:
            # ORDER BY meeting_date, meeting_id, number LIMIT 50 (OFFSET n) reads the index, not a sort of every action,
            # and the ids of the rows a later page skips from the index alone.
            models.Index(fields=["meeting_date", "meeting", "number"], include=["id"], name="action_register_order"),
            # Outstanding actions are a few in a hundred: the register filtered to open or in progress, or to
            # overdue, and a department's outstanding actions read these rows, not every action.
            # The columns the department page's counts read are in the index too, so that they read the index alone.
            models.Index(
                fields=["meeting"],
                include=["id", "status", "due_on", "due_at_next_meeting", "meeting_date", "number"],
                condition=Q(status__in=OUTSTANDING),
                name="action_outstanding",
            ),
            # A department's counts (``ActionSummary.of``): its ownerships, read from ``actionowner_department_action``
            # in the order of their actions, are merged with the outstanding actions read in the same order, not
            # looked up one by one in a hash of every outstanding action.
            models.Index(
                fields=["id"],
                include=["meeting", "due_on", "due_at_next_meeting"],
                condition=Q(status__in=OUTSTANDING),
                name="action_outstanding_by_id",
            ),
            # The register sorted by status, a page at a time from either end: ORDER BY STATUS_ORDER,
            # meeting_date, meeting_id, number LIMIT 50 reads the index, not a sort of every action, and the ids of
            # the rows a later page skips from the index alone (PostgreSQL reads an expression's columns, here
            # status, from an index only if they are in it as they are).
            models.Index(
                STATUS_ORDER,
                F("meeting_date"),
                F("meeting"),
                F("number"),
                include=["id", "status"],
                name="action_status_order",
            ),
            # A department's recently completed actions: ORDER BY closed_on DESC, id DESC LIMIT 10 reads the index
            # backwards until ten of them are the department's, not a sort of all its closed actions.
            models.Index(fields=["closed_on", "id"], condition=Q(status__in=CLOSED), name="action_recently_closed"),
            # The register sorted by due date and a department's outstanding actions by urgency, a page at a time
            # from either end: ORDER BY URGENCY_ORDER LIMIT 50 reads the index, not a sort of every action, and
            # the rows a later page skips from the index alone.
            models.Index(
                UNDATED_LAST,
                F("due_on"),
                F("due_at_next_meeting").desc(),
                F("meeting_date"),
                F("meeting"),
                F("number"),
                include=["id"],
                name="action_due_order",
            ),
            # And latest first: ORDER BY LATEST_DUE_ORDER.
            models.Index(
                UNDATED_LAST,
                F("due_on").desc(),
                F("meeting_date"),
                F("meeting"),
                F("number"),
                include=["id"],
                name="action_latest_due_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=True) | Q(due_at_next_meeting=False),
                name="action_due_by_date_or_at_next_meeting_not_both",
            ),
            models.UniqueConstraint(fields=["meeting", "number"], name="action_number_unique_in_meeting"),
            models.CheckConstraint(
                condition=Q(status__in=CLOSED, closed_on__isnull=False) | Q(status__in=OUTSTANDING, closed_on=None),
                name="action_closed_on_set_when_closed",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.text[:80]}" if self.number else self.text[:80]

    def get_absolute_url(self):
        return f"{action_pages_prefix()}{self.pk}/"

    def clean(self):
        if self.due_date and self.due_at_next_meeting:
            raise ValidationError("An action is due by a date or at the next meeting, not both.")
        if self.meeting_id and self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            # Its reference names its meeting, and people quote it: it stays there.
            raise ValidationError({"agenda_item": "Choose an agenda item of the meeting the action was raised at"})
        raised_at = self.meeting if self.meeting_id else self.agenda_item.meeting if self.agenda_item_id else None
        if raised_at and self.due_date and self.due_date < raised_at.date:
            raise ValidationError(
                {"due_date": f"The due date must be on or after the meeting that raised it, {raised_at.date:%-d %B %Y}"}
            )

    def save(self, *args, **kwargs):
        if self.meeting_id is None:
            self.meeting_id = self.agenda_item.meeting_id
        elif self.agenda_item.meeting_id != self.meeting_id:
            # clean() says so to a person; this stops code that skips it from changing the reference.
            raise ValidationError("An action stays in the meeting it was raised at")
        self.meeting_date = self.meeting.date
        if not self.due_at_next_meeting:
            self.due_on = self.due_date
        elif self._state.adding or getattr(self, "_due_as_read", None) != self._due():
            self.due_on = Meeting.objects.filter(pk=self.meeting_id).values_list(next_meeting_date(), flat=True).get()
        else:
            # Still due at the next meeting: the stored date stands, which ``keep_due_on`` may have changed
            # since this copy was read, so it is not written back.
            update_fields = kwargs.get("update_fields") or [field.name for field in self._meta.concrete_fields]
            kwargs["update_fields"] = [name for name in update_fields if name not in ("due_on", "id")]
        self._due_as_read = self._due()
        if self.number:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            # Actions raised at the same moment take their numbers one after another: the meeting's
            # row is the lock (taken before the agenda item's, for the position, always in that order).
            list(Meeting._base_manager.select_for_update(no_key=True).filter(pk=self.meeting_id).values_list("pk"))
            highest = Action.objects.filter(meeting_id=self.meeting_id).aggregate(highest=models.Max("number"))
            self.number = (highest["highest"] or 0) + 1
            return super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        action = super().from_db(db, field_names, values)
        action._due_as_read = action._due()
        return action

    def _due(self):
        """How it is due, as far as it is loaded: what ``due_on`` follows from in the action itself."""
        return tuple(self.__dict__.get(name) for name in ("due_date", "due_at_next_meeting"))

    def is_visible_to(self, user):
        return self.meeting.is_visible_to(user)

    def is_updatable_by(self, user):
        """The group's secretariat, or, once the minutes are circulated, a user of a department that
        owns the action or inherited it."""
        if self.meeting.group.is_served_by(user):
            return True
        member = getattr(user, "department_member", None)
        if member is None or not self.is_visible_to(user):
            return False
        lineage = member.department.lineage()
        return any(owner.pk in lineage for owner in self.owner_list)

    @property
    def reference(self):
        """A stable reference to quote in email: group, meeting month and number, "IDMG 2013-03 A4"."""
        return f"{self.meeting.group.short_name} {self.meeting.date:%Y-%m} A{self.number}"

    @property
    def has_updates(self):
        """Whether progress is on record, which keeps the action: it is dropped, not removed.

        Uses ``update_count`` where the query annotated it (``Meeting.objects.with_minutes()``).
        """
        count = getattr(self, "update_count", None)
        return self.updates.exists() if count is None else count > 0

    @property
    def is_outstanding(self):
        return self.status in OUTSTANDING

    @property
    def is_due_by_next_meeting(self):
        """Needs ``due_on`` and ``group_next_meeting``: due at, or on or before, the group's next meeting."""
        if self.due_at_next_meeting:
            return True
        return bool(self.due_on and self.group_next_meeting and self.due_on <= self.group_next_meeting)

    @property
    def timeline(self):
        """The fetched updates, withdrawn ones too, newest first by when they happened.

        An update typed up late from an earlier meeting takes its place by that meeting's date.
        """
        return sorted(self.updates.all(), key=lambda update: (update.happened_on, update.pk), reverse=True)

    @property
    def standing_updates(self):
        """The timeline without the updates withdrawn: those that count for the action's status."""
        return [update for update in self.timeline if not update.is_withdrawn]

    @property
    def latest_update(self):
        """The newest update not withdrawn; uses the updates fetched by ``with_latest_update()``."""
        return next(iter(self.standing_updates), None)

    @property
    def status_colour(self):
        return STATUS_TAG_COLOURS[self.status]

    def check_update(self, *, text, status, current=None):
        """Refuse an update that says nothing, or drops the action without a reason.

        ``current`` is the status the update changes from, if not the action's status now.
        """
        current = current or self.status
        if status == Status.DROPPED and current != Status.DROPPED and not text.strip():
            raise ValidationError({"text": "Give the reason the action is being dropped"})
        if not text.strip() and status == current:
            raise ValidationError({"text": "Enter an update or change the status"})

    def status_on(self, date):
        """The status the action had on a date, read from its fetched updates not withdrawn."""
        updates = self.standing_updates
        for update in updates:
            if update.happened_on <= date:
                return update.new_status
        everything = self.timeline
        return everything[-1].old_status if everything else self.status

    def update_at(self, meeting):
        """The update given at a meeting and not withdrawn, if any; uses the fetched updates."""
        return next((update for update in self.standing_updates if update.reported_at_id == meeting.pk), None)

    def recompute_status(self):
        """Set the status and closing date from the updates that stand, as if the withdrawn ones
        had never been given, and save the action."""
        everything = self.timeline
        status = everything[-1].old_status if everything else Status.OPEN
        closed_on = None
        for update in reversed(self.standing_updates):
            if update.status_changed:
                status = update.new_status
                if status in CLOSED and closed_on is None:
                    closed_on = update.happened_on
                elif status in OUTSTANDING:
                    closed_on = None
        self.status, self.closed_on = status, closed_on if status in CLOSED else None
        self.save()

    def record_update(self, *, author, text="", status=None, meeting=None):
        """Record a progress note or a change of status as an update that is kept.

        ``meeting`` is the meeting at which it was reported, if any; it dates the change.
        """
        on = meeting.date if meeting else timezone.localdate()
        # An update typed up from an earlier meeting, after later ones were recorded, joins the
        # history at its date without undoing what happened since.
        overtaken = any(earlier.happened_on > on for earlier in self.standing_updates)
        status_then = self.status_on(on) if overtaken else self.status
        status = status or status_then
        text = text.strip()
        self.check_update(text=text, status=status, current=status_then)
        update = Update(
            action=self,
            author=author,
            text=text,
            old_status=status_then,
            new_status=status,
            old_due_date=self.due_date,
            new_due_date=self.due_date,
            reported_at=meeting,
        )
        # The action, author and meeting are in hand, and check_update() said what the constraints would:
        # checking them again would ask the database five more questions for each update.
        update.full_clean(exclude={"action", "author", "reported_at"}, validate_constraints=False)
        # Both saved or neither. Inside a caller's transaction (a form's save_unless_conflict()) this adds no
        # savepoint: a failure here fails that transaction too.
        with transaction.atomic(savepoint=False):
            update.save()
            if not overtaken:
                self.status = status
                if status in CLOSED and self.closed_on is None:
                    self.closed_on = update.happened_on
                elif status in OUTSTANDING:
                    self.closed_on = None
                self.save()
        self.keep_fetched(update)
        return update

    def keep_fetched(self, update):
        """Put a newly saved update first among the action's fetched updates (``with_latest_update()``), so
        that they read as fetched again would."""
        fetched = getattr(self, "_prefetched_objects_cache", {})
        if "updates" in fetched:
            fetched["updates"]._result_cache.insert(0, update)

    def overdue_on(self, today):
        """Whether it is still outstanding after its ``due_on`` as of ``today``: ``is_overdue`` as
        ``with_due()`` annotates it."""
        return self.is_outstanding and self.due_on is not None and self.due_on < today

    @property
    def owner_list(self):
        """The owning departments, lead first; uses the prefetched ownerships."""
        return [ownership.department for ownership in self.ownerships.all()]

    def owners_before_version(self, version):
        """The owning departments and whether each leads, lead first, just before the action was saved
        as ``version``.

        None when it never was. Owners are rows of their own, saved after the action, so those in
        force just before that save are the ones its previous version had.
        """
        saved = self.history.filter(version=version).order_by("history_id").first()
        if saved is None:
            return None
        moment = saved.history_date - datetime.timedelta(microseconds=1)
        records = ActionOwner.history.filter(action_id=self.pk, history_date__lte=moment).latest_of_each()
        ownerships = [record for record in records.select_related("department") if record.history_type != "-"]
        ownerships.sort(key=lambda ownership: (not ownership.is_lead, ownership.position))
        return [(ownership.department, ownership.is_lead) for ownership in ownerships]

    @property
    def lead(self):
        return next((ownership.department for ownership in self.ownerships.all() if ownership.is_lead), None)

    @property
    def owners_display(self):
        """The owners as lists name them, lead first and marked: "Home Office (lead), DfE"; uses the
        prefetched ownerships."""
        return ", ".join(
            f"{ownership.department.short_name}{' (lead)' if ownership.is_lead else ''}"
            for ownership in self.ownerships.all()
        )

    @property
    def due_display(self):
        return due_wording(self.due_date, self.due_at_next_meeting)

    @property
    def has_due_date(self):
        return self.due_at_next_meeting or self.due_date is not None

    def record_due_change(self, *, was_due_date, was_at_next_meeting, author):
        """Keep a change of due date as an update, once the minutes are circulated.

        While the minutes are a draft their actions are still being written; once circulated, a
        new due date is news to the owners and joins the action's updates. Returns the update, if any.
        """
        if self.meeting.status == MinutesStatus.DRAFT:
            return None
        if (was_due_date, was_at_next_meeting) == (self.due_date, self.due_at_next_meeting):
            return None
        before = due_wording(was_due_date, was_at_next_meeting) if was_due_date or was_at_next_meeting else "none"
        after = self.due_display if self.has_due_date else "none"
        return self.updates.create(
            author=author,
            text=f"Due date changed from {before} to {after}.",
            old_status=self.status,
            new_status=self.status,
            old_due_date=was_due_date,
            new_due_date=self.due_date,
        )

    @transaction.atomic
    def set_owners(self, departments, lead=None):
        """Make these departments the owners, in this order, marking the lead.

        Only what differs is changed, so the history shows just the owners added, removed or changed.
        """
        current = {ownership.department_id: ownership for ownership in ActionOwner.objects.filter(action=self)}
        wanted = {
            department.pk: (department == lead, position) for position, department in enumerate(departments, start=1)
        }

        def update(ownership):
            if (ownership.is_lead, ownership.position) != wanted[ownership.department_id]:
                ownership.is_lead, ownership.position = wanted[ownership.department_id]
                ownership.save()

        # Removals and lost leads first, so that another owner can then take the lead.
        for department_id, ownership in current.items():
            if department_id not in wanted:
                ownership.delete()
            elif ownership.is_lead and not wanted[department_id][0]:
                update(ownership)
        for department in departments:
            update(current.get(department.pk) or ActionOwner(action=self, department=department))


def action_pages_prefix():
    """The start of every action's address, "/actions/", followed by its pk and a slash.

    Reversed once for each script prefix and URL configuration, the only things the address depends on,
    so that a page listing a few hundred actions does not spend a reverse() on each.
    """
    return _action_pages_prefix(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


@functools.lru_cache(maxsize=16)
def _action_pages_prefix(script_prefix, urlconf):
    return reverse("actions:action", args=[0], urlconf=urlconf).removesuffix("0/")


def keep_meeting_date(meeting):
    """The one rule for ``Action.meeting_date``: it is its meeting's date. Called when a meeting is saved."""
    Action.objects.filter(meeting=meeting).exclude(meeting_date=meeting.date).update(meeting_date=meeting.date)


def keep_due_on(group_id):
    """The one rule for ``Action.due_on`` of the group's actions due at the next meeting: ``next_meeting_date()``
    of their meeting (``Action.save`` sets it so for one action, and the due date for the others).

    Called when a meeting of the group is saved or deleted, which may change which meeting follows another,
    and after actions are made in bulk. Only the actions of meetings whose next meeting is no longer the
    one their actions say are changed: the date is worked out once a meeting, not once an action. Returns how
    many actions it changed.
    """
    meetings = Meeting.objects.filter(group=group_id).annotate(following=next_meeting_date())
    due_then = Action.objects.filter(meeting=OuterRef("pk"), due_at_next_meeting=True)
    out_of_step = meetings.alias(
        due_otherwise=Exists(due_then.filter(Q(due_on=None) | ~Q(due_on=OuterRef("following")))),
        due_on_a_date=Exists(due_then.exclude(due_on=None)),
    ).filter(Q(following__isnull=False, due_otherwise=True) | Q(following=None, due_on_a_date=True))
    following = Meeting.objects.filter(pk=OuterRef("meeting_id")).order_by().values_list(next_meeting_date())
    return Action.objects.filter(meeting__in=out_of_step.values("pk"), due_at_next_meeting=True).update(
        due_on=Subquery(following)
    )


class JoinedText(Aggregate):
    """The texts joined by ``separator``, in the window's order when used over a window."""

    function = "STRING_AGG"
    output_field = models.TextField()
    window_compatible = True

    def __init__(self, expression, separator):
        super().__init__(expression, Value(separator))

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)


class ActionOwnerQuerySet(models.QuerySet):
    def named_per_action(self):
        """One row per action: ``action_id``, its owners' names (``names``, "FCO, Home Office"), in the order
        the register lists them, lead first, and its lead's name (``lead``), or None."""
        # One window for all three, so that the database sorts the owners once.
        each_action = {
            "partition_by": F("action"),
            "order_by": ActionOwner._meta.ordering,
            "frame": RowRange(start=None, end=None),
        }
        return (
            self.order_by()
            .annotate(
                names=Window(JoinedText("department__short_name", ", "), **each_action),
                lead=Window(Max(Case(When(is_lead=True, then=F("department__short_name")))), **each_action),
                rank=Window(RowNumber(), **each_action),
            )
            .filter(rank=1)
            .values("action_id", "names", "lead")
        )


class ActionOwner(models.Model):
    """A department that owns an action; one owner per action may lead."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="ownerships")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="action_ownerships")
    is_lead = models.BooleanField("lead", default=False)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()
    objects = ActionOwnerQuerySet.as_manager()

    class Meta:
        # Lead first: how the register, the pages and the exports list an action's owners.
        ordering = ["-is_lead", "position", "pk"]
        indexes = [
            # A department's actions (``ActionQuerySet.owned_by``, the department page and the register filtered
            # by department) from the index alone, without reading every ownership row of the department.
            models.Index(fields=["department", "action"], name="actionowner_department_action"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["action", "department"], name="department_owns_action_once"),
            models.UniqueConstraint(fields=["action"], condition=Q(is_lead=True), name="one_lead_owner_per_action"),
        ]

    def __str__(self):
        return f"{self.department}{' (lead)' if self.is_lead else ''}"


@dataclass(frozen=True)
class ActionSummary:
    """The counts at the top of a department's page."""

    outstanding: int
    overdue: int
    due_by_next_meeting: int

    @classmethod
    def of(cls, actions, today):
        """Count, in one query, outstanding actions: all of them, the overdue, and those due by the
        group's next meeting (but not yet overdue), as of ``today``."""
        # Counted straight from the rows rather than from a subquery of annotated rows: "overdue" is said as
        # ``overdue()`` says it, and the group's next meeting is asked for only in the count that needs it.
        overdue = Q(due_on__lt=today)
        counts = actions.outstanding().aggregate(
            outstanding=models.Count("pk"),
            overdue=models.Count("pk", filter=overdue),
            due_by_next_meeting=models.Count(
                "pk",
                filter=~overdue & (Q(due_at_next_meeting=True) | Q(due_on__lte=next_meeting_from(today))),
            ),
        )
        return cls(**counts)


def update_happened_on():
    """``Update.happened_on`` in SQL: the date of the meeting it was given at, or else the day it was recorded."""
    return Coalesce("reported_at__date", TruncDate("created_at"))


class UpdateQuerySet(models.QuerySet):
    def given_at(self, meeting, recorded_by=None):
        """The updates given at a meeting and not withdrawn; with ``recorded_by``, recorded by then."""
        updates = self.filter(reported_at=meeting, withdrawn_at=None)
        return updates if recorded_by is None else updates.filter(created_at__lte=recorded_by)

    def latest_of_each_action(self):
        """One row per action: ``action_id``, and the ``happened`` date and ``text`` of its latest update:
        the newest not withdrawn by when it happened (``Update.happened_on``), as ``Action.latest_update``."""
        happened = update_happened_on()
        return (
            self.filter(withdrawn_at=None)
            .order_by()
            .annotate(
                happened=happened,
                rank=Window(RowNumber(), partition_by=F("action"), order_by=[happened.desc(), F("pk").desc()]),
            )
            .filter(rank=1)
            .values("action_id", "happened", "text")
        )


class Update(models.Model):
    """A dated progress note on an action, with any change of status or due date it made.

    Updates are a record: they are added, never edited or removed.
    """

    # An action with updates stays on the record: it is dropped, giving the reason, not removed.
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    text = models.TextField(blank=True, max_length=5_000, validators=[MaxLengthValidator(5_000)])
    old_status = models.CharField(max_length=20, choices=Status.choices)
    new_status = models.CharField(max_length=20, choices=Status.choices)
    old_due_date = models.DateField(null=True, blank=True)
    new_due_date = models.DateField(null=True, blank=True)
    reported_at = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_updates",
        help_text="The meeting at which the update was given, if it was given at one.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    withdrawal_reason = models.TextField(blank=True, editable=False)

    objects = UpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(new_status=Status.DROPPED) | Q(old_status=Status.DROPPED) | ~Q(text=""),
                name="update_dropping_gives_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at=None, withdrawal_reason="")
                | (Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")),
                name="update_withdrawn_with_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.action.reference} update of {self.created_at:%-d %B %Y}"

    @property
    def happened_on(self):
        """The meeting's date for an update given at a meeting, otherwise the day it was recorded."""
        if self.reported_at_id:
            return self.reported_at.date
        return timezone.localtime(self.created_at).date() if self.created_at else datetime.date.today()

    @property
    def status_changed(self):
        return self.old_status != self.new_status

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def signature(self):
        """Who gave the update, as it is signed: "Jane Smith, Home Office" (see ``signature_of``)."""
        return signature_of(self.author, self.action.meeting.group)

    @property
    def withdrawal_signature(self):
        return signature_of(self.withdrawn_by, self.action.meeting.group)

    @property
    def description(self):
        """The update as a history names it: "Update of 10 June 2013: In progress to Done"."""
        what = (
            f"{self.get_old_status_display()} to {self.get_new_status_display()}"
            if self.status_changed
            else shortened(self.text) or "Progress update"
        )
        return f"Update of {self.happened_on:%-d %B %Y} on {self.action.reference}: {what}"

    @transaction.atomic
    def withdraw(self, *, by, reason):
        """Withdraw an update given in error, keeping it and the reason on the record.

        The action's status is worked out again from the updates that stand. An update given at a
        meeting whose minutes are approved changes what they show, so it leaves a correction on them.
        """
        reason = reason.strip()
        if not reason:
            raise ValidationError({"reason": "Give the reason the update is being withdrawn"})
        now = timezone.now()
        claimed = Update.objects.filter(pk=self.pk, withdrawn_at=None).update(
            withdrawn_at=now, withdrawn_by=by, withdrawal_reason=reason
        )
        if not claimed:
            raise ValidationError("Someone else has already withdrawn this update.")
        self.withdrawn_at, self.withdrawn_by, self.withdrawal_reason = now, by, reason
        self.action._change_reason = f"Update withdrawn: {reason}"
        self.action.recompute_status()
        if self.reported_at_id and self.reported_at.is_locked:
            Correction.objects.create(
                meeting=self.reported_at,
                made_by=by,
                reason=reason,
                what=shortened(f"Matters arising: the update given on {self.action.reference} withdrawn", 300),
            )

    @property
    def due_date_changed(self):
        return self.old_due_date != self.new_due_date
