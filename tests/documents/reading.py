"""Reading the minutes' documents back as a person (or a screen reader) would: text in reading order,
headings, tables, and what each page's header says."""

import io
import re
from dataclasses import dataclass, field

import docx
import pypdf
from odf import opendocument, teletype
from odf.namespaces import TEXTNS
from odf.style import Header, MasterPage
from odf.table import Table, TableCell, TableRow
from odf.text import H, List, P


@dataclass
class ReadDocument:
    """What a document says: its blocks in reading order, its headings, tables and page headers."""

    blocks: list = field(default_factory=list)  # ("heading", level, text), ("paragraph", text), ("table", rows)
    headers: list = field(default_factory=list)  # the text of each page header
    title: str = ""
    language: str = ""
    numbered_lists: int = 0  # lists the word processor numbers itself

    @property
    def headings(self):
        return [(block[1], block[2]) for block in self.blocks if block[0] == "heading"]

    @property
    def tables(self):
        return [block[1] for block in self.blocks if block[0] == "table"]

    def table_headed(self, *headers):
        """The rows, header row first, of the table whose header row starts with these headings."""
        return next(rows for rows in self.tables if tuple(rows[0][: len(headers)]) == headers)

    @property
    def text(self):
        """Everything the document says, in reading order, one line per paragraph."""
        return "\n".join(block_text(block) for block in self.blocks)


def block_text(block):
    if block[0] == "heading":
        return block[2]
    if block[0] == "paragraph":
        return block[1]
    return "\n".join("\n".join(cell for cell in row) for row in block[1])


def read_docx(content):
    document = docx.Document(io.BytesIO(content))
    read = ReadDocument(
        title=document.core_properties.title,
        language=document.core_properties.language,
        headers=[
            "\n".join(paragraph.text for paragraph in section.header.paragraphs)
            for section in document.sections
            if not section.header.is_linked_to_previous
        ],
        numbered_lists=len(document.element.body.xpath(".//w:numPr")),
    )
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            read.blocks.append(("table", [[cell_text_docx(cell) for cell in row.cells] for row in block.rows]))
            read.blocks.extend(headings_in_table_docx(block))
        else:
            read.blocks.append(docx_paragraph(block))
    return read


def docx_paragraph(paragraph):
    style = paragraph.style.name
    if style.startswith("Heading "):
        return ("heading", int(style.split()[-1]), paragraph.text)
    return ("paragraph", paragraph.text)


def cell_text_docx(cell):
    return "\n".join(paragraph.text for paragraph in cell.paragraphs)


def headings_in_table_docx(table):
    """The headings inside a table's cells: they count in the document's outline too."""
    return [
        docx_paragraph(paragraph)
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        if paragraph.style.name.startswith("Heading ")
    ]


def read_odt(content):
    document = opendocument.load(io.BytesIO(content))
    meta = {element.qname[1]: teletype.extractText(element) for element in document.meta.childNodes}
    read = ReadDocument(
        title=meta.get("title", ""),
        language=meta.get("language", ""),
        headers=[
            teletype.extractText(header)
            for page in document.masterstyles.getElementsByType(MasterPage)
            for header in page.getElementsByType(Header)
        ],
        numbered_lists=len(document.text.getElementsByType(List)),
    )
    for element in document.text.childNodes:
        if element.qname == (TEXTNS, "h"):
            read.blocks.append(odt_heading(element))
        elif element.qname == (TEXTNS, "p"):
            read.blocks.append(("paragraph", teletype.extractText(element)))
        elif element.isInstanceOf(Table):
            rows = [
                [cell_text_odt(cell) for cell in row.getElementsByType(TableCell)]
                for row in element.getElementsByType(TableRow)
            ]
            read.blocks.append(("table", rows))
            read.blocks.extend(odt_heading(heading) for heading in element.getElementsByType(H))
    return read


def odt_heading(element):
    return ("heading", int(element.getAttribute("outlinelevel")), teletype.extractText(element))


def cell_text_odt(cell):
    return "\n".join(
        teletype.extractText(paragraph)
        for paragraph in cell.childNodes
        if paragraph.isInstanceOf(P) or paragraph.isInstanceOf(H)
    )


@dataclass
class ReadPdf:
    pages: list  # each page's text, as a PDF reader extracts it
    title: str
    language: str
    tagged: bool
    headings: list  # the tagged headings: ("H1", text)

    @property
    def text(self):
        return "\n".join(self.pages)


def read_pdf(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo")
    return ReadPdf(
        pages=[page.extract_text() for page in reader.pages],
        title=reader.metadata.title,
        language=str(root.get("/Lang", "")),
        tagged=bool(mark_info and mark_info.get_object().get("/Marked")) and "/StructTreeRoot" in root,
        headings=tagged_headings(root),
    )


def tagged_headings(root):
    """The structure elements of the PDF's tag tree that are headings, in order."""
    found = []

    def walk(element):
        element = element.get_object()
        if isinstance(element, pypdf.generic.ArrayObject):
            for kid in element:
                walk(kid)
            return
        if not isinstance(element, pypdf.generic.DictionaryObject):
            return
        tag = element.get("/S")
        if tag and re.fullmatch(r"/H\d", str(tag)):
            found.append(str(tag)[1:])
        if "/K" in element:
            walk(element["/K"])

    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"])
    return found


def words(text):
    """The text with its runs of whitespace made single spaces, as line breaks fall differently in each format."""
    return " ".join(text.split())
