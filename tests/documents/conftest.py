import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from actions.models import Status
from meetings.models import Meeting, MinutesStatus
from minutes.contents import with_minutes
from minutes.demo import MEETINGS
from minutes.documents.content import minutes_content
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    CorrectionFactory,
    DepartmentFactory,
    MeetingFactory,
    ParagraphFactory,
    UserFactory,
)

MARCH_2013 = datetime.date(2013, 3, 11)
DEMO_2013 = next(minutes for minutes in MEETINGS if minutes["date"] == MARCH_2013)

ARABIC = "وافقت المجموعة على نشر البيانات"
LONG_WORD = "x" * 500
EMOJI = "😀👍"


@pytest.fixture(scope="module")
def march_2013(django_db_setup, django_db_blocker):
    """What the documents of the demo minutes of 11 March 2013 say, loaded once for a module.

    The rows are rolled back at once: the content is plain text, and the tests only read it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddemo", stdout=io.StringIO())
        content = minutes_content(with_minutes().get(date=MARCH_2013))
        transaction.set_rollback(True)
    return content


def expected_attendees():
    """The register as the published minutes of 11 March 2013 print it, from the transcription."""
    rows = []
    for department, person, deputising_for, role, remote in DEMO_2013["attendees"]:
        who = person or "Official"
        if deputising_for:
            who += f" (for {deputising_for})"
        if remote:
            who += " – via video link"
        rows.append([department, who, "CHAIR" if role else ""])
    return rows


def expected_apologies():
    return [[department, person] for department, person in DEMO_2013["apologies"]]


def expected_items():
    """Each agenda item: its heading, its paragraphs as numbered in the minutes, its actions with owners."""
    return [
        {
            "heading": f"{item['number']}. {item['title']}",
            "paragraphs": [f"{number} {text}" if number else text for number, text in item["paragraphs"]],
            "actions": [(action["text"], owners_text(action)) for action in item["actions"]],
        }
        for item in DEMO_2013["agenda_items"]
    ]


def owners_text(action):
    lead = action["lead"]
    return ", ".join(f"{owner}{' (lead)' if owner == lead else ''}" for owner in action["owners"])


@pytest.fixture
def hostile_minutes(db):
    """Minutes whose text would break a careless document: control characters pasted from
    elsewhere, a 500-character word, Arabic and emoji; with a matter arising, a correction and a
    next meeting, so every part of the document is written."""
    meeting = MeetingFactory(
        date=MARCH_2013,
        status=MinutesStatus.CIRCULATED,
        next_meeting_date=datetime.date(2013, 6, 10),
        next_meeting_place="the Home Office",
    )
    item = AgendaItemFactory(meeting=meeting, number=6, title=f"Country report {EMOJI}\x0b")
    ParagraphFactory(agenda_item=item, number="6.1", text=f"Line one\x0bline two\x01 then {LONG_WORD} end.")
    ParagraphFactory(agenda_item=item, number="6.2", text=ARABIC)
    ParagraphFactory(agenda_item=item, number="6.3", text=f"Ministers were pleased {EMOJI} with progress.")
    action = ActionFactory(agenda_item=item, text=f"{ARABIC} (FCO)")
    ActionOwnerFactory(action=action, department=DepartmentFactory(short_name="FCO"), is_lead=True)
    earlier = MeetingFactory(group=meeting.group, date=datetime.date(2012, 4, 17))
    arising = ActionFactory(agenda_item__meeting=earlier, text="MOJ to explore prosecutions\x0c")
    ActionOwnerFactory(action=arising, department=DepartmentFactory(short_name="MOJ"), is_lead=True)
    arising.record_update(
        author=UserFactory(), text="Work has started\x01.", status=Status.IN_PROGRESS, meeting=meeting
    )
    CorrectionFactory(meeting=meeting, made_by=None, what="Register", reason="Spelling of a name")
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def hostile_content(hostile_minutes):
    return minutes_content(with_minutes().get(pk=hostile_minutes.pk))
