"""The minutes as documents to download: Word, OpenDocument and PDF, read by whoever may read the page."""

from dataclasses import dataclass

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from actions.models import Action
from meetings.access import readable_meeting
from minutes.contents import with_minutes
from minutes.documents import docx, odt, pdf
from minutes.documents.content import minutes_content


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    build: object


FORMATS = {
    "docx": Format("docx", docx.CONTENT_TYPE, docx.build_docx),
    "odt": Format("odt", odt.CONTENT_TYPE, odt.build_odt),
    "pdf": Format("pdf", pdf.CONTENT_TYPE, pdf.build_pdf),
}


def attachment(content, document_format):
    """The response that downloads ``content`` built as a document of ``document_format``."""
    return file_attachment(document_format.build(content), content.file_stem, document_format)


def file_attachment(document, file_stem, document_format):
    """The response that downloads a built document, named ``file_stem`` and the format's extension."""
    response = HttpResponse(document, content_type=document_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_stem}.{document_format.extension}"'
    return response


def download(request, pk, document_format):
    meeting = readable_meeting(request, pk, with_minutes())
    return attachment(minutes_content(meeting, Action.objects.reviewed_at(meeting)), document_format)


@require_GET
def minutes_docx(request, pk):
    return download(request, pk, FORMATS["docx"])


@require_GET
def minutes_odt(request, pk):
    return download(request, pk, FORMATS["odt"])


@require_GET
def minutes_pdf(request, pk):
    return download(request, pk, FORMATS["pdf"])
