"""A meeting's own history: the meeting, its register, agenda items, paragraphs and papers."""

from meetings.changes import Change
from meetings.models import AgendaItem, Apology, Attendee, Meeting, Paper, Paragraph


def meeting_sources(meeting, names):
    """The history rows of a meeting, its register, agenda items and paragraphs, with how to name each."""
    department = names.related(Attendee, "department")
    person = names.related(Attendee, "person")
    item_ids = set(AgendaItem.history.filter(meeting_id=meeting.pk).values_list("id", flat=True))
    return [
        (Meeting.history.filter(id=meeting.pk), "Meeting", lambda record: f"{record.date:%-d %B %Y}"),
        (
            Attendee.history.filter(meeting_id=meeting.pk),
            "Attendee",
            lambda record: f"{department(record)} – {person(record) if record.person_id else 'Official'}",
        ),
        (Apology.history.filter(meeting_id=meeting.pk), "Apology", lambda r: f"{department(r)} – {person(r)}"),
        (AgendaItem.history.filter(meeting_id=meeting.pk), "Agenda item", lambda r: f"{r.number}. {r.title}"),
        (Paragraph.history.filter(agenda_item_id__in=item_ids), "Paragraph", lambda r: f"{r.number} {r.text[:60]}"),
        (Paper.history.filter(agenda_item_id__in=item_ids), "Paper", lambda record: record.title),
    ]


def correction_changes(meeting):
    """The corrections recorded on the minutes once approved, as changes in their history.

    A correction can change what the minutes show from another record (a person or department
    renamed), whose own history is not the meeting's: its correction is the trace here.
    """
    return [
        Change(
            when=correction.made_at,
            who=correction.made_by,
            kind="Correction recorded:",
            what=correction.what,
            reason=correction.reason,
        )
        for correction in meeting.corrections.select_related("made_by")
    ]
