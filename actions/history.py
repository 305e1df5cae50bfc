"""An action's history in words, and the sources a meeting's history takes its actions from."""

from actions.models import Action, ActionOwner, Update
from meetings.changes import Change, RecordNames, history_of, newest_first


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


def withdrawal_changes(updates):
    """The withdrawals of these updates, with who withdrew each and why. An update is a record, never
    changed but for its withdrawal, which is kept on it: it is its history."""
    updates = updates.exclude(withdrawn_at=None).select_related("withdrawn_by", "reported_at", "action__meeting__group")
    return [
        Change(
            when=update.withdrawn_at,
            who=update.withdrawn_by,
            kind="Withdrawn",
            what=update.description,
            reason=update.withdrawal_reason,
        )
        for update in updates
    ]


def action_changes(action):
    """Every change to an action and its owners, and every update withdrawn, newest first; its
    updates themselves are on its timeline."""
    names = RecordNames()
    sources = [
        (Action.history.filter(id=action.pk), "Action", lambda record: action.reference),
        (ActionOwner.history.filter(action_id=action.pk), "Owner", describe_owner(names)),
    ]
    return newest_first([history_of(sources, names), withdrawal_changes(Update.objects.filter(action=action))])
