"""Files that cannot be imported get a clear GOV.UK error at the field, and nothing is saved."""

import io
import time
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from imports.models import ImportRecord
from imports.parser import parse_minutes
from imports.reading import Unreadable, read_document
from tests.factories import GroupFactory

SEED_2013 = (Path(__file__).parent / "seeds" / "idmg-minutes-2013-03-11.txt").read_text(encoding="utf-8")


def blank_pdf(password=None):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def zipped(entries):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return output.getvalue()


BAD_FILES = [
    ("empty.txt", b"", "The selected file is empty"),
    ("damaged.docx", b"PK\x03\x04" + b"\x00" * 200, "The selected file is damaged and cannot be opened"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "password-protected or an old Word"),
    ("scanned.pdf", blank_pdf(), "has no text in it, only images"),
    ("locked.pdf", blank_pdf("secret"), "password-protected"),
    ("minutes.docx", blank_pdf(), "is called .docx but it is a PDF"),
    ("minutes.pdf", SEED_2013.encode(), "is called .pdf but it is plain text"),
    ("bomb.docx", zipped({"word/document.xml": b"\x00" * 5_000_000}), "expands to far more than"),
    ("archive.docx", zipped({"notes.txt": b"hello"}), "is a zip file, not a Word"),
    ("binary.txt", b"\x00\x01\x02" * 100, "is not a document that can be read"),
    ("damaged.pdf", b"%PDF-1.7\n garbage", "damaged"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[name for name, _, _ in BAD_FILES])
def test_a_file_that_cannot_be_read_is_refused_saying_why(name, content, message):
    with pytest.raises(Unreadable, match=message.replace(".", r"\.").replace("(", r"\(")):
        read_document(content, name)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES[:6], ids=[name for name, _, _ in BAD_FILES[:6]])
def test_the_upload_page_shows_the_error_at_the_field_and_saves_nothing(secretariat_client, name, content, message):
    group = GroupFactory()
    response = secretariat_client.post(
        reverse("imports:new", args=[group.slug]), {"file": SimpleUploadedFile(name, content)}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_file-error"' in page
    assert message.split(":")[0].replace("'", "&#x27;") in page
    assert "There is a problem" in page
    assert not ImportRecord.objects.exists()


@pytest.mark.django_db
def test_a_file_over_20_mb_is_refused(secretariat_client):
    group = GroupFactory()
    big = SimpleUploadedFile("big.txt", b"a" * (20 * 1024 * 1024 + 1))
    response = secretariat_client.post(reverse("imports:new", args=[group.slug]), {"file": big})
    assert "The selected file must be smaller than 20 MB" in response.content.decode()
    assert not ImportRecord.objects.exists()


@pytest.mark.django_db
def test_text_with_no_minutes_in_it_is_refused_and_kept_in_the_box(secretariat_client):
    group = GroupFactory()
    response = secretariat_client.post(
        reverse("imports:new", args=[group.slug]), {"text": "Dear colleague, lunch is at one."}
    )
    page = response.content.decode()
    assert 'id="id_text-error"' in page
    assert "No minutes were recognised" in page
    assert "Dear colleague, lunch is at one." in page
    assert not ImportRecord.objects.exists()


@pytest.mark.django_db
def test_nothing_chosen_is_refused(secretariat_client):
    group = GroupFactory()
    response = secretariat_client.post(reverse("imports:new", args=[group.slug]), {})
    assert "Select a file of minutes, or paste their text" in response.content.decode()


def test_a_twenty_page_document_is_parsed_in_under_two_seconds():
    body = SEED_2013.split("1. Welcome")[1]
    items = "\n".join(
        body.replace("<p>2.", f"<p>{number}.").replace("1.1 Mark", f"{number}.1 Mark").replace("\t\n", "\n", 1)
        for number in range(1, 8)
    )
    text = SEED_2013.split("1. Welcome")[0] + ("1. Welcome" + items) * 3
    assert len(text) > 20 * 3000  # some 3,000 characters a page
    started = time.perf_counter()
    parse_minutes(text)
    assert time.perf_counter() - started < 2
