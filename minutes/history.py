"""A meeting's history: its own changes and those of the actions it raised."""

from actions.history import action_sources, withdrawal_changes
from actions.models import Action, Update
from meetings.changes import RecordNames, history_of, newest_first
from meetings.history import correction_changes, meeting_sources

MEETING_CHANGE_SOURCES = []
"""Functions giving more changes of a meeting for its history, each ``source(meeting) -> [Change]``: apps
above this one register theirs (the email app, its circulations of the minutes)."""


def meeting_changes(meeting):
    """Every change to a meeting, its register, agenda items, paragraphs, actions and owners, every
    correction recorded on it and every update given at it then withdrawn, newest first."""
    names = RecordNames()
    action_ids = set(Action.history.filter(meeting_id=meeting.pk).values_list("id", flat=True))
    changes = history_of([*meeting_sources(meeting, names), *action_sources(action_ids, names)], names)
    withdrawn = withdrawal_changes(Update.objects.filter(reported_at=meeting))
    more = [source(meeting) for source in MEETING_CHANGE_SOURCES]
    return newest_first([changes, correction_changes(meeting), withdrawn, *more])
