"""The minutes as a tagged PDF, read back as a PDF reader extracts its text."""

import dataclasses
import gc
import re

import pytest

from minutes.documents.content import DRAFT_NOTICE, ArisingRow, ItemEntry, ParagraphEntry
from minutes.documents.pdf import build_pdf, print_pdf
from tests.documents.conftest import (
    ARABIC,
    EMOJI,
    LONG_WORD,
    expected_apologies,
    expected_attendees,
    expected_items,
)
from tests.documents.reading import read_pdf, words

PAGE_FOOTER = re.compile(r"Page \d+ of \d+")


@pytest.fixture(scope="module")
def pdf(march_2013):
    """The demo minutes of 11 March 2013 as a PDF, built once (WeasyPrint takes its time)."""
    return read_pdf(build_pdf(march_2013))


@pytest.fixture(scope="module")
def draft_pdf(march_2013):
    return read_pdf(build_pdf(dataclasses.replace(march_2013, draft_notice=DRAFT_NOTICE)))


def body_words(pdf):
    """The words of every page in order, without the running header and footer."""
    pages = [PAGE_FOOTER.sub(" ", page).replace(DRAFT_NOTICE, " ") for page in pdf.pages]
    return words(" ".join(pages))


def test_it_takes_about_as_many_a4_pages_as_the_published_minutes(pdf):
    assert 3 <= len(pdf.pages) <= 4


def test_it_is_tagged_with_the_minutes_title_and_language(pdf, march_2013):
    assert pdf.tagged
    assert pdf.title == march_2013.title
    assert pdf.language == "en-GB"


def test_its_headings_are_tagged_as_headings(pdf):
    assert pdf.headings == ["H1", "H2", "H2", *["H2"] * len(expected_items())]


def test_it_lists_every_attendee_and_apology_in_order(pdf):
    text = body_words(pdf)
    rows = [" ".join(cell for cell in row if cell) for row in expected_attendees() + expected_apologies()]

    positions = [text.index(row) for row in rows]

    assert positions == sorted(positions)


def test_it_gives_every_paragraph_with_its_number_under_its_item_in_order(pdf):
    text = body_words(pdf)
    position = 0
    for item in expected_items():
        position = text.index(item["heading"], position)
        for paragraph in item["paragraphs"]:
            # A paragraph may run onto the next page, where the actions column's text comes between.
            start = " ".join(paragraph.split()[:10])
            position = text.index(start, position)


def test_it_gives_every_action_and_its_owners_beside_its_item(pdf):
    text = body_words(pdf)
    headings = [text.index(item["heading"]) for item in expected_items()] + [len(text)]
    for index, item in enumerate(expected_items()):
        beside = text[headings[index] : headings[index + 1]]
        assert "Actions:" in beside
        if not item["actions"]:
            assert "Actions: None" in beside
        for action, owners in item["actions"]:
            assert " ".join(action.split()[:6]) in beside
            assert f": {owners}" in beside


def test_approved_minutes_carry_no_draft_notice(pdf):
    assert not any(DRAFT_NOTICE in page for page in pdf.pages)


def test_minutes_not_yet_approved_say_so_at_the_top_of_every_page(draft_pdf):
    assert len(draft_pdf.pages) > 1
    assert all(DRAFT_NOTICE in page for page in draft_pdf.pages)
    assert draft_pdf.pages[0].count(DRAFT_NOTICE) == 2  # in the header, and under the title for screen readers


def test_text_that_would_break_a_document_comes_out_readable(hostile_content):
    pdf = read_pdf(build_pdf(hostile_content))

    # Long words wrap, so the extracted text has line breaks inside them.
    text = "".join(pdf.text.split())
    assert "".join(f"Country report {EMOJI}".split()) in text
    assert LONG_WORD + "end." in text
    assert "".join(ARABIC.split()) in text
    assert "".join(f"pleased {EMOJI} with".split()) in text
    assert "MOJtoexploreprosecutions" in text
    assert "Workhasstarted." in text


def test_line_breaks_in_the_text_start_new_lines(march_2013):
    minutes = dataclasses.replace(
        march_2013,
        matters_arising=[
            ArisingRow("IDMG 2012-04 A1", "Write to\nthe Group", "MOJ (lead)", "Done", "Sent.\nSee the letter.")
        ],
        items=[ItemEntry("1. Welcome", [ParagraphEntry("1.1", "Agreed:\nfirst point\nsecond point")], [])],
    )

    lines = read_pdf(build_pdf(minutes)).text.splitlines()

    assert lines_after(lines, "Write to", 2) == ["the Group", "IDMG 2012-04 A1. Owner: MOJ (lead)"]
    assert lines_after(lines, "Sent.", 1) == ["See the letter."]
    assert lines_after(lines, "1.1 Agreed:", 2) == ["first point", "second point"]


def test_each_matter_arising_gives_its_reference_and_owners_under_it_and_its_status_before_the_update(march_2013):
    arising = ArisingRow("IDMG 2012-04 A1", "Write to the Group", "MOJ (lead), AGO", "Done", "Sent.")
    minutes = dataclasses.replace(march_2013, matters_arising=[arising])

    lines = read_pdf(build_pdf(minutes)).text.splitlines()

    assert lines_after(lines, "Write to the Group", 2) == ["IDMG 2012-04 A1. Owners: MOJ (lead), AGO", "Done – Sent."]


def lines_after(lines, ending, count):
    """The ``count`` lines after the first that ends with ``ending``."""
    index = next(index for index, line in enumerate(lines) if line.endswith(ending))
    return lines[index + 1 : index + 1 + count]


def test_the_garbage_collector_runs_again_after_a_build(march_2013):
    build_pdf(march_2013)

    assert gc.isenabled()


def test_the_garbage_collector_runs_again_after_a_build_that_fails(monkeypatch):
    monkeypatch.setattr("minutes.documents.pdf.HTML.write_pdf", failing_write)

    with pytest.raises(RuntimeError):
        print_pdf("minutes/documents/agenda.html", {})

    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(march_2013):
    gc.disable()
    try:
        build_pdf(march_2013)

        assert not gc.isenabled()
    finally:
        gc.enable()


def failing_write(*args, **kwargs):
    raise RuntimeError("WeasyPrint failed")
