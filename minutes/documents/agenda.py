"""The agenda of a meeting as documents to circulate: PDF (WeasyPrint) and Word (DOCX)."""

import io
from dataclasses import dataclass

from docx import Document
from docx.shared import Pt

from minutes.documents import docx as minutes_docx
from minutes.documents.content import LANGUAGE, clean, when_and_where
from minutes.documents.pdf import print_pdf


@dataclass(frozen=True)
class AgendaItemEntry:
    heading: str  # "2. Activity update"
    lead: str
    papers: list  # "Paper 2: Activity update (PDF, 240 KB)"


@dataclass(frozen=True)
class AgendaContent:
    group_name: str
    date: str
    when_and_where: str
    items: list
    file_stem: str
    language: str = LANGUAGE

    @property
    def title(self):
        return f"{self.group_name}: agenda of the meeting of {self.date}"


def agenda_content(meeting):
    """What the agenda documents say; ``meeting`` has its agenda items and their papers prefetched."""
    return AgendaContent(
        group_name=clean(meeting.group.name),
        date=f"{meeting.date:%-d %B %Y}",
        when_and_where=when_and_where(meeting),
        items=[
            AgendaItemEntry(
                heading=clean(f"{item.number}. {item.title}"),
                lead=clean(item.lead),
                papers=[
                    clean(f"{paper.title} ({paper.kind_label}, {paper.size_display})") for paper in item.papers.all()
                ],
            )
            for item in meeting.agenda_items.all()
        ],
        file_stem=f"{meeting.group.short_name}-{meeting.date:%Y-%m-%d}-agenda".replace(" ", "-"),
    )


def build_agenda_pdf(content):
    return print_pdf("minutes/documents/agenda.html", {"content": content})


def build_agenda_docx(content):
    document = Document()
    document.core_properties.title = content.title
    document.core_properties.language = content.language
    minutes_docx.set_font(document.styles["Normal"], minutes_docx.FONT, Pt(11))
    document.add_heading(content.group_name, level=1)
    minutes_docx.add_paragraph(document, f"Agenda of the meeting of {content.date}", bold=True)
    if content.when_and_where:
        minutes_docx.add_paragraph(document, content.when_and_where)
    for item in content.items:
        document.add_heading(item.heading, level=2)
        if item.lead:
            minutes_docx.add_paragraph(document, f"Lead: {item.lead}")
        for paper in item.papers:
            minutes_docx.add_paragraph(document, f"Paper: {paper}")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
