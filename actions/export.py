"""The action register as a file: CSV that opens safely in Excel, and XLSX and ODS spreadsheets.

Each is built from plain SQL rows (``register_rows``: the owners and the latest update worked out by
the database, one query for the whole register), read in chunks and written row by row, and streamed
into the response as it is written (the spreadsheets' zip too), so a register of any length takes the
same memory and its download begins at once.
"""

import csv
import datetime
import io
import operator
import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from actions.models import Status

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

TYPED = [HEADER.index(heading) for heading in ("Reference", "Group", "Action", "Owners", "Lead", "Latest update")]
"""The columns whose text people typed, so may start like a formula; the others start with a digit or are
the app's own words."""

# Characters XML 1.0 cannot hold (both spreadsheet formats are XML): control characters but tab and newlines.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What a text cell's XML cannot take as it is: those, and what XML escapes.
NEEDS_CARE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff&<>]")

STATUS_LABELS = dict(Status.choices)


def spreadsheet_safe(value):
    """Text a spreadsheet shows as typed: a leading apostrophe stops a formula from running."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def as_dates():
    """A function from a date as text (2013-03-11) to the date, working out each distinct date once."""
    dates = {}

    def date(text):
        found = dates.get(text)
        if found is None:
            found = dates[text] = datetime.date.fromisoformat(text)
        return found

    return date


def register_rows(actions, date=None):
    """The register's rows, as tuples in the order of ``COLUMNS``; dates (meeting, due, latest update) as
    ``date`` makes them from their text (2013-03-11), or as that text.

    ``actions`` is the register's queryset (filtered, ordered and annotated with ``with_due()``), read as
    SQL rows (``ActionQuerySet.register_rows()``), ``CHUNK`` at a time.
    """
    date = date or str
    for (
        _,
        group,
        meeting_date,
        number,
        item_number,
        item_title,
        text,
        due_on,
        at_next_meeting,
        status,
        is_overdue,
        owners,
        lead,
        latest_on,
        latest,
    ) in actions.register_rows(CHUNK):
        yield (
            f"{group} {meeting_date[:7]} A{number}",
            group,
            date(meeting_date),
            f"{item_number}. {item_title}",
            text,
            owners or "",
            lead or "",
            date(due_on) if due_on else "At the next meeting" if at_next_meeting else "",
            STATUS_LABELS[status],
            "Yes" if is_overdue else "No",
            latest or "",
            date(latest_on) if latest_on else None,
        )


def csv_row(cells):
    """A row of ``register_rows()`` (dates as text) as CSV writes it: typed text safe from running as a formula."""
    row = list(cells)
    for index in TYPED:
        if row[index].startswith(FORMULA_STARTS):
            row[index] = f"'{row[index]}"
    return row


def csv_chunks(rows, rows_per_chunk=500):
    """The CSV of ``register_rows()`` (dates as text), in pieces to stream, with a byte order mark for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(HEADER)
    # The header leaves at once, before the database has sorted the rows: the download has begun.
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    chunk = []
    for cells in rows:
        chunk.append(csv_row(cells))
        if len(chunk) == rows_per_chunk:
            writer.writerows(chunk)
            chunk.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(chunk)
    yield buffer.getvalue()


class _Taken:
    """A file a zip is written into whose bytes are taken out as they come, to stream it as it is written.

    It cannot seek back, so each part's sizes follow its data (a data descriptor), as a zip streamed allows.
    """

    def __init__(self):
        self.pieces = []

    def write(self, data):
        self.pieces.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.pieces)
        self.pieces.clear()
        return data


