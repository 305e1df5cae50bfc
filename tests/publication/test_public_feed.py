import datetime
import xml.etree.ElementTree as ET

import pytest

from meetings.models import MinutesStatus
from tests.factories import CorrectionFactory
from tests.publication.conftest import london

pytestmark = pytest.mark.django_db

ADDRESS = "/published/idmg/feed/"
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def entries(response):
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.findtext("atom:title", namespaces=ATOM),
            "link": entry.find("atom:link", ATOM).get("href"),
            "published": entry.findtext("atom:published", namespaces=ATOM),
            "updated": entry.findtext("atom:updated", namespaces=ATOM),
            "summary": entry.findtext("atom:summary", namespaces=ATOM),
        }
        for entry in feed.findall("atom:entry", ATOM)
    ]


def test_the_feed_is_atom_with_an_entry_for_each_published_minutes(client, make_minutes):
    make_minutes(date=datetime.date(2012, 4, 17))
    make_minutes(date=datetime.date(2013, 3, 11))

    response = client.get(ADDRESS)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert [entry["title"] for entry in entries(response)] == [
        "IDMG minutes of 11 March 2013",
        "IDMG minutes of 17 April 2012",
    ]
    assert entries(response)[0]["link"] == "http://testserver/published/idmg/2013-03-11/"
    assert entries(response)[0]["published"] == "2013-04-12T09:00:00+00:00"


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_the_feed_has_no_unpublished_minutes(client, make_minutes, status):
    make_minutes(date=datetime.date(2012, 4, 17))
    make_minutes(status)

    response = client.get(ADDRESS)

    assert [entry["title"] for entry in entries(response)] == ["IDMG minutes of 17 April 2012"]
    assert status not in response.content.decode()


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.CIRCULATED, MinutesStatus.APPROVED])
def test_a_group_with_nothing_published_has_no_feed(client, make_minutes, status):
    make_minutes(status)

    assert client.get(ADDRESS).status_code == 404


def test_a_correction_is_an_update_of_the_entry(client, make_minutes):
    meeting = make_minutes()
    CorrectionFactory(
        meeting=meeting,
        made_at=london(2013, 5, 3, 14, 0),
        what="Attendee: Home Office – Mark Harper MP",
        reason="The Minister's name was misspelt.",
    )

    (entry,) = entries(client.get(ADDRESS))

    assert entry["published"] == "2013-04-12T09:00:00+00:00"
    assert entry["updated"] == "2013-05-03T13:00:00+00:00"
    assert "Updated 3 May 2013: correction to the register. The Minister&#x27;s name was misspelt." in entry["summary"]


def test_a_proxy_may_cache_the_feed_and_revalidate_it(client, make_minutes):
    make_minutes()

    response = client.get(ADDRESS)

    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert client.get(ADDRESS, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_control_characters_pasted_into_a_correction_do_not_break_the_feed(client, make_minutes):
    meeting = make_minutes()
    CorrectionFactory(meeting=meeting, made_at=london(2013, 5, 3, 14, 0), reason="Pasted\x0b from Word\x1f.")

    (entry,) = entries(client.get(ADDRESS))

    assert "Pasted from Word." in entry["summary"]


@pytest.mark.parametrize("published", [1, 12])
def test_the_feed_costs_the_same_queries_however_many_minutes_it_holds(
    client, make_minutes, django_assert_num_queries, published
):
    for month in range(1, published + 1):
        make_minutes(date=datetime.date(2013, month, 11))

    # The feed's validators (3); the group; its newest published minutes; their corrections.
    with django_assert_num_queries(6):
        response = client.get(ADDRESS)

    assert len(entries(response)) == published
