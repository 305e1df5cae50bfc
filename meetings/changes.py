"""A record's history in words: who changed what, when, from what to what.

Reads django-simple-history's records. Each change is a record compared with the one before it
for the same object; related records are named, not numbered, each model's names fetched in one
query for the whole page.
"""

import datetime
from dataclasses import dataclass, field

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


class RecordNames:
    """Writes field values as a person reads them, naming related records.

    ``fetch()`` looks up every record the given history rows point to, one query per model, so
    naming them afterwards costs nothing.
    """

    def __init__(self):
        self.names = {}

    def fetch(self, records):
        wanted = {}
        for record in records:
            for model_field in record.instance_type._meta.concrete_fields:
                value = getattr(record, model_field.attname, None)
                if model_field.is_relation and value is not None:
                    wanted.setdefault(model_field.related_model, set()).add(value)
        for model, pks in wanted.items():
            pks = {pk for pk in pks if (model, pk) not in self.names}
            if pks:
                # Names often read the records they belong to (an action's reference, its meeting's group).
                found = model._base_manager.select_related().in_bulk(pks)
                self.names.update({(model, pk): str(found[pk]) if pk in found else None for pk in pks})
        return records

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
                self.names[key] = str(related) if related else None
            return self.names[key] or f"(removed {model_field.verbose_name})"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime.date):
            return f"{value:%-d %B %Y}"
        if isinstance(value, datetime.time):
            return f"{value:%H:%M}"
        return str(value)

    def related(self, model, field_name):
        """A describer that names the record a history row's ``field_name`` points to."""
        model_field = model._meta.get_field(field_name)
        return lambda record: self(model_field, getattr(record, model_field.attname))


def changes_of(records, label, describe, names):
    """Turn one model's historical records, oldest first, into changes, comparing each with its predecessor."""
    changes, previous = [], {}
    for record in records:
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
                        names(model_field, difference.old),
                        names(model_field, difference.new),
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


def newest_first(change_lists):
    return sorted((change for changes in change_lists for change in changes), key=lambda c: c.when, reverse=True)


def history_of(sources, names):
    """Every change that ``sources`` ([(history rows, label, describer)]) hold, newest first.

    The records every source points to are named together, one query per model for the whole page.
    """
    fetched = [
        (sorted(records.select_related("history_user"), key=lambda r: (r.history_date, r.history_id)), label, describe)
        for records, label, describe in sources
    ]
    names.fetch([record for records, _, _ in fetched for record in records])
    return newest_first(changes_of(records, label, describe, names) for records, label, describe in fetched)


def changes_since(instance, version, labels=None):
    """What others changed in a record since the version a person opened: [(field, before, after)].

    ``labels`` names fields as the person's form does ({"person": "Name"}); others take the model's names.
    """
    labels = labels or {}
    then = instance.history.filter(version=version).order_by("-history_id").first()
    now = instance.history.order_by("-history_id").first()
    if then is None or now is None:
        return []
    names = RecordNames()
    model = type(instance)
    return [
        (
            labels.get(difference.field) or model._meta.get_field(difference.field).verbose_name.capitalize(),
            names(model._meta.get_field(difference.field), difference.old),
            names(model._meta.get_field(difference.field), difference.new),
        )
        for difference in differences(now, then)
    ]
