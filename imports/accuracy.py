"""How much of a set of minutes the importer read right, field by field, against what was expected.

``expected`` is in the form of ``minutes.demo.MEETINGS`` (JSON lists in place of tuples will do), so
the demo data and the test documents' JSON files are measured the same way.
"""

from collections import Counter
from dataclasses import dataclass

FIELDS = ["date", "attendees", "apologies", "items", "paragraphs", "actions", "owners", "next_meeting"]


@dataclass
class Score:
    correct: int = 0
    expected: int = 0
    found: int = 0

    def add(self, other):
        self.correct += other.correct
        self.expected += other.expected
        self.found += other.found

    @property
    def percent(self):
        total = max(self.expected, self.found)
        return 100.0 if total == 0 else 100.0 * self.correct / total


def _score(expected, found):
    matched = Counter(expected) & Counter(found)
    return Score(sum(matched.values()), len(expected), len(found))


def _optional(value):
    return value or ""


def expected_rows(meeting):
    """The expected meeting as comparable rows, field by field."""
    items = meeting.get("agenda_items", [])
    next_date = meeting.get("next_meeting_date")
    return {
        "date": [str(meeting["date"])] if meeting.get("date") else [],
        "attendees": [
            (department, _optional(person), _optional(deputy), role or "", bool(remote))
            for department, person, deputy, role, remote in meeting.get("attendees", [])
        ],
        "apologies": [(department, person) for department, person in meeting.get("apologies", [])],
        "items": [(item["number"], item["title"]) for item in items],
        "paragraphs": [(item["number"], number, text) for item in items for number, text in item["paragraphs"]],
        "actions": [
            (item["number"], action["text"], bool(action.get("due_at_next_meeting")), str(action.get("due_date") or ""))
            for item in items
            for action in item["actions"]
        ],
        "owners": [
            (item["number"], action["text"], tuple(action["owners"]), action["lead"])
            for item in items
            for action in item["actions"]
        ],
        "next_meeting": [
            (
                str(next_date),
                _time(meeting.get("next_meeting_start_time")),
                _time(meeting.get("next_meeting_end_time")),
                meeting.get("next_meeting_place", ""),
            )
        ]
        if next_date
        else [],
    }


def _time(value):
    if not value:
        return ""
    return value.strftime("%H:%M") if hasattr(value, "strftime") else str(value)[:5]


def parsed_rows(minutes):
    """The parsed minutes as the same comparable rows."""
    return {
        "date": [minutes.date] if minutes.date else [],
        "attendees": [
            (row.department, row.person, row.deputising_for, row.role, row.remote) for row in minutes.attendees
        ],
        "apologies": [(row.department, row.person) for row in minutes.apologies],
        "items": [(item.number, item.title) for item in minutes.items],
        "paragraphs": [
            (item.number, paragraph.number, paragraph.text) for item in minutes.items for paragraph in item.paragraphs
        ],
        "actions": [
            (item.number, action.text, action.due_at_next_meeting, action.due_date)
            for item in minutes.items
            for action in item.actions
        ],
        "owners": [
            (item.number, action.text, tuple(action.owners), action.lead)
            for item in minutes.items
            for action in item.actions
        ],
        "next_meeting": [
            (
                minutes.next_meeting_date,
                minutes.next_meeting_start_time,
                minutes.next_meeting_end_time,
                minutes.next_meeting_place,
            )
        ]
        if minutes.next_meeting_date
        else [],
    }


def compare(minutes, expected):
    """{field: Score} for the parsed minutes against the expected meeting."""
    wanted, got = expected_rows(expected), parsed_rows(minutes)
    return {name: _score(wanted[name], got[name]) for name in FIELDS}


def differences(minutes, expected):
    """{field: (missing, unexpected)} for a test's failure message."""
    wanted, got = expected_rows(expected), parsed_rows(minutes)
    result = {}
    for name in FIELDS:
        missing = list((Counter(wanted[name]) - Counter(got[name])).elements())
        extra = list((Counter(got[name]) - Counter(wanted[name])).elements())
        if missing or extra:
            result[name] = (missing, extra)
    return result
