"""Paste the register on the recording page: lines become rows, shown, then added."""

import pytest
from django.urls import reverse

from imports.names import Directory
from imports.register import parse_register, parse_register_line
from meetings.models import Department
from tests.factories import AttendeeFactory, DepartmentFactory, MeetingFactory

DIRECTORY = Directory([("DCLG", "Department for Communities and Local Government"), ("Home Office", "Home Office")])


def test_a_tab_divides_the_department_from_who_came():
    row = parse_register_line("DCLG\tOfficial (for Baroness Hanham MP)", DIRECTORY)
    assert (row.department, row.person, row.deputising_for) == ("DCLG", "", "Baroness Hanham MP")


def test_runs_of_spaces_divide_and_the_video_link_is_read():
    row = parse_register_line("Northern Ireland Executive  David Ford MLA – via video link", DIRECTORY)
    assert (row.department, row.person, row.remote) == ("Northern Ireland Executive", "David Ford MLA", True)


def test_a_department_on_record_is_found_by_its_full_name_without_a_gap():
    row = parse_register_line("Department for Communities and Local Government Baroness Hanham MP", DIRECTORY)
    assert (row.department, row.person) == ("DCLG", "Baroness Hanham MP")


def test_the_chair_is_read():
    row = parse_register_line("Home Office   Damian Green MP CHAIR", DIRECTORY)
    assert (row.person, row.role) == ("Damian Green MP", "chair")


def test_a_line_with_no_gap_and_no_department_on_record_is_divided_as_a_guess():
    row = parse_register_line("Welsh Assembly Government Carl Sargeant AM", DIRECTORY)
    assert (row.department, row.person) == ("Welsh Assembly Government", "Carl Sargeant AM")
    assert row.guesses


def test_blank_lines_are_skipped_and_unreadable_ones_listed():
    rows, not_rows = parse_register("DCLG\tOfficial\n\n   \n!!!\n", DIRECTORY)
    assert len(rows) == 1
    assert not_rows == [(4, "!!!")]


@pytest.fixture
def meeting(db):
    DepartmentFactory(short_name="Home Office")
    DepartmentFactory(short_name="DCLG")
    return MeetingFactory()


def paste_url(meeting, kind="attendees"):
    return reverse("imports:paste-register", args=[meeting.pk, kind])


PASTED = "DCLG\tOfficial (for Baroness Hanham MP)\nHome Office  Mark Harper MP CHAIR"


def test_reading_the_lines_shows_the_rows_and_adds_nothing(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting), {"text": PASTED, "read": "1"})
    page = response.content.decode()
    assert "Check the rows" in page
    assert "Official (for Baroness Hanham MP)" in page
    assert "Add 2 attendees" in page
    assert meeting.attendees.count() == 0


def test_adding_puts_the_rows_after_the_register_in_order(secretariat_client, meeting):
    AttendeeFactory(meeting=meeting)
    response = secretariat_client.post(paste_url(meeting), {"text": PASTED, "add": "1"})
    assert response["Location"] == f"{meeting.get_record_url()}#attendees"
    rows = list(meeting.attendees.order_by("position"))
    assert [row.department.short_name for row in rows[1:]] == ["DCLG", "Home Office"]
    assert rows[1].deputising_for.name == "Baroness Hanham MP"
    assert rows[2].role == "chair"


def test_a_new_department_must_be_confirmed(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting), {"text": "Home Ofice  Mark Harper MP", "add": "1"})
    assert "did you mean Home Office?" in response.content.decode()
    assert meeting.attendees.count() == 0
    secretariat_client.post(
        paste_url(meeting), {"text": "Home Ofice  Mark Harper MP", "add": "1", "add_departments": "on"}
    )
    assert Department.objects.filter(short_name="Home Ofice").exists()
    assert meeting.attendees.count() == 1


def test_an_unconfirmed_new_department_is_said_at_its_checkbox_and_linked_from_the_summary(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting), {"text": "Home Ofice  Mark Harper MP", "add": "1"})

    page = response.content.decode()
    assert '<a href="#id_add_departments">Confirm the new departments' in page
    assert 'id="id_add_departments-error"' in page
    assert 'type="checkbox" value="on" aria-describedby="id_add_departments-error"' in page
    assert "Home Ofice  Mark Harper MP" in page


def test_the_apologies_text_box_is_labelled_for_the_apologies(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting, "apologies"), {"text": "!!!", "read": "1"})

    assert '<label class="govuk-label" for="id_text">Paste the apologies</label>' in response.content.decode()


def test_apologies_need_a_name(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting, "apologies"), {"text": "DCLG  Official", "add": "1"})
    assert "Each apology needs a person" in response.content.decode()
    assert meeting.apologies.count() == 0


def test_pasted_apologies_are_added(secretariat_client, meeting):
    secretariat_client.post(paste_url(meeting, "apologies"), {"text": "DCLG\tBaroness Hanham MP", "add": "1"})
    assert meeting.apologies.get().person.name == "Baroness Hanham MP"


def test_nothing_recognised_is_said_at_the_field(secretariat_client, meeting):
    response = secretariat_client.post(paste_url(meeting), {"text": "!!!", "read": "1"})
    assert 'id="id_text-error"' in response.content.decode()


def test_the_recording_page_offers_the_paste_without_javascript(secretariat_client, meeting):
    page = secretariat_client.get(meeting.get_record_url()).content.decode()
    assert paste_url(meeting) in page
    assert paste_url(meeting, "apologies") in page


def test_an_unknown_kind_is_refused(secretariat_client, meeting):
    assert secretariat_client.get(paste_url(meeting, "actions")).status_code == 403
