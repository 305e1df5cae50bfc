"""Importing minutes: upload or paste, review beside the source, read again, confirm or discard."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from actions.models import Action, Status
from imports.models import ImportRecord
from meetings.models import Department, Meeting
from minutes import demo
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    DepartmentFactory,
    GroupFactory,
    ImportRecordFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).parent / "seeds"
SEED_2013 = (SEEDS / "idmg-minutes-2013-03-11.txt").read_text(encoding="utf-8")


@pytest.fixture
def group(secretariat_user):
    return GroupFactory(slug="idmg-human-trafficking", name=demo.GROUP["name"], short_name="IDMG")


@pytest.fixture
def departments(db):
    for short_name, name, _ in demo.DEPARTMENTS:
        DepartmentFactory(short_name=short_name, name=name)


def confirm_data(record, **extra):
    minutes = record.minutes
    date = datetime.date.fromisoformat(minutes.date)
    data = {
        "meeting-date_day": date.day,
        "meeting-date_month": date.month,
        "meeting-date_year": date.year,
        "meeting-next_meeting_date_day": "",
        "meeting-next_meeting_date_month": "",
        "meeting-next_meeting_date_year": "",
    }
    if minutes.next_meeting_date:
        next_date = datetime.date.fromisoformat(minutes.next_meeting_date)
        data.update(
            {
                "meeting-next_meeting_date_day": next_date.day,
                "meeting-next_meeting_date_month": next_date.month,
                "meeting-next_meeting_date_year": next_date.year,
                "meeting-next_meeting_start_time": minutes.next_meeting_start_time,
                "meeting-next_meeting_end_time": minutes.next_meeting_end_time,
                "meeting-next_meeting_place": minutes.next_meeting_place,
            }
        )
    for index, action in enumerate(minutes.actions):
        data[f"confirm-owners_{index}"] = ", ".join(action.owners)
    data.update(extra)
    return data


def test_the_group_page_offers_the_secretariat_an_import(secretariat_client, group):
    response = secretariat_client.get(group.get_absolute_url())
    assert reverse("imports:new", args=[group.slug]) in response.content.decode()


def test_pasted_minutes_are_kept_for_review_and_no_meeting_is_made(secretariat_client, group, departments):
    response = secretariat_client.post(reverse("imports:new", args=[group.slug]), {"text": SEED_2013})
    record = ImportRecord.objects.get()
    assert response.status_code == 302
    assert response["Location"] == record.get_absolute_url()
    assert record.file_name == ""
    assert record.uploaded_by.username == "secretariat"
    assert Meeting.objects.count() == 0
    page = secretariat_client.get(record.get_absolute_url()).content.decode()
    assert "Check the imported minutes" in page
    assert "“Scotland” read as Scottish Government" in page
    assert "Not placed" in page


def test_an_uploaded_file_is_stored_with_the_import(secretariat_client, group, departments):
    upload = SimpleUploadedFile("minutes-2013.txt", SEED_2013.encode(), content_type="text/plain")
    secretariat_client.post(reverse("imports:new", args=[group.slug]), {"file": upload})
    record = ImportRecord.objects.get()
    assert record.file_name == "minutes-2013.txt"
    assert record.file.read().decode() == SEED_2013


def test_confirming_makes_the_draft_meeting_as_loaddemo_would(secretariat_client, group, departments):
    secretariat_client.post(reverse("imports:new", args=[group.slug]), {"text": SEED_2013})
    record = ImportRecord.objects.get()
    response = secretariat_client.post(reverse("imports:confirm", args=[record.pk]), confirm_data(record))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_record_url()
    assert meeting.status == "draft"
    assert meeting.date == datetime.date(2013, 3, 11)
    assert meeting.attendees.count() == 18
    assert meeting.apologies.count() == 10
    assert list(meeting.agenda_items.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert Action.objects.filter(meeting=meeting).count() == 10
    scotland = Action.objects.get(text__startswith="Scotland to")
    assert [owner.short_name for owner in scotland.owners.all()] == ["Scottish Government"]
    record.refresh_from_db()
    assert record.status == "confirmed"
    assert record.meeting == meeting
    assert meeting.history.earliest().history_change_reason == "Imported from pasted text"


def test_the_review_page_names_a_new_department_and_confirm_needs_it_confirmed(secretariat_client, group):
    DepartmentFactory(short_name="Home Office")
    record = ImportRecordFactory(
        group=group, source_text="11 March 2013\nAttendees:\nHome Ofice\tMark Harper MP\n\n1. Welcome\n1.1 Welcome."
    )
    page = secretariat_client.get(record.get_absolute_url()).content.decode()
    assert "“Home Ofice” is not a department on record: did you mean Home Office?" in page
    response = secretariat_client.post(reverse("imports:confirm", args=[record.pk]), confirm_data(record))
    assert response.status_code == 200
    assert "Confirm the new departments" in response.content.decode()
    assert Meeting.objects.count() == 0
    secretariat_client.post(
        reverse("imports:confirm", args=[record.pk]), confirm_data(record, **{"confirm-add_departments": "on"})
    )
    assert Department.objects.filter(short_name="Home Ofice").exists()
    assert Meeting.objects.count() == 1


def test_reading_the_changed_source_again_replaces_what_was_understood(secretariat_client, group):
    record = ImportRecordFactory(group=group)
    sections = record.minutes.sections
    data = {f"section_{index}": "" for index in range(len(sections))}
    lines = record.source_text.split("\n")
    for index, section in enumerate(sections):
        data[f"section_{index}"] = "\n".join(lines[section.first - 1 : section.last])
    data[f"section_{len(sections) - 1}"] = "1. Welcome and introductions\n1.1 Mark Harper MP welcomed the Group."
    response = secretariat_client.post(record.get_absolute_url(), data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.minutes.items[0].title == "Welcome and introductions"
    assert Meeting.objects.count() == 0


def test_a_meeting_on_the_same_day_is_refused_at_the_date(secretariat_client, group):
    record = ImportRecordFactory(group=group, source_text="11 March 2013\n" + ImportRecordFactory.source_text)
    MeetingFactory(group=group, date=datetime.date(2013, 3, 11))
    response = secretariat_client.post(reverse("imports:confirm", args=[record.pk]), confirm_data(record))
    assert "IDMG already has a meeting on 11 March 2013" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_the_review_asks_whether_actions_are_still_open_when_later_minutes_exist(secretariat_client, group):
    DepartmentFactory(short_name="Home Office")
    MeetingFactory(group=group, date=datetime.date(2014, 1, 10))
    record = ImportRecordFactory(
        group=group,
        source_text="11 March 2013\nAttendees:\nHome Office\tMark Harper MP\tCHAIR\n\n"
        "1. Welcome\n1.1 Welcome.\nAction: Home Office to write to members.\nAction: Home Office to review the list.",
    )
    page = secretariat_client.get(record.get_absolute_url()).content.decode()
    assert "still open?" in page
    secretariat_client.post(
        reverse("imports:confirm", args=[record.pk]),
        confirm_data(record, **{"confirm-action_0": "open", "confirm-action_1": "done"}),
    )
    statuses = dict(Action.objects.values_list("text", "status"))
    assert statuses == {"Home Office to write to members.": Status.OPEN, "Home Office to review the list.": Status.DONE}


def test_discarding_makes_no_meeting(secretariat_client, group):
    record = ImportRecordFactory(group=group)
    response = secretariat_client.post(reverse("imports:discard", args=[record.pk]))
    assert response["Location"] == group.get_absolute_url()
    record.refresh_from_db()
    assert record.status == "discarded"
    assert Meeting.objects.count() == 0


def test_imported_open_actions_become_matters_arising_of_later_minutes(secretariat_client, group, departments):
    secretariat_client.post(reverse("imports:new", args=[group.slug]), {"text": SEED_2013})
    record = ImportRecord.objects.get()
    secretariat_client.post(reverse("imports:confirm", args=[record.pk]), confirm_data(record))
    later = MeetingFactory(group=group, date=datetime.date(2013, 7, 1))
    assert len(Action.objects.matters_arising(later)) == 10


def test_a_confirmed_import_opens_its_meeting(secretariat_client, group):
    meeting = MeetingFactory(group=group)
    record = ImportRecordFactory(group=group, status="confirmed", meeting=meeting)
    response = secretariat_client.get(record.get_absolute_url())
    assert response["Location"] == meeting.get_record_url()


@pytest.mark.parametrize("method", ["put", "delete"])
def test_the_review_refuses_other_methods(secretariat_client, group, method):
    record = ImportRecordFactory(group=group)
    assert getattr(secretariat_client, method)(record.get_absolute_url()).status_code == 405


def test_confirm_refuses_get(secretariat_client, group):
    record = ImportRecordFactory(group=group)
    assert secretariat_client.get(reverse("imports:confirm", args=[record.pk])).status_code == 405


def test_another_groups_secretariat_may_not_see_an_import(other_secretariat_client, group):
    record = ImportRecordFactory(group=group)
    assert other_secretariat_client.get(record.get_absolute_url()).status_code == 403
    assert other_secretariat_client.post(reverse("imports:confirm", args=[record.pk])).status_code == 403


def test_loaddemo_data_stays_apart(fast_password_hashing):
    call_command("loaddemo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ImportRecord.objects.count() == 0


def test_an_action_already_done_keeps_its_history(secretariat_client, group):
    item = AgendaItemFactory(meeting=MeetingFactory(group=group))
    assert ActionFactory(agenda_item=item).status == Status.OPEN


def test_the_meetings_history_says_it_was_imported_from_which_file(secretariat_client, group, departments):
    upload = SimpleUploadedFile("minutes-2013.txt", SEED_2013.encode(), content_type="text/plain")
    secretariat_client.post(reverse("imports:new", args=[group.slug]), {"file": upload})
    record = ImportRecord.objects.get()
    secretariat_client.post(reverse("imports:confirm", args=[record.pk]), confirm_data(record))
    meeting = Meeting.objects.get()
    page = secretariat_client.get(reverse("minutes:history", args=[meeting.pk])).content.decode()
    assert "Reason: Imported from minutes-2013.txt" in page


def test_a_department_name_too_long_is_a_problem_to_put_right_not_an_error(secretariat_client, group):
    long_name = "Department " + "of Very Long Names " * 5
    record = ImportRecordFactory(
        group=group, source_text=f"1 May 2011\n1. Welcome\n1.1 Welcome.\nAction\tOwner\nWrite to members\t{long_name}"
    )
    response = secretariat_client.post(
        reverse("imports:confirm", args=[record.pk]), confirm_data(record, **{"confirm-add_departments": "on"})
    )
    assert response.status_code == 200
    assert "must be 60 characters or less" in response.content.decode()
    assert Meeting.objects.count() == 0


def test_owners_are_corrected_in_place_on_the_review(secretariat_client, group, departments):
    secretariat_client.post(reverse("imports:new", args=[group.slug]), {"text": SEED_2013})
    record = ImportRecord.objects.get()
    page = secretariat_client.get(record.get_absolute_url()).content.decode()
    assert 'form="confirm-form"' in page
    update_members = 2  # the third action, whose owner was assumed
    typo = confirm_data(record, **{f"confirm-owners_{update_members}": "Home Ofice"})
    response = secretariat_client.post(reverse("imports:confirm", args=[record.pk]), typo)
    assert "“Home Ofice” is not a department on record: did you mean Home Office?" in response.content.decode()
    assert Meeting.objects.count() == 0
    corrected = confirm_data(record, **{f"confirm-owners_{update_members}": "UKHTC, Home Office"})
    secretariat_client.post(reverse("imports:confirm", args=[record.pk]), corrected)
    action = Action.objects.get(text__startswith="Update members")
    assert [owner.short_name for owner in action.owner_list] == ["UKHTC", "Home Office"]
    assert action.lead.short_name == "UKHTC"
