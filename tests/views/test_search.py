"""The search page: minutes, actions and updates found across groups and years, as the user may read them.

Run on SQLite (a contains search) and on PostgreSQL (full-text search, ranked): the tests use whole
words, which both find.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import MinutesStatus
from meetings.search import full_text
from search.views import PAGE_SIZE
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    GroupFactory,
    MeetingFactory,
    ParagraphFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("search:search")

# The session and the user; the years the filter offers and the groups; the meetings the user may not
# read; the newest id of each of the four kinds, together; their matches among the newest records (all of
# them, in a test), together on PostgreSQL, one query a kind on SQLite, which cannot union sliced queries;
# then the page's records of each kind, with their meetings.
QUERIES = 11 if full_text() else 14
WIDER_LOOKS = 2 if full_text() else 4


def found(response):
    """The titles of the results listed, in order."""
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def links(response):
    return re.findall(
        r'<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="([^"]+)">', response.content.decode()
    )


@pytest.fixture
def minutes():
    """Circulated minutes of 11 March 2013 in which slavery is in a title, a paragraph, an action and an update."""
    meeting = MeetingFactory(
        group=GroupFactory(slug="idmg", short_name="IDMG"),
        date=datetime.date(2013, 3, 11),
        status=MinutesStatus.CIRCULATED,
    )
    item = AgendaItemFactory(meeting=meeting, number=2, title="Modern slavery strategy")
    paragraph = ParagraphFactory(agenda_item=item, number="2.1", text="The Minister described the slavery bill.")
    action = ActionFactory(agenda_item=item, text="Home Office to draft the slavery bill")
    update = UpdateFactory(action=action, text="The slavery bill is with lawyers.", reported_at=None)
    return {"meeting": meeting, "item": item, "paragraph": paragraph, "action": action, "update": update}


def test_it_finds_agenda_items_paragraphs_actions_and_updates(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "slavery"})

    assert sorted(found(response)) == sorted(
        [
            "IDMG 11 March 2013, item 2",
            "IDMG 11 March 2013, paragraph 2.1",
            "IDMG 2013-03 A1",
            "Update on IDMG 2013-03 A1",
        ]
    )
    assertContains(response, "4 results")


def test_each_result_links_to_the_paragraph_item_action_or_update(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "slavery"})

    minutes_page = minutes["meeting"].get_absolute_url()
    action_page = minutes["action"].get_absolute_url()
    assert sorted(links(response)) == sorted(
        [
            f"{minutes_page}#item-{minutes['item'].pk}",
            f"{minutes_page}#paragraph-{minutes['paragraph'].pk}",
            action_page,
            f"{action_page}#update-{minutes['update'].pk}",
        ]
    )


def test_the_minutes_page_has_the_anchor_a_result_links_to(secretariat_client, minutes):
    response = secretariat_client.get(minutes["meeting"].get_absolute_url())

    assertContains(response, f'id="paragraph-{minutes["paragraph"].pk}"')
    assertContains(response, f'id="item-{minutes["item"].pk}"')


def test_the_words_found_are_marked_in_the_snippet(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "lawyers"})

    assertContains(response, "The slavery bill is with <mark>lawyers</mark>.", html=False)


def test_text_in_the_records_is_escaped_around_the_marks(secretariat_client, minutes):
    ParagraphFactory(agenda_item=minutes["item"], number="2.2", text='<script>alert("x")</script> cocoa & tea')

    response = secretariat_client.get(URL, {"q": "cocoa"})

    assertContains(response, "&lt;script&gt;")
    assertContains(response, "<mark>cocoa</mark> &amp; tea")
    assertNotContains(response, "<script>alert")


def test_it_finds_words_whatever_their_case(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "SLAVERY Bill"})

    assert sorted(found(response)) == sorted(
        ["IDMG 11 March 2013, paragraph 2.1", "IDMG 2013-03 A1", "Update on IDMG 2013-03 A1"]
    )


def test_a_withdrawn_update_is_not_found(secretariat_client, secretariat_user, minutes):
    minutes["update"].withdraw(by=secretariat_user, reason="Given in error.")

    response = secretariat_client.get(URL, {"q": "lawyers"})

    assert found(response) == []
    assertContains(response, "Nothing you can read matches “lawyers”")


def test_a_department_user_finds_nothing_of_draft_minutes(department_client, minutes):
    draft = MeetingFactory(group=minutes["meeting"].group, date=datetime.date(2013, 6, 10))
    item = AgendaItemFactory(meeting=draft, number=1, title="Slavery in supply chains")
    ParagraphFactory(agenda_item=item, text="Slavery in supply chains was discussed.")
    UpdateFactory(action=ActionFactory(agenda_item=item, text="Slavery statement"), text="Slavery draft")

    response = department_client.get(URL, {"q": "slavery"})

    assert len(found(response)) == 4
    assert not [title for title in found(response) if "10 June 2013" in title or "2013-06" in title]


def test_the_groups_secretariat_finds_its_draft_minutes(secretariat_client, minutes):
    draft = MeetingFactory(group=minutes["meeting"].group, date=datetime.date(2013, 6, 10))
    AgendaItemFactory(meeting=draft, number=1, title="Slavery in supply chains")

    response = secretariat_client.get(URL, {"q": "supply chains"})

    assert found(response) == ["IDMG 10 June 2013, item 1"]


def test_another_groups_secretariat_finds_nothing_of_the_groups_draft(other_secretariat_client, minutes):
    minutes["meeting"].status = MinutesStatus.DRAFT
    minutes["meeting"].save()

    response = other_secretariat_client.get(URL, {"q": "slavery"})

    assert found(response) == []


def test_it_filters_by_kind(secretariat_client, minutes):
    assert sorted(found(secretariat_client.get(URL, {"q": "slavery", "kind": "minutes"}))) == [
        "IDMG 11 March 2013, item 2",
        "IDMG 11 March 2013, paragraph 2.1",
    ]
    assert found(secretariat_client.get(URL, {"q": "slavery", "kind": "actions"})) == ["IDMG 2013-03 A1"]
    assert found(secretariat_client.get(URL, {"q": "slavery", "kind": "updates"})) == ["Update on IDMG 2013-03 A1"]


def test_it_filters_by_group(secretariat_client, minutes):
    board = GroupFactory(slug="board", short_name="Board")
    AgendaItemFactory(meeting=MeetingFactory(group=board, status=MinutesStatus.CIRCULATED), title="Slavery")

    response = secretariat_client.get(URL, {"q": "slavery", "group": board.pk})

    assert found(response) == ["Board 11 March 2013, item 1"] or found(response)[0].startswith("Board")
    assert len(found(response)) == 1


def test_it_filters_by_year(secretariat_client, minutes):
    earlier = MeetingFactory(
        group=minutes["meeting"].group, date=datetime.date(2012, 4, 17), status=MinutesStatus.CIRCULATED
    )
    AgendaItemFactory(meeting=earlier, number=3, title="Slavery")

    response = secretariat_client.get(URL, {"q": "slavery", "year": "2012"})

    assert found(response) == ["IDMG 17 April 2012, item 3"]


def test_an_update_is_found_in_the_year_it_was_given(secretariat_client, minutes):
    later = MeetingFactory(
        group=minutes["meeting"].group, date=datetime.date(2014, 1, 20), status=MinutesStatus.CIRCULATED
    )
    UpdateFactory(action=minutes["action"], text="Royal assent expected", reported_at=later)

    response = secretariat_client.get(URL, {"q": "royal assent", "year": "2014"})

    assert found(response) == ["Update on IDMG 2013-03 A1"]
    assert found(secretariat_client.get(URL, {"q": "royal assent", "year": "2013"})) == []


def test_the_year_filter_offers_the_years_of_minutes_the_user_may_read(department_client, minutes):
    MeetingFactory(group=minutes["meeting"].group, date=datetime.date(2019, 5, 1))  # a draft

    response = department_client.get(URL, {"q": "slavery"})

    assertContains(response, '<option value="2013">2013</option>', html=True)
    assertNotContains(response, "2019")


@pytest.mark.parametrize(
    "query",
    [
        {"q": "slavery", "year": "1066"},
        {"q": "slavery", "group": "999999"},
        {"q": "slavery", "group": "x"},
        {"q": "slavery", "kind": "people"},
    ],
)
def test_a_filter_not_on_the_list_is_said_at_the_field(secretariat_client, minutes, query):
    response = secretariat_client.get(URL, query)

    assert response.status_code == 200
    assertContains(response, "There is a problem")
    assertContains(response, "from the list")
    assert found(response) == []


def test_a_query_too_long_is_said_at_the_field_and_kept(secretariat_client, minutes):
    typed = "slavery " * 40

    response = secretariat_client.get(URL, {"q": typed})

    assertContains(response, "Words to find must be 200 characters or less")
    assertContains(response, typed.strip()[:100])
    assert found(response) == []


def test_the_error_summary_lists_the_fields_in_the_order_of_the_page(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "x" * 201, "kind": "people", "group": "x", "year": "1066"})

    page = response.content.decode()
    start = page.index("govuk-error-summary__list")
    summary = page[start : page.index("</ul>", start)]
    links = re.findall(r'href="#(id_\w+)"', summary)
    assert links == ["id_q", "id_kind", "id_group", "id_year"]
    fields = re.findall(r'<(?:input|select)[^>]*id="(id_(?:q|kind|group|year))"', page)
    assert fields == links


@pytest.mark.parametrize(
    "typed", ["&|!:*'", "'", "!", "slavery &", "slavery:*", '"unfinished', "-", "or", "the", "100%", "_", "\\", "ü€😀"]
)
def test_odd_characters_are_searched_for_never_an_error(secretariat_client, minutes, typed):
    response = secretariat_client.get(URL, {"q": typed})

    assert response.status_code == 200


def test_a_phrase_in_quotes_finds_its_words(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": '"slavery bill"'})

    assert "IDMG 2013-03 A1" in found(response)


def test_an_empty_query_shows_the_form_only(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "   "})

    assert response.status_code == 200
    assertContains(response, "Enter a word or phrase to search for.")
    assertNotContains(response, "results")


def test_without_a_query_it_is_the_search_form(secretariat_client, minutes):
    response = secretariat_client.get(URL)

    assertContains(response, '<h1 class="govuk-heading-l">Search minutes and actions</h1>', html=True)
    assertNotContains(response, "Enter a word or phrase")


def test_the_best_results_come_first_on_postgresql_the_newest_on_sqlite(secretariat_client, minutes):
    later = MeetingFactory(group=minutes["meeting"].group, date=datetime.date(2014, 1, 20), status="circulated")
    AgendaItemFactory(meeting=later, number=1, title="Lawyers")
    response = secretariat_client.get(URL, {"q": "lawyers", "kind": "minutes"})
    assert found(response) == ["IDMG 20 January 2014, item 1"]
    if full_text():
        # The title that is nothing but the word ranks above a long paragraph that mentions it once.
        ParagraphFactory(agenda_item=AgendaItemFactory(meeting=later, number=2), text="Long. " * 100 + "lawyers")
        titles = found(secretariat_client.get(URL, {"q": "lawyers", "kind": "minutes"}))
        assert titles[0] == "IDMG 20 January 2014, item 1"


def build_results(meeting, count):
    """``count`` agenda items about slavery, each with a paragraph, an action and an update about it too."""
    for number in range(10, 10 + count):
        item = AgendaItemFactory(meeting=meeting, number=number, title="Slavery review")
        ParagraphFactory(agenda_item=item, text="Slavery was discussed.")
        UpdateFactory(
            action=ActionFactory(agenda_item=item, text="Slavery to be reviewed"), text="Slavery review begun"
        )


def test_results_come_a_page_at_a_time(secretariat_client, minutes):
    build_results(minutes["meeting"], 10)

    first = secretariat_client.get(URL, {"q": "slavery"})
    second = secretariat_client.get(URL, {"q": "slavery", "page": "2"})

    assertContains(first, "44 results")
    assert len(found(first)) == PAGE_SIZE
    assert len(found(second)) == PAGE_SIZE
    assert not set(links(first)) & set(links(second))
    assertContains(first, "page=2")
    assertContains(second, "<title>slavery (page 2 of 3) – Search")


def test_a_page_past_the_last_shows_the_last(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "slavery", "page": "99999999999999999999"})

    assert response.status_code == 200
    assert len(found(response)) == 4


def test_only_the_newest_matches_of_each_kind_are_shown_saying_there_are_more(secretariat_client, minutes, monkeypatch):
    monkeypatch.setattr("search.results.NEWEST", 2)
    build_results(minutes["meeting"], 2)

    response = secretariat_client.get(URL, {"q": "slavery"})

    assertContains(response, "More than 8 results")
    assertContains(response, "The best of the newest 2 agenda items")
    assert len(found(response)) == 8
    assert "IDMG 11 March 2013, item 2" not in found(response)


# The search widens its window of newest records by their ids: ids from 1, whatever earlier tests used.
@pytest.mark.django_db(reset_sequences=True)
@pytest.mark.parametrize("size", [1, 4])
def test_the_queries_do_not_grow_with_the_results(secretariat_client, minutes, size):
    build_results(minutes["meeting"], size)  # a page of 20 holds every kind, each loaded once
    secretariat_client.get(URL)  # the session, once read, is cached for the request

    with CaptureQueriesContext(connection) as queries:
        response = secretariat_client.get(URL, {"q": "slavery"})

    assert response.status_code == 200
    # The kinds may widen their window of newest records once more: together on PostgreSQL, one query a kind on SQLite.
    assert QUERIES <= len(queries) <= QUERIES + WIDER_LOOKS, "\n".join(query["sql"][:200] for query in queries)


def test_the_header_offers_the_search_to_signed_in_users(secretariat_client):
    response = secretariat_client.get(reverse("meetings:groups"))

    assertContains(response, f'<form method="get" action="{URL}" class="app-header-search" role="search"')
    assertContains(response, 'id="header-search" name="q" type="search"')


def test_the_header_has_no_search_for_those_signed_out(client):
    response = client.get(reverse("login"))

    assertNotContains(response, "app-header-search")


def test_it_needs_a_sign_in(assert_sign_in_required):
    assert_sign_in_required(URL)


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post(URL, {"q": "slavery"}).status_code == 405


def test_an_update_given_today_is_dated_today(secretariat_client, minutes):
    response = secretariat_client.get(URL, {"q": "lawyers"})

    assertContains(response, f"{timezone.localdate():%-d %B %Y}")


def test_a_word_only_in_old_records_is_found_by_looking_further_back(secretariat_client, minutes, monkeypatch):
    monkeypatch.setattr("search.results.FIRST_LOOK", 2)
    oldest = ActionFactory(agenda_item=minutes["item"], text="Forced marriage unit to report")
    ActionFactory.create_batch(40, agenda_item=minutes["item"], text="Home Office to write")

    response = secretariat_client.get(URL, {"q": "forced marriage"})

    assert found(response) == [oldest.reference]
