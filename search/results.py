"""One search over the text of minutes (agenda item titles, paragraphs), actions and updates.

Each kind of record is found by its own query (on PostgreSQL, the four sent as one union), of records
the user may read (``readable_by``) and never withdrawn updates, each bounded to the newest ``NEWEST``
matches; these are ordered together best first (by full-text rank on PostgreSQL, newest first on
SQLite) and cut into pages, so a page costs the same however many records hold the words. Only the
page's records are then loaded, with snippets.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, FloatField, Max, Value
from django.db.models.functions import Coalesce, TruncDate
from django.utils.functional import cached_property

from actions.models import Action, Update
from meetings.models import AgendaItem, Meeting, Paragraph
from meetings.search import full_text, headline, marked_excerpt, marked_headline, matching, rank

ITEM, PARAGRAPH, ACTION, UPDATE = "item", "paragraph", "action", "update"

KINDS = {
    "minutes": ("Minutes: agenda items and paragraphs", [ITEM, PARAGRAPH]),
    "actions": ("Actions", [ACTION]),
    "updates": ("Updates on actions", [UPDATE]),
}
"""What a person may ask to find, and the kinds of record each is."""

FIRST_LOOK = 4_000
"""How many of the newest records of a kind a search looks through first for the words."""

NEWEST = 250
"""The matches of each kind that are ranked and shown, at most, newest first: past them, more words or a
filter find things faster than paging would, and a common word costs no more than a rare one."""


@dataclass(frozen=True)
class Source:
    """Where one kind of record is searched: its rows, its text, the path to its meeting, its date."""

    kind: str
    model: type
    field: str
    meeting: str
    date: object
    related: tuple

    def matches(self, hidden, text, *, group=None, year=None):
        """The records of this kind that hold the text, none of the ``hidden`` meetings', newest first, as
        rows of their pk, rank, date and kind (``Found``'s fields), unbounded: ``look`` takes a window of them."""
        rows = self.model.objects.exclude(**{f"{self.meeting}__in": hidden})
        if self.model is Update:
            rows = rows.filter(withdrawn_at=None)
        rows = matching(rows, self.field, text)
        if group is not None:
            rows = rows.filter(**{f"{self.meeting}__group": group})
        rows = rows.annotate(found_on=self.date)
        if year is not None:
            rows = rows.filter(found_on__gte=datetime.date(year, 1, 1), found_on__lte=datetime.date(year, 12, 31))
        score = rank(text) if full_text(rows.db) else Value(0.0, output_field=FloatField())
        return (
            rows.annotate(found_rank=score, found_kind=Value(self.kind))
            .order_by("-pk")
            .values_list("pk", "found_rank", "found_on", "found_kind")
        )

    def newest_pk(self):
        """The query of this kind's newest pk, as one row of the pk (None, if there are no records) and the kind."""
        return self.model.objects.order_by().values(kind=Value(self.kind)).values_list(Max("pk"), "kind")

    def load(self, pks, text):
        """The records of these pks, with what is shown of each, by pk."""
        records = self.model.objects.filter(pk__in=pks).select_related(*self.related)
        if full_text(records.db):
            records = records.annotate(snippet=headline(self.field, text, whole=self.kind == ITEM))
        return {record.pk: record for record in records}


SOURCES = {
    source.kind: source
    for source in [
        Source(ITEM, AgendaItem, "title", "meeting", F("meeting__date"), ("meeting__group",)),
        Source(
            PARAGRAPH,
            Paragraph,
            "text",
            "agenda_item__meeting",
            F("agenda_item__meeting__date"),
            ("agenda_item__meeting__group",),
        ),
        Source(ACTION, Action, "text", "meeting", F("meeting__date"), ("meeting__group",)),
        Source(
            UPDATE,
            Update,
            "text",
            "action__meeting",
            Coalesce(F("reported_at__date"), TruncDate("created_at")),
            ("action__meeting__group", "reported_at"),
        ),
    ]
}


def look(queries):
    """The rows of the queries, each sliced, in one query where the database can union sliced queries
    (PostgreSQL), else in one query each (SQLite)."""
    queries = list(queries)
    if not queries:
        return []
    if connection.features.supports_slicing_ordering_in_compound:
        first, *others = queries
        return list(first.union(*others, all=True)) if others else list(first)
    return [row for query in queries for row in query]


def newest_matches(sources, hidden, text, **filters):
    """The most recently recorded records of each source's kind that hold the text, none of the ``hidden``
    meetings', as ``Found``, newest first: for each kind, one more than ``NEWEST``, if there are more.

    The newest matches are looked for among the newest records first, then among the sixteen times as many
    before them, and so on: a common word is found in the first few thousand records, a rare one in a few
    wider looks, each served by the search vector's index; only the rows kept are ranked. The first look
    at every kind is one query, after one query for their newest pks.
    """
    matches = {source.kind: source.matches(hidden, text, **filters) for source in sources}
    first, *others = (source.newest_pk() for source in sources)
    top = {kind: pk or 0 for pk, kind in first.union(*others, all=True)}
    found = {kind: [] for kind in matches}
    window = FIRST_LOOK
    high = dict(top)
    looking = list(matches)
    while looking:
        low = {kind: top[kind] - window for kind in looking}
        rows = look(
            matches[kind].filter(pk__gt=low[kind], pk__lte=high[kind])[: NEWEST + 1 - len(found[kind])]
            for kind in looking
        )
        for pk, score, date, kind in rows:
            found[kind].append(Found(kind, pk, score, date))
        looking = [kind for kind in looking if len(found[kind]) <= NEWEST and low[kind] > 0]
        high, window = low, window * 16
    return found


@dataclass(frozen=True)
class Result:
    """One thing found, as the search page lists it."""

    kind: str
    title: str
    url: str
    group: object
    date: datetime.date
    snippet: str

    @property
    def kind_label(self):
        return {ITEM: "Agenda item", PARAGRAPH: "Paragraph", ACTION: "Action", UPDATE: "Update"}[self.kind]


def _result(kind, record, text):
    snippet = record.snippet if hasattr(record, "snippet") else None
    shown = getattr(record, SOURCES[kind].field)
    snippet = marked_headline(snippet) if snippet is not None else marked_excerpt(shown, text)
    if kind == ITEM:
        meeting = record.meeting
        title = f"{meeting}, item {record.number}"
        url = f"{meeting.get_absolute_url()}#item-{record.pk}"
        return Result(kind, title, url, meeting.group, meeting.date, snippet)
    if kind == PARAGRAPH:
        meeting = record.agenda_item.meeting
        where = f"paragraph {record.number}" if record.number else f"item {record.agenda_item.number}"
        url = f"{meeting.get_absolute_url()}#paragraph-{record.pk}"
        return Result(kind, f"{meeting}, {where}", url, meeting.group, meeting.date, snippet)
    if kind == ACTION:
        return Result(
            kind, record.reference, record.get_absolute_url(), record.meeting.group, record.meeting.date, snippet
        )
    action = record.action
    url = f"{action.get_absolute_url()}#update-{record.pk}"
    return Result(kind, f"Update on {action.reference}", url, action.meeting.group, record.happened_on, snippet)


@dataclass(frozen=True)
class Found:
    """One record found, before it is loaded to be shown: best first, then newest."""

    kind: str
    pk: int
    rank: float
    date: datetime.date

    def order(self):
        return (-self.rank, -self.date.toordinal(), -self.pk, self.kind)


class Search:
    """What a user finds for some text, with the filters chosen, as pages of results.

    ``kind`` is a key of ``KINDS``, or None for everything. Each kind of record is asked for its
    ``NEWEST`` matches (one bounded query each, in one union on PostgreSQL), which are ranked together:
    a page costs the same however many records hold a common word, and more words or a filter find
    fewer, all ranked.
    """

    def __init__(self, user, text, *, group=None, year=None, kind=None):
        self.user, self.text, self.group, self.year = user, text, group, year
        self.sources = [SOURCES[name] for name in (KINDS[kind][1] if kind else SOURCES)]

        self.more_than_shown = False  # whether some kind has more matches than are ranked and shown

    @cached_property
    def hidden(self):
        """The ids of the meetings whose minutes the user may not read, left out of each kind's records."""
        return Meeting.objects.hidden_from(self.user)

    @cached_property
    def found(self):
        """What is found of every kind, best first."""
        found = []
        for rows in newest_matches(self.sources, self.hidden, self.text, group=self.group, year=self.year).values():
            self.more_than_shown |= len(rows) > NEWEST
            found += rows[:NEWEST]
        return sorted(found, key=Found.order)

    @property
    def newest(self):
        return NEWEST

    def page(self, number, per_page):
        """The page of results asked for (the last, if past it), its results in ``page.results``."""
        page = Paginator(self.found, per_page).get_page(number)
        pks = {}
        for row in page.object_list:
            pks.setdefault(row.kind, []).append(row.pk)
        records = {kind: SOURCES[kind].load(kind_pks, self.text) for kind, kind_pks in pks.items()}
        page.results = [
            _result(row.kind, records[row.kind][row.pk], self.text)
            for row in page.object_list
            if row.pk in records[row.kind]
        ]
        return page