def _zip_chunks(write):
    """The bytes of the zip ``write(package, out)`` writes, as it writes them: ``write`` is a generator that
    yields whenever some of it may go."""
    taken = _Taken()
    with zipfile.ZipFile(taken, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for _ in write(package):
            if data := taken.take():
                yield data
    yield taken.take()


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


def _xml_text(value):
    """Text as an XML element holds it: escaped, without the characters XML cannot hold."""
    return escape(NOT_XML.sub("", value)) if NEEDS_CARE.search(value) else value


_written_text = operator.itemgetter(
    *(
        HEADER.index(heading)
        for heading in ("Reference", "Group", "Agenda item", "Action", "Owners", "Lead", "Latest update")
    )
)


def _xml_cells(cells):
    """A row of ``register_rows()`` with its text as XML holds it (``_xml_text``).

    Only the text people wrote can need it (the rest are dates and the app's own words), and most rows need
    nothing: the row is looked at once, and its cells one by one only when something needs care.
    """
    if NEEDS_CARE.search("".join(_written_text(cells))) is None:
        return cells
    return [_xml_text(value) if type(value) is str else value for value in cells]


def xlsx_chunks(rows, rows_per_chunk=500):
    """An Excel workbook of ``register_rows()`` (dates as dates), the header row frozen and the columns sized,
    in pieces to stream as it is written.

    The sheet's XML is written straight into the zip (text as inline strings, dates as date cells), so
    memory stays the same however many rows there are.
    """
    letters = [get_column_letter(number) for number in range(1, len(COLUMNS) + 1)]
    text_styles = ["3" if wraps else "2" for _, _, wraps in COLUMNS]
    days = {}

    def write(package):
        for name, part in XLSX_PACKAGE.items():
            package.writestr(name, part)
        yield
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(_xlsx_sheet_start().encode())
            written = []
            for number, cells in enumerate(rows, start=2):
                row = [f'<row r="{number}">']
                for letter, style, value in zip(letters, text_styles, _xml_cells(cells), strict=True):
                    if not value:
                        continue
                    if type(value) is datetime.date:
                        day = days.get(value)
                        if day is None:
                            day = days[value] = (value - XLSX_EPOCH).days
                        row.append(f'<c r="{letter}{number}" s="4"><v>{day}</v></c>')
                    else:
                        # Text stays text, even when it starts with "=": nothing typed runs as a formula.
                        row.append(
                            f'<c r="{letter}{number}" t="inlineStr" s="{style}"><is><t xml:space="preserve">'
                            f"{value}</t></is></c>"
                        )
                row.append("</row>")
                written.append("".join(row))
                if len(written) == rows_per_chunk:
                    sheet.write("".join(written).encode())
                    written.clear()
                    yield
            written.append("</sheetData></worksheet>")
            sheet.write("".join(written).encode())

    return _zip_chunks(write)


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


def _ods_date(value):
    return (
        f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value:%Y-%m-%d}">'
        f"<text:p>{value.day} {value:%b %Y}</text:p></table:table-cell>"
    )


def _ods_cell(value, style="text"):
    if not value:
        return f'<table:table-cell table:style-name="{style}"/>'
    if type(value) is datetime.date:
        return _ods_date(value)
    text = _xml_text(value)
    if "\n" in text:
        text = text.replace("\n", "</text:p><text:p>")
    return (
        f'<table:table-cell table:style-name="{style}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


def ods_chunks(rows, rows_per_chunk=500):
    """An OpenDocument spreadsheet of ``register_rows()`` (dates as dates), the header row frozen, in pieces
    to stream as it is written."""
    dates = {}
    empty = '<table:table-cell table:style-name="text"/>'

    def row_of(cells):
        row = ["<table:table-row>"]
        for value in _xml_cells(cells):
            if not value:
                row.append(empty)
            elif type(value) is datetime.date:
                found = dates.get(value)
                if found is None:
                    found = dates[value] = _ods_date(value)
                row.append(found)
            else:
                if "\n" in value:
                    value = value.replace("\n", "</text:p><text:p>")
                row.append(
                    f'<table:table-cell table:style-name="text" office:value-type="string"><text:p>{value}</text:p>'
                    "</table:table-cell>"
                )
        row.append("</table:table-row>")
        return "".join(row)

    def write(package):
        # The mimetype comes first and uncompressed, so that programs recognise the file.
        package.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        package.writestr("settings.xml", ODS_SETTINGS)
        yield
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
                written.append(row_of(cells))
                if len(written) == rows_per_chunk:
                    write("".join(written))
                    written.clear()
                    yield
            written.append("</table:table></office:spreadsheet></office:body></office:document-content>")
            write("".join(written))

    return _zip_chunks(write)
