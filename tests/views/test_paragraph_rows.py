"""Adding, changing, removing and reordering the paragraphs of an agenda item."""

import json
import re

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from meetings.models import Paragraph
from tests.factories import AgendaItemFactory, MeetingFactory, ParagraphFactory

pytestmark = pytest.mark.django_db

# Adding a paragraph with htmx: the session and user, the meeting and its secretariat, its agenda
# items, checking and saving the paragraph with its history, the item's order and number for the
# next paragraph, and the new paragraph and the last.
ADDED_QUERIES = 16


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, number=1, title="Welcome")


@pytest.fixture
def paragraph(item):
    return ParagraphFactory(agenda_item=item, number="1.1", text="Mark Harper MP welcomed the IDMG Ministers.")


def add_url(item):
    return f"/meetings/{item.meeting_id}/items/{item.pk}/paragraphs/add/"


def row_url(paragraph, view):
    return f"/meetings/{paragraph.agenda_item.meeting_id}/paragraphs/{paragraph.pk}/{view}/"


def record_url(item):
    return f"/meetings/{item.meeting_id}/record/#item-{item.pk}"


def new_paragraph(item, **changes):
    fields = {"number": "1.2", "text": "Ministers agreed the terms of reference."} | changes
    return {f"item-{item.pk}-paragraph-{name}": value for name, value in fields.items()}


def changed_paragraph(paragraph, **changes):
    fields = {"number": "1.3", "text": "Mark Harper MP welcomed the Ministers.", "version": paragraph.version}
    fields |= changes
    return {f"paragraph-{paragraph.pk}-{name}": value for name, value in fields.items()}


def paragraphs(item):
    return list(item.paragraphs.values_list("pk", flat=True))


def test_it_adds_a_paragraph(secretariat_client, item):
    response = secretariat_client.post(add_url(item), new_paragraph(item))

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    paragraph = item.paragraphs.get()
    assert (paragraph.number, paragraph.text) == ("1.2", "Ministers agreed the terms of reference.")


def test_it_adds_an_unnumbered_paragraph(secretariat_client, item):
    secretariat_client.post(add_url(item), new_paragraph(item, number=""))

    assert item.paragraphs.get().number == ""


def test_it_returns_the_new_paragraph_and_the_add_form_again_for_htmx(
    secretariat_client, htmx_headers, meeting, item, paragraph, assert_add_form_alone, rows_in
):
    other_item = AgendaItemFactory(meeting=meeting)

    response = secretariat_client.post(add_url(item), new_paragraph(item), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-paragraph-add")
    added = item.paragraphs.get(number="1.2")
    assert rows_in(response) == [f"paragraph-{added.pk}"]
    assert f'<div data-hx-swap-oob="beforeend:#item-{item.pk}-paragraphs">' in html
    assert "<strong>1.2</strong> Ministers agreed the terms of reference." in html
    # The paragraph above keeps its text where it is; only its controls come, now with Move down.
    assert f'id="paragraph-{paragraph.pk}-controls" data-hx-swap-oob="true"' in html
    assert "Mark Harper MP welcomed the IDMG Ministers.</p>" not in html
    assert f"item-{other_item.pk}" not in html
    # The next paragraph's number is suggested in the emptied add form, and the cursor waits in its text.
    assert f'name="item-{item.pk}-paragraph-number" value="1.3"' in html
    text_box = re.search(rf'<textarea [^>]*name="item-{item.pk}-paragraph-text"[^>]*>', html).group()
    assert "autofocus" in text_box
    assert len(response.content) < 10_000


def test_adding_a_paragraph_with_htmx_costs_the_same_however_long_the_item(
    secretariat_client, htmx_headers, django_assert_num_queries, item
):
    for count in (1, 20):
        ParagraphFactory.create_batch(count, agenda_item=item, number="")

        with django_assert_num_queries(ADDED_QUERIES):
            response = secretariat_client.post(add_url(item), new_paragraph(item, number=""), headers=htmx_headers)

        assert response.status_code == 200


def test_it_shows_the_problem_on_the_page(secretariat_client, item, paragraph):
    response = secretariat_client.post(add_url(item), new_paragraph(item, text=""))

    assert response.status_code == 200
    assertContains(response, "<html")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, f'<a href="#id_item-{item.pk}-paragraph-text">Enter the paragraph\'s text</a>', html=True)
    assertContains(response, f'name="item-{item.pk}-paragraph-number" value="1.2"')
    assertContains(response, "Mark Harper MP welcomed the IDMG Ministers.")
    assert paragraphs(item) == [paragraph.pk]


