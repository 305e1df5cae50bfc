"""What a meeting's minutes hold, fetched up front for the pages that show them."""

from django.db import models

from actions.models import Action, as_arising
from govuk.pagination import BothEndsPaginator
from meetings.models import AgendaItem, Apology, Attendee, Meeting


def with_minutes(meetings=None, *, update_counts=True):
    """The meetings with their register, agenda items, paragraphs and actions, in a fixed number of queries.

    With ``update_counts``, each action counts its updates (``update_count``), which ``has_updates`` reads
    to offer removing or dropping it on the recording page; the pages that only show the minutes leave
    that join out.
    """
    meetings = Meeting.objects.all() if meetings is None else meetings
    actions = Action.objects.with_owners().select_related("meeting__group").order_by(*Action._meta.ordering)
    if update_counts:
        actions = actions.annotate(update_count=models.Count("updates"))
    return meetings.select_related("group", "approved_at").prefetch_related(
        "corrections",
        models.Prefetch("attendees", Attendee.objects.select_related("department", "person", "deputising_for")),
        models.Prefetch("apologies", Apology.objects.select_related("department", "person")),
        models.Prefetch(
            "agenda_items",
            AgendaItem.objects.prefetch_related(
                "paragraphs",
                models.Prefetch("actions", actions),
            ),
        ),
    )


MINUTED_ARISING_PAGE = 50
"""Matters arising shown a page at a time on the minutes page; the documents hold them all."""


def reviewed_page(meeting, number):
    """A page of the matters arising as minuted (those reviewed at the meeting), in reference order."""
    reviewed = Action.objects.matters_arising(meeting).reviewed(meeting)
    page = BothEndsPaginator(reviewed.as_minuted(), MINUTED_ARISING_PAGE).get_page(number)
    page.object_list = as_arising(page.object_list, meeting)
    return page
