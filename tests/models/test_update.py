import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from actions.models import Action, Status, Update
from meetings.models import Correction, MinutesStatus
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    MeetingFactory,
    UpdateFactory,
    UserFactory,
)

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


# Signed with the person's name and department


def test_a_department_users_update_is_signed_with_their_name_and_department():
    jane = UserFactory(username="jsmith", first_name="Jane", last_name="Smith")
    DepartmentMemberFactory(user=jane, department=DepartmentFactory(short_name="Home Office"))

    assert UpdateFactory(author=jane).signature == "Jane Smith, Home Office"


def test_the_secretariats_update_is_signed_for_the_groups_secretariat():
    jane = UserFactory(username="jsmith", first_name="Jane", last_name="Smith")
    update = UpdateFactory(author=jane)
    update.action.meeting.group.secretariat.add(jane)

    assert Update.objects.get(pk=update.pk).signature == "Jane Smith, IDMG secretariat"


def test_an_update_by_someone_without_a_name_is_signed_with_their_login_name():
    assert UpdateFactory(author=UserFactory(username="jsmith")).signature == "jsmith"


def test_an_update_whose_author_was_deleted_is_unsigned():
    assert UpdateFactory(author=None).signature == ""


# Withdrawn, keeping the reason


@pytest.fixture
def secretary():
    return UserFactory(username="secretary")


def test_withdrawing_an_update_keeps_it_with_the_reason_and_who_withdrew_it(secretary):
    action = ActionFactory()
    update = action.record_update(author=secretary, text="Done.", status=Status.DONE)

    update.withdraw(by=secretary, reason="It was recorded on the wrong action.")

    update.refresh_from_db()
    assert update.is_withdrawn
    assert (update.withdrawn_by, update.withdrawal_reason) == (secretary, "It was recorded on the wrong action.")
    assert update.text == "Done."


def test_withdrawing_an_update_puts_the_actions_status_back(secretary):
    action = ActionFactory()
    action.record_update(author=secretary, text="Started.", status=Status.IN_PROGRESS)
    done = action.record_update(author=secretary, text="Done.", status=Status.DONE)

    Update.objects.get(pk=done.pk).withdraw(by=secretary, reason="Not done yet.")

    action.refresh_from_db()
    assert (action.status, action.closed_on) == (Status.IN_PROGRESS, None)


def test_withdrawing_the_only_update_puts_the_action_back_as_it_was_raised(secretary):
    action = ActionFactory()
    dropped = action.record_update(author=secretary, text="No longer needed.", status=Status.DROPPED)

    dropped.withdraw(by=secretary, reason="It is still needed.")

    action.refresh_from_db()
    assert (action.status, action.closed_on) == (Status.OPEN, None)
    assert action.latest_update is None


def test_a_withdrawn_update_no_longer_counts_for_the_status_on_a_day_or_the_meeting(secretary):
    action = ActionFactory(agenda_item__meeting__date=datetime.date(2012, 4, 17))
    later = MeetingFactory(group=action.meeting.group, date=datetime.date(2013, 3, 11))
    update = action.record_update(author=secretary, text="Done.", status=Status.DONE, meeting=later)

    update.withdraw(by=secretary, reason="Given in error.")

    action = Action.objects.for_listing().get(pk=action.pk)
    assert action.status_on(datetime.date(2013, 3, 11)) == Status.OPEN
    assert action.update_at(later) is None
    assert Action.objects.reviewed_at(later) == []


def test_withdrawing_an_update_given_at_approved_minutes_leaves_a_correction_on_them(secretary):
    action = ActionFactory(agenda_item__meeting__date=datetime.date(2012, 4, 17))
    later = MeetingFactory(group=action.meeting.group, date=datetime.date(2013, 3, 11))
    update = action.record_update(author=secretary, text="Done.", status=Status.DONE, meeting=later)
    later.status = MinutesStatus.APPROVED
    later.save()

    update.withdraw(by=secretary, reason="Given in error.")

    correction = Correction.objects.get()
    assert (correction.meeting, correction.reason, correction.made_by) == (later, "Given in error.", secretary)
    assert correction.what == f"Matters arising: the update given on {action.reference} withdrawn"


def test_an_update_cannot_be_withdrawn_twice(secretary):
    update = UpdateFactory()
    update.withdraw(by=secretary, reason="Given in error.")

    with pytest.raises(ValidationError, match="already withdrawn"):
        Update.objects.get(pk=update.pk).withdraw(by=secretary, reason="Again.")

    assert Update.objects.get(pk=update.pk).withdrawal_reason == "Given in error."


def test_an_update_cannot_be_withdrawn_without_a_reason(secretary):
    update = UpdateFactory()

    with pytest.raises(ValidationError):
        update.withdraw(by=secretary, reason="  ")

    assert not Update.objects.get(pk=update.pk).is_withdrawn


def test_the_database_refuses_a_withdrawal_without_a_reason():
    with pytest.raises(IntegrityError, match="update_withdrawn_with_a_reason"), transaction.atomic():
        UpdateFactory(withdrawn_at=datetime.datetime(2013, 6, 10, tzinfo=datetime.UTC))


def test_latest_of_each_action_is_its_newest_update_standing_by_when_it_happened():
    earlier, later = MeetingFactory(date=datetime.date(2012, 4, 17)), MeetingFactory(date=datetime.date(2013, 3, 11))
    action, other = ActionFactory(), ActionFactory()
    UpdateFactory(action=action, text="Given at the later meeting", reported_at=later)
    # Typed up afterwards, but given at the earlier meeting: not the latest.
    UpdateFactory(action=action, text="Given at the earlier meeting", reported_at=earlier)
    UpdateFactory(action=action, text="Withdrawn", withdrawn_at=timezone.now(), withdrawal_reason="Wrong action")
    UpdateFactory(action=other, text="First of the day", reported_at=earlier)
    UpdateFactory(action=other, text="Second of the day", reported_at=earlier)

    rows = {row["action_id"]: (row["happened"], row["text"]) for row in Update.objects.latest_of_each_action()}

    assert rows == {
        action.pk: (later.date, "Given at the later meeting"),
        other.pk: (earlier.date, "Second of the day"),
    }


def test_latest_of_each_action_leaves_out_an_action_whose_updates_are_all_withdrawn():
    UpdateFactory(withdrawn_at=timezone.now(), withdrawal_reason="Wrong action")

    assert list(Update.objects.latest_of_each_action()) == []
