"""Attendance at a glance: for each member department and meeting, whether its minister (or another
named representative) attended, an official deputised, apologies were sent, or no one came; with the
totals per department over a period.

Everything is read in a fixed number of queries: the meetings the user may read, their register and
apologies as ids, and the members.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from meetings.models import Apology, Attendee, Meeting
from members.models import Membership

ATTENDED, DEPUTISED, APOLOGIES, NO_ONE, NOT_A_MEMBER = "attended", "deputised", "apologies", "no-one", ""

OUTCOMES = [
    (ATTENDED, "Attended"),
    (DEPUTISED, "Official deputised"),
    (APOLOGIES, "Apologies"),
    (NO_ONE, "No one came"),
]
LABELS = dict(OUTCOMES)


@dataclass
class DepartmentAttendance:
    membership: Membership
    cells: list = field(default_factory=list)
    """One outcome per meeting, in the meetings' order ("" where it was not a member then)."""

    @property
    def totals(self):
        return [(outcome, label, self.cells.count(outcome)) for outcome, label in OUTCOMES]

    @property
    def labelled_cells(self):
        """Each meeting's outcome with the words the table shows for it."""
        return [(cell, LABELS.get(cell, "")) for cell in self.cells]

    @property
    def meetings_as_member(self):
        return sum(1 for cell in self.cells if cell != NOT_A_MEMBER)


def outcome(department_id, attendees, apologised):
    """What the register says of one department at one meeting."""
    rows = attendees.get(department_id, [])
    if any(person_id and not deputising_id for person_id, deputising_id in rows):
        return ATTENDED
    if rows:
        return DEPUTISED
    if department_id in apologised:
        return APOLOGIES
    return NO_ONE


def attendance(group, user, start=None, end=None):
    """The group's meetings held in the period that the user may read, and each member's attendance."""
    meetings = Meeting.objects.visible_to(user).filter(group=group, date__lte=timezone.localdate())
    if start:
        meetings = meetings.filter(date__gte=start)
    if end:
        meetings = meetings.filter(date__lte=end)
    meetings = list(meetings.order_by("date", "start_time").only("date", "group_id", "status"))
    ids = [meeting.pk for meeting in meetings]
    attendees, apologised = {}, {}
    register = Attendee.objects.filter(meeting__in=ids)
    for meeting_id, department_id, person_id, deputising_id in register.values_list(
        "meeting_id", "department_id", "person_id", "deputising_for_id"
    ):
        attendees.setdefault(meeting_id, {}).setdefault(department_id, []).append((person_id, deputising_id))
    for meeting_id, department_id in Apology.objects.filter(meeting__in=ids).values_list("meeting_id", "department_id"):
        apologised.setdefault(meeting_id, set()).add(department_id)
    rows = []
    for membership in Membership.objects.of(group).select_related("department"):
        row = DepartmentAttendance(membership)
        for meeting in meetings:
            if membership.is_current_on(meeting.date):
                row.cells.append(
                    outcome(membership.department_id, attendees.get(meeting.pk, {}), apologised.get(meeting.pk, set()))
                )
            else:
                row.cells.append(NOT_A_MEMBER)
        if row.meetings_as_member:
            rows.append(row)
    return meetings, rows


BAR_HEIGHT, ROW_GAP, LABEL_WIDTH, CHART_WIDTH = 24, 14, 160, 440
PATTERNS = {ATTENDED: "solid", DEPUTISED: "stripes", APOLOGIES: "dots", NO_ONE: "empty"}


def chart(rows):
    """The bars of the chart: per department, a segment per outcome, as wide as its share of meetings.

    Each segment carries its pattern (readable without colour) and its count as a label.
    """
    bars = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + ROW_GAP) + 30
        x, segments = LABEL_WIDTH, []
        total = row.meetings_as_member
        for outcome_key, label, count in row.totals:
            if not count:
                continue
            width = CHART_WIDTH * count / total
            segments.append(
                {
                    "x": round(x, 1),
                    "width": round(width, 1),
                    "pattern": PATTERNS[outcome_key],
                    "count": count,
                    "label": label,
                    "text_x": round(x + width / 2, 1),
                    "dark": outcome_key == ATTENDED,
                }
            )
            x += width
        bars.append(
            {"y": y, "text_y": y + BAR_HEIGHT / 2 + 5, "department": row.membership.department, "segments": segments}
        )
    height = len(rows) * (BAR_HEIGHT + ROW_GAP) + 40
    return {"bars": bars, "height": height, "width": LABEL_WIDTH + CHART_WIDTH + 20, "bar_height": BAR_HEIGHT}
