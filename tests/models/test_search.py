"""Finding text in records (``meetings.search``, ``Action.objects.matching``), on either database.

On PostgreSQL the stored search vectors are kept by triggers: these tests write through the ORM,
in bulk and by raw SQL, and find what was written.
"""

import pytest
from django.db import connection

from actions.models import Action
from meetings.models import AgendaItem, Paragraph
from meetings.search import full_text, marked_excerpt, marked_headline, matching, words
from tests.factories import ActionFactory, AgendaItemFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def test_an_action_is_found_by_a_word_of_its_text_whatever_the_case():
    action = ActionFactory(text="Home Office to publish the referral figures")
    ActionFactory(text="MOJ to explore prosecutions")

    assert list(Action.objects.matching("REFERRAL")) == [action]


def test_every_word_typed_must_be_found():
    action = ActionFactory(text="Home Office to publish the referral figures")
    ActionFactory(text="Home Office to explore prosecutions")

    assert list(Action.objects.matching("home figures")) == [action]


def test_a_blank_finds_every_action():
    ActionFactory.create_batch(2)

    assert Action.objects.matching("  ").count() == 2


@pytest.mark.parametrize("typed", ["&|!:*'", "a & b | !c", "figures:*", "'", '"', "(", "100%", "-", "\\"])
def test_odd_characters_never_fail(typed):
    ActionFactory(text="Home Office to publish the referral figures")

    list(Action.objects.matching(typed))


def test_an_edited_text_is_found_by_its_new_words_only():
    action = ActionFactory(text="Home Office to publish the referral figures")
    action.text = "Home Office to explore prosecutions"
    action.save()

    assert list(Action.objects.matching("prosecutions")) == [action]
    assert list(Action.objects.matching("referral")) == []


def test_rows_inserted_in_bulk_are_found():
    item = AgendaItemFactory()
    Paragraph.objects.bulk_create([Paragraph(agenda_item=item, number="1.1", text="Safeguarding of children")])

    assert matching(Paragraph.objects.all(), "text", "safeguarding").count() == 1


def test_a_title_changed_by_sql_is_found_by_its_new_words():
    item = AgendaItemFactory(title="Any other business")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_agendaitem SET title = 'Forced labour' WHERE id = %s", [item.pk])

    assert list(matching(AgendaItem.objects.all(), "title", "labour")) == [item]


def test_an_update_is_found_by_its_text():
    update = UpdateFactory(text="Figures sent to the Board")

    assert list(matching(type(update).objects.all(), "text", "board")) == [update]


@pytest.mark.skipif(not full_text(), reason="full-text search is PostgreSQL's")
def test_on_postgresql_words_are_found_by_their_stem():
    action = ActionFactory(text="Home Office reported on the referrals")

    assert list(Action.objects.matching("report referral")) == [action]


@pytest.mark.skipif(not full_text(), reason="full-text search is PostgreSQL's")
def test_on_postgresql_the_filter_uses_the_gin_index():
    ActionFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Action.objects.matching("referral").explain()

    assert "actions_action_search_vector" in plan


def test_the_words_of_a_search_are_each_once_without_quotes():
    assert words('Home "referral  figures" home HOME') == ["Home", "referral", "figures"]


def test_an_excerpt_marks_each_match_and_escapes_the_rest():
    assert (
        marked_excerpt("Tea & <b>cocoa</b>, COCOA", "cocoa")
        == "Tea &amp; &lt;b&gt;<mark>cocoa</mark>&lt;/b&gt;, <mark>COCOA</mark>"
    )


def test_an_excerpt_of_a_long_text_starts_near_the_first_match():
    text = "word " * 200 + "referral " + "word " * 200

    excerpt = marked_excerpt(text, "referral")

    assert excerpt.startswith("… ")
    assert excerpt.endswith(" …")
    assert "<mark>referral</mark>" in excerpt
    assert len(excerpt) < 300


def test_a_headline_is_escaped_and_marked():
    assert marked_headline("a <i> \ue000b\ue001 \ue000") == "a &lt;i&gt; <mark>b</mark> "
