import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import Status
from meetings.models import MinutesStatus
from tests.factories import ActionFactory, CorrectionFactory, MeetingFactory, UserFactory
from tests.publication.conftest import london

pytestmark = pytest.mark.django_db

ADDRESS = "/published/idmg/2013-03-11/"


def test_the_public_address_is_the_group_and_the_date():
    assert reverse("publication:minutes", args=["idmg", "2013-03-11"]) == ADDRESS


def test_published_minutes_are_read_signed_out_as_the_minutes_page_shows_them(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    assertContains(response, "<title>Minutes of IDMG, 11 March 2013 – Published minutes</title>")
    assertContains(response, "The Chair welcomed members (published minutes).")
    assertContains(response, "Home Office to report back (published)")
    assertContains(response, '<table class="govuk-table" id="attendees">')
    assertContains(response, '<table class="govuk-table" id="apologies">')


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_unpublished_minutes_are_not_found(client, make_minutes, status):
    make_minutes(status)

    response = client.get(ADDRESS)

    assert response.status_code == 404
    assertNotContains(response, f"({status}", status_code=404)


def test_the_page_follows_the_govuk_publication_pattern(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    assertContains(response, '<dt class="govuk-!-display-inline">Published</dt>', html=True)
    assertContains(response, "12 April 2013")
    assertContains(response, 'href="/published/idmg/">Inter-Departmental Ministerial Group on Human Trafficking</a>')
    assertContains(response, '<h2 class="govuk-heading-s govuk-!-margin-bottom-2" id="contents-title">Contents</h2>')
    assertContains(response, '<a class="govuk-link" href="#item-1">1. Welcome (published)</a>', html=True)


def test_the_page_has_no_link_into_the_app(client, make_minutes, group):
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.PUBLISHED)
    arising = ActionFactory(agenda_item__meeting=earlier, text="MOJ to explore prosecutions")
    meeting = make_minutes()
    given = arising.record_update(author=UserFactory(), text="Work has started.", meeting=meeting)
    given.created_at = london(2013, 3, 11, 12, 0)
    given.save()

    page = client.get(ADDRESS).content.decode()

    assert "Work has started." in page
    links = set(re.findall(r'href="([^"#]*)', page))
    internal = {link for link in links if link and not link.startswith(("/published/", "/assets/"))}
    assert internal == set()
    for words in ["History of these minutes", "Record or change", "Sign out", "csrf"]:
        assert words not in page


def test_the_page_is_the_same_for_a_signed_in_reader_and_names_no_one(client, make_minutes):
    make_minutes()
    signed_out = client.get(ADDRESS)
    client.force_login(UserFactory(username="secretariat"))

    signed_in = client.get(ADDRESS)

    assert signed_in.content == signed_out.content
    assert not signed_in.cookies
    assertNotContains(signed_in, "secretariat")


def test_a_proxy_may_cache_the_page_and_revalidate_it(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert response["Last-Modified"] == "Fri, 12 Apr 2013 09:00:00 GMT"
    assert response["ETag"]
    assert not response.cookies


def test_an_unchanged_page_is_not_sent_again(client, make_minutes):
    make_minutes()
    etag = client.get(ADDRESS)["ETag"]

    response = client.get(ADDRESS, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert "public" in response["Cache-Control"]


def test_a_correction_changes_the_validators_so_a_cache_fetches_the_page_again(client, make_minutes):
    meeting = make_minutes()
    before = client.get(ADDRESS)

    CorrectionFactory(meeting=meeting, made_at=london(2013, 5, 3, 14, 0), what="Attendee: Home Office – Official")
    response = client.get(ADDRESS, headers={"If-None-Match": before["ETag"]})

    assert response.status_code == 200
    assert response["ETag"] != before["ETag"]
    assert response["Last-Modified"] == "Fri, 03 May 2013 13:00:00 GMT"


def test_the_page_is_built_once_for_each_state_of_the_minutes(client, make_minutes):
    meeting = make_minutes()
    first = client.get(ADDRESS)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(ADDRESS)

    # The meeting's address and the validators, with the group's names (5), and the address again for
    # the page (2): the page itself comes from the cache.
    assert len(queries) == 7
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]

    CorrectionFactory(meeting=meeting, made_at=london(2013, 5, 3, 14, 0), what="Attendee: Home Office – Official")
    corrected = client.get(ADDRESS)

    assertContains(corrected, "<li>Updated 3 May 2013: correction to the register</li>", html=True)


def test_a_correction_since_publication_is_shown_as_an_update(client, make_minutes):
    meeting = make_minutes()
    CorrectionFactory(
        meeting=meeting,
        made_at=london(2013, 5, 3, 14, 0),
        what="Attendee: Home Office – Mark Harper MP",
        reason="The Minister's name was misspelt.",
    )

    response = client.get(ADDRESS)

    assertContains(response, "<li>Updated 3 May 2013: correction to the register</li>", html=True)
    assertContains(response, "Last updated")
    assertContains(response, "The Minister&#x27;s name was misspelt.")


def test_a_correction_made_before_publication_is_not_an_update(client, make_minutes):
    meeting = make_minutes()
    CorrectionFactory(meeting=meeting, made_at=london(2013, 4, 1, 9, 0), reason="A wrong department was recorded.")

    response = client.get(ADDRESS)

    assertContains(response, "A wrong department was recorded.")
    assertNotContains(response, "Updated 1 April 2013")
    assertNotContains(response, "Last updated")


def test_an_update_recorded_after_publication_is_not_in_the_matters_arising(client, make_minutes, group):
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.PUBLISHED)
    arising = ActionFactory(agenda_item__meeting=earlier, text="MOJ to explore prosecutions")
    meeting = make_minutes()
    author = UserFactory()
    given = arising.record_update(author=author, text="Work has started.", status=Status.IN_PROGRESS, meeting=meeting)
    given.created_at = london(2013, 3, 11, 12, 0)
    given.save()
    later = arising.record_update(author=author, text="Typed up after publication.", meeting=meeting)
    assert later.created_at > meeting.published_at

    response = client.get(ADDRESS)

    assertContains(response, "Work has started.")
    assertNotContains(response, "Typed up after publication.")


def test_the_second_meeting_of_a_day_has_its_own_address(client, make_minutes):
    first, second = make_minutes(), make_minutes(start_time=datetime.time(15, 0))
    first.agenda_items.update(title="Morning")

    assertContains(client.get(ADDRESS), "1. Morning")
    response = client.get(f"{ADDRESS[:-1]}-2/")
    assertContains(response, "3pm, at Home Office")
    assert response.context["meeting"] == second


@pytest.mark.parametrize("key", ["2013-02-30", "2013-03-11-3", "2013-03-12", "2013-13-01"])
def test_an_address_that_names_no_published_minutes_is_not_found(client, make_minutes, key):
    make_minutes()

    assert client.get(f"/published/idmg/{key}/").status_code == 404


def test_another_groups_address_does_not_find_the_minutes(client, make_minutes):
    make_minutes()
    MeetingFactory(group__slug="strategy-board")

    assert client.get("/published/strategy-board/2013-03-11/").status_code == 404


def test_the_page_only_answers_get_and_head(client, make_minutes):
    make_minutes()

    assert client.post(ADDRESS).status_code == 405
    assert client.head(ADDRESS).status_code == 200


@pytest.mark.parametrize("size", [1, 4])
def test_the_page_makes_the_same_queries_whatever_the_size_of_the_minutes(client, make_minutes, size):
    meeting = make_minutes()
    for _ in range(size):
        CorrectionFactory(meeting=meeting, made_at=london(2013, 5, 3, 14, 0))
        ActionFactory(agenda_item=meeting.agenda_items.get()).set_owners([meeting.attendees.get().department])

    with CaptureQueriesContext(connection) as queries:
        assert client.get(ADDRESS).status_code == 200

    # The meeting's address and validators (4); the minutes with what they hold (9); the matters arising (3);
    # the papers published with them (1).
    assert len(queries) == 17
