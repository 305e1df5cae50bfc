"""What every kind of row of the minutes shares: moving, the removal question, wrong addresses
and methods, and sign-in. Each kind's own adding and changing is tested in its own module."""

import json
import re
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    MeetingFactory,
    ParagraphFactory,
)

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Kind:
    name: str
    plural: str
    factory: type
    in_item: bool = False
    element: str = ""
    """How the recording page's ids name a row of this kind: attendee-12, item-3."""
    controls: str = ""
    """How they name its controls: attendee-12-controls, agenda_item-3-controls."""

    def __str__(self):
        return self.name

    def make(self, item, count=1):
        parent = {"agenda_item": item} if self.in_item else {"meeting": item.meeting}
        rows = self.factory.create_batch(count, **parent)
        return rows if count > 1 else rows[0]

    def make_elsewhere(self):
        return self.make(AgendaItemFactory())

    def siblings(self, item):
        parent = item if self.in_item else item.meeting
        return list(
            getattr(parent, self.plural if self.plural != "items" else "agenda_items").values_list("pk", flat=True)
        )

    def section(self, item):
        return f"item-{item.pk}" if self.in_item else {"items": "agenda"}.get(self.plural, self.plural)

    def add_url(self, item):
        if self.in_item:
            return f"/meetings/{item.meeting_id}/items/{item.pk}/{self.plural}/add/"
        return f"/meetings/{item.meeting_id}/{self.plural}/add/"

    def row_url(self, meeting, row, view):
        return f"/meetings/{meeting.pk}/{self.plural}/{row.pk}/{view}/"


KINDS = [
    Kind("attendee", "attendees", AttendeeFactory, element="attendee", controls="attendee"),
    Kind("apology", "apologies", ApologyFactory, element="apology", controls="apology"),
    Kind("agenda item", "items", AgendaItemFactory, element="item", controls="agenda_item"),
    Kind("paragraph", "paragraphs", ParagraphFactory, in_item=True, element="paragraph", controls="paragraph"),
    Kind("action", "actions", ActionFactory, in_item=True, element="action", controls="action"),
]


@pytest.fixture(params=KINDS, ids=str)
def kind(request):
    return request.param


@pytest.fixture
def item():
    """An agenda item of the meeting: the parent of paragraphs and actions, a sibling of agenda items."""
    return AgendaItemFactory(meeting=MeetingFactory(), number=1)


def record_url(item, kind):
    return f"/meetings/{item.meeting_id}/record/#{kind.section(item)}"


def test_it_moves_a_row_up_and_down(secretariat_client, kind, item):
    rows = kind.make(item, count=3)
    before = kind.siblings(item)
    last = next(row for row in rows if row.pk == before[-1])

    response = secretariat_client.post(kind.row_url(item.meeting, last, "move"), {"direction": "up"})

    assertRedirects(response, record_url(item, kind), fetch_redirect_response=False)
    assert kind.siblings(item) == [*before[:-2], before[-1], before[-2]]

    secretariat_client.post(kind.row_url(item.meeting, last, "move"), {"direction": "down"})

    assert kind.siblings(item) == before


def test_it_returns_only_the_two_rows_that_swapped_for_htmx(secretariat_client, htmx_headers, kind, item, rows_in):
    kind.make(item, count=4)
    before = kind.siblings(item)
    upper, lower = before[1:3]

    response = secretariat_client.post(
        kind.row_url(item.meeting, kind.factory._meta.model(pk=upper), "move"),
        {"direction": "down"},
        headers=htmx_headers,
    )

    assert kind.siblings(item) == [before[0], lower, upper, *before[3:]]
    html = response.content.decode().strip()
    # The row that went down comes again, to go after the one it passed, and the page's copy of it goes.
    assert rows_in(response) == [f"{kind.element}-{upper}"]
    assert f'data-hx-swap-oob="afterend:#{kind.element}-{lower}"' in html
    assert response["HX-Retarget"] == f"#{kind.element}-{upper}"
    assert response["HX-Reswap"] == "delete"
    # The row it passed keeps its place in the page; only its controls come, first, so the focus finds its button.
    assert html.startswith(
        f'<ul class="app-row-actions govuk-body-s" id="{kind.controls}-{lower}-controls" data-hx-swap-oob="true">'
    )
    assert json.loads(response["HX-Trigger-After-Settle"]) == {
        "announce": {"message": f"{kind.name.capitalize()} moved down"}
    }
    assert len(response.content) < 5_000


