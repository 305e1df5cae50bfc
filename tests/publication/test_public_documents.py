"""The published minutes as documents, downloaded from their public page without signing in."""

import dataclasses
import datetime
import io

import pytest
from docx import Document
from pytest_django.asserts import assertContains

from meetings.models import MinutesStatus
from minutes.downloads import FORMATS
from tests.factories import CorrectionFactory

pytestmark = pytest.mark.django_db

ADDRESS = "/published/idmg/2013-03-11/"


def test_the_public_page_offers_the_documents(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    for extension in ["docx", "odt", "pdf"]:
        assertContains(response, f'href="{ADDRESS}minutes.{extension}"')


@pytest.mark.parametrize("extension", ["docx", "odt", "pdf"])
def test_published_minutes_download_signed_out_with_a_name_to_keep(client, make_minutes, extension):
    make_minutes()

    response = client.get(f"{ADDRESS}minutes.{extension}")

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="IDMG-2013-03-11-minutes.{extension}"'
    assert "public" in response["Cache-Control"]


def test_the_word_document_holds_the_published_minutes(client, make_minutes):
    make_minutes()

    document = Document(io.BytesIO(client.get(f"{ADDRESS}minutes.docx").content))

    text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "The Chair welcomed members (published minutes)." in text
    assert "DRAFT" not in "\n".join(section.header.paragraphs[0].text for section in document.sections)


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_unpublished_minutes_have_no_public_documents(client, make_minutes, status):
    make_minutes(status)

    response = client.get(f"{ADDRESS}minutes.pdf")

    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_format_is_not_found(client, make_minutes):
    make_minutes()

    assert client.get(f"{ADDRESS}minutes.exe").status_code == 404


@pytest.fixture
def builds(monkeypatch):
    """Counts the documents built, by format."""
    counted = {}
    for extension, document_format in list(FORMATS.items()):

        def build(content, build=document_format.build, extension=extension):
            counted[extension] = counted.get(extension, 0) + 1
            return build(content)

        monkeypatch.setitem(FORMATS, extension, dataclasses.replace(document_format, build=build))
    return counted


@pytest.mark.parametrize("extension", ["docx", "odt", "pdf"])
def test_a_second_download_is_served_from_the_cache_without_building_again(client, make_minutes, builds, extension):
    make_minutes()

    first = client.get(f"{ADDRESS}minutes.{extension}")
    second = client.get(f"{ADDRESS}minutes.{extension}")

    assert builds == {extension: 1}
    assert second.content == first.content
    assert second["Content-Disposition"] == f'attachment; filename="IDMG-2013-03-11-minutes.{extension}"'


def test_a_correction_builds_the_document_again_with_it(client, make_minutes, builds):
    meeting = make_minutes()
    client.get(f"{ADDRESS}minutes.docx")

    CorrectionFactory(meeting=meeting, what="Attendee: Home Office", reason="The minister's name was misspelt")
    document = Document(io.BytesIO(client.get(f"{ADDRESS}minutes.docx").content))

    assert builds == {"docx": 2}
    assert "The minister's name was misspelt" in "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_each_format_and_each_meeting_has_its_own_cached_document(client, make_minutes, builds):
    make_minutes()
    make_minutes(date=datetime.date(2012, 4, 17))

    docx = client.get(f"{ADDRESS}minutes.docx").content
    odt = client.get(f"{ADDRESS}minutes.odt").content
    earlier = client.get("/published/idmg/2012-04-17/minutes.docx")

    assert builds == {"docx": 2, "odt": 1}
    assert docx != odt
    assert earlier["Content-Disposition"] == 'attachment; filename="IDMG-2012-04-17-minutes.docx"'
