"""What the importer understood of a set of minutes: plain data, kept as JSON between visits.

Every row carries the line of the source text it came from, and the guesses that could be wrong,
so the review page can show each section beside its source and mark what a person must check.
"""

from dataclasses import asdict, dataclass, field, fields


@dataclass
class RegisterRow:
    """A row of the register: an attendee, or an apology (which has no role, deputy or video link)."""

    department: str
    person: str = ""
    deputising_for: str = ""
    role: str = ""
    remote: bool = False
    line: int = 0
    guesses: list[str] = field(default_factory=list)

    @property
    def who(self):
        name = self.person or "Official"
        return f"{name} (for {self.deputising_for})" if self.deputising_for else name


@dataclass
class ParagraphEntry:
    number: str
    text: str
    line: int = 0
    guesses: list[str] = field(default_factory=list)


@dataclass
class ActionEntry:
    text: str
    owners: list[str] = field(default_factory=list)
    lead: str = ""
    due_date: str = ""
    """ISO date, or empty."""
    due_at_next_meeting: bool = False
    line: int = 0
    guesses: list[str] = field(default_factory=list)


@dataclass
class ItemEntry:
    number: int
    title: str
    line: int = 0
    paragraphs: list[ParagraphEntry] = field(default_factory=list)
    actions: list[ActionEntry] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)


@dataclass
class Section:
    """A run of source lines, first to last (1-based, inclusive), that one part of the minutes came from."""

    kind: str
    """"header", "attendees", "apologies", "item" or "rest"."""
    first: int
    last: int
    item: int | None = None
    """The index of the item in ``ParsedMinutes.items``, for an item's section."""


@dataclass
class NotPlaced:
    line: int
    text: str


@dataclass
class ParsedMinutes:
    title: str = ""
    date: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    next_meeting_date: str = ""
    next_meeting_start_time: str = ""
    next_meeting_end_time: str = ""
    next_meeting_place: str = ""
    attendees: list[RegisterRow] = field(default_factory=list)
    apologies: list[RegisterRow] = field(default_factory=list)
    items: list[ItemEntry] = field(default_factory=list)
    not_placed: list[NotPlaced] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)

    def as_json(self):
        return asdict(self)

    @classmethod
    def from_json(cls, data):
        """The structure again from ``as_json``'s output; unknown keys are ignored."""
        return _build(cls, data or {})

    @property
    def actions(self):
        return [action for item in self.items for action in item.actions]

    @property
    def paragraphs(self):
        return [paragraph for item in self.items for paragraph in item.paragraphs]

    @property
    def guess_count(self):
        rows = [*self.attendees, *self.apologies, *self.items, *self.paragraphs, *self.actions]
        return len(self.guesses) + sum(len(row.guesses) for row in rows)

    @property
    def is_empty(self):
        """Whether nothing was recognised as minutes: no register, no items."""
        return not (self.attendees or self.apologies or self.items)


_NESTED = {
    "attendees": RegisterRow,
    "apologies": RegisterRow,
    "items": ItemEntry,
    "paragraphs": ParagraphEntry,
    "actions": ActionEntry,
    "not_placed": NotPlaced,
    "sections": Section,
}


def _build(cls, data):
    known = {f.name for f in fields(cls)}
    values = {}
    for name, value in data.items():
        if name not in known:
            continue
        if name in _NESTED and isinstance(value, list):
            value = [_build(_NESTED[name], entry) for entry in value if isinstance(entry, dict)]
        values[name] = value
    return cls(**values)
