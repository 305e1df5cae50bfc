"""An action's history in words, and the sources a meeting's history takes its actions from."""

from actions.models import Action, ActionOwner
from meetings.changes import RecordNames, history_of


def describe_owner(names):
    """An owning department as the minutes give it: "MOJ (lead)"."""
    department = names.related(ActionOwner, "department")
    return lambda record: f"{department(record)}{' (lead)' if record.is_lead else ''}"


def action_sources(action_ids, names):
    """The history rows of these actions and of their owners, as a meeting's history names them."""
    return [
        (Action.history.filter(id__in=action_ids), "Action", lambda record: f"A{record.number} {record.text[:60]}"),
        (ActionOwner.history.filter(action_id__in=action_ids), "Action owner", describe_owner(names)),
    ]


def action_changes(action):
    """Every change to an action and its owners, newest first; its updates have their own timeline."""
    names = RecordNames()
    sources = [
        (Action.history.filter(id=action.pk), "Action", lambda record: action.reference),
        (ActionOwner.history.filter(action_id=action.pk), "Owner", describe_owner(names)),
    ]
    return history_of(sources, names)
