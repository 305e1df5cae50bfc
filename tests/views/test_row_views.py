"""What every kind of row of the minutes shares: moving, the removal question, wrong addresses
and methods, and sign-in. Each kind's own adding and changing is tested in its own module."""

from dataclasses import dataclass

import pytest
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
    Kind("attendee", "attendees", AttendeeFactory),
    Kind("apology", "apologies", ApologyFactory),
    Kind("agenda item", "items", AgendaItemFactory),
    Kind("paragraph", "paragraphs", ParagraphFactory, in_item=True),
    Kind("action", "actions", ActionFactory, in_item=True),
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


def test_it_returns_the_reordered_section_for_htmx(secretariat_client, htmx_headers, kind, item, assert_section_alone):
    kind.make(item, count=2)
    first, second = kind.siblings(item)[-2:]
    row = kind.factory._meta.model.objects.get(pk=first)

    response = secretariat_client.post(
        kind.row_url(item.meeting, row, "move"), {"direction": "down"}, headers=htmx_headers
    )

    html = assert_section_alone(response, kind.section(item))
    assert kind.siblings(item)[-2:] == [second, first]
    assert "Move up<span" in html


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
