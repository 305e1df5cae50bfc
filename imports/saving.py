"""Make the draft meeting an import describes, all of it or nothing."""

import datetime

from django.db import transaction

from actions.models import Action, Status
from meetings.models import Department, Meeting, Person

DONE_SINCE = "Done, as later minutes record: marked so when these minutes were imported."


class Problems(Exception):
    """What must be put right in the source before the meeting can be made (one message each)."""

    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


def problems_of(minutes):
    """What would stop the meeting being saved: repeated numbers, texts over the limits."""
    messages = []
    numbers = [item.number for item in minutes.items]
    for number in sorted({number for number in numbers if numbers.count(number) > 1}):
        messages.append(f"Item {number} appears more than once: change one of the numbers in the source text")
    for item in minutes.items:
        if len(item.title) > 300:
            messages.append(f"The title of item {item.number} must be 300 characters or less")
        labels = [paragraph.number for paragraph in item.paragraphs if paragraph.number]
        for label in sorted({label for label in labels if labels.count(label) > 1}):
            messages.append(f"Paragraph {label} appears more than once in item {item.number}")
        for paragraph in item.paragraphs:
            if len(paragraph.text) > 10_000:
                messages.append(f"A paragraph of item {item.number} must be 10,000 characters or less")
            if len(paragraph.number) > 20:
                messages.append(f"Paragraph number “{paragraph.number[:30]}” must be 20 characters or less")
        for action in item.actions:
            if len(action.text) > 2_000:
                messages.append(f"An action of item {item.number} must be 2,000 characters or less")
    for name in {owner for action in minutes.actions for owner in action.owners} | {
        row.department for row in [*minutes.attendees, *minutes.apologies]
    }:
        if len(name) > 60:
            messages.append(f"The department name “{name[:60]}…” must be 60 characters or less")
    for row in minutes.apologies:
        if not row.person:
            messages.append(f"An apology from {row.department} names no one: add the name in the source text")
    return messages


def imported_reason(record):
    """The history's note on the new meeting: "Imported from minutes.docx" (the field holds 100 characters)."""
    return f"Imported from {record.source_name}"[:100]


@transaction.atomic
def create_meeting(record, minutes, *, details, user, closed_actions=(), owners=None):
    """The draft meeting, with its register, items, paragraphs and actions, from what was reviewed.

    ``details`` are the meeting's own fields (date, times, place, next meeting) as confirmed;
    ``closed_actions`` the positions (in ``minutes.actions``) of actions later minutes show are done;
    ``owners``, if given, the owners confirmed for each action (lead first) in place of those read.
    """
    reason = imported_reason(record)
    meeting = Meeting(group=record.group, **details)
    meeting._change_reason = reason
    meeting.save()
    departments, people = {}, {}

    def department(name):
        if name not in departments:
            departments[name] = Department.objects.resolve(name)
        return departments[name]

    def person(name):
        if not name:
            return None
        if name not in people:
            people[name] = Person.objects.resolve(name)
        return people[name]

    for position, row in enumerate(minutes.attendees, start=1):
        attendee = meeting.attendees.model(
            meeting=meeting,
            department=department(row.department),
            person=person(row.person),
            deputising_for=person(row.deputising_for),
            role=row.role,
            remote=row.remote,
            position=position,
        )
        attendee._change_reason = reason
        attendee.save()
    for position, row in enumerate(minutes.apologies, start=1):
        apology = meeting.apologies.model(
            meeting=meeting, department=department(row.department), person=person(row.person), position=position
        )
        apology._change_reason = reason
        apology.save()
    action_index = 0
    closing = []
    for position, entry in enumerate(minutes.items, start=1):
        item = meeting.agenda_items.model(meeting=meeting, number=entry.number, title=entry.title, position=position)
        item._change_reason = reason
        item.save()
        for paragraph_position, paragraph in enumerate(entry.paragraphs, start=1):
            saved = item.paragraphs.model(
                agenda_item=item, number=paragraph.number, text=paragraph.text, position=paragraph_position
            )
            saved._change_reason = reason
            saved.save()
        for action_position, recorded in enumerate(entry.actions, start=1):
            action = Action(
                agenda_item=item,
                text=recorded.text,
                due_at_next_meeting=recorded.due_at_next_meeting,
                due_date=datetime.date.fromisoformat(recorded.due_date) if recorded.due_date else None,
                position=action_position,
            )
            if action.due_date and action.due_date < meeting.date:
                action.due_date = None
            action._change_reason = reason
            action.save()
            if owners is not None and action_index < len(owners):
                names, lead_name = owners[action_index], owners[action_index][:1]
            else:
                names = recorded.owners
                lead_name = [recorded.lead] if recorded.lead in recorded.owners else names[:1]
            departments_owning = [department(name) for name in dict.fromkeys(names)]
            if departments_owning:
                action.set_owners(departments_owning, lead=department(lead_name[0]))
            if action_index in closed_actions:
                closing.append(action)
            action_index += 1
    for action in closing:
        action.record_update(
            author=user,
            text="Done, as later minutes record: marked when these minutes were imported.",
            status=Status.DONE,
        )
    record.meeting = meeting
    record.status = record.Status.CONFIRMED
    record._change_reason = f"Confirmed as the meeting of {meeting.date:%-d %B %Y}"
    record.save()
    return meeting
