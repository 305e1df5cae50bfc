import difflib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from meetings.ordering import Positioned, PositionedQuerySet
from meetings.versioning import Versioned


class Group(models.Model):
    """A ministerial group, or a board or sub-group the same secretariat runs."""

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40, help_text="As the minutes abbreviate it, for example IDMG.")
    slug = models.SlugField(unique=True)
    secretariat = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="served_groups",
        help_text="The secretariat staff who record this group's minutes and chase its actions.",
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        "reminder working days before next meeting",
        default=10,
        help_text="How many working days before its next meeting each department is reminded of its actions.",
    )

    history = HistoricalRecords(m2m_fields=[secretariat])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:group", args=[self.slug])

    @cached_property
    def secretariat_ids(self):
        """The ids of the group's secretariat staff, read once for a page that signs many updates."""
        return set(self.secretariat.values_list("pk", flat=True))

    def has_on_secretariat(self, user):
        """Whether the user is one of the group's secretariat staff: from the groups ``is_served_by()`` read
        for the user, where it did, otherwise from ``secretariat_ids``."""
        served = getattr(user, "_served_group_ids", None)
        return self.pk in served if served is not None else user.pk in self.secretariat_ids

    def is_served_by(self, user):
        """Whether the user is on the group's secretariat (administrators serve every group)."""
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        served = getattr(user, "_served_group_ids", None)
        if served is None:
            served = user._served_group_ids = set(user.served_groups.values_list("pk", flat=True))
        return self.pk in served


def created_once(queryset, find, **fields):
    """Create a row someone typed the name of; if someone else created it in the same moment, theirs.

    ``find`` looks for the row again once the database has refused a second one by that name.
    """
    try:
        with transaction.atomic():
            return queryset.create(**fields)
    except IntegrityError:
        found = find()
        if found is None:
            raise
        return found


class DepartmentQuerySet(models.QuerySet):
    def named(self, text):
        """The department a person typed, by short or full name, or None if there is none by that name."""
        text = " ".join(text.split())
        return self.filter(Q(short_name__iexact=text) | Q(name__iexact=text)).first()

    def closest(self, text):
        """The department whose short or full name is most like what was typed, for "did you mean"."""
        by_name = {}
        for department in self.only("short_name", "name"):
            by_name.setdefault(department.short_name.lower(), department)
            by_name.setdefault(department.name.lower(), department)
        match = difflib.get_close_matches(" ".join(text.split()).lower(), by_name, n=1, cutoff=0.75)
        return by_name[match[0]] if match else None

    def known_to(self, user):
        """The departments the user may be offered as suggestions: none known only from minutes they
        may not read, such as another group's draft register."""
        return suggestable(self, user, ["attendances", "apologies", "action_ownerships__action"])

    def resolve(self, text):
        """The department a person typed, by short or full name, created if it is new."""
        text = " ".join(text.split())
        return self.named(text) or created_once(self, lambda: self.named(text), short_name=text, name=text)


class Department(models.Model):
    """A department or body, under the name the minutes use (Home Office, MOJ, UKHTC)."""

    short_name = models.CharField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
        help_text="The department that took over its work after a rename or merger.",
    )

    objects = DepartmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = [Lower("short_name")]
        constraints = [
            models.CheckConstraint(condition=~Q(successor=F("pk")), name="department_not_its_own_successor"),
        ]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("actions:department", args=[self.pk])

    def lineage(self):
        """The ids of this department and of every department whose work passed to it."""
        # Departments are a few dozen and successions fewer: all of them in one query, followed here, cost the
        # same however many generations a department has.
        predecessors = {}
        for pk, successor in Department.objects.exclude(successor=None).order_by().values_list("pk", "successor"):
            predecessors.setdefault(successor, []).append(pk)
        ids, newest = {self.pk}, [self.pk]
        while newest:
            newest = [pk for successor in newest for pk in predecessors.get(successor, []) if pk not in ids]
            ids.update(newest)
        return ids

    def current(self):
        """The department that carries this one's work today, following renames and mergers."""
        department, seen = self, {self.pk}
        while department.successor_id and department.successor_id not in seen:
            seen.add(department.successor_id)
            department = department.successor
        return department


