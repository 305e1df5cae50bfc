"""The action register as XLSX and ODS: the rows the filters select, with dates as dates and the header frozen."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.db import connection
from django.utils import timezone
from odf import teletype
from odf.config import ConfigItem
from odf.opendocument import load
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import P

from actions.export import HEADER
from actions.models import Status
from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
# The session and the user; the matching actions, with their owners' names and latest update, as one query of rows
# (on PostgreSQL, after giving it the memory to sort them in).
QUERIES = 4 if connection.vendor == "postgresql" else 3


def read_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Actions"]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def ods_cell(cell):
    if cell.getAttribute("valuetype") == "date":
        return datetime.date.fromisoformat(cell.getAttribute("datevalue"))
    text = "\n".join(teletype.extractText(paragraph) for paragraph in cell.getElementsByType(P))
    return text or None


def read_ods(response):
    document = load(io.BytesIO(b"".join(response.streaming_content)))
    (table,) = document.spreadsheet.getElementsByType(Table)
    return [[ods_cell(cell) for cell in row.getElementsByType(TableCell)] for row in table.getElementsByType(TableRow)]


def as_dates(row):
    """openpyxl reads a date cell as a datetime at midnight; the ODS gives a date."""
    return [cell.date() if isinstance(cell, datetime.datetime) else cell for cell in row]


FORMATS = {
    "xlsx": ("/actions/export.xlsx", read_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ods": ("/actions/export.ods", read_ods, "application/vnd.oasis.opendocument.spreadsheet"),
}


@pytest.fixture(params=FORMATS, ids=FORMATS)
def spreadsheet(request):
    address, read, content_type = FORMATS[request.param]
    return request.param, address, read, content_type


@pytest.fixture
def meeting(db):
    return MeetingFactory(group=GroupFactory(short_name="IDMG"), date=datetime.date(2013, 3, 11))


def owned(action, *departments):
    action.set_owners(departments, lead=departments[0])
    return action


def test_a_row_gives_everything_the_register_shows_with_dates_as_dates(secretariat_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    home_office, fco = DepartmentFactory(short_name="Home Office"), DepartmentFactory(short_name="FCO")
    item = AgendaItemFactory(meeting=meeting, number=6, title="Country specific report – Nigeria")
    action = owned(
        ActionFactory(agenda_item=item, text="Scope connections, “priority” countries first", due_date=TODAY),
        fco,
        home_office,
    )
    UpdateFactory(action=action, text="Nigeria and Viet Nam.\nMore to follow.", reported_at=None)

    header, row = read(secretariat_client.get(address))

    assert header == HEADER
    assert as_dates(row) == [
        "IDMG 2013-03 A1",
        "IDMG",
        datetime.date(2013, 3, 11),
        "6. Country specific report – Nigeria",
        "Scope connections, “priority” countries first",
        "FCO, Home Office",
        "FCO",
        TODAY,
        "Open",
        "No",
        "Nigeria and Viet Nam.\nMore to follow.",
        TODAY,
    ]


def test_a_due_date_in_words_stays_words_and_an_empty_cell_is_empty(secretariat_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), due_at_next_meeting=True)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))

    rows = read(secretariat_client.get(address))[1:]

    assert [(row[7], row[11]) for row in rows] == [("At the next meeting", None), (None, None)]


def test_text_that_looks_like_a_formula_stays_text(secretariat_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), text='=HYPERLINK("http://example.com","Click")')

    (row,) = read(secretariat_client.get(address))[1:]

    assert row[4] == '=HYPERLINK("http://example.com","Click")'


def test_control_characters_that_would_break_the_file_are_left_out(secretariat_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), text="Report\x0b back\x1f ← עברית 🙂")

    (row,) = read(secretariat_client.get(address))[1:]

    assert row[4] == "Report back ← עברית 🙂"


def test_its_rows_are_the_filtered_register_in_its_order(secretariat_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    home_office, fco = DepartmentFactory(short_name="Home Office"), DepartmentFactory(short_name="FCO")
    item = AgendaItemFactory(meeting=meeting)
    owned(ActionFactory(agenda_item=item, text="First"), home_office)
    owned(ActionFactory(agenda_item=item, text="Second", status=Status.DONE, closed_on=TODAY), home_office)
    owned(ActionFactory(agenda_item=item, text="Third"), fco)
    owned(ActionFactory(agenda_item=item, text="Fourth"), home_office)

    response = secretariat_client.get(address, {"department": home_office.pk, "status": "open", "sort": "-reference"})

    assert [row[4] for row in read(response)[1:]] == ["Fourth", "First"]


def test_a_department_user_gets_no_action_of_draft_minutes(department_client, meeting, spreadsheet):
    _, address, read, _ = spreadsheet
    circulated = MeetingFactory(group=meeting.group, date=datetime.date(2012, 4, 17), status=MinutesStatus.CIRCULATED)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), text="Draft action")
    ActionFactory(agenda_item=AgendaItemFactory(meeting=circulated), text="Circulated action")

    assert [row[4] for row in read(department_client.get(address))[1:]] == ["Circulated action"]


def test_it_is_an_attachment_named_for_today(secretariat_client, spreadsheet):
    extension, address, _, content_type = spreadsheet

    response = secretariat_client.get(address)

    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="actions-{TODAY:%Y-%m-%d}.{extension}"'


@pytest.mark.parametrize("count", [5, 100])
def test_its_query_count_does_not_grow_with_the_actions(
    secretariat_client, django_assert_num_queries, spreadsheet, count
):
    _, address, read, _ = spreadsheet
    item = AgendaItemFactory()
    for action in ActionFactory.create_batch(count, agenda_item=item):
        ActionOwnerFactory(action=action, is_lead=True)
        UpdateFactory(action=action)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get(address, {"status": "open"})
        rows = read(response)

    assert len(rows) == count + 1


def test_it_rejects_post(secretariat_client, spreadsheet):
    assert secretariat_client.post(spreadsheet[1]).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, spreadsheet):
    assert_sign_in_required(spreadsheet[1])


# What each format does to keep the header in view and the columns readable


def test_the_xlsx_freezes_its_header_row_and_sizes_its_columns(secretariat_client, meeting):
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))

    response = secretariat_client.get("/actions/export.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Actions"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    assert [sheet.column_dimensions[column].width for column in "ABCE"] == [16, 12, 14, 60]
    assert sheet["C2"].is_date
    assert sheet["C2"].number_format == "d mmm yyyy"


def test_the_ods_freezes_its_header_row_and_sizes_its_columns(secretariat_client, meeting):
    ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))

    response = secretariat_client.get("/actions/export.ods")

    content = b"".join(response.streaming_content)
    document = load(io.BytesIO(content))
    (table,) = document.spreadsheet.getElementsByType(Table)
    (header_rows,) = table.getElementsByType(TableHeaderRows)
    assert [ods_cell(cell) for cell in header_rows.getElementsByType(TableCell)] == HEADER
    settings = {
        item.getAttribute("name"): teletype.extractText(item)
        for item in document.settings.getElementsByType(ConfigItem)
    }
    assert (settings["VerticalSplitMode"], settings["VerticalSplitPosition"]) == ("2", "1")
    styles = {style.getAttribute("name"): style for style in document.automaticstyles.childNodes}
    widths = [
        styles[column.getAttribute("stylename")].childNodes[0].getAttribute("columnwidth")
        for column in table.getElementsByType(TableColumn)
    ]
    assert widths[:5] == ["3.2cm", "2.4cm", "2.8cm", "6.0cm", "12.0cm"]
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
