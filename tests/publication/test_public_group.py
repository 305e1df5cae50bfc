import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import MinutesStatus
from tests.factories import CorrectionFactory, MeetingFactory
from tests.publication.conftest import london

pytestmark = pytest.mark.django_db

ADDRESS = "/published/idmg/"


def test_the_group_page_lists_its_published_minutes_by_year_newest_first(client, make_minutes):
    make_minutes(date=datetime.date(2012, 4, 17))
    make_minutes(date=datetime.date(2013, 3, 11))
    make_minutes(date=datetime.date(2013, 6, 10))

    response = client.get(ADDRESS)

    page = response.content.decode()
    assert page.index('id="year-2013"') < page.index("10 June 2013") < page.index("11 March 2013")
    assert page.index("11 March 2013") < page.index('id="year-2012"') < page.index("17 April 2012")
    assertContains(response, '<a class="govuk-link" href="/published/idmg/2013-03-11/">Minutes of 11 March 2013</a>')
    assertContains(response, "Published 12 April 2013")


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_the_group_page_lists_no_unpublished_minutes(client, make_minutes, status):
    make_minutes(date=datetime.date(2012, 4, 17))
    make_minutes(status, date=datetime.date(2013, 3, 11))

    response = client.get(ADDRESS)

    assertContains(response, "17 April 2012")
    assertNotContains(response, "11 March 2013")
    assertNotContains(response, "2013-03-11")


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_a_group_with_nothing_published_has_no_public_page(client, make_minutes, status):
    make_minutes(status)

    assert client.get(ADDRESS).status_code == 404


def test_an_unknown_group_is_not_found(client):
    assert client.get("/published/no-such-group/").status_code == 404


def test_another_groups_published_minutes_are_not_listed(client, make_minutes):
    make_minutes()
    MeetingFactory(group__slug="board", date=datetime.date(2013, 1, 7), status=MinutesStatus.PUBLISHED)

    assertNotContains(client.get(ADDRESS), "7 January 2013")


def test_the_group_page_links_its_feed(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    assertContains(response, '<link rel="alternate" type="application/atom+xml" href="/published/idmg/feed/"')


def test_a_proxy_may_cache_the_group_page_until_minutes_are_published_or_corrected(client, make_minutes):
    meeting = make_minutes()
    first = client.get(ADDRESS)
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert client.get(ADDRESS, headers={"If-None-Match": first["ETag"]}).status_code == 304

    CorrectionFactory(meeting=meeting, made_at=london(2013, 5, 3, 14, 0))

    assert client.get(ADDRESS, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_newly_published_minutes_change_the_group_pages_validators(client, make_minutes):
    make_minutes(date=datetime.date(2012, 4, 17))
    first = client.get(ADDRESS)
    approved = make_minutes(MinutesStatus.APPROVED)

    approved.publish()

    response = client.get(ADDRESS, headers={"If-None-Match": first["ETag"]})
    assertContains(response, "11 March 2013")


def test_a_page_not_found_is_not_kept_by_a_cache(client, make_minutes):
    make_minutes(MinutesStatus.APPROVED)

    response = client.get(ADDRESS)

    assert response.status_code == 404
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


@pytest.mark.parametrize("published", [1, 12])
def test_the_group_page_costs_the_same_queries_however_many_minutes_it_lists(
    client, make_minutes, django_assert_num_queries, published
):
    for month in range(1, published + 1):
        make_minutes(date=datetime.date(2013 + month % 3, month, 11))

    # The page's validators: the group's names, its published minutes' versions and their corrections (3);
    # the group; its published minutes with their addresses.
    with django_assert_num_queries(5):
        response = client.get(ADDRESS)

    assert response.content.decode().count("Minutes of ") == published