def suggestable(queryset, user, appearances):
    """The departments or people of ``queryset`` that the user may be offered as suggestions.

    Those that appear in minutes (through ``appearances``, paths to records of a meeting) only where
    the user may not read them, such as another group's draft register, are left out. The meetings
    hidden from the user are few (drafts of other groups), so they are found first; each path is then
    its own EXISTS, and most names appear in none of them.
    """
    if user.is_superuser:
        return queryset
    hidden_meetings = Meeting.objects.hidden_from(user)
    if not hidden_meetings:
        return queryset
    hidden, readable = Q(), Q()
    for path in appearances:
        records, meeting = appearances_through(queryset.model, path)
        hidden |= Exists(records.filter(**{f"{meeting}__in": hidden_meetings}))
        readable |= Exists(records.exclude(**{f"{meeting}__in": hidden_meetings}))
    return queryset.filter(~hidden | readable)


def appearances_through(model, path):
    """The records along ``path`` that name one row of ``model`` (the outer query's), and the path
    from them to their meeting."""
    first, _, rest = path.partition("__")
    relation = model._meta.get_field(first)
    records = relation.related_model.objects.filter(**{relation.field.name: OuterRef("pk")})
    return records, f"{rest}__meeting" if rest else "meeting"


class PersonQuerySet(models.QuerySet):
    def known_to(self, user):
        """The people the user may be offered as suggestions: none known only from minutes they may not read."""
        return suggestable(self, user, ["attendances", "deputised_attendances", "apologies"])

    def named(self, name):
        """The person on record by the name typed; None for a new name, a blank or "Official"."""
        name = " ".join(name.split())
        if not name or name.lower() == "official":
            return None
        return self.filter(name__iexact=name).first()

    def resolve(self, name):
        """The person a secretariat officer typed, created if new; None for a blank or "Official"."""
        name = " ".join(name.split())
        if not name or name.lower() == "official":
            return None
        return self.named(name) or created_once(self, lambda: self.named(name), name=name)


class Person(models.Model):
    """A named person, with post-nominals as the minutes give them ("Mark Harper MP")."""

    name = models.CharField(max_length=200, unique=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name


def readable_by(user, path=""):
    """The condition on meetings whose minutes the user may read, for a query reaching them by ``path``.

    Draft minutes are the group's secretariat's alone (and administrators'); once circulated, everyone
    signed in reads them; signed out, only published minutes can be read. This is the one rule every
    page, export and search applies, through the ``visible_to`` of meetings and of what they hold.
    """
    if user.is_superuser:
        return Q()
    if not user.is_authenticated:
        return Q(**{f"{path}status": MinutesStatus.PUBLISHED})
    served = Group.secretariat.through.objects.filter(user=user).values("group_id")
    return ~Q(**{f"{path}status": MinutesStatus.DRAFT}) | Q(**{f"{path}group__in": served})


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The meetings whose minutes the user may read (see ``readable_by``)."""
        return self.filter(readable_by(user))

    def hidden_from(self, user):
        """The ids of the meetings whose minutes the user may not read: a few drafts, read once so that
        other queries leave them out by ids the database weighs exactly, not by the rule's condition."""
        readable = readable_by(user)
        if not readable:  # an administrator reads every meeting, and excluding no condition would hide them all
            return []
        return list(self.exclude(readable).order_by().values_list("pk", flat=True))

    def upcoming(self, today=None):
        return self.filter(date__gte=today or timezone.localdate()).order_by("date", "start_time")

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate()).order_by("-date", "-start_time")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    CIRCULATED = "circulated", "Circulated"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


LOCKED = [MinutesStatus.APPROVED, MinutesStatus.PUBLISHED]

MINUTES_TAG_COLOURS = {
    MinutesStatus.DRAFT: "grey",
    MinutesStatus.CIRCULATED: "yellow",
    MinutesStatus.APPROVED: "blue",
    MinutesStatus.PUBLISHED: "green",
}
"""The GOV.UK tag colour of each status of the minutes."""


