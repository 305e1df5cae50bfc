"""Which minutes the public may read, and the addresses they are read at.

The public is a signed-out visitor: ``Meeting.objects.visible_to(AnonymousUser())`` is the one rule
(published minutes only), applied here and nowhere redefined.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from meetings.models import Correction, Meeting


def published_minutes():
    """The meetings whose minutes anyone may read, signed in or not."""
    return Meeting.objects.visible_to(AnonymousUser())


def with_addresses(meetings):
    """Annotate ``same_day_before``: the group's meetings held earlier the same day, which ``address`` needs.

    Counted over all of the group's meetings, so a meeting's address never changes when another is published.
    """
    before = (
        Meeting.objects.filter(group=OuterRef("group"), date=OuterRef("date"), pk__lt=OuterRef("pk"))
        .order_by()
        .values("group")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return meetings.annotate(same_day_before=Coalesce(Subquery(before), 0))


def day_key(meeting):
    """The meeting's part of its address: its date, with "-2" for the group's second meeting that day."""
    count = meeting.same_day_before
    return f"{meeting.date:%Y-%m-%d}" + (f"-{count + 1}" if count else "")


def address(meeting):
    """The public page of the meeting's minutes; the meeting comes from ``with_addresses``."""
    return reverse("publication:minutes", args=[meeting.group.slug, day_key(meeting)])


def parse_day_key(key):
    """The date and the meeting's place among the group's meetings that day, from its address; else 404."""
    day, _, sequence = key[:10], key[10:11], key[11:]
    try:
        return datetime.date.fromisoformat(day), int(sequence) - 1 if sequence else 0
    except ValueError:
        raise Http404("No such date") from None


def published_pk(slug, key):
    """The pk of the published minutes at this address, or None."""
    date, index = parse_day_key(key)
    same_day = list(Meeting.objects.filter(group__slug=slug, date=date).order_by("pk").values_list("pk", flat=True))
    if index >= len(same_day) or not published_minutes().filter(pk=same_day[index]).exists():
        return None
    return same_day[index]


@dataclass(frozen=True)
class Freshness:
    """What a public page shows can change only by a publication or a correction: its validators say which."""

    etag: str
    last_modified: datetime.datetime


def freshness(meetings, *extra):
    """The validators of a public page that shows these published meetings (and ``extra``, such as a name).

    None when there are none, and the page is a 404.
    """
    shown = meetings.aggregate(count=Count("pk"), versions=Sum("version"), published=Max("published_at"))
    if not shown["count"]:
        return None
    corrected = Correction.objects.filter(meeting__in=meetings.values("pk")).aggregate(
        count=Count("pk"), latest=Max("made_at")
    )
    moments = [moment for moment in (shown["published"], corrected["latest"]) if moment]
    last_modified = max(moments) if moments else datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    parts = [shown["count"], shown["versions"], corrected["count"], int(last_modified.timestamp()), *extra]
    etag = hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return Freshness(etag=etag, last_modified=last_modified)


def updates_after_publication(meeting):
    """The corrections made since the minutes were published, oldest first, as the page lists its updates.

    Uses the corrections fetched with the meeting.
    """
    corrections = list(meeting.corrections.all())
    if meeting.published_at is None:
        return []
    return [correction for correction in corrections if correction.made_at > meeting.published_at]


CORRECTED_PARTS = {
    "Attendee": "the register",
    "Apology": "the apologies",
    "Meeting": "the meeting details",
    "Agenda item": "an agenda item",
    "Paragraph": "a paragraph",
    "Action": "an action",
}


def correction_summary(correction):
    """What a correction changed, in the words of the page's updates: "correction to the register"."""
    kind = correction.what.partition(":")[0].strip()
    return f"correction to {CORRECTED_PARTS.get(kind, 'the minutes')}"
