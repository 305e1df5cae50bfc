"""Papers: the files on a meeting's agenda items, read by whoever may read the meeting.

A paper's type is read from its content, not its name or what the browser says: a PDF starts with
``%PDF-``; Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS) files are zip archives,
told apart by what they hold.
"""

import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from simple_history.models import HistoricalRecords


@dataclass(frozen=True)
class PaperKind:
    extension: str
    label: str
    content_type: str


KINDS = {
    kind.extension: kind
    for kind in [
        PaperKind("pdf", "PDF", "application/pdf"),
        PaperKind("docx", "Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        PaperKind("xlsx", "Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        PaperKind(
            "pptx",
            "PowerPoint presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        PaperKind("odt", "OpenDocument text", "application/vnd.oasis.opendocument.text"),
        PaperKind("ods", "OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"),
    ]
}

OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
ODF_MIMETYPES = {KINDS["odt"].content_type: "odt", KINDS["ods"].content_type: "ods"}


def kind_of(file):
    """The kind of paper the file's content is, or None if it is none of those taken."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return KINDS["pdf"]
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return KINDS.get(ODF_MIMETYPES.get(mimetype, ""))
            if "[Content_Types].xml" in names:
                return next((KINDS[kind] for part, kind in OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        file.seek(0)
    return None


def safe_file_name(name, kind):
    """The file's name without folders, scripts or odd characters, ending as its kind does."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = re.sub(r"[^\w\- ]", "", stem).strip(" ._-")[:100] or "paper"
    return get_valid_filename(f"{stem}.{kind.extension}")


def paper_path(paper, name):
    """Where a paper is stored: under its meeting, in a folder of its own so names never clash."""
    return f"papers/{paper.agenda_item.meeting_id}/{uuid.uuid4().hex}/{name}"


class Paper(models.Model):
    """A file on an agenda item: a paper for the meeting, public once the minutes are if marked so."""

    agenda_item = models.ForeignKey("meetings.AgendaItem", on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=paper_path, max_length=300)
    file_name = models.CharField(max_length=120, help_text="The safe name it is downloaded as.")
    kind = models.CharField(max_length=10, choices=[(kind.extension, kind.label) for kind in KINDS.values()])
    size = models.PositiveBigIntegerField()
    public = models.BooleanField(
        "publish with the minutes", default=False, help_text="Shown on the public page once the minutes are published."
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.title} ({self.kind_label}, {self.size_display})"

    def get_absolute_url(self):
        return reverse("minutes:paper", args=[self.agenda_item.meeting_id, self.pk])

    def get_remove_url(self):
        return reverse("minutes:paper-remove", args=[self.agenda_item.meeting_id, self.pk])

    @property
    def meeting(self):
        return self.agenda_item.meeting

    @property
    def paper_kind(self):
        return KINDS[self.kind]

    @property
    def kind_label(self):
        return self.paper_kind.label

    @property
    def size_display(self):
        """The size as GOV.UK writes it: 240 KB, 1.2 MB."""
        if self.size < 1024 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{self.size / (1024 * 1024):.1f} MB"
