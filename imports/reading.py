"""Read an uploaded file to the text the importer parses, refusing what cannot be read.

The kind of file is told from its first bytes, not its name; a name that says otherwise is refused.
DOCX and ODT are zip files: their sizes unzipped are checked before anything is unzipped, so a
small file that expands enormously is refused. Tables come out as lines with a tab between their
columns, so the right-hand column of actions stays beside its item.
"""

import io
import re
import zipfile
from html.parser import HTMLParser

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_PAGES = 500

# Characters a database or browser refuses (a NUL in a Word file's text): vertical tabs and form
# feeds become line breaks, the rest go. (As ``minutes.documents.content`` cleans what it writes;
# not imported from there, so reading files needs no Django.)
_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
_UNWRITABLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text):
    return _UNWRITABLE.sub("", _BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n")))


KINDS = {
    "docx": "a Word document (DOCX)",
    "odt": "an OpenDocument text (ODT)",
    "pdf": "a PDF",
    "html": "a web page (HTML)",
    "text": "plain text",
}
EXTENSIONS = {
    "docx": {"docx"},
    "odt": {"odt"},
    "pdf": {"pdf"},
    "html": {"html", "htm", "txt"},
    "text": {"txt", "text", "md", "html", "htm"},
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class Unreadable(Exception):
    """The file cannot be imported; the message says why, for the person who chose it."""


def kind_of(content):
    """What the bytes are: "docx", "odt", "pdf", "html", "text"; raises ``Unreadable`` otherwise."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise Unreadable(
            "The selected file is password-protected or an old Word (.doc) file. "
            "Remove the password, or save it as a Word document (.docx), and upload it again"
        )
    if content.startswith(b"PK\x03\x04"):
        archive = open_archive(content)
        names = set(archive.namelist())
        if "word/document.xml" in names:
            return "docx"
        if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
            return "odt"
        raise Unreadable("The selected file is a zip file, not a Word or OpenDocument text document")
    text = decoded(content)
    lowered = text[:4000].lower()
    if "<html" in lowered or "<!doctype html" in lowered or "<body" in lowered or "<table" in lowered:
        return "html"
    return "text"


def decoded(content):
    if b"\x00" in content[:8192]:
        raise Unreadable("The selected file is not a document that can be read: it is not text, Word, ODT or PDF")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("The selected file is not a document that can be read: it is not text, Word, ODT or PDF")


def open_archive(content):
    """The zip file, once its entries are known to unzip to a sensible size."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise Unreadable("The selected file is damaged and cannot be opened") from error
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise Unreadable("The selected file is password-protected. Remove the password and upload it again")
    unzipped = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    if unzipped > MAX_UNZIPPED_BYTES or unzipped / packed > MAX_COMPRESSION_RATIO:
        raise Unreadable(
            "The selected file expands to far more than a document of minutes would when it is opened, "
            "so it was not opened"
        )
    return archive


def read_document(content, filename=""):
    """The text of an uploaded file, checked by content against its name's extension."""
    if not content:
        raise Unreadable("The selected file is empty")
    if len(content) > MAX_UPLOAD_BYTES:
        raise Unreadable("The selected file must be smaller than 20 MB")
    kind = kind_of(content)
    extension = filename.rpartition(".")[2].lower() if "." in filename else ""
    if extension and extension not in EXTENSIONS[kind]:
        raise Unreadable(
            f"The selected file is called .{extension} but it is {KINDS[kind]}: check you chose the right file"
        )
    reader = {"docx": docx_text, "odt": odt_text, "pdf": pdf_text, "html": html_text, "text": decoded}[kind]
    try:
        text = reader(content)
    except Unreadable:
        raise
    except Exception as error:  # Each library fails its own way on a damaged file: all mean the same here.
        raise Unreadable(f"The selected file is damaged and cannot be read as {KINDS[kind]}") from error
    # Control characters a database or a browser would refuse (a NUL in a Word file's text) go.
    text = clean(text)
    if not text.strip():
        raise Unreadable("The selected file has no text in it")
    return text


def rows_as_lines(rows):
    """Table rows (lists of cells, each a list of paragraphs) as lines, columns divided by tabs."""
    lines = []
    for cells in rows:
        height = max((len(cell) for cell in cells), default=0)
        for index in range(height):
            lines.append("\t".join(cell[index] if index < len(cell) else "" for cell in cells).rstrip("\t"))
    return lines


def _one_line(text):
    return " ".join(text.replace("\t", " ").split())


def docx_text(content):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    open_archive(content)
    document = Document(io.BytesIO(content))
    lines = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rpartition("}")[2]
        if tag == "p":
            paragraph = Paragraph(element, document)
            lines.extend(_one_line(part) for part in paragraph.text.split("\n"))
        elif tag == "tbl":
            table = Table(element, document)
            rows = []
            for row in table.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # A merged cell is listed once for each column it spans.
                        continue
                    seen.add(id(cell._tc))
                    cells.append([_one_line(p.text) for p in cell.paragraphs if p.text.strip()])
                rows.append(cells)
            lines.extend(rows_as_lines(rows))
    return "\n".join(lines)


def odt_text(content):
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS
    from odf.opendocument import load

    open_archive(content)
    document = load(io.BytesIO(content))
    lines = []

    def paragraphs(node):
        found = []
        for child in node.childNodes:
            if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                found.extend(_one_line(part) for part in teletype.extractText(child).split("\n"))
            elif child.nodeType == child.ELEMENT_NODE:
                found.extend(paragraphs(child))
        return found

    def walk(node):
        for child in node.childNodes:
            if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                lines.extend(_one_line(part) for part in teletype.extractText(child).split("\n"))
            elif child.qname == (TABLENS, "table"):
                rows = []
                for row in child.getElementsByType(_table_row()):
                    cells = [
                        [text for text in paragraphs(cell) if text]
                        for cell in row.childNodes
                        if cell.qname == (TABLENS, "table-cell")
                    ]
                    rows.append(cells)
                lines.extend(rows_as_lines(rows))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(document.text)
    return "\n".join(lines)


def _table_row():
    from odf.table import TableRow

    return TableRow


def pdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as error:
            raise Unreadable(
                "The selected file is password-protected. Remove the password and upload it again"
            ) from error
        if not opened:
            raise Unreadable("The selected file is password-protected. Remove the password and upload it again")
    if len(reader.pages) > MAX_PAGES:
        raise Unreadable(f"The selected file has more than {MAX_PAGES} pages: import the minutes one meeting at a time")
    text = "\n".join(columns_of(page.extract_text(extraction_mode="layout") or "") for page in reader.pages)
    if not text.strip():
        raise Unreadable(
            "The selected PDF has no text in it, only images (it was probably scanned). "
            "Upload the original document, or paste the text"
        )
    return text


PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d+\s*(?:of|/)\s*\d+\s*$", re.I)
COLUMN_GAP = re.compile(r"\s{3,}")
RIGHT_COLUMN_INDENT = 24


def columns_of(page_text):
    """A page laid out as text, its columns divided by tabs: wide gaps between words are column
    gaps, and a line that starts far to the right is in the right-hand column. Page numbers go."""
    lines = []
    for line in page_text.splitlines():
        if not line.strip() or PAGE_NUMBER.match(line):
            continue
        indent = len(line) - len(line.lstrip())
        cells = COLUMN_GAP.split(line.strip())
        if indent >= RIGHT_COLUMN_INDENT and len(cells) == 1:
            cells = ["", *cells]
        lines.append("\t".join(cells))
    return "\n".join(lines)


class _HTMLText(HTMLParser):
    """A web page as lines: block elements end a line, table cells are divided by tabs."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "section"}
    SKIPPED = {"script", "style", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.lines, self.current, self.skipping = [], [], [], 0
        self.row, self.cell = None, None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.current = []
        elif tag in self.BLOCKS:
            self.end_block()

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.cell is not None:
            self.end_block()
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.lines.extend(rows_as_lines([self.row]))
            self.row = None
        elif tag in self.BLOCKS:
            self.end_block()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def end_block(self):
        text = _one_line("".join(self.current))
        self.current = []
        if not text:
            return
        if self.cell is not None:
            self.cell.append(text)
        else:
            self.lines.append(text)


def html_text(content):
    parser = _HTMLText()
    parser.feed(decoded(content))
    parser.close()
    parser.end_block()
    return "\n".join(parser.lines)
