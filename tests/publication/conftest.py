import datetime

import pytest
from django.utils import timezone

from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    ParagraphFactory,
)


def london(*parts):
    return timezone.make_aware(datetime.datetime(*parts))


@pytest.fixture
def group(db):
    return GroupFactory(slug="idmg", short_name="IDMG")


@pytest.fixture
def make_minutes(group):
    """Minutes of the IDMG in a given status, with a register, an item, a paragraph and an action."""

    def make(status=MinutesStatus.PUBLISHED, date=datetime.date(2013, 3, 11), **fields):
        meeting = MeetingFactory(
            group=group,
            date=date,
            status=status,
            place="Home Office",
            published_at=london(2013, 4, 12, 10, 0) if status == MinutesStatus.PUBLISHED else None,
            **fields,
        )
        AttendeeFactory(meeting=meeting, department=DepartmentFactory(short_name="Home Office"))
        ApologyFactory(meeting=meeting)
        item = AgendaItemFactory(meeting=meeting, number=1, title=f"Welcome ({status})")
        ParagraphFactory(agenda_item=item, number="1.1", text=f"The Chair welcomed members ({status} minutes).")
        action = ActionFactory(agenda_item=item, text=f"Home Office to report back ({status})")
        action.set_owners([DepartmentFactory(short_name="Home Office")])
        return meeting

    return make