def test_a_row_moved_up_with_htmx_sends_the_row_it_passed_below_it(
    secretariat_client, htmx_headers, kind, item, rows_in
):
    kind.make(item, count=3)
    before = kind.siblings(item)
    upper, lower = before[-2:]

    response = secretariat_client.post(
        kind.row_url(item.meeting, kind.factory._meta.model(pk=lower), "move"),
        {"direction": "up"},
        headers=htmx_headers,
    )

    assert kind.siblings(item)[-2:] == [lower, upper]
    html = response.content.decode()
    assert rows_in(response) == [f"{kind.element}-{upper}"]
    assert f'data-hx-swap-oob="afterend:#{kind.element}-{lower}"' in html
    assert response["HX-Retarget"] == f"#{kind.element}-{upper}"
    # The row now last can no longer move down; the one moved up still can.
    placed = html.split("afterend", 1)[1]
    assert "Move down<span" not in placed
    assert "Move down<span" in html.split("afterend", 1)[0]


def test_moving_a_row_with_htmx_costs_the_same_however_long_its_list(secretariat_client, htmx_headers, kind, item):
    kind.make(item, count=2)
    queries = []
    for count in (1, 20):
        kind.make(item, count=count)
        row = kind.factory._meta.model(pk=kind.siblings(item)[0])
        with CaptureQueriesContext(connection) as captured:
            response = secretariat_client.post(
                kind.row_url(item.meeting, row, "move"), {"direction": "down"}, headers=htmx_headers
            )
        assert response["HX-Reswap"] == "delete"
        queries.append(len(captured))

    assert queries[0] == queries[1]


def test_a_row_that_cannot_move_comes_back_with_its_section_for_htmx(
    secretariat_client, htmx_headers, kind, item, assert_section_alone
):
    kind.make(item, count=2)
    last = kind.factory._meta.model(pk=kind.siblings(item)[-1])

    response = secretariat_client.post(
        kind.row_url(item.meeting, last, "move"), {"direction": "down"}, headers=htmx_headers
    )

    assert_section_alone(response, kind.section(item))


def test_it_rejects_an_unknown_direction(secretariat_client, kind, item):
    rows = kind.make(item, count=2)
    before = kind.siblings(item)

    response = secretariat_client.post(kind.row_url(item.meeting, rows[1], "move"), {"direction": "left"})

    assert response.status_code == 400
    assert kind.siblings(item) == before


def test_it_rejects_get_to_move(secretariat_client, kind, item):
    assert secretariat_client.get(kind.row_url(item.meeting, kind.make(item), "move")).status_code == 405


def test_opening_the_add_address_goes_to_the_form_on_the_recording_page(secretariat_client, kind, item):
    response = secretariat_client.get(kind.add_url(item))

    assertRedirects(response, record_url(item, kind), fetch_redirect_response=False)


def test_it_404s_for_a_row_of_another_meeting(secretariat_client, kind, item):
    elsewhere = kind.make_elsewhere()

    assert secretariat_client.get(kind.row_url(item.meeting, elsewhere, "edit")).status_code == 404
    assert (
        secretariat_client.post(kind.row_url(item.meeting, elsewhere, "move"), {"direction": "up"}).status_code == 404
    )
    assert secretariat_client.post(kind.row_url(item.meeting, elsewhere, "delete")).status_code == 404
    assert kind.factory._meta.model.objects.filter(pk=elsewhere.pk).exists()


def test_it_requires_sign_in(assert_sign_in_required, kind, item):
    row = kind.make(item)

    assert_sign_in_required(kind.add_url(item), method="post")
    assert_sign_in_required(kind.row_url(item.meeting, row, "edit"))
    assert_sign_in_required(kind.row_url(item.meeting, row, "delete"), method="post")
    assert_sign_in_required(kind.row_url(item.meeting, row, "move"), method="post")
    assert kind.factory._meta.model.objects.filter(pk=row.pk).exists()


def test_it_asks_before_removing_without_javascript(secretariat_client, kind, item):
    row = kind.make(item)
    if kind.name == "agenda item":
        row = item

    response = secretariat_client.get(kind.row_url(item.meeting, row, "delete"))

    assertContains(response, f"Are you sure you want to remove this {kind.name}?")
    assertContains(response, f'<div class="govuk-inset-text">{row}</div>', html=True)
    assertContains(response, f'href="{record_url(item, kind)}"')
    assert kind.factory._meta.model.objects.filter(pk=row.pk).exists()


def removed_with_htmx(client, headers, kind, item, place, count=4):
    """Make ``count`` rows and remove the one at ``place`` with htmx; returns the response and the
    primary keys of the rows before."""
    kind.make(item, count=count)
    before = kind.siblings(item)
    row = kind.factory._meta.model(pk=before[place])
    return client.post(kind.row_url(item.meeting, row, "delete"), headers=headers), before


