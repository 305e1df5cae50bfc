"""Adding, changing, removing and reordering the agenda items of a meeting."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions.models import Action
from meetings.models import AgendaItem, Paragraph
from tests.factories import ActionFactory, AgendaItemFactory, MeetingFactory, ParagraphFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, number=1, title="Welcome")


def add_url(meeting):
    return f"/meetings/{meeting.pk}/items/add/"


def row_url(item, view):
    return f"/meetings/{item.meeting_id}/items/{item.pk}/{view}/"


def new_item(**changes):
    return {"agenda-item-number": "2", "agenda-item-title": "Human Trafficking and the Olympics"} | changes


def changed_item(item, **changes):
    fields = {"number": "3", "title": "AOB", "version": item.version} | changes
    return {f"agenda_item-{item.pk}-{name}": value for name, value in fields.items()}


def agenda(meeting):
    return list(meeting.agenda_items.values_list("pk", flat=True))


def test_it_adds_an_agenda_item(secretariat_client, meeting):
    response = secretariat_client.post(add_url(meeting), new_item())

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#agenda", fetch_redirect_response=False)
    item = meeting.agenda_items.get()
    assert (item.number, item.title) == (2, "Human Trafficking and the Olympics")


def test_it_returns_the_new_item_and_the_add_form_again_for_htmx(
    secretariat_client, htmx_headers, meeting, item, assert_add_form_alone, rows_in
):
    ParagraphFactory(agenda_item=item, text="The Chair welcomed members.")

    response = secretariat_client.post(add_url(meeting), new_item(), headers=htmx_headers)

    html = assert_add_form_alone(response, "agenda-item-add")
    added = meeting.agenda_items.get(number=2)
    assert rows_in(response) == [f"item-{added.pk}"]
    assert re.search(r'<div data-hx-swap-oob="beforeend:#agenda-items">\s*<section class="app-record-item"', html)
    assert f'id="item-{added.pk}-title">2. Human Trafficking and the Olympics</h3>' in html
    # The new item is ready for its paragraphs and actions.
    assert f'name="item-{added.pk}-paragraph-number" value="2.1"' in html
    assert f'id="item-{added.pk}-action-add"' in html
    # The item above keeps its rows; only its controls come again, now able to move down.
    assert f'id="agenda_item-{item.pk}-controls" data-hx-swap-oob="true"' in html
    assert "The Chair welcomed members." not in html
    # The next item's number is suggested in the emptied add form.
    assert 'name="agenda-item-number" value="3"' in html
    assert len(response.content) < 20_000


def test_it_shows_the_problem_on_the_page(secretariat_client, meeting, item):
    response = secretariat_client.post(add_url(meeting), new_item(**{"agenda-item-number": "1"}))

    assert response.status_code == 200
    assertContains(response, "<html")
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(
        response, '<a href="#id_agenda-item-number">Item 1 is already on the agenda of this meeting</a>', html=True
    )
    assertContains(response, 'value="Human Trafficking and the Olympics"')
    assertContains(response, "1. Welcome</h3>")
    assert agenda(meeting) == [item.pk]


def test_it_shows_the_problem_at_the_field_for_htmx(
    secretariat_client, htmx_headers, meeting, item, assert_add_form_alone, rows_in
):
    response = secretariat_client.post(add_url(meeting), new_item(**{"agenda-item-title": ""}), headers=htmx_headers)

    html = assert_add_form_alone(response, "agenda-item-add")
    assert (
        '<p id="id_agenda-item-title-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter the title of the agenda item</p>'
    ) in html
    assert 'name="agenda-item-number" value="2"' in html
    assert rows_in(response) == []
    assert agenda(meeting) == [item.pk]


def test_an_item_moved_with_htmx_leaves_its_rows_where_they_are_in_the_page(
    secretariat_client, htmx_headers, meeting, item, rows_in
):
    ParagraphFactory(agenda_item=item, text="The Chair welcomed members.")
    ActionFactory(agenda_item=item, text="MOJ to report on prosecutions.")
    below = AgendaItemFactory(meeting=meeting, number=2, title="Prosecutions")
    ParagraphFactory(agenda_item=below, text="MOJ reported on prosecutions.")

    response = secretariat_client.post(row_url(item, "move"), {"direction": "down"}, headers=htmx_headers)

    html = response.content.decode()
    assert agenda(meeting) == [below.pk, item.pk]
    assert rows_in(response) == [f"item-{item.pk}"]
    assert f'id="item-{item.pk}-columns" data-hx-preserve></div>' in html
    assert "The Chair welcomed members." not in html
    assert "MOJ to report on prosecutions." not in html
    assert "MOJ reported on prosecutions." not in html
    assert f'id="item-{item.pk}-title">1. Welcome</h3>' in html


def test_it_shows_the_change_form_on_the_page(secretariat_client, item):
    response = secretariat_client.get(row_url(item, "edit"))

    assertContains(response, "<html")
    assertContains(response, f'<form method="post" action="{row_url(item, "edit")}"')
    assertContains(response, "Change item 1</h3>")
    assertContains(response, f'name="agenda_item-{item.pk}-number" value="1"')
    assertContains(response, f'name="agenda_item-{item.pk}-title" value="Welcome"')


def test_it_shows_the_change_form_alone_for_htmx(secretariat_client, htmx_headers, item, assert_section_alone):
    response = secretariat_client.get(row_url(item, "edit"), headers=htmx_headers)

    html = assert_section_alone(response, "agenda")
    assert f'data-hx-post="{row_url(item, "edit")}" data-hx-target="#agenda"' in html
    assert f'name="agenda_item-{item.pk}-title" value="Welcome"' in html


def test_it_saves_changes(secretariat_client, item):
    response = secretariat_client.post(row_url(item, "edit"), changed_item(item))

    assertRedirects(response, f"/meetings/{item.meeting_id}/record/#agenda", fetch_redirect_response=False)
    item.refresh_from_db()
    assert (item.number, item.title) == (3, "AOB")


def test_it_returns_the_changed_agenda_for_htmx(secretariat_client, htmx_headers, item, assert_section_alone):
    response = secretariat_client.post(row_url(item, "edit"), changed_item(item), headers=htmx_headers)

    html = assert_section_alone(response, "agenda")
    assert f'id="item-{item.pk}-title">3. AOB</h3>' in html
    assert f'name="agenda_item-{item.pk}-title"' not in html


def test_it_keeps_what_was_typed_when_a_change_has_a_problem(secretariat_client, meeting, item):
    AgendaItemFactory(meeting=meeting, number=2)

    response = secretariat_client.post(row_url(item, "edit"), changed_item(item, number="2", title="Introductions"))

    assertContains(response, "There is a problem")
    assertContains(
        response, f'<a href="#id_agenda_item-{item.pk}-number">Item 2 is already on the agenda of this meeting</a>'
    )
    assertContains(response, f'name="agenda_item-{item.pk}-title" value="Introductions"')
    item.refresh_from_db()
    assert (item.number, item.title) == (1, "Welcome")


def test_it_removes_an_agenda_item_with_its_paragraphs_and_actions(secretariat_client, meeting, item):
    other = AgendaItemFactory(meeting=meeting)
    ParagraphFactory(agenda_item=item)
    ActionFactory(agenda_item=item)

    response = secretariat_client.post(row_url(item, "delete"))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#agenda", fetch_redirect_response=False)
    assert agenda(meeting) == [other.pk]
    assert not Paragraph.objects.exists()
    assert not Action.objects.exists()


def test_removing_the_only_agenda_item_with_htmx_shows_the_empty_agenda_alone(secretariat_client, htmx_headers, item):
    response = secretariat_client.post(row_url(item, "delete"), headers=htmx_headers)

    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#agenda-items", "innerHTML")
    assert response.content.decode().strip() == (
        '<p class="govuk-body" tabindex="-1" autofocus>No agenda items yet.</p>'
    )


def test_it_keeps_an_agenda_item_whose_actions_have_updates_and_says_why(
    secretariat_client, secretariat_user, meeting, item
):
    action = ActionFactory(agenda_item=item)
    action.record_update(author=secretariat_user, text="Work has started.")

    response = secretariat_client.post(row_url(item, "delete"), follow=True)

    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert Action.objects.filter(pk=action.pk).exists()
    assertContains(response, f"Item {item.number} cannot be removed: updates have been recorded on its actions.")


def test_it_escapes_the_title_on_the_recording_and_minutes_pages(secretariat_client, meeting):
    secretariat_client.post(add_url(meeting), new_item(**{"agenda-item-title": "<script>alert(1)</script>"}))

    for page in (f"/meetings/{meeting.pk}/record/", f"/meetings/{meeting.pk}/"):
        response = secretariat_client.get(page)

        assertContains(response, "2. &lt;script&gt;alert(1)&lt;/script&gt;</h")
        assertNotContains(response, "<script>alert(1)</script>")
