"""The minutes as Word (DOCX) and OpenDocument (ODT) documents, read back as an editor or a screen
reader reads them: real headings, real tables, the minutes' own numbering."""

import dataclasses

import pytest

from minutes.documents.content import DRAFT_NOTICE
from minutes.documents.docx import build_docx
from minutes.documents.odt import build_odt
from tests.documents.conftest import (
    ARABIC,
    EMOJI,
    LONG_WORD,
    expected_apologies,
    expected_attendees,
    expected_items,
)
from tests.documents.reading import read_docx, read_odt

FORMATS = {"docx": (build_docx, read_docx), "odt": (build_odt, read_odt)}


@pytest.fixture(scope="module", params=list(FORMATS))
def document_format(request):
    return request.param


@pytest.fixture(scope="module")
def document(document_format, march_2013):
    """The demo minutes of 11 March 2013, built once per format and read back."""
    build, read = FORMATS[document_format]
    return read(build(march_2013))


def build_and_read(document_format, content):
    build, read = FORMATS[document_format]
    return read(build(content))


def test_its_title_is_the_first_heading_as_published(document):
    assert document.headings[0] == (
        1,
        "Inter-Departmental Ministerial Group on Human Trafficking\n11 March 2013\nMinutes",
    )


def test_the_register_apologies_and_each_item_are_headings_of_the_level_below(document):
    assert document.headings[1:] == [
        (2, "Attendees:"),
        (2, "Apologies:"),
        *[(2, item["heading"]) for item in expected_items()],
    ]


def test_it_lists_every_attendee_in_a_table(document):
    assert document.table_headed("Department", "Name", "Role")[1:] == expected_attendees()


def test_it_lists_every_apology_in_a_table(document):
    rows = next(rows for rows in document.tables if rows[0] == ["Department", "Name"])

    assert rows[1:] == expected_apologies()


def test_each_item_has_its_numbered_paragraphs_on_the_left_and_its_actions_and_owners_on_the_right(document):
    items_table = document.tables[-1]

    assert len(items_table) == len(expected_items())
    for (minutes, actions), expected in zip(items_table, expected_items(), strict=True):
        assert minutes.split("\n") == [expected["heading"], *expected["paragraphs"]]
        lines = actions.split("\n")
        assert lines[0] == "Actions:"
        if not expected["actions"]:
            assert lines[1:] == ["None"]
            continue
        written = list(zip(lines[1::2], lines[2::2], strict=True))
        assert [text for text, _ in written] == [text for text, _ in expected["actions"]]
        for (_, details), (_, owners) in zip(written, expected["actions"], strict=True):
            assert f": {owners}" in details


def test_it_numbers_paragraphs_with_the_minutes_own_numbers_not_automatic_numbering(document):
    assert document.numbered_lists == 0
    assert "2.2 Oliver Heald MP, Solicitor General" in document.text


def test_it_reads_the_minutes_in_the_published_order(document):
    text = document.text
    positions = [
        text.index("Attendees:"),
        text.index("Mark Harper MP"),
        text.index("Apologies:"),
        text.index("Jennie Granger"),
        *(text.index(item["heading"]) for item in expected_items()),
    ]

    assert positions == sorted(positions)


def test_it_sets_the_documents_title_and_language(document, march_2013):
    assert document.title == march_2013.title
    assert document.language == "en-GB"


def test_approved_minutes_have_no_page_header(document):
    assert DRAFT_NOTICE not in "".join(document.headers)


def test_minutes_not_yet_approved_say_so_in_the_header_of_every_page(document_format, march_2013):
    document = build_and_read(document_format, dataclasses.replace(march_2013, draft_notice=DRAFT_NOTICE))

    assert document.headers == [DRAFT_NOTICE]
    assert ("paragraph", DRAFT_NOTICE) in document.blocks[:3]


def test_text_that_would_break_a_document_comes_out_readable(document_format, hostile_content):
    document = build_and_read(document_format, hostile_content)

    text = document.text
    assert f"Country report {EMOJI}" in text
    assert f"6.1 Line one line two then {LONG_WORD} end." in text
    assert f"6.2 {ARABIC}" in text
    assert f"Ministers were pleased {EMOJI} with progress." in text
    assert f"{ARABIC} (FCO)" in text
    assert "\x0b" not in text
    assert "\x01" not in text


def test_it_gives_the_matters_arising_the_next_meeting_and_the_corrections(document_format, hostile_content):
    document = build_and_read(document_format, hostile_content)

    assert document.table_headed("Action", "Owners", "Status at the meeting", "Update given")[1:] == [
        ["IDMG 2012-04 A1\nMOJ to explore prosecutions ", "MOJ (lead)", "In progress", "Work has started."]
    ]
    assert [
        heading for _, heading in document.headings if heading in ("Matters arising", "Next meeting", "Corrections")
    ] == [
        "Matters arising",
        "Next meeting",
        "Corrections",
    ]
    assert "The next IDMG meeting will be held on 10 June 2013 at the Home Office." in document.text
    assert "Register. Spelling of a name" in document.text
