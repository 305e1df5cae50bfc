"""Finding words in the text of minutes and actions, on either database.

On PostgreSQL, each searchable table carries a ``search_vector`` column (English full-text search),
kept by a trigger and GIN-indexed (the migrations ``meetings.0004`` and ``actions.0005`` add them there
only); a search is ``websearch_to_tsquery``, so whatever a person types is read, never refused. On
SQLite, which has neither, a search is a case-insensitive contains of every word typed.
"""

import html
import re

from django.db import connections
from django.db.models import Case, Expression, Q, When
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.safestring import mark_safe

CONFIG = "english"
WHOLE = 300
"""The longest text a snippet shows whole; longer ones are shown by the words around what matched."""
MAX_WORDS = 8
"""The words a contains search looks for, at most: each one more is another scan of the text."""

# What ts_headline puts around a match: characters that typed text is unlikely to hold, turned into
# <mark> only after the text around them has been escaped.
START, STOP = "\ue000", "\ue001"
MARKED = re.compile(f"{START}(.*?){STOP}", flags=re.S)


def full_text(using="default"):
    """Whether the database searches by full text (PostgreSQL) rather than by contains (SQLite)."""
    return connections[using].vendor == "postgresql"


def words(text):
    """The words of a contains search: each as typed (without quotes), in order, once, at most ``MAX_WORDS``."""
    seen = []
    for word in (word.strip('"') for word in text.split()):
        if word and word.lower() not in (other.lower() for other in seen):
            seen.append(word)
    return seen[:MAX_WORDS]


class StoredVector(Expression):
    """The ``search_vector`` column the PostgreSQL migrations keep on the table being queried."""

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_vector", []


def text_query(text):
    """The full-text query for what a person typed: words, "quoted phrases", -excluded, or."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(text, config=CONFIG, search_type="websearch")


def matching(queryset, field, text):
    """The rows of ``queryset`` whose ``field`` holds the text typed: all of them for a blank."""
    if not text.strip():
        return queryset
    if full_text(queryset.db):
        return queryset.alias(search_vector=StoredVector()).filter(search_vector=text_query(text))
    condition = Q()
    for word in words(text):
        condition &= Q(**{f"{field}__icontains": word})
    return queryset.filter(condition)


def rank(text):
    """How well a row matches, for ordering full-text results: best first."""
    from django.contrib.postgres.search import SearchRank

    # Normalised by the length of the text (1 + its log), so a title is not outranked by every long paragraph.
    return SearchRank(StoredVector(), text_query(text), normalization=1)


def headline(field, text, whole=False):
    """The PostgreSQL snippet of ``field`` around what matched, to show with ``marked_headline``.

    A text up to ``WHOLE`` characters long (or any, with ``whole``) is shown whole; a longer one by
    the fragments around its matches.
    """
    from django.contrib.postgres.search import SearchHeadline

    def snippet(**options):
        return SearchHeadline(
            field, text_query(text), config=CONFIG, start_sel=START, stop_sel=STOP, fragment_delimiter=" … ", **options
        )

    entire = snippet(highlight_all=True)
    if whole:
        return entire
    return Case(
        When(LessThanOrEqual(Length(field), WHOLE), then=entire),
        default=snippet(max_words=30, min_words=15, max_fragments=2),
    )


def marked_headline(snippet):
    """The snippet ts_headline made, escaped, with each match in <mark>."""
    escaped = html.escape(snippet.replace("\n", " "), quote=False)
    return mark_safe(MARKED.sub(r"<mark>\1</mark>", escaped).replace(START, "").replace(STOP, ""))  # noqa: S308


def marked_excerpt(text, typed, length=240):
    """An excerpt of ``text`` around the first of the words typed, escaped, with each match in <mark>.

    For SQLite, which has no ts_headline: the whole text when it is short, else ``length`` characters
    starting a little before the first match, cut at spaces.
    """
    found = words(typed)
    text = " ".join(text.split())
    if not found:
        return mark_safe(html.escape(text[:length], quote=False))  # noqa: S308
    pattern = re.compile("|".join(re.escape(word) for word in sorted(found, key=len, reverse=True)), re.I)
    excerpt, before, after = text, "", ""
    if len(text) > length:
        first = pattern.search(text)
        start = max(0, (first.start() if first else 0) - length // 4)
        if start:
            start = text.find(" ", start) + 1 or start
            before = "… "
        end = min(len(text), start + length)
        if end < len(text):
            end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
            after = " …"
        excerpt = text[start:end]
    pieces, last = [], 0
    for match in pattern.finditer(excerpt):
        pieces.append(html.escape(excerpt[last : match.start()], quote=False))
        pieces.append(f"<mark>{html.escape(match.group(), quote=False)}</mark>")
        last = match.end()
    pieces.append(html.escape(excerpt[last:], quote=False))
    return mark_safe(before + "".join(pieces) + after)  # noqa: S308