class Meeting(Versioned):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="For example, Home Office.")
    next_meeting_date = models.DateField(null=True, blank=True)
    next_meeting_start_time = models.TimeField(null=True, blank=True)
    next_meeting_end_time = models.TimeField(null=True, blank=True)
    next_meeting_place = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        "minutes status", max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_minutes",
        help_text="The meeting at which these minutes were approved, usually the next one.",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the minutes were published, shown on the public page."
    )
    agenda_circulated_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When its agenda was first emailed: from then everyone signed in may read the agenda and its "
        "papers, as the email invites them to, while the minutes stay the secretariat's until circulated.",
    )
    next_meeting = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="previous_meetings",
        help_text="The meeting the minutes name as the next one, made from its date, time and place.",
    )

    objects = MeetingQuerySet.as_manager()
    # The outbox keeps each circulation of the agenda.
    history = HistoricalRecords(excluded_fields=["agenda_circulated_at"])

    class Meta:
        ordering = ["-date", "-start_time"]
        indexes = [
            # A group's meetings by date: the next meeting after a date (every "due at the next meeting"),
            # matters arising (the group's earlier meetings), a group's meetings page.
            models.Index(fields=["group", "date"], name="meeting_group_date"),
        ]
        # The rules are also clean()'s, which says them at the field; these messages are for the
        # rare save that skips it.
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True) | Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="meeting_ends_after_it_starts",
                violation_error_message="The meeting's end time must be after its start time.",
            ),
            models.CheckConstraint(
                condition=Q(next_meeting_start_time__isnull=True)
                | Q(next_meeting_end_time__isnull=True)
                | Q(next_meeting_end_time__gt=F("next_meeting_start_time")),
                name="next_meeting_ends_after_it_starts",
                violation_error_message="The next meeting's end time must be after its start time.",
            ),
            models.CheckConstraint(
                condition=Q(next_meeting_date__isnull=True) | Q(next_meeting_date__gt=F("date")),
                name="next_meeting_is_after_this_one",
                violation_error_message="The next meeting must be after this one.",
            ),
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True) | Q(status__in=LOCKED),
                name="only_approved_minutes_record_their_approval",
                violation_error_message="Only approved or published minutes record the meeting that approved them.",
            ),
        ]

    def __str__(self):
        return f"{self.group.short_name} {self.date:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("minutes:minutes", args=[self.pk])

    def clean(self):
        """The meeting's rules on its dates and times, each said at the field to correct.

        A field that fails here is left out of the constraints' own check, so each rule is said once.
        """
        errors = {}
        for start, end in (("start_time", "end_time"), ("next_meeting_start_time", "next_meeting_end_time")):
            if getattr(self, start) and getattr(self, end) and getattr(self, end) <= getattr(self, start):
                errors[end] = "End time must be after the start time"
        if self.date and self.next_meeting_date and self.next_meeting_date <= self.date:
            errors["next_meeting_date"] = "The next meeting must be after this one"
        elif not self.next_meeting_date and (self.next_meeting_start_time or self.next_meeting_end_time):
            # Otherwise the time is kept and the minutes say the next meeting is "Not set".
            errors["next_meeting_date"] = "Enter the date of the next meeting, or remove its time"
        if self.date and self.group_id and self.on_same_day().exists():
            errors["date"] = f"{self.group.short_name} already has a meeting on {self.date:%-d %B %Y}"
        if errors:
            raise ValidationError(errors)

    def on_same_day(self):
        """The group's other meetings on this meeting's date: a second one is surely a slip."""
        return Meeting.objects.filter(group=self.group_id, date=self.date).exclude(pk=self.pk)

    def get_record_url(self):
        return reverse("minutes:record", args=[self.pk])

    def get_agenda_url(self):
        return reverse("minutes:agenda", args=[self.pk])

    def is_visible_to(self, user):
        """Whether the user may read these minutes: the instance's side of ``readable_by``."""
        if self.status == MinutesStatus.DRAFT:
            return self.group.is_served_by(user)
        return user.is_authenticated or self.status == MinutesStatus.PUBLISHED

    def agenda_is_visible_to(self, user):
        """Whether the user may read the agenda and its papers: with the minutes, or once it was circulated."""
        return self.is_visible_to(user) or (self.agenda_circulated_at is not None and user.is_authenticated)

    @property
    def status_colour(self):
        return MINUTES_TAG_COLOURS[self.status]

    @property
    def is_locked(self):
        """Approved and published minutes are the record: only an administrator corrects them."""
        return self.status in LOCKED

    def approval_candidates(self, today=None):
        """The meetings at which these minutes could have been approved: the group's later ones
        that have taken place (a meeting still to come cannot have approved anything)."""
        today = today or timezone.localdate()
        return Meeting.objects.filter(group=self.group_id, date__gt=self.date, date__lte=today).order_by("date")

    def has_minutes_of_its_own(self):
        """Whether the meeting has been held on the record: a register, paragraphs, or minutes moved on.

        An agenda drafted beforehand is not minutes: until then the meeting follows what the
        previous minutes say of it.
        """
        return (
            self.status != MinutesStatus.DRAFT
            or self.attendees.exists()
            or self.apologies.exists()
            or Paragraph.objects.filter(agenda_item__meeting=self).exists()
        )

    def schedule_next_meeting(self):
        """Make the meeting these minutes name as the next one, or link to the group's meeting on that
        date, and keep its date, time and place in step with what the minutes say until it has minutes
        of its own. Saving again changes nothing.

        Returns the next meeting and whether it was just created: (None, False) when no date is set.
        """
        if not self.next_meeting_date:
            return None, False
        details = {
            "date": self.next_meeting_date,
            "start_time": self.next_meeting_start_time,
            "end_time": self.next_meeting_end_time,
            "place": self.next_meeting_place,
        }
        with transaction.atomic():
            linked = self.next_meeting
            if linked is not None and linked.has_minutes_of_its_own():
                return linked, False
            on_that_day = Meeting.objects.filter(group=self.group_id, date=self.next_meeting_date)
            found = on_that_day.exclude(pk=linked.pk if linked else None).first()
            created = False
            # What the minutes leave blank (the time, the place) is not said, so it changes nothing.
            said = {name: value for name, value in details.items() if value}
            if found is not None:
                # The group's meeting on that day is the next one; a meeting made earlier for another
                # date stays, as anything else made by hand would.
                linked = found
                if not linked.has_minutes_of_its_own():
                    self._keep_in_step(linked, said)
            elif linked is not None:
                self._keep_in_step(linked, said)
            else:
                linked, created = Meeting.objects.create(group_id=self.group_id, **details), True
            if self.next_meeting_id != linked.pk:
                self.next_meeting = linked
                Meeting.objects.filter(pk=self.pk).update(next_meeting=linked)
        return linked, created

    @staticmethod
    def _keep_in_step(meeting, details):
        changed = {name: value for name, value in details.items() if getattr(meeting, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(meeting, name, value)
            meeting.save()

    def keep_previous_in_step(self):
        """After this meeting's details change, have the unapproved minutes that name it as the next
        meeting say the same, until this meeting has minutes of its own."""
        if self.has_minutes_of_its_own():
            return
        for previous in self.previous_meetings.exclude(status__in=LOCKED).filter(date__lt=self.date):
            self._keep_in_step(
                previous,
                {
                    "next_meeting_date": self.date,
                    "next_meeting_start_time": self.start_time,
                    "next_meeting_end_time": self.end_time,
                    "next_meeting_place": self.place,
                },
            )

    def circulate(self):
        self._move_status(MinutesStatus.DRAFT, MinutesStatus.CIRCULATED)

    def approve(self, at_meeting, amendments=(), by=None):
        """Record that the minutes were agreed at ``at_meeting``, with any amendments agreed there,
        which are shown on them as corrections and said in that meeting's own minutes."""
        if at_meeting.group_id != self.group_id or at_meeting.date <= self.date:
            raise ValidationError("Minutes are approved at a later meeting of the same group.")
        if at_meeting.date > timezone.localdate():
            raise ValidationError(
                f"The meeting of {at_meeting.date:%-d %B %Y} has not taken place yet: "
                "minutes are approved at a meeting that has been held."
            )
        self._check_status(MinutesStatus.CIRCULATED, MinutesStatus.APPROVED)
        amendments = [" ".join(amendment.split()) for amendment in amendments if amendment.strip()]
        with transaction.atomic():
            self.approved_at = at_meeting
            self._move_status(MinutesStatus.CIRCULATED, MinutesStatus.APPROVED)
            for amendment in amendments:
                Correction.objects.create(
                    meeting=self,
                    made_by=by,
                    what=f"Amended when approved at the meeting of {at_meeting.date:%-d %B %Y}",
                    reason=amendment,
                )
            at_meeting.minute_approval_of(self, amendments)

    def minute_approval_of(self, earlier, amendments=()):
        """Say in this meeting's standing first item that the earlier minutes were agreed, with any
        amendments. Minutes already approved are the record, and are left as they are."""
        if self.is_locked:
            return None
        said = f"The minutes of the meeting of {earlier.date:%-d %B %Y} were agreed"
        if amendments:
            said += " subject to the amendments below:\n" + "\n".join(f"– {amendment}" for amendment in amendments)
        else:
            said += "."
        item = AgendaItem.objects.standing_first_item(self)
        return Paragraph.objects.create(agenda_item=item, number=item.next_paragraph_number(), text=said)

    def publish(self):
        self._check_status(MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)
        self.published_at = timezone.now()
        self._move_status(MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)

    def _check_status(self, expected, new):
        if self.status != expected:
            raise ValidationError(
                f"Only {MinutesStatus(expected).label.lower()} minutes can become {MinutesStatus(new).label.lower()}."
            )

    def _move_status(self, expected, new):
        self._check_status(expected, new)
        self.status = new
        self.save()


class Attendee(Positioned, Versioned):
    """One row of the register: a department and who came for it."""

    class Role(models.TextChoices):
        MEMBER = "", "Member"
        CHAIR = "chair", "Chair"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="attendances")
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        help_text="Leave empty for an unnamed official.",
    )
    deputising_for = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="deputised_attendances"
    )
    role = models.CharField(max_length=20, choices=Role.choices, blank=True, default=Role.MEMBER)
    remote = models.BooleanField("via video link", default=False)

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.department} – {self.who}"

    def clean(self):
        if self.person_id and self.meeting_id and self.meeting.apologies.filter(person=self.person_id).exists():
            raise ValidationError(
                {"person": f"{self.person} sent apologies for this meeting: remove the apology, or check the name"}
            )

    @property
    def who(self):
        """The person as the minutes name them: "Official (for Anne Milton MP)"."""
        name = self.person.name if self.person_id else "Official"
        if self.deputising_for_id:
            name = f"{name} (for {self.deputising_for.name})"
        return name


