import pytest

from meetings.forms import ParagraphForm
from tests.factories import AgendaItemFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return AgendaItemFactory(number=2)


def test_it_adds_a_paragraph_to_the_item(item):
    form = ParagraphForm(data={"number": "2.1", "text": "Research was endorsed."}, agenda_item=item)

    assert form.is_valid(), form.errors
    paragraph = form.save()

    assert paragraph.agenda_item == item
    assert (paragraph.number, paragraph.text) == ("2.1", "Research was endorsed.")


def test_it_suggests_the_next_paragraph_number(item):
    ParagraphFactory(agenda_item=item, number="2.3")

    assert ParagraphForm(agenda_item=item)["number"].value() == "2.4"


def test_it_suggests_the_first_number_for_an_empty_item(item):
    assert ParagraphForm(agenda_item=item)["number"].value() == "2.1"


def test_it_refuses_a_duplicate_number_in_the_item(item):
    ParagraphFactory(agenda_item=item, number="2.3")

    form = ParagraphForm(data={"number": "2.3", "text": "Again"}, agenda_item=item)

    assert form.errors == {"number": ["Paragraph 2.3 is already in this item"]}


def test_it_allows_another_unnumbered_paragraph(item):
    ParagraphFactory(agenda_item=item, number="")

    form = ParagraphForm(data={"number": "", "text": "Home Office also provided an update."}, agenda_item=item)

    assert form.is_valid(), form.errors
    form.save()
    assert item.paragraphs.filter(number="").count() == 2


def test_a_paragraph_keeps_its_number_when_edited(item):
    paragraph = ParagraphFactory(agenda_item=item, number="2.3")

    form = ParagraphForm(
        data={"number": "2.3", "text": "Corrected.", "version": paragraph.version}, instance=paragraph, agenda_item=item
    )

    assert form.is_valid(), form.errors
    assert ParagraphForm(instance=paragraph, agenda_item=item)["number"].value() == "2.3"


def test_the_text_is_required(item):
    form = ParagraphForm(data={"number": "2.1", "text": ""}, agenda_item=item)

    assert form.errors == {"text": ["Enter the paragraph's text"]}


def test_it_refuses_a_number_of_another_item_at_the_number(item):
    form = ParagraphForm(data={"number": "3.1", "text": "Research was endorsed."}, agenda_item=item)

    assert form.errors == {"number": ["Paragraphs of item 2 are numbered 2.1, 2.2 and so on: check the number"]}


def test_it_accepts_an_unnumbered_paragraph(item):
    form = ParagraphForm(data={"number": "", "text": "Research was endorsed."}, agenda_item=item)

    assert form.is_valid(), form.errors


def test_a_paragraph_too_long_is_refused_at_the_field_and_kept_in_the_box(item):
    text = "Research was endorsed. " * 500

    form = ParagraphForm(data={"number": "2.1", "text": text}, agenda_item=item)

    assert form.errors == {"text": ["Paragraph must be 10,000 characters or less"]}
    assert form["text"].value() == text


def test_the_paragraph_box_counts_its_characters_as_govuk_does(item):
    rendered = str(ParagraphForm(agenda_item=item))

    assert (
        'class="govuk-form-group govuk-character-count" data-module="govuk-character-count" data-maxlength="10000"'
        in rendered
    )
    assert 'class="govuk-textarea govuk-js-character-count"' in rendered
    assert 'aria-describedby="id_text-info"' in rendered
    assert (
        '<div id="id_text-info" class="govuk-hint govuk-character-count__message">'
        + "You can enter up to 10,000 characters</div>"
        in rendered
    )
    assert "maxlength=" not in rendered.replace("data-maxlength=", "")
