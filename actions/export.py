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
from xml.sax.saxutils import escape

from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat, TruncDate
from openpyxl.utils import get_column_letter

from actions.models import ActionOwner, Status, Update
from meetings.models import Department

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


class Joined(Subquery):
    """The values of a one-column subquery, in its order, joined by commas into one text ("12,5").

    PostgreSQL keeps the order of ``ARRAY(subquery)``; SQLite's GROUP_CONCAT takes the rows of an ordered
    subquery in their order.
    """

    template = "(SELECT GROUP_CONCAT(joined.value, ',') FROM (%(subquery)s) AS joined)"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="ARRAY_TO_STRING(ARRAY(%(subquery)s), ',')")


def register_rows(actions):
    """The register's rows, as tuples of text and dates in the order of ``COLUMNS``.

    ``actions`` is the register's queryset (filtered, ordered and annotated with ``with_due()``); it is read
    as one query of values, not model instances, ``CHUNK`` rows at a time, and the departments' names in
    one more. Owners come lead first, as the register lists them; the latest update is the newest not
    withdrawn, dated as it happened.

    Each row's owners and latest update are a subquery the database runs per action: the owners as their
    departments' ids (named here, from one small query, rather than joined once per action), the lead
    through the one-lead-per-action index, and the latest update's date and text as one value
    ("2013-03-11 Work has started"), so that each is found once.
    """
    owners = ActionOwner.objects.filter(action=OuterRef("pk"))
    updates = (
        Update.objects.filter(action=OuterRef("pk"), withdrawn_at=None)
        .annotate(happened_on=Coalesce("reported_at__date", TruncDate("created_at")))
        .order_by("-happened_on", "-pk")
    )
    latest = Concat(Cast("happened_on", models.CharField()), Value(" "), "text", output_field=models.TextField())
    values = (
        actions.select_related(None)
        .prefetch_related(None)
        .annotate(
            owner_ids=Joined(
                owners.order_by("-is_lead", "position", "pk").annotate(value=F("department_id")).values("value")
            ),
            lead_id=Subquery(owners.filter(is_lead=True).values("department_id")[:1]),
            latest=Subquery(updates.annotate(latest=latest).values("latest")[:1], output_field=models.TextField()),
        )
        .values_list(
            "meeting__group__short_name",
            "meeting__date",
            "number",
            "agenda_item__number",
            "agenda_item__title",
            "text",
            "owner_ids",
            "lead_id",
            "due_on",
            "due_at_next_meeting",
            "status",
            "is_overdue",
            "latest",
        )
    )
    names = {str(pk): short_name for pk, short_name in Department.objects.values_list("pk", "short_name")}
    date = datetime.date.fromisoformat
    for (
        group,
        meeting_date,
        number,
        item_number,
        item_title,
        text,
        owner_ids,
        lead_id,
        due_on,
        at_next_meeting,
        status,
        is_overdue,
        latest,
    ) in values.iterator(chunk_size=CHUNK):
        yield (
            f"{group} {meeting_date:%Y-%m} A{number}",
            group,
            meeting_date,
            f"{item_number}. {item_title}",
            text,
            ", ".join(names[pk] for pk in owner_ids.split(",")) if owner_ids else "",
            names[str(lead_id)] if lead_id else "",
            due_on or ("At the next meeting" if at_next_meeting else ""),
            STATUS_LABELS[status],
            "Yes" if is_overdue else "No",
            latest[11:] if latest else "",
            date(latest[:10]) if latest else None,
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
    # The header leaves at once, before the database has sorted the rows: the download has begun.
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for count, cells in enumerate(rows, start=1):
        writer.writerow(csv_row(cells))
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XLSX_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XLSX_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{XLSX_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<workbook xmlns="{XLSX_MAIN}" xmlns:r="{XLSX_RELATIONSHIPS}">'
        '<sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{XLSX_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{XLSX_RELATIONSHIPS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    # Cell styles by index: 0 the default, 1 the header (bold), 2 text at the top, 3 text wrapped at the
    # top, 4 a date ("11 Mar 2013") at the top.
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<styleSheet xmlns="{XLSX_MAIN}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="d mmm yyyy"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment vertical="top"/></xf>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment vertical="top" wrapText="1"/></xf>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">'
        '<alignment vertical="top"/></xf></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
XLSX_EPOCH = datetime.date(1899, 12, 30)
"""Day 0 of a spreadsheet's dates: a date cell holds the days since."""


def _xlsx_sheet_start():
    columns = "".join(
        f'<col min="{number}" max="{number}" width="{width}" customWidth="1"/>'
        for number, (_, width, _) in enumerate(COLUMNS, start=1)
    )
    header = "".join(
        f'<c r="{get_column_letter(number)}1" t="inlineStr" s="1"><is><t>{escape(heading)}</t></is></c>'
        for number, heading in enumerate(HEADER, start=1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<worksheet xmlns="{XLSX_MAIN}" xmlns:r="{XLSX_RELATIONSHIPS}">'
        # The header row stays in view: the sheet is frozen below it.
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<cols>{columns}</cols><sheetData><row r="1">{header}</row>'
    )


def write_xlsx(rows, file):
    """Write the rows as an Excel workbook, the header row frozen and the columns sized, one row at a time.

    The sheet's XML is written straight into the zip (text as inline strings, dates as date cells), so
    memory stays the same however many rows there are, and the file is written at the speed of the rows.
    """
    letters = [get_column_letter(number) for number in range(1, len(COLUMNS) + 1)]
    text_styles = ["3" if wraps else "2" for _, _, wraps in COLUMNS]
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, part in XLSX_PACKAGE.items():
            package.writestr(name, part)
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(_xlsx_sheet_start().encode())
            written = []
            for number, cells in enumerate(rows, start=2):
                row = [f'<row r="{number}">']
                for letter, style, value in zip(letters, text_styles, cells, strict=True):
                    if value is None or value == "":
                        continue
                    if isinstance(value, datetime.date):
                        row.append(f'<c r="{letter}{number}" s="4"><v>{(value - XLSX_EPOCH).days}</v></c>')
                    else:
                        # Text stays text, even when it starts with "=": nothing typed runs as a formula.
                        text = escape(NOT_XML.sub("", value))
                        row.append(
                            f'<c r="{letter}{number}" t="inlineStr" s="{style}"><is><t xml:space="preserve">'
                            f"{text}</t></is></c>"
                        )
                row.append("</row>")
                written.append("".join(row))
                if len(written) == 500:
                    sheet.write("".join(written).encode())
                    written = []
            written.append("</sheetData></worksheet>")
            sheet.write("".join(written).encode())


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
            f"<text:p>{value.day} {value:%b %Y}</text:p></table:table-cell>"
        )
    text = escape(NOT_XML.sub("", value))
    if "\n" in text:
        text = text.replace("\n", "</text:p><text:p>")
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def write_ods(rows, file):
    """Write the rows as an OpenDocument spreadsheet, the header row frozen, one row at a time."""
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
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
            written = []
            for cells in rows:
                written.append(f"<table:table-row>{''.join(map(_ods_cell, cells))}</table:table-row>")
                if len(written) == 500:
                    write("".join(written))
                    written = []
            written.append("</table:table></office:spreadsheet></office:body></office:document-content>")
            write("".join(written))
