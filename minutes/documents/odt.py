"""The minutes as an OpenDocument text (ODT), the UK government's standard for editable documents,
laid out as the published minutes are."""

import io

from odf import dc, meta, teletype
from odf.opendocument import OpenDocumentText
from odf.style import (
    DefaultStyle,
    FontFace,
    Footer,
    Header,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, P, PageCount, PageNumber, Span

from minutes.documents.content import LANGUAGE, is_right_to_left

CONTENT_TYPE = "application/vnd.oasis.opendocument.text"
FONT = "Arial"  # LibreOffice lays it out in Liberation Sans, which has the same metrics
PAGE_WIDTH = 17.0  # cm: A4 less 2cm margins


def build_odt(content):
    """The ODT file of the minutes, as bytes."""
    document = OpenDocumentText()
    styles = Styles(document)
    set_up(document, styles, content)
    body = document.text
    write_title(body, styles, content)
    write_register(body, styles, content)
    write_matters_arising(body, styles, content)
    write_items(body, styles, content)
    if content.next_meeting:
        body.addElement(heading(styles, 2, "Next meeting"))
        body.addElement(paragraph(styles, content.next_meeting))
    if content.corrections:
        body.addElement(heading(styles, 2, "Corrections"))
        for correction in content.corrections:
            body.addElement(paragraph(styles, correction))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


class Styles:
    """The document's named styles: headings are LibreOffice's own, so they show in its navigator."""

    def __init__(self, document):
        self.document = document
        language, country = LANGUAGE.split("-")
        document.fontfacedecls.addElement(
            FontFace(name=FONT, fontfamily=FONT, fontfamilygeneric="swiss", fontpitch="variable")
        )
        default = DefaultStyle(family="paragraph")
        default.addElement(
            TextProperties(
                fontname=FONT,
                fontfamily=FONT,
                fontsize="11pt",
                language=language,
                country=country,
                fontfamilycomplex="DejaVu Sans",
                fontsizecomplex="11pt",
            )
        )
        document.styles.addElement(default)
        self.normal = self.named(
            "Standard", "paragraph", margin_bottom="0.2cm", paragraph={"orphans": "2", "widows": "2"}
        )
        self.cell_text = self.named("Table_20_Contents", "paragraph", parent="Standard", margin_bottom="0.07cm")
        self.table_heading = self.named(
            "Table_20_Heading", "paragraph", parent="Table_20_Contents", text={"fontweight": "bold"}
        )
        self.small = self.named("App_20_Action_20_details", "paragraph", parent="Standard", margin_bottom="0.3cm")
        self.small.addElement(TextProperties(fontsize="9pt", fontsizecomplex="9pt"))
        self.bold = Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
        self.bold.addElement(TextProperties(fontweight="bold", fontweightcomplex="bold"))
        document.styles.addElement(self.bold)
        self.header = self.named("Header", "paragraph", parent="Standard", align="center", text={"fontweight": "bold"})
        self.footer = self.named("Footer", "paragraph", parent="Standard", align="center")
        self.headings = {
            level: self.named(
                f"Heading_20_{level}",
                "paragraph",
                parent="Standard",
                outline_level=level,
                margin_top="0.4cm" if level == 1 else "0.3cm",
                margin_bottom="0.2cm",
                keep_with_next=True,
                text={"fontsize": size, "fontweight": "bold", "fontsizecomplex": size, "fontweightcomplex": "bold"},
            )
            for level, size in ((1, "14pt"), (2, "12pt"), (3, "11pt"))
        }
        self.right_to_left = {}
        self.tables = {}

    def named(
        self,
        name,
        family,
        *,
        parent=None,
        margin_top="0cm",
        margin_bottom="0cm",
        align=None,
        outline_level=None,
        keep_with_next=False,
        paragraph=None,
        text=None,
    ):
        display_name = name.replace("_20_", " ")
        attributes = {"name": name, "displayname": display_name, "family": family}
        if parent:
            attributes["parentstylename"] = parent
        if outline_level:
            attributes["defaultoutlinelevel"] = str(outline_level)
        style = Style(**attributes)
        paragraph_properties = {"margintop": margin_top, "marginbottom": margin_bottom, **(paragraph or {})}
        if align:
            paragraph_properties["textalign"] = align
        if keep_with_next:
            # A heading stays whole and with its first paragraph, even where a table row breaks across pages.
            paragraph_properties.update(keepwithnext="always", keeptogether="always")
        style.addElement(ParagraphProperties(**paragraph_properties))
        if text:
            style.addElement(TextProperties(**text))
        self.document.styles.addElement(style)
        return style

    def for_text(self, style, text):
        """The style, or a right-to-left variant of it when the text reads right to left."""
        if not is_right_to_left(text):
            return style
        name = style.getAttribute("name")
        if name not in self.right_to_left:
            variant = Style(name=f"{name}_rtl", family="paragraph", parentstylename=name)
            variant.addElement(ParagraphProperties(writingmode="rl-tb", textalign="right"))
            self.document.automaticstyles.addElement(variant)
            self.right_to_left[name] = variant
        return self.right_to_left[name]

    def table(self, name, widths, *, borders):
        """A table's style, its columns' and its cells', made once per layout."""
        if name in self.tables:
            return self.tables[name]
        automatic = self.document.automaticstyles
        table_style = Style(name=name, family="table")
        table_style.addElement(TableProperties(width=f"{sum(widths)}cm", align="left", margintop="0.1cm"))
        automatic.addElement(table_style)
        columns = []
        for index, width in enumerate(widths):
            column = Style(name=f"{name}.{index}", family="table-column")
            column.addElement(TableColumnProperties(columnwidth=f"{width}cm"))
            automatic.addElement(column)
            columns.append(column)
        cell = Style(name=f"{name}.cell", family="table-cell")
        cell.addElement(
            TableCellProperties(
                padding="0.1cm" if borders else "0.05cm", border="0.5pt solid #000000" if borders else "none"
            )
        )
        automatic.addElement(cell)
        self.tables[name] = (table_style, columns, cell)
        return self.tables[name]


def set_up(document, styles, content):
    document.meta.addElement(dc.Title(text=content.title))
    document.meta.addElement(dc.Subject(text=content.subject))
    document.meta.addElement(dc.Language(text=LANGUAGE))
    document.meta.addElement(meta.InitialCreator(text=content.group_name))

    layout = PageLayout(name="A4")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            printorientation="portrait",
            margintop="1cm",
            marginbottom="1cm",
            marginleft="2cm",
            marginright="2cm",
        )
    )
    document.automaticstyles.addElement(layout)
    page = MasterPage(name="Standard", pagelayoutname=layout)
    if content.draft_notice:
        header = Header()
        header.addElement(P(stylename=styles.header, text=content.draft_notice))
        page.addElement(header)
    footer = Footer()
    page_number = P(stylename=styles.footer, text="Page ")
    page_number.addElement(PageNumber(selectpage="current", text="1"))
    page_number.addText(" of ")
    page_number.addElement(PageCount(text="1"))
    footer.addElement(page_number)
    page.addElement(footer)
    document.masterstyles.addElement(page)


