"""What a meeting's minutes hold, fetched up front for the pages that show them."""

from django.db import models

from actions.models import Action
from meetings.models import AgendaItem, Apology, Attendee, Meeting


def with_minutes(meetings=None):
    """The meetings with their register, agenda items, paragraphs and actions, in a fixed number of queries."""
    meetings = Meeting.objects.all() if meetings is None else meetings
    return meetings.select_related("group", "approved_at").prefetch_related(
        "corrections",
        models.Prefetch("attendees", Attendee.objects.select_related("department", "person", "deputising_for")),
        models.Prefetch("apologies", Apology.objects.select_related("department", "person")),
        models.Prefetch(
            "agenda_items",
            AgendaItem.objects.prefetch_related(
                "paragraphs",
                models.Prefetch(
                    "actions",
                    Action.objects.with_owners()
                    .select_related("meeting__group")
                    .annotate(update_count=models.Count("updates"))
                    .order_by(*Action._meta.ordering),
                ),
            ),
        ),
    )
