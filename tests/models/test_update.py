import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from actions.models import Status, Update
from tests.factories import ActionFactory, AgendaItemFactory, MeetingFactory, UpdateFactory

pytestmark = pytest.mark.django_db

LONDON_MIDNIGHT_IN_SUMMER = datetime.datetime(2013, 6, 10, 23, 30, tzinfo=datetime.UTC)


def test_dropping_an_action_without_a_reason_breaks_a_database_rule():
    with pytest.raises(IntegrityError, match="update_dropping_gives_a_reason"), transaction.atomic():
        UpdateFactory(old_status=Status.OPEN, new_status=Status.DROPPED, text="")


def test_dropping_an_action_with_a_reason_is_kept():
    update = UpdateFactory(old_status=Status.IN_PROGRESS, new_status=Status.DROPPED, text="Overtaken by events.")

    assert Update.objects.get() == update


@pytest.mark.parametrize(
    ("old_status", "new_status"),
    [(Status.DROPPED, Status.DROPPED), (Status.DROPPED, Status.OPEN), (Status.OPEN, Status.DONE)],
    ids=["note on a dropped action", "reopening a dropped action", "completing"],
)
def test_other_updates_need_no_text_in_the_database(old_status, new_status):
    UpdateFactory(old_status=old_status, new_status=new_status, text="")

    assert Update.objects.count() == 1


def test_an_update_given_at_a_meeting_happened_on_the_meetings_date():
    meeting = MeetingFactory(date=datetime.date(2013, 9, 9))

    update = UpdateFactory(reported_at=meeting, created_at=datetime.datetime(2013, 9, 20, 9, tzinfo=datetime.UTC))

    assert update.happened_on == datetime.date(2013, 9, 9)


def test_any_other_update_happened_on_the_day_it_was_recorded_in_london():
    update = UpdateFactory(created_at=LONDON_MIDNIGHT_IN_SUMMER)

    assert update.happened_on == datetime.date(2013, 6, 11)


def test_updates_are_listed_newest_first():
    action = ActionFactory()
    oldest = UpdateFactory(action=action, created_at=datetime.datetime(2013, 4, 1, 9, tzinfo=datetime.UTC))
    newest = UpdateFactory(action=action, created_at=datetime.datetime(2013, 6, 1, 9, tzinfo=datetime.UTC))
    middle = UpdateFactory(action=action, created_at=datetime.datetime(2013, 5, 1, 9, tzinfo=datetime.UTC))

    assert list(action.updates.all()) == [newest, middle, oldest]


def test_updates_recorded_at_the_same_moment_are_listed_latest_recorded_first():
    action = ActionFactory()
    first, second = UpdateFactory.create_batch(2, action=action, created_at=LONDON_MIDNIGHT_IN_SUMMER)

    assert list(action.updates.all()) == [second, first]


def test_it_reads_as_the_actions_reference_and_the_day_it_was_recorded():
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=MeetingFactory(date=datetime.date(2013, 3, 11))))

    update = UpdateFactory(action=action, created_at=datetime.datetime(2013, 4, 2, 9, tzinfo=datetime.UTC))

    assert str(update) == "IDMG 2013-03 A1 update of 2 April 2013"


def test_it_knows_whether_it_changed_the_status_or_the_due_date():
    note = UpdateFactory(old_status=Status.IN_PROGRESS, new_status=Status.IN_PROGRESS)
    moved = UpdateFactory(
        old_status=Status.OPEN, new_status=Status.OPEN, new_due_date=datetime.date(2013, 9, 30), old_due_date=None
    )

    assert (note.status_changed, note.due_date_changed) == (False, False)
    assert (moved.status_changed, moved.due_date_changed) == (False, True)
    assert UpdateFactory().status_changed


def test_an_action_with_updates_cannot_be_deleted():
    update = UpdateFactory()

    with pytest.raises(ProtectedError):
        update.action.delete()

    assert Update.objects.filter(pk=update.pk).exists()


def test_an_update_keeps_its_text_when_its_author_is_deleted():
    update = UpdateFactory()

    update.author.delete()

    update.refresh_from_db()
    assert update.author is None
    assert update.text == "A draft has gone to officials for comment."