def test_it_shows_the_problem_at_the_field_for_htmx(
    secretariat_client, htmx_headers, item, paragraph, assert_add_form_alone
):
    response = secretariat_client.post(add_url(item), new_paragraph(item, number="1.1"), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-paragraph-add")
    assert (
        f'<p id="id_item-{item.pk}-paragraph-number-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Paragraph 1.1 is already in this item</p>'
    ) in html
    assert "Ministers agreed the terms of reference.</textarea>" in html
    assert '<h5 class="govuk-error-summary__title">There is a problem</h5>' in html
    assert paragraphs(item) == [paragraph.pk]


def test_a_paragraph_of_three_megabytes_is_refused_at_the_field_and_kept_in_the_box(
    secretariat_client, htmx_headers, item, paragraph, assert_add_form_alone
):
    text = "Ministers agreed the terms of reference. " * 75_000

    response = secretariat_client.post(add_url(item), new_paragraph(item, text=text), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-paragraph-add")
    assert "Paragraph must be 10,000 characters or less" in html
    assert text.strip() in html
    assert paragraphs(item) == [paragraph.pk]


def test_a_paragraph_numbered_for_another_item_is_refused_at_the_number(
    secretariat_client, htmx_headers, item, paragraph, assert_add_form_alone
):
    response = secretariat_client.post(add_url(item), new_paragraph(item, number="3.1"), headers=htmx_headers)

    html = assert_add_form_alone(response, f"item-{item.pk}-paragraph-add")
    assert "Paragraphs of item 1 are numbered 1.1, 1.2 and so on: check the number" in html
    assert paragraphs(item) == [paragraph.pk]


def test_it_404s_adding_to_an_agenda_item_of_another_meeting(secretariat_client, meeting):
    elsewhere = AgendaItemFactory()

    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/items/{elsewhere.pk}/paragraphs/add/", new_paragraph(elsewhere)
    )

    assert response.status_code == 404
    assert not Paragraph.objects.exists()


def test_it_shows_the_change_form_on_the_page(secretariat_client, paragraph):
    response = secretariat_client.get(row_url(paragraph, "edit"))

    assertContains(response, "<html")
    assertContains(response, f'<form method="post" action="{row_url(paragraph, "edit")}"')
    assertContains(response, f'name="paragraph-{paragraph.pk}-number" value="1.1"')
    assertContains(response, "Mark Harper MP welcomed the IDMG Ministers.</textarea>")


def test_it_shows_the_change_form_alone_in_the_paragraphs_place_for_htmx(
    secretariat_client, htmx_headers, item, paragraph, assert_row_alone
):
    response = secretariat_client.get(row_url(paragraph, "edit"), headers=htmx_headers)

    html = assert_row_alone(response, f"paragraph-{paragraph.pk}")
    assert f'data-hx-post="{row_url(paragraph, "edit")}" data-hx-target="#paragraph-{paragraph.pk}"' in html
    assert f'name="paragraph-{paragraph.pk}-number" value="1.1"' in html
    row = f"paragraph-{paragraph.pk}"
    page = f"/meetings/{item.meeting_id}/record/"
    cancel = f'href="{page}#{row}" data-hx-get="{page}?section={row}" data-hx-target="#{row}"'
    assert f"{cancel}>Cancel</a>" in html


def test_it_saves_changes(secretariat_client, item, paragraph):
    response = secretariat_client.post(row_url(paragraph, "edit"), changed_paragraph(paragraph))

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    paragraph.refresh_from_db()
    assert (paragraph.number, paragraph.text) == ("1.3", "Mark Harper MP welcomed the Ministers.")


def test_it_returns_the_changed_paragraph_alone_for_htmx(
    secretariat_client, htmx_headers, item, paragraph, assert_row_alone
):
    ParagraphFactory(agenda_item=item, number="1.2")

    response = secretariat_client.post(row_url(paragraph, "edit"), changed_paragraph(paragraph), headers=htmx_headers)

    html = assert_row_alone(response, f"paragraph-{paragraph.pk}")
    assert json.loads(response["HX-Trigger-After-Settle"]) == {"announce": {"message": "Paragraph saved"}}
    assert "Move down<span" in html
    assert "Move up<span" not in html
    assert "<strong>1.3</strong> Mark Harper MP welcomed the Ministers." in html
    assert f'name="paragraph-{paragraph.pk}-text"' not in html


def test_it_keeps_what_was_typed_when_a_change_has_a_problem(secretariat_client, item, paragraph):
    ParagraphFactory(agenda_item=item, number="1.2")

    response = secretariat_client.post(
        row_url(paragraph, "edit"), changed_paragraph(paragraph, number="1.2", text="Welcome, everyone.")
    )

    assertContains(response, "There is a problem")
    assertContains(response, f'<a href="#id_paragraph-{paragraph.pk}-number">Paragraph 1.2 is already in this item</a>')
    assertContains(response, "Welcome, everyone.</textarea>")
    paragraph.refresh_from_db()
    assert (paragraph.number, paragraph.text) == ("1.1", "Mark Harper MP welcomed the IDMG Ministers.")


def test_it_removes_a_paragraph(secretariat_client, item, paragraph):
    other = ParagraphFactory(agenda_item=item)

    response = secretariat_client.post(row_url(paragraph, "delete"))

    assertRedirects(response, record_url(item), fetch_redirect_response=False)
    assert paragraphs(item) == [other.pk]


def test_removing_an_items_only_paragraph_with_htmx_shows_its_empty_list_alone(
    secretariat_client, htmx_headers, item, paragraph
):
    response = secretariat_client.post(row_url(paragraph, "delete"), headers=htmx_headers)

    assert (response["HX-Retarget"], response["HX-Reswap"]) == (f"#item-{item.pk}-paragraphs", "innerHTML")
    assert response.content.decode().strip() == '<p class="govuk-body" tabindex="-1" autofocus>No paragraphs yet.</p>'


def test_it_moves_a_paragraph_only_among_its_own_items_paragraphs(secretariat_client, meeting, item):
    first, second = ParagraphFactory.create_batch(2, agenda_item=item)
    next_item = AgendaItemFactory(meeting=meeting)
    ParagraphFactory(agenda_item=next_item)

    secretariat_client.post(row_url(second, "move"), {"direction": "down"})

    assert paragraphs(item) == [first.pk, second.pk]


# The session and the user; the meeting with its group; whether the user serves its group; the
# paragraph with its item (one query); checking its number and saving it, with its version, savepoints
# and history (8); the paragraph again, with its item (one query); the item's paragraphs, in order, for
# the moves the row offers.
CHANGED_QUERIES = 15


@pytest.mark.parametrize("siblings", [1, 40])
def test_changing_a_paragraph_with_htmx_costs_the_same_however_long_the_item(
    secretariat_client, htmx_headers, django_assert_num_queries, item, paragraph, siblings
):
    ParagraphFactory.create_batch(siblings, agenda_item=item)

    with django_assert_num_queries(CHANGED_QUERIES):
        response = secretariat_client.post(
            row_url(paragraph, "edit"), changed_paragraph(paragraph), headers=htmx_headers
        )

    assert response.status_code == 200
    assert len(response.content) < 5_000
