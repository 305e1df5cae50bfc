import datetime

import pytest
from django.core.exceptions import ValidationError

from actions.forms import UpdateForm
from actions.models import Status, Update
from tests.factories import ActionFactory, AgendaItemFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action():
    return ActionFactory(status=Status.IN_PROGRESS)


@pytest.fixture
def author():
    return UserFactory(username="secretariat")


def test_it_starts_at_the_actions_current_status(action):
    form = UpdateForm(action=action)

    assert form["status"].value() == Status.IN_PROGRESS


def test_it_offers_every_status(action):
    form = UpdateForm(action=action)

    assert [value for value, _ in form.fields["status"].choices] == ["open", "in_progress", "done", "dropped"]


def test_it_records_a_progress_note(action, author):
    form = UpdateForm(
        {"version": action.version, "status": "in_progress", "text": "Terms of reference agreed."}, action=action
    )

    assert form.is_valid(), form.errors
    update = form.save(author=author)

    assert update.text == "Terms of reference agreed."
    assert (update.old_status, update.new_status, update.author) == (Status.IN_PROGRESS, Status.IN_PROGRESS, author)
    assert update.reported_at is None


def test_it_records_a_change_of_status_without_a_note(action, author):
    form = UpdateForm({"version": action.version, "status": "done", "text": ""}, action=action)

    assert form.is_valid(), form.errors
    form.save(author=author)

    action.refresh_from_db()
    assert action.status == Status.DONE


def test_it_ties_the_update_to_the_meeting_it_was_given_at(action, author):
    meeting = MeetingFactory(group=action.meeting.group, date=datetime.date(2013, 6, 10))
    form = UpdateForm(
        {"version": action.version, "status": "done", "text": "Finished."}, action=action, meeting=meeting
    )

    assert form.is_valid(), form.errors
    update = form.save(author=author)

    assert update.reported_at == meeting
    assert update.happened_on == datetime.date(2013, 6, 10)


def test_it_reads_its_fields_under_a_prefix(action, author):
    form = UpdateForm(
        {"arising-7-version": action.version, "arising-7-status": "open", "arising-7-text": "Reopened."},
        action=action,
        prefix="arising-7",
    )

    assert form.is_valid(), form.errors
    assert form.save(author=author).new_status == Status.OPEN


@pytest.mark.parametrize("text", ["", "   "])
def test_it_asks_for_the_reason_an_action_is_dropped(action, text):
    form = UpdateForm({"version": action.version, "status": "dropped", "text": text}, action=action)

    assert not form.is_valid()
    assert form.errors == {"text": ["Give the reason the action is being dropped"]}


def test_it_asks_for_an_update_when_nothing_changes(action):
    form = UpdateForm({"version": action.version, "status": "in_progress", "text": ""}, action=action)

    assert not form.is_valid()
    assert form.errors == {"text": ["Enter an update or change the status"]}


def test_it_asks_for_a_status(action):
    form = UpdateForm({"version": action.version, "text": "Some progress."}, action=action)

    assert not form.is_valid()
    assert form.errors == {"status": ["Select the status of the action"]}


def test_it_refuses_a_status_that_does_not_exist(action):
    form = UpdateForm({"version": action.version, "status": "finished", "text": "Some progress."}, action=action)

    assert not form.is_valid()
    assert form.errors == {"status": ["Select the status of the action"]}


def test_it_records_nothing_when_it_is_invalid(action):
    form = UpdateForm({"version": action.version, "status": "dropped", "text": ""}, action=action)

    form.is_valid()

    assert not Update.objects.exists()
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS


def test_it_is_checked_against_the_action_it_was_opened_on():
    action = ActionFactory(agenda_item=AgendaItemFactory(), status=Status.DROPPED, closed_on=datetime.date(2013, 6, 1))

    form = UpdateForm({"version": action.version, "status": "dropped", "text": ""}, action=action)

    assert form.errors == {"text": ["Enter an update or change the status"]}


def test_an_update_too_long_is_refused_at_the_field_and_kept_in_the_box(action):
    text = "The first meeting took place on 4 April. " * 130

    form = UpdateForm(data={"status": Status.IN_PROGRESS, "text": text, "version": action.version}, action=action)

    assert form.errors == {"text": ["Update must be 5,000 characters or less"]}
    assert form["text"].value() == text


def test_the_model_refuses_an_update_too_long_however_it_is_recorded(action, author):
    with pytest.raises(ValidationError):
        action.record_update(author=author, text="a" * 5_001)

    assert not Update.objects.exists()
