"""A record's history in words: who changed what, when, from what to what.

Reads django-simple-history's records. Each change is a record compared with the one before it
for the same object; related records are named, not numbered.
"""

import datetime
from dataclasses import dataclass, field

from actions.models import Action, ActionOwner
from meetings.models import AgendaItem, Apology, Attendee, Meeting, Paragraph

HIDDEN_FIELDS = {"version", "position", "history_change_reason"}
KINDS = {"+": "Added", "~": "Changed", "-": "Removed"}
MOVED = "Moved"


@dataclass
class Change:
    when: object
    who: object
    kind: str
    what: str
    reason: str = ""
    fields: list = field(default_factory=list)


class Namer:
    """Names related records for display, looking each one up once."""

    def __init__(self):
        self.names = {}

    def __call__(self, model_field, value):
        if model_field.choices and value in dict(model_field.flatchoices):
            # Checked before emptiness: an empty string can be a choice with a label ("Member").
            return str(dict(model_field.flatchoices)[value])
        if value in (None, ""):
            return "(none)"
        if model_field.is_relation:
            key = (model_field.related_model, value)
            if key not in self.names:
                related = model_field.related_model._base_manager.filter(pk=value).first()
                self.names[key] = str(related) if related else f"(removed {model_field.verbose_name})"
            return self.names[key]
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime.date):
            return f"{value:%-d %B %Y}"
        if isinstance(value, datetime.time):
            return f"{value:%H:%M}"
        return str(value)


def changes_of(records, label, describe, namer):
    """Turn one model's historical records into changes, comparing each with its predecessor."""
    changes, previous = [], {}
    for record in sorted(records.select_related("history_user"), key=lambda r: (r.history_date, r.history_id)):
        model = record.instance_type
        before = previous.get(record.id)
        change = Change(
            when=record.history_date,
            who=record.history_user,
            kind=KINDS[record.history_type],
            what=f"{label}: {describe(record)}",
            reason=record.history_change_reason or "",
        )
        if before is not None and record.history_type == "~":
            for difference in differences(record, before):
                model_field = model._meta.get_field(difference.field)
                change.fields.append(
                    (
                        model_field.verbose_name.capitalize(),
                        namer(model_field, difference.old),
                        namer(model_field, difference.new),
                    )
                )
            if not change.fields and moved(record, before):
                # A move changes only the order, which is no field a person reads; say it moved.
                change.kind = MOVED
        previous[record.id] = record
        if change.kind != "Changed" or change.fields:
            changes.append(change)
    return changes


def differences(record, before):
    """The fields a person reads that changed between two records, in the model's order (not by name)."""
    order = [model_field.name for model_field in record.instance_type._meta.fields]
    delta = record.diff_against(before, excluded_fields=HIDDEN_FIELDS)
    return sorted(delta.changes, key=lambda difference: order.index(difference.field))


def moved(record, before):
    return getattr(record, "position", None) != getattr(before, "position", None)


def named(namer, model, field_name):
    model_field = model._meta.get_field(field_name)
    return lambda record: namer(model_field, getattr(record, f"{field_name}_id"))


def owner(namer):
    """An owning department as the minutes give it: "MOJ (lead)"."""
    department = named(namer, ActionOwner, "department")
    return lambda record: f"{department(record)}{' (lead)' if record.is_lead else ''}"


def meeting_changes(meeting):
    """Every change to a meeting, its register, agenda items, paragraphs, actions and owners, newest first."""
    namer = Namer()
    department = named(namer, Attendee, "department")
    person = named(namer, Attendee, "person")
    item_ids = set(AgendaItem.history.filter(meeting_id=meeting.pk).values_list("id", flat=True))
    action_ids = set(Action.history.filter(meeting_id=meeting.pk).values_list("id", flat=True))
    sources = [
        (Meeting.history.filter(id=meeting.pk), "Meeting", lambda record: f"{record.date:%-d %B %Y}"),
        (
            Attendee.history.filter(meeting_id=meeting.pk),
            "Attendee",
            lambda record: f"{department(record)} – {person(record) if record.person_id else 'Official'}",
        ),
        (Apology.history.filter(meeting_id=meeting.pk), "Apology", lambda r: f"{department(r)} – {person(r)}"),
        (AgendaItem.history.filter(meeting_id=meeting.pk), "Agenda item", lambda r: f"{r.number}. {r.title}"),
        (Paragraph.history.filter(agenda_item_id__in=item_ids), "Paragraph", lambda r: f"{r.number} {r.text[:60]}"),
        (Action.history.filter(meeting_id=meeting.pk), "Action", lambda record: f"A{record.number} {record.text[:60]}"),
        (
            ActionOwner.history.filter(action_id__in=action_ids),
            "Action owner",
            owner(namer),
        ),
    ]
    return newest_first(changes_of(records, label, describe, namer) for records, label, describe in sources)


def action_changes(action):
    """Every change to an action and its owners, newest first; its updates have their own timeline."""
    namer = Namer()
    sources = [
        (Action.history.filter(id=action.pk), "Action", lambda record: f"{action.reference}"),
        (ActionOwner.history.filter(action_id=action.pk), "Owner", owner(namer)),
    ]
    return newest_first(changes_of(records, label, describe, namer) for records, label, describe in sources)


def newest_first(change_lists):
    return sorted((change for changes in change_lists for change in changes), key=lambda c: c.when, reverse=True)


def changes_since(instance, version, labels=None):
    """What others changed in a record since the version a person opened: [(field, before, after)].

    ``labels`` names fields as the person's form does ({"person": "Name"}); others take the model's names.
    """
    labels = labels or {}
    then = instance.history.filter(version=version).order_by("-history_id").first()
    now = instance.history.order_by("-history_id").first()
    if then is None or now is None:
        return []
    namer = Namer()
    model = type(instance)
    return [
        (
            labels.get(difference.field) or model._meta.get_field(difference.field).verbose_name.capitalize(),
            namer(model._meta.get_field(difference.field), difference.old),
            namer(model._meta.get_field(difference.field), difference.new),
        )
        for difference in differences(now, then)
    ]