class Apology(Positioned, Versioned):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="apologies")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="apologies")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="apologies")

    history = HistoricalRecords()

    class Meta(Positioned.Meta):
        verbose_name_plural = "apologies"

    def __str__(self):
        return f"{self.department} – {self.person}"

    def clean(self):
        if self.person_id and self.meeting_id and self.meeting.attendees.filter(person=self.person_id).exists():
            raise ValidationError(
                {"person": f"{self.person} is in the register of this meeting: remove them from it, or check the name"}
            )


STANDING_FIRST_ITEM = "Minutes of the last meeting and matters arising"


class AgendaItemQuerySet(PositionedQuerySet):
    def standing_first_item(self, meeting):
        """The meeting's "Minutes of the last meeting and matters arising", first on the agenda:
        the item of that title, or one made for it and put first."""
        items = AgendaItem.objects.filter(meeting=meeting)
        found = items.filter(title__istartswith="minutes of the").order_by("position").first()
        if found is not None:
            return found
        taken = set(items.values_list("number", flat=True))
        number = 1 if 1 not in taken else items.next_number()
        item = AgendaItem.objects.create(meeting=meeting, number=number, title=STANDING_FIRST_ITEM)
        while item.move("up"):
            pass
        return item

    def next_number(self):
        """The number a new item would most likely carry: one more than the highest."""
        highest = self.aggregate(highest=models.Max("number"))["highest"]
        return 1 if highest is None else highest + 1


