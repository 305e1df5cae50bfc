"""The action register as a file: CSV that opens safely in Excel, and XLSX and ODS spreadsheets.

Each is built from plain SQL rows (``register_rows``: the owners and the latest update worked out by
the database, one query for the whole register), read in chunks and written row by row, so a register
of any length takes the same memory: the CSV streamed into the response as it is written, the
spreadsheets into a temporary file (openpyxl's write-only mode; the ODS's XML streamed into its zip).
"""

import csv
import datetime
import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from actions.models import ActionOwner, Status, Update

# (heading, width in characters, wraps): widths that fit what the column usually holds.
COLUMNS = [
    ("Reference", 16, False),
    ("Group", 12, False),
    ("Meeting", 14, False),
    ("Agenda item", 30, True),
    ("Action", 60, True),
    ("Owners", 24, True),
    ("Lead", 16, False),
    ("Due", 18, False),
    ("Status", 12, False),
    ("Overdue", 9, False),
    ("Latest update", 50, True),
    ("Latest update on", 16, False),
]
HEADER = [heading for heading, _, _ in COLUMNS]

CHUNK = 2_000
"""Rows read from the database at a time: the memory an export holds whatever the register's length."""

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold (both spreadsheet formats are XML): control characters but tab and newlines.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

STATUS_LABELS = dict(Status.choices)


def spreadsheet_safe(value):
    """Text a spreadsheet shows as typed: a leading apostrophe stops a formula from running."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


class JoinedNames(Subquery):
    """The values of a one-column subquery, in its order, joined by ", " into one text.

    PostgreSQL keeps the order of ``ARRAY(subquery)``; SQLite's GROUP_CONCAT takes the rows of an ordered
    subquery in their order.
    """

    template = "(SELECT GROUP_CONCAT(joined.name, ', ') FROM (%(subquery)s) AS joined)"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="ARRAY_TO_STRING(ARRAY(%(subquery)s), ', ')")


def register_rows(actions):
    """The register's rows, as tuples of text and dates in the order of ``COLUMNS``.

    ``actions`` is the register's queryset (filtered, ordered and annotated with ``with_due()``); it is read
    as one query of values, not model instances, ``CHUNK`` rows at a time. Owners come lead first, as the
    register lists them; the latest update is the newest not withdrawn, dated as it happened.
    """
    owners = ActionOwner.objects.filter(action=OuterRef("pk")).order_by("-is_lead", "position", "pk")
    updates = (
        Update.objects.filter(action=OuterRef("pk"), withdrawn_at=None)
        .annotate(happened_on=Coalesce("reported_at__date", TruncDate("created_at")))
        .order_by("-happened_on", "-pk")
    )
    values = (
        actions.select_related(None)
        .prefetch_related(None)
        .annotate(
            owner_names=JoinedNames(owners.annotate(name=F("department__short_name")).values("name")),
            lead_name=Subquery(owners.filter(is_lead=True).values("department__short_name")[:1]),
            latest_text=Subquery(updates.values("text")[:1], output_field=models.TextField()),
            latest_on=Subquery(updates.values("happened_on")[:1], output_field=models.DateField()),
        )
        .values_list(
            "meeting__group__short_name",
            "meeting__date",
            "number",
            "agenda_item__number",
            "agenda_item__title",
            "text",
            "owner_names",
            "lead_name",
            "due_on",
            "due_at_next_meeting",
            "status",
            "is_overdue",
            "latest_text",
            "latest_on",
        )
    )
    for (
        group,
        meeting_date,
        number,
        item_number,
        item_title,
        text,
        owner_names,
        lead,
        due_on,
        at_next_meeting,
        status,
        is_overdue,
        latest_text,
        latest_on,
    ) in values.iterator(chunk_size=CHUNK):
        yield (
            f"{group} {meeting_date:%Y-%m} A{number}",
            group,
            meeting_date,
            f"{item_number}. {item_title}",
            text,
            owner_names or "",
            lead or "",
            due_on or ("At the next meeting" if at_next_meeting else ""),
            STATUS_LABELS[status],
            "Yes" if is_overdue else "No",
            latest_text or "",
            latest_on,
        )


def csv_row(cells):
    """A row as CSV writes it: dates as 2013-03-11, text safe from running as a formula."""
    return [
        ""
        if cell is None
        else f"{cell:%Y-%m-%d}"
        if isinstance(cell, datetime.date)
        else spreadsheet_safe(cell)
        if isinstance(cell, str)
        else cell
        for cell in cells
    ]


def csv_chunks(rows, rows_per_chunk=500):
    """The CSV of the rows, in pieces to stream, with a byte order mark for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(HEADER)
    for count, cells in enumerate(rows, start=1):
        writer.writerow(csv_row(cells))
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_xlsx(rows, file):
    """Write the rows as an Excel workbook, the header row frozen, in openpyxl's write-only mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Actions")
    sheet.freeze_panes = "A2"
    for number, (_, width, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    bold, wrapped = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    def cell(value, wraps):
        if isinstance(value, str):
            value = NOT_XML.sub("", value)
        written = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            # Text stays text, even when it starts with "=": nothing typed runs as a formula.
            written.data_type = "s"
        elif isinstance(value, datetime.date):
            written.number_format = "d mmm yyyy"
        written.alignment = wrapped if wraps else top
        return written

    header = []
    for heading, _, _ in COLUMNS:
        written = WriteOnlyCell(sheet, value=heading)
        written.font = bold
        header.append(written)
    sheet.append(header)
    for cells in rows:
        sheet.append([cell(value, wraps) for value, (_, _, wraps) in zip(cells, COLUMNS, strict=True)])
    workbook.save(file)


ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" '
    'office:version="1.3"'
)
ODS_MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{ODS_MIMETYPE}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

# The header row stays in view: LibreOffice's view settings freeze the sheet below its first row.
ODS_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-settings {ODS_NAMESPACES}><office:settings>
<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views">
<config:config-item-map-entry><config:config-item config:name="ViewId" config:type="string">view1</config:config-item>
<config:config-item-map-named config:name="Tables"><config:config-item-map-entry config:name="Actions">
<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>
<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>
<config:config-item config:name="ActiveSplitRange" config:type="short">2</config:config-item>
<config:config-item config:name="PositionTop" config:type="int">0</config:config-item>
<config:config-item config:name="PositionBottom" config:type="int">1</config:config-item>
</config:config-item-map-entry></config:config-item-map-named></config:config-item-map-entry>
</config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>
"""


