import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Paragraph
from tests.factories import AgendaItemFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_number_and_the_start_of_the_text():
    paragraph = ParagraphFactory(number="4.6", text="FCO reported that they are about to launch a strategy.")

    assert str(paragraph) == "4.6 FCO reported that they are about to launch a strategy."


def test_an_unnumbered_paragraph_reads_as_its_text_alone():
    paragraph = ParagraphFactory(number="", text="Home Office also provided a general update.")

    assert str(paragraph) == "Home Office also provided a general update."


def test_it_refuses_a_duplicate_number_in_the_same_item():
    item = AgendaItemFactory()
    ParagraphFactory(agenda_item=item, number="2.3")

    with pytest.raises(IntegrityError), transaction.atomic():
        ParagraphFactory(agenda_item=item, number="2.3")


def test_an_item_may_have_several_unnumbered_paragraphs():
    item = AgendaItemFactory()
    ParagraphFactory(agenda_item=item, number="")
    ParagraphFactory(agenda_item=item, number="")

    assert item.paragraphs.filter(number="").count() == 2


def test_the_same_number_is_allowed_in_another_item():
    ParagraphFactory(agenda_item=AgendaItemFactory(), number="1.1")
    ParagraphFactory(agenda_item=AgendaItemFactory(), number="1.1")

    assert Paragraph.objects.filter(number="1.1").count() == 2


def test_clean_refuses_a_duplicate_number_with_a_message_at_the_number():
    item = AgendaItemFactory(number=2)
    ParagraphFactory(agenda_item=item, number="2.3")

    with pytest.raises(ValidationError) as raised:
        Paragraph(agenda_item=item, number="2.3", text="Again").clean()

    assert raised.value.message_dict == {"number": ["Paragraph 2.3 is already in this item"]}


def test_clean_accepts_another_unnumbered_paragraph():
    item = AgendaItemFactory()
    ParagraphFactory(agenda_item=item, number="")

    Paragraph(agenda_item=item, number="", text="Another lead paragraph").clean()


def test_clean_accepts_a_paragraph_keeping_its_own_number():
    ParagraphFactory(agenda_item=AgendaItemFactory(number=2), number="2.3").clean()


def test_clean_refuses_a_number_of_another_item_suggesting_the_items_own():
    item = AgendaItemFactory(number=1)

    with pytest.raises(ValidationError) as raised:
        Paragraph(agenda_item=item, number="3.1", text="Research was endorsed.").clean()

    assert raised.value.message_dict == {
        "number": ["Paragraphs of item 1 are numbered 1.1, 1.2 and so on: check the number"]
    }


@pytest.mark.parametrize("number", ["1.4", "1.4a", "12", ""])
def test_clean_accepts_numbers_of_the_item_or_numbered_on_through_the_minutes(number):
    Paragraph(agenda_item=AgendaItemFactory(number=1), number=number, text="Research was endorsed.").clean()


def test_a_paragraph_longer_than_any_minutes_have_is_refused():
    paragraph = ParagraphFactory.build(agenda_item=AgendaItemFactory(number=1), number="1.1", text="a" * 10_001)

    with pytest.raises(ValidationError) as raised:
        paragraph.full_clean()

    assert list(raised.value.message_dict) == ["text"]


def test_paragraphs_are_ordered_within_their_item():
    item, other_item = AgendaItemFactory(), AgendaItemFactory()
    lead = ParagraphFactory(agenda_item=item, number="")
    ParagraphFactory(agenda_item=other_item)
    numbered = ParagraphFactory(agenda_item=item, number="3.1")

    assert list(item.paragraphs.all()) == [lead, numbered]
    assert (lead.position, numbered.position) == (1, 2)


def test_a_paragraph_belongs_to_its_items_meeting():
    paragraph = ParagraphFactory()

    assert paragraph.meeting == paragraph.agenda_item.meeting