class AgendaItem(Positioned, Versioned):
    """An item of the minutes, numbered as the minutes number it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    lead = models.CharField(
        "lead department or presenter", max_length=200, blank=True, help_text="For example, Home Office or the Chair."
    )

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(Positioned.Meta):
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number_unique_in_meeting"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        taken = AgendaItem.objects.filter(meeting_id=self.meeting_id, number=self.number).exclude(pk=self.pk)
        if self.meeting_id and self.number is not None and taken.exists():
            raise ValidationError({"number": f"Item {self.number} is already on the agenda of this meeting"})

    @property
    def has_updates(self):
        """Whether an action of the item has updates, which keep the item on the record."""
        return any(action.has_updates for action in self.actions.all())

    def next_paragraph_number(self):
        """The label a new paragraph would most likely carry: 2.4 after 2.3, 2.1 for the first.

        It follows the highest number in the series, so a paragraph moved up or down changes nothing.
        """
        numbers = [paragraph.number.rpartition(".") for paragraph in self.paragraphs.all() if paragraph.number]
        if not numbers:
            return f"{self.number}.1"
        head, _, tail = numbers[-1]
        if not (head and tail.isdigit()):
            return ""
        highest = max(int(other) for other_head, _, other in numbers if other_head == head and other.isdigit())
        return f"{head}.{highest + 1}"


class Paragraph(Positioned, Versioned):
    """A paragraph of an agenda item, numbered as recorded ("2.3"), or an unnumbered lead."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="paragraphs")
    number = models.CharField(max_length=20, blank=True, help_text="As recorded, for example 2.3.")
    # A TextField's max_length limits only its forms: the validator makes it the model's rule.
    text = models.TextField(max_length=10_000, validators=[MaxLengthValidator(10_000)])

    position_scope = "agenda_item"
    objects = PositionedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(Positioned.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "number"],
                condition=~Q(number=""),
                name="paragraph_number_unique_in_item",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.text[:60]}".strip()

    def clean(self):
        if not self.number or not self.agenda_item_id:
            return
        item = self.agenda_item.number
        head, dot, _ = self.number.partition(".")
        if dot and head.isdigit() and int(head) != item:
            # "3.1" under item 1 is a slip; minutes that number paragraphs on through the items use no dot.
            raise ValidationError(
                {"number": f"Paragraphs of item {item} are numbered {item}.1, {item}.2 and so on: check the number"}
            )
        taken = Paragraph.objects.filter(agenda_item_id=self.agenda_item_id, number=self.number).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError({"number": f"Paragraph {self.number} is already in this item"})

    @property
    def meeting(self):
        return self.agenda_item.meeting


