"""The action register as a file: CSV that opens safely in Excel, and XLSX and ODS spreadsheets.

Each is written row by row, so a register of any length takes the same memory: the CSV into the
response, the spreadsheets into a temporary file (openpyxl's write-only mode; the ODS's XML streamed
into its zip).
"""

import csv
import datetime
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

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

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold (both spreadsheet formats are XML): control characters but tab and newlines.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def spreadsheet_safe(value):
    """Text a spreadsheet shows as typed: a leading apostrophe stops a formula from running."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def cells(action):
    """The action's row: text, and dates as dates."""
    latest = action.latest_update
    return [
        action.reference,
        action.meeting.group.short_name,
        action.meeting.date,
        str(action.agenda_item),
        action.text,
        ", ".join(department.short_name for department in action.owner_list),
        action.lead.short_name if action.lead else "",
        action.due_on or (action.due_display if action.has_due_date else ""),
        action.get_status_display(),
        "Yes" if action.is_overdue else "No",
        latest.text if latest else "",
        latest.happened_on if latest else None,
    ]


def row(action):
    """The action's row as CSV writes it: dates as 2013-03-11."""
    return [
        "" if cell is None else f"{cell:%Y-%m-%d}" if isinstance(cell, datetime.date) else cell
        for cell in cells(action)
    ]


def write_csv(actions, stream):
    """Write the actions, fetched with ``for_listing()``, as CSV with a byte order mark for Excel."""
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for action in actions:
        writer.writerow([spreadsheet_safe(cell) for cell in row(action)])


def write_xlsx(actions, file):
    """Write the actions as an Excel workbook, the header row frozen, in openpyxl's write-only mode."""
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
    for action in actions:
        sheet.append([cell(value, wraps) for value, (_, _, wraps) in zip(cells(action), COLUMNS, strict=True)])
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


def write_ods(actions, file):
    """Write the actions as an OpenDocument spreadsheet, the header row frozen, one row at a time."""
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
            for action in actions:
                write(f"<table:table-row>{''.join(_ods_cell(value) for value in cells(action))}</table:table-row>")
            write("</table:table></office:spreadsheet></office:body></office:document-content>")
