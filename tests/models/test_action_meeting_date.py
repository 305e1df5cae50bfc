"""An action carries its meeting's date (for the register's index), kept in step by one rule."""

import datetime

import pytest

from actions.models import Action
from tests.factories import ActionFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_new_action_takes_its_meetings_date():
    action = ActionFactory(agenda_item__meeting=MeetingFactory(date=datetime.date(2013, 3, 11)))

    assert Action.objects.get(pk=action.pk).meeting_date == datetime.date(2013, 3, 11)


def test_moving_the_meeting_moves_its_actions():
    meeting = MeetingFactory(date=datetime.date(2013, 3, 11))
    action = ActionFactory(agenda_item__meeting=meeting)
    other = ActionFactory(agenda_item__meeting=MeetingFactory(date=datetime.date(2013, 3, 11)))

    meeting.date = datetime.date(2013, 3, 12)
    meeting.save()

    assert Action.objects.get(pk=action.pk).meeting_date == datetime.date(2013, 3, 12)
    assert Action.objects.get(pk=other.pk).meeting_date == datetime.date(2013, 3, 11)


def test_the_meetings_date_is_not_part_of_the_actions_history():
    action = ActionFactory()

    assert not hasattr(action.history.first(), "meeting_date")