@pytest.mark.parametrize(
    ("place", "taker", "moves"),
    [(1, 2, ("Move up", "Move down")), (0, 1, ("Move down",)), (-1, -2, ("Move up",))],
    ids=["from the middle", "first", "last"],
)
def test_a_row_removed_with_htmx_goes_and_the_row_that_takes_its_place_gets_its_controls_and_the_focus(
    secretariat_client, htmx_headers, kind, item, rows_in, place, taker, moves
):
    response, before = removed_with_htmx(secretariat_client, htmx_headers, kind, item, place)

    assert kind.siblings(item) == [pk for pk in before if pk != before[place]]
    assert response["HX-Retarget"] == f"#{kind.element}-{before[place]}"
    assert response["HX-Reswap"] == "delete"
    html = response.content.decode().strip()
    # No row comes again: only the controls of the one below (or above, when the last went), whose
    # moves may have changed, with its Change link taking the focus that the Remove link had.
    assert rows_in(response) == []
    controls = f'<ul class="app-row-actions govuk-body-s" id="{kind.controls}-{before[taker]}-controls"'
    assert html.startswith(f'{controls} data-hx-swap-oob="true">')
    assert html.count('class="app-row-actions') == 1
    assert re.search(r'<a class="govuk-link" href="[^"]+" data-hx-get="[^"]+" autofocus[ >]', html)
    assert tuple(re.findall(r"(Move (?:up|down))<span", html)) == moves
    assert json.loads(response["HX-Trigger-After-Settle"]) == {
        "announce": {"message": f"{kind.name.capitalize()} removed"}
    }
    assert len(response.content) < 5_000


def test_removing_a_row_with_htmx_costs_the_same_however_long_its_list(secretariat_client, htmx_headers, kind, item):
    queries = []
    for count in (3, 30):
        kind.make(item, count=count)
        row = kind.factory._meta.model(pk=kind.siblings(item)[1])
        with CaptureQueriesContext(connection) as captured:
            response = secretariat_client.post(kind.row_url(item.meeting, row, "delete"), headers=htmx_headers)
        assert response["HX-Reswap"] == "delete"
        queries.append(len(captured))

    assert queries[0] == queries[1]
    assert queries[0] <= 16


def test_without_javascript_removing_a_row_goes_back_to_its_section(secretariat_client, kind, item):
    rows = kind.make(item, count=2)

    response = secretariat_client.post(kind.row_url(item.meeting, rows[0], "delete"))

    assertRedirects(response, record_url(item, kind), fetch_redirect_response=False)
    assert rows[0].pk not in kind.siblings(item)
    assert rows[1].pk in kind.siblings(item)


ALONE = [kind for kind in KINDS if kind.name != "agenda item"]


@pytest.mark.parametrize("kind", ALONE, ids=str)
def test_cancelling_a_change_with_htmx_brings_back_the_row_alone_as_shown(
    secretariat_client, htmx_headers, kind, item, assert_row_alone
):
    rows = kind.make(item, count=3)
    middle = next(row for row in rows if row.pk == kind.siblings(item)[1])
    form = secretariat_client.get(kind.row_url(item.meeting, middle, "edit"), headers=htmx_headers).content.decode()
    cancel = re.search(r'data-app-cancel href="([^"]+)" data-hx-get="([^"]+)"', form)

    response = secretariat_client.get(cancel.group(2), headers=htmx_headers)

    html = assert_row_alone(response, f"{kind.element}-{middle.pk}")
    assert '<form method="post" action="{}"'.format(kind.row_url(item.meeting, middle, "edit")) not in html
    assert f'data-hx-get="{kind.row_url(item.meeting, middle, "edit")}"' in html
    assert tuple(re.findall(r"(Move (?:up|down))<span", html)) == ("Move up", "Move down")
    assert "HX-Trigger-After-Settle" not in response
    assert len(response.content) < 5_000
    # Without JavaScript, Cancel goes back to the row on the page.
    assert cancel.group(1) == f"/meetings/{item.meeting_id}/record/#{kind.element}-{middle.pk}"


@pytest.mark.parametrize("kind", ALONE, ids=str)
def test_cancelling_a_change_with_htmx_costs_the_same_however_long_the_minutes(
    secretariat_client, htmx_headers, kind, item
):
    row = kind.make(item)
    address = f"/meetings/{item.meeting_id}/record/?section={kind.element}-{row.pk}"
    queries = []
    for count in (1, 20):
        kind.make(item, count=count)
        ActionFactory.create_batch(count, agenda_item=AgendaItemFactory(meeting=item.meeting))
        with CaptureQueriesContext(connection) as captured:
            response = secretariat_client.get(address, headers=htmx_headers)
        assert response.status_code == 200
        queries.append(len(captured))

    assert queries[0] == queries[1]
    assert queries[0] <= 10


def test_cancelling_a_change_to_a_row_removed_meanwhile_says_it_is_not_found(secretariat_client, htmx_headers, item):
    paragraph = ParagraphFactory(agenda_item=item)
    address = f"/meetings/{item.meeting_id}/record/?section=paragraph-{paragraph.pk}"
    paragraph.delete()

    assert secretariat_client.get(address, headers=htmx_headers).status_code == 404
