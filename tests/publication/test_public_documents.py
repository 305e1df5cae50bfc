"""The published minutes as documents, downloaded from their public page without signing in."""

import io

import pytest
from docx import Document
from pytest_django.asserts import assertContains

from meetings.models import MinutesStatus

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
