"""The rows proposed to start a meeting's register: from the group's members (each with its usual
representative on the meeting's date), or from the last meeting's register."""

from dataclasses import dataclass

from meetings.models import Department, Meeting, Person
from members.models import Membership


@dataclass(frozen=True)
class ProposedRow:
    department: Department
    person: Person | None = None
    deputising_for: Person | None = None
    role: str = ""
    remote: bool = False

    @property
    def key(self):
        """What the row's checkbox posts: the ids of what it would add."""
        return ":".join(
            str(part)
            for part in (
                self.department.pk,
                self.person.pk if self.person else "",
                self.deputising_for.pk if self.deputising_for else "",
                self.role,
                int(self.remote),
            )
        )

    @property
    def who(self):
        name = self.person.name if self.person else "Official"
        return f"{name} (for {self.deputising_for.name})" if self.deputising_for else name

    def is_in(self, meeting):
        person_id = self.person.pk if self.person else None
        return any(
            attendee.department_id == self.department.pk and attendee.person_id == person_id
            for attendee in meeting.attendees.all()
        )


def last_meeting(meeting):
    """The group's meeting before this one that has a register."""
    return (
        Meeting.objects.filter(group=meeting.group_id, date__lt=meeting.date, attendees__isnull=False)
        .order_by("-date")
        .first()
    )


def from_members(meeting):
    memberships = (
        Membership.objects.of(meeting.group)
        .current_on(meeting.date)
        .with_representative_on(meeting.date)
        .select_related("department")
    )
    people = Person.objects.in_bulk([m.representative_id for m in memberships if m.representative_id])
    return [ProposedRow(m.department, people.get(m.representative_id)) for m in memberships]


def from_last_meeting(meeting):
    last = last_meeting(meeting)
    if last is None:
        return []
    attendees = last.attendees.select_related("department", "person", "deputising_for")
    return [
        ProposedRow(attendee.department, attendee.person, attendee.deputising_for, attendee.role, attendee.remote)
        for attendee in attendees
    ]


SOURCES = {"members": from_members, "last-meeting": from_last_meeting}


def register_sources(meeting):
    """What the recording page offers to start the register from: [(source, label)]."""
    offered = []
    if Membership.objects.of(meeting.group).current_on(meeting.date).exists():
        offered.append(("members", f"the {meeting.group.short_name} members"))
    last = last_meeting(meeting)
    if last is not None:
        offered.append(("last-meeting", f"the register of {last.date:%-d %B %Y}"))
    return offered