def _ods_styles():
    columns = "".join(
        f'<style:style style:name="column{number}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{width * 0.2:.1f}cm"/></style:style>'
        for number, (_, width, _) in enumerate(COLUMNS, start=1)
    )
    return (
        "<office:automatic-styles>"
        f"{columns}"
        '<number:date-style style:name="day-month-year"><number:day/><number:text> </number:text>'
        '<number:month number:textual="true"/><number:text> </number:text><number:year number:style="long"/>'
        "</number:date-style>"
        '<style:style style:name="date" style:family="table-cell" style:data-style-name="day-month-year">'
        '<style:table-cell-properties style:vertical-align="top"/></style:style>'
        '<style:style style:name="text" style:family="table-cell">'
        '<style:table-cell-properties style:vertical-align="top" fo:wrap-option="wrap"/></style:style>'
        '<style:style style:name="heading" style:family="table-cell">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        "</office:automatic-styles>"
    )


def _ods_cell(value, style="text"):
    if value is None or value == "":
        return f'<table:table-cell table:style-name="{style}"/>'
    if isinstance(value, datetime.date):
        return (
            f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value:%Y-%m-%d}">'
            f"<text:p>{value:%-d %b %Y}</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in NOT_XML.sub("", value).split("\n"))
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string" '
        f"office:string-value={quoteattr(NOT_XML.sub('', value))}>{paragraphs}</table:table-cell>"
    )


def write_ods(rows, file):
    """Write the rows as an OpenDocument spreadsheet, the header row frozen, one row at a time."""
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as package:
        # The mimetype comes first and uncompressed, so that programs recognise the file.
        package.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        package.writestr("settings.xml", ODS_SETTINGS)
        with package.open("content.xml", "w") as raw:

            def write(text):
                raw.write(text.encode())

            write(f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODS_NAMESPACES}>')
            write(_ods_styles())
            write('<office:body><office:spreadsheet><table:table table:name="Actions">')
            write("".join(f'<table:table-column table:style-name="column{n}"/>' for n in range(1, len(COLUMNS) + 1)))
            header = "".join(_ods_cell(heading, "heading") for heading in HEADER)
            write(f"<table:table-header-rows><table:table-row>{header}</table:table-row></table:table-header-rows>")
            for cells in rows:
                write(f"<table:table-row>{''.join(_ods_cell(value) for value in cells)}</table:table-row>")
            write("</table:table></office:spreadsheet></office:body></office:document-content>")