def heading(styles, level, text):
    element = H(outlinelevel=level, stylename=styles.for_text(styles.headings[level], text))
    teletype.addTextToElement(element, text)
    return element


def paragraph(styles, text, style=None, *, bold=False):
    element = P(stylename=styles.for_text(style or styles.normal, text))
    if bold:
        span = Span(stylename=styles.bold)
        teletype.addTextToElement(span, text)
        element.addElement(span)
    else:
        teletype.addTextToElement(element, text)
    return element


def table(styles, name, headers, rows, widths, *, borders=False):
    """A real table, its header row repeated on each page so a reader knows each column."""
    table_style, column_styles, cell_style = styles.table(name, widths, borders=borders)
    element = Table(name=name, stylename=table_style)
    for column_style in column_styles:
        element.addElement(TableColumn(stylename=column_style))
    header = TableHeaderRows()
    header.addElement(row(styles, cell_style, headers, styles.table_heading))
    element.addElement(header)
    for values in rows:
        element.addElement(row(styles, cell_style, values, styles.cell_text))
    return element


def row(styles, cell_style, values, text_style):
    element = TableRow()
    for value in values:
        cell = TableCell(stylename=cell_style, valuetype="string")
        for line in value.split("\n") if value else [""]:
            cell.addElement(paragraph(styles, line, text_style))
        element.addElement(cell)
    return element


def write_title(body, styles, content):
    title = H(outlinelevel=1, stylename=styles.headings[1])
    teletype.addTextToElement(title, f"{content.group_name}\n{content.date}\nMinutes")
    body.addElement(title)
    if content.when_and_where:
        body.addElement(paragraph(styles, content.when_and_where))
    if content.draft_notice:
        # Said in the text too: a screen reader passes over the page header.
        body.addElement(paragraph(styles, content.draft_notice, bold=True))


def write_register(body, styles, content):
    body.addElement(heading(styles, 2, "Attendees:"))
    if content.attendees:
        body.addElement(
            table(
                styles,
                "Attendees",
                ["Department", "Name", "Role"],
                [(row.department, row.who, row.role) for row in content.attendees],
                [5.5, 9.0, 2.5],
            )
        )
    else:
        body.addElement(paragraph(styles, "No attendees recorded."))
    body.addElement(heading(styles, 2, "Apologies:"))
    if content.apologies:
        body.addElement(
            table(
                styles,
                "Apologies",
                ["Department", "Name"],
                [(row.department, row.name) for row in content.apologies],
                [5.5, 11.5],
            )
        )
    else:
        body.addElement(paragraph(styles, "None"))


def write_matters_arising(body, styles, content):
    if not content.matters_arising:
        return
    body.addElement(heading(styles, 2, "Matters arising"))
    body.addElement(
        table(
            styles,
            "Matters_arising",
            ["Action", "Owners", "Status at the meeting", "Update given"],
            [(f"{row.reference}\n{row.text}", row.owners, row.status, row.update) for row in content.matters_arising],
            [6.0, 3.0, 2.5, 5.5],
            borders=True,
        )
    )


def write_items(body, styles, content):
    """Each agenda item in a row of its own: its paragraphs on the left, its actions on the right."""
    if not content.items:
        body.addElement(paragraph(styles, "No agenda items recorded yet."))
        return
    table_style, column_styles, cell_style = styles.table("Agenda_items", [11.5, 5.5], borders=True)
    element = Table(name="Agenda_items", stylename=table_style)
    for column_style in column_styles:
        element.addElement(TableColumn(stylename=column_style))
    for item in content.items:
        item_row = TableRow()
        minutes = TableCell(stylename=cell_style, valuetype="string")
        minutes.addElement(heading(styles, 2, item.heading))
        for entry in item.paragraphs:
            text = f"{entry.number} {entry.text}" if entry.number else entry.text
            minutes.addElement(paragraph(styles, text))
        actions = TableCell(stylename=cell_style, valuetype="string")
        actions.addElement(paragraph(styles, "Actions:", bold=True))
        for action in item.actions:
            actions.addElement(paragraph(styles, action.text, styles.cell_text))
            actions.addElement(paragraph(styles, action.details, styles.small))
        if not item.actions:
            actions.addElement(paragraph(styles, "None"))
        item_row.addElement(minutes)
        item_row.addElement(actions)
        element.addElement(item_row)
    body.addElement(element)
