import datetime

import pytest

from actions.models import Status
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    CorrectionFactory,
    MeetingFactory,
    ParagraphFactory,
    PersonFactory,
    UserFactory,
)


@pytest.fixture
def build_minutes(db):
    """Makes minutes of a given size, for tests that prove a page's queries do not grow with them.

    The meeting of 11 March 2013 gets this many attendees (one an official attending for a
    minister), apologies, corrections, agenda items with paragraphs and actions with several owners, and
    ``arising`` actions of an earlier meeting with an update given at this one.
    """

    def build(
        *,
        attendees,
        items,
        actions_per_item,
        owners_per_action,
        paragraphs_per_item,
        arising,
        apologies=2,
        corrections=0,
    ):
        meeting = MeetingFactory(date=datetime.date(2013, 3, 11))
        AttendeeFactory.create_batch(attendees - 1, meeting=meeting)
        AttendeeFactory(meeting=meeting, person=None, deputising_for=PersonFactory(name="Anne Milton MP"))
        ApologyFactory.create_batch(apologies, meeting=meeting)
        CorrectionFactory.create_batch(corrections, meeting=meeting, made_by=None)
        for item in AgendaItemFactory.create_batch(items, meeting=meeting):
            ParagraphFactory.create_batch(paragraphs_per_item, agenda_item=item)
            for action in ActionFactory.create_batch(actions_per_item, agenda_item=item):
                ActionOwnerFactory(action=action, is_lead=True)
                ActionOwnerFactory.create_batch(owners_per_action - 1, action=action)
        earlier = MeetingFactory(group=meeting.group, date=datetime.date(2012, 4, 17))
        secretary = UserFactory()
        for action in ActionFactory.create_batch(arising, agenda_item__meeting=earlier):
            ActionOwnerFactory.create_batch(owners_per_action, action=action)
            action.record_update(author=secretary, text="Work has started.", status=Status.IN_PROGRESS, meeting=meeting)
        return meeting

    return build