class Correction(models.Model):
    """A correction made to minutes after they were approved, with its reason, shown on the minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="corrections")
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(max_length=2_000, validators=[MaxLengthValidator(2_000)])
    what = models.CharField(max_length=300, help_text="The record that was corrected.")

    class Meta:
        ordering = ["made_at", "pk"]
        constraints = [models.CheckConstraint(condition=~Q(reason=""), name="correction_gives_a_reason")]

    def __str__(self):
        return f"Correction to {self.meeting} on {self.made_at:%-d %B %Y}"


class DepartmentMember(models.Model):
    """A department user: someone in a minister's office or a departmental official."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="department_member")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="members")

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.user} ({self.department})"


def signed_in_as(user):
    """Who the header says is signed in: "Jane Smith (Home Office)", "Jane Smith (IDMG secretariat)".

    A department user is named with their department, secretariat staff with the group they serve when
    they serve one; anyone else by name alone.
    """
    name = user.get_full_name() or user.get_username()
    member = DepartmentMember.objects.filter(user=user).select_related("department").first()
    if member:
        return f"{name} ({member.department.short_name})"
    groups = list(Group.objects.filter(secretariat=user).values_list("short_name", flat=True)[:2])
    if len(groups) == 1:
        return f"{name} ({groups[0]} secretariat)"
    return name


from meetings.papers import Paper  # noqa: E402, F401  (a model of this app, in its own module)
