"""The minutes as a Word document (DOCX), laid out as the published minutes are."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from minutes.documents.content import LANGUAGE, is_right_to_left

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Arial"
# A4 less 2cm margins: the minutes on the left, the actions on the right, as published.
MINUTES_WIDTH, ACTIONS_WIDTH = Cm(11.5), Cm(5.5)


def build_docx(content):
    """The DOCX file of the minutes, as bytes."""
    document = Document()
    set_up(document, content)
    write_title(document, content)
    write_register(document, content)
    write_matters_arising(document, content)
    write_items(document, content)
    if content.next_meeting:
        document.add_heading("Next meeting", level=2)
        add_paragraph(document, content.next_meeting)
    if content.corrections:
        document.add_heading("Corrections", level=2)
        for correction in content.corrections:
            add_paragraph(document, correction)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def set_up(document, content):
    properties = document.core_properties
    properties.title = content.title
    properties.subject = content.subject
    properties.author = content.group_name
    properties.language = LANGUAGE
    properties.comments = ""

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    section.header_distance = section.footer_distance = Cm(1)

    styles = document.styles
    normal = styles["Normal"]
    set_font(normal, FONT, Pt(11))
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    language.set(qn("w:bidi"), "ar-SA")
    normal.element.get_or_add_rPr().append(language)
    for level, size in ((1, 14), (2, 12), (3, 11)):
        heading = styles[f"Heading {level}"]
        set_font(heading, FONT, Pt(size))
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        heading.paragraph_format.space_before = Pt(12 if level < 3 else 6)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.keep_together = True

    if content.draft_notice:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        header.add_run(content.draft_notice).bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES")


def set_font(style, name, size):
    """Sets the style's font for every script, replacing the theme's fonts Word would otherwise use."""
    style.font.name = name
    style.font.size = size
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), name)
        fonts.attrib.pop(qn(f"w:{script}Theme"), None)


def add_field(paragraph, instruction):
    """A field Word fills in as it lays out the pages, such as the page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_paragraph(container, text, *, bold=False, size=None, space_after=None):
    """A paragraph of the minutes' own text; line breaks kept, right-to-left text set so."""
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = size
    if space_after is not None:
        paragraph.paragraph_format.space_after = space_after
    if is_right_to_left(text):
        paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
    return paragraph


def fill(cell, text, **kwargs):
    """Writes the text into the table cell's first paragraph."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = kwargs.get("bold") or None
    paragraph.paragraph_format.space_after = Pt(2)
    if is_right_to_left(text):
        paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
    return paragraph


def add_table(document, headers, rows, widths, *, borders=False):
    """A real table with a header row that repeats on each page and tells a screen reader what each column is."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid" if borders else None
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    header = table.rows[0]
    mark_as_header(header)
    for cell, text in zip(header.cells, headers, strict=True):
        fill(cell, text, bold=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            fill(cell, text)
    set_widths(table, widths)
    return table


def mark_as_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    properties.append(header)


def set_widths(table, widths):
    """Widths on the grid (which LibreOffice reads) and on each cell (which Word reads)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def write_title(document, content):
    title = document.add_heading(level=1)
    title.add_run(content.group_name)
    title.add_run().add_break()
    title.add_run(content.date)
    title.add_run().add_break()
    title.add_run("Minutes")
    if content.when_and_where:
        add_paragraph(document, content.when_and_where)
    if content.draft_notice:
        # Said in the text too: a screen reader passes over the page header.
        add_paragraph(document, content.draft_notice, bold=True)


def write_register(document, content):
    document.add_heading("Attendees:", level=2)
    if content.attendees:
        add_table(
            document,
            ["Department", "Name", "Role"],
            [(row.department, row.who, row.role) for row in content.attendees],
            [Cm(5.5), Cm(9), Cm(2.5)],
        )
    else:
        add_paragraph(document, "No attendees recorded.")
    document.add_heading("Apologies:", level=2)
    if content.apologies:
        add_table(
            document,
            ["Department", "Name"],
            [(row.department, row.name) for row in content.apologies],
            [Cm(5.5), Cm(11.5)],
        )
    else:
        add_paragraph(document, "None")


def write_matters_arising(document, content):
    if not content.matters_arising:
        return
    document.add_heading("Matters arising", level=2)
    add_table(
        document,
        ["Action", "Owners", "Status at the meeting", "Update given"],
        [(f"{row.reference}\n{row.text}", row.owners, row.status, row.update) for row in content.matters_arising],
        [Cm(6), Cm(3), Cm(2.5), Cm(5.5)],
        borders=True,
    )


def write_items(document, content):
    """Each agenda item in a row of its own: its paragraphs on the left, its actions on the right."""
    if not content.items:
        add_paragraph(document, "No agenda items recorded yet.")
        return
    # Word joins tables that touch: a paragraph keeps the items apart from the apologies.
    add_paragraph(document, "", space_after=Pt(0))
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.autofit = False
    for item in content.items:
        minutes, actions = table.add_row().cells
        heading = minutes.paragraphs[0]
        heading.style = document.styles["Heading 2"]
        heading.paragraph_format.space_before = Pt(0)
        # Kept with what follows, a heading in a table cell would push the whole table to the next page.
        heading.paragraph_format.keep_with_next = False
        heading.add_run(item.heading)
        for paragraph in item.paragraphs:
            text = f"{paragraph.number} {paragraph.text}" if paragraph.number else paragraph.text
            add_paragraph(minutes, text)
        fill(actions, "Actions:", bold=True).paragraph_format.space_after = Pt(6)
        for action in item.actions:
            add_paragraph(actions, action.text, space_after=Pt(1))
            add_paragraph(actions, action.details, size=Pt(9), space_after=Pt(8))
        if not item.actions:
            add_paragraph(actions, "None")
    set_widths(table, [MINUTES_WIDTH, ACTIONS_WIDTH])
