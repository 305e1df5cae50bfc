"""What a document of the minutes says, in the order it says it, whatever its format."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils import timezone

from actions.models import Action
from govuk.templatetags.govuk import govuk_time

DRAFT_NOTICE = "DRAFT: NOT YET APPROVED"
LANGUAGE = "en-GB"

# Characters XML 1.0 cannot hold, which Word, LibreOffice and PDF readers refuse or show as junk.
# Vertical tabs and form feeds (pasted from Word) become spaces; the rest are dropped.
_SPACES = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
_UNWRITABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    """Text that every document format can hold: line breaks kept, control characters gone."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _UNWRITABLE.sub("", _SPACES.sub(" ", text))


def is_right_to_left(text):
    """Whether the text starts, as the Unicode bidirectional algorithm reads it, right to left."""
    for character in text:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@dataclass(frozen=True)
class AttendeeRow:
    department: str
    who: str  # "Official (for Anne Milton MP)", "David Ford MLA – via video link"
    role: str  # "CHAIR" or ""


@dataclass(frozen=True)
class ApologyRow:
    department: str
    name: str


@dataclass(frozen=True)
class ArisingRow:
    """An action of an earlier meeting reviewed at this one, with the update given there."""

    reference: str
    text: str
    owners: str
    status: str
    update: str

    @property
    def details(self):
        """The line under the action, as under the actions of the items: its reference and owners."""
        return f"{self.reference}. {owned_by(self.owners)}"

    @property
    def outcome(self):
        """The status at the meeting leading the update given there: "Done – Sent."."""
        return f"{self.status} – {self.update}" if self.update else self.status


def owned_by(owners):
    """The owners as a line of their own: "Owner: MOJ (lead)", "Owners: MOJ (lead), AGO" or "Owner: none recorded"."""
    return f"Owner{'s' if ',' in owners else ''}: {owners or 'none recorded'}"


class Directed:
    """Text that knows which way it reads, for the formats that must be told."""

    @property
    def direction(self):
        return "rtl" if is_right_to_left(self.text) else "ltr"


@dataclass(frozen=True)
class ParagraphEntry(Directed):
    number: str  # the minutes' own numbering, "2.3", or "" for a lead paragraph
    text: str


@dataclass(frozen=True)
class ActionEntry(Directed):
    text: str
    reference: str
    owners: str  # "Home Office (lead), FCO"
    due: str  # "" when the action has no due date

    @property
    def details(self):
        """The line under the action: its reference, owners and when it is due."""
        parts = [self.reference, owned_by(self.owners)]
        if self.due:
            parts.append(f"Due: {self.due}")
        return ". ".join(parts)


@dataclass(frozen=True)
class ItemEntry:
    heading: str  # "2. Presentation on human trafficking prosecutions"
    paragraphs: list = field(default_factory=list)
    actions: list = field(default_factory=list)


@dataclass(frozen=True)
class MinutesContent:
    """Everything a document of the minutes says, in reading order."""

    group_name: str
    date: str  # "11 March 2013"
    when_and_where: str  # "10:30am to midday, at the Home Office", or ""
    draft_notice: str  # DRAFT_NOTICE on minutes not yet approved, otherwise ""
    attendees: list
    apologies: list
    matters_arising: list
    items: list
    next_meeting: str  # the sentence naming the next meeting, or ""
    corrections: list  # one sentence each
    file_stem: str  # "IDMG-2013-03-11-minutes"
    language: str = LANGUAGE

    @property
    def title(self):
        """The document's title, as its properties and a PDF reader's title bar show it."""
        return f"{self.group_name}: minutes of {self.date}"

    @property
    def subject(self):
        return self.title


def owners_of(action):
    lead = action.lead
    return ", ".join(
        f"{department.short_name}{' (lead)' if department == lead else ''}" for department in action.owner_list
    )


def time_range(start, end):
    if not start:
        return ""
    return f"{govuk_time(start)} to {govuk_time(end)}" if end else govuk_time(start)


def when_and_where(meeting):
    when = time_range(meeting.start_time, meeting.end_time)
    where = f"at {meeting.place}" if meeting.place else ""
    return clean(", ".join(part for part in (when, where) if part))


def next_meeting_sentence(meeting):
    if not meeting.next_meeting_date:
        return ""
    sentence = f"The next {meeting.group.short_name} meeting will be held on {meeting.next_meeting_date:%-d %B %Y}"
    times = time_range(meeting.next_meeting_start_time, meeting.next_meeting_end_time)
    if times:
        sentence += f", {'from ' if meeting.next_meeting_end_time else ''}{times}"
    if meeting.next_meeting_place:
        sentence += f" at {meeting.next_meeting_place}"
    return clean(sentence + ".")


def arising_update(action):
    update = action.update_here
    if update.text:
        return clean(update.text)
    return f"Marked as {update.get_new_status_display().lower()}"


def minutes_content(meeting, matters_arising=None):
    """What the documents of the meeting's minutes say.

    ``meeting`` comes from ``with_minutes()``; ``matters_arising`` are the actions reviewed at it,
    as ``Action.objects.reviewed_at(meeting)`` gives them (fetched here when not given).
    """
    if matters_arising is None:
        matters_arising = Action.objects.reviewed_at(meeting)
    group = meeting.group
    return MinutesContent(
        group_name=clean(group.name),
        date=f"{meeting.date:%-d %B %Y}",
        when_and_where=when_and_where(meeting),
        draft_notice="" if meeting.is_locked else DRAFT_NOTICE,
        attendees=[
            AttendeeRow(
                department=clean(attendee.department.short_name),
                who=clean(f"{attendee.who}{' – via video link' if attendee.remote else ''}"),
                role=attendee.get_role_display().upper() if attendee.role else "",
            )
            for attendee in meeting.attendees.all()
        ],
        apologies=[
            ApologyRow(department=clean(apology.department.short_name), name=clean(apology.person.name))
            for apology in meeting.apologies.all()
        ],
        matters_arising=[
            ArisingRow(
                reference=action.reference,
                text=clean(action.text),
                owners=clean(owners_of(action)),
                status=action.status_then.label,
                update=arising_update(action),
            )
            for action in matters_arising
        ],
        items=[
            ItemEntry(
                heading=clean(f"{item.number}. {item.title}"),
                paragraphs=[
                    ParagraphEntry(number=clean(paragraph.number), text=clean(paragraph.text))
                    for paragraph in item.paragraphs.all()
                ],
                actions=[
                    ActionEntry(
                        text=clean(action.text),
                        reference=action.reference,
                        owners=clean(owners_of(action)),
                        due=action.due_display if action.has_due_date else "",
                    )
                    for action in item.actions.all()
                ],
            )
            for item in meeting.agenda_items.all()
        ],
        next_meeting=next_meeting_sentence(meeting),
        corrections=[
            clean(f"{timezone.localtime(correction.made_at):%-d %B %Y}: {correction.what}. {correction.reason}")
            for correction in meeting.corrections.all()
        ],
        file_stem=file_stem(meeting),
    )


def file_stem(meeting):
    """A file name people can keep: the group's short name and the ISO date, "IDMG-2013-03-11-minutes"."""
    short_name = unicodedata.normalize("NFKD", meeting.group.short_name).encode("ascii", "ignore").decode()
    short_name = re.sub(r"[^A-Za-z0-9]+", "-", short_name).strip("-") or "minutes"
    return f"{short_name}-{meeting.date:%Y-%m-%d}-minutes"
