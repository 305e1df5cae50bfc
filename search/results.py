"""One search over the text of minutes (agenda item titles, paragraphs), actions and updates.

Each kind of record is found by its own query, all of them of records the user may read
(``readable_by``) and none of them withdrawn updates; the queries are one UNION, ordered best first
(by full-text rank on PostgreSQL, newest first on SQLite) and cut into pages, so a page costs the
same however much is found. Only the page's records are then loaded, with their snippets.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, FloatField, Value
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils.functional import cached_property

from actions.models import Action, Update
from meetings.models import AgendaItem, Paragraph, readable_by
from meetings.search import full_text, headline, marked_excerpt, marked_headline, matching, rank

ITEM, PARAGRAPH, ACTION, UPDATE = "item", "paragraph", "action", "update"

KINDS = {
    "minutes": ("Minutes: agenda items and paragraphs", [ITEM, PARAGRAPH]),
    "actions": ("Actions", [ACTION]),
    "updates": ("Updates on actions", [UPDATE]),
}
"""What a person may ask to find, and the kinds of record each is."""

MOST_RESULTS = 1_000
"""The results offered in pages, at most: past them, more words or a filter find things faster than paging."""


@dataclass(frozen=True)
class Source:
    """Where one kind of record is searched: its rows, its text, the path to its meeting, its date."""

    kind: str
    model: type
    field: str
    meeting: str
    date: object
    related: tuple

    def rows(self, user, text, *, group=None, year=None, ranked=True):
        rows = self.model.objects.filter(readable_by(user, path=f"{self.meeting}__"))
        if self.model is Update:
            rows = rows.filter(withdrawn_at=None)
        rows = matching(rows, self.field, text)
        if group is not None:
            rows = rows.filter(**{f"{self.meeting}__group": group})
        # Ordered only as a whole: SQLite takes no ORDER BY in the parts of a UNION.
        rows = rows.order_by().annotate(found_kind=Value(self.kind), found_pk=F("pk"), found_on=self.date)
        if year is not None:
            rows = rows.filter(found_on__gte=datetime.date(year, 1, 1), found_on__lte=datetime.date(year, 12, 31))
        if not ranked:
            return rows.values("found_kind", "found_pk")
        score = rank(text) if full_text(rows.db) else Value(0.0, output_field=FloatField())
        return rows.annotate(found_rank=score).values("found_kind", "found_pk", "found_rank", "found_on")

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
    url = f"{reverse('actions:action', args=[action.pk])}#update-{record.pk}"
    return Result(kind, f"Update on {action.reference}", url, action.meeting.group, record.happened_on, snippet)


class Search:
    """What a user finds for some text, with the filters chosen, as pages of results.

    ``kinds`` is a key of ``KINDS``, or None for everything.
    """

    def __init__(self, user, text, *, group=None, year=None, kind=None):
        self.user, self.text, self.group, self.year = user, text, group, year
        self.sources = [SOURCES[name] for name in (KINDS[kind][1] if kind else SOURCES)]

    def _union(self, ranked):
        queries = [
            source.rows(self.user, self.text, group=self.group, year=self.year, ranked=ranked)
            for source in self.sources
        ]
        return queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]

    @cached_property
    def count(self):
        """How many things are found, counted up to one more than ``MOST_RESULTS``."""
        return self._union(ranked=False)[: MOST_RESULTS + 1].count()

    @property
    def more_than_shown(self):
        return self.count > MOST_RESULTS

    @property
    def most_results(self):
        return MOST_RESULTS

    def rows(self):
        """The kind and pk of each thing found, best first."""
        return self._union(ranked=True).order_by("-found_rank", "-found_on", "-found_pk", "found_kind")

    def page(self, number, per_page):
        """The page of results asked for (the last, if past it), its results in ``page.results``."""
        page = ResultsPaginator(self.rows(), per_page, count=min(self.count, MOST_RESULTS)).get_page(number)
        found = list(page.object_list)
        pks = {}
        for row in found:
            pks.setdefault(row["found_kind"], []).append(row["found_pk"])
        records = {kind: SOURCES[kind].load(kind_pks, self.text) for kind, kind_pks in pks.items()}
        page.results = [
            _result(row["found_kind"], records[row["found_kind"]][row["found_pk"]], self.text)
            for row in found
            if row["found_pk"] in records[row["found_kind"]]
        ]
        return page


class ResultsPaginator(Paginator):
    """A paginator told its count, counted once by the search without ranking."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count
