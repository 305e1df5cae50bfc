"""The names suggested as a department or a person is typed on the recording page."""

import datetime
import re

import pytest

from meetings.models import MinutesStatus
from tests.factories import (
    AttendeeFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

# The session and the user; the meetings hidden from the user; the names that match.
QUERIES = 4


def options(response):
    return re.findall(r'<option value="([^"]*)">', response.content.decode())


@pytest.fixture
def departments():
    for short_name, name in [
        ("Home Office", "Home Office"),
        ("HMRC", "HM Revenue and Customs"),
        ("MOJ", "Ministry of Justice"),
        ("UKHTC", "UK Human Trafficking Centre"),
    ]:
        DepartmentFactory(short_name=short_name, name=name)


def test_it_suggests_the_departments_whose_names_hold_what_was_typed_those_beginning_with_it_first(
    secretariat_client, departments
):
    response = secretariat_client.get("/suggestions/departments/", {"q": "h"})

    assert options(response) == ["HMRC", "Home Office", "UKHTC"]


def test_it_matches_full_names_and_labels_each_suggestion_with_it(secretariat_client, departments):
    response = secretariat_client.get("/suggestions/departments/", {"q": "justice"})

    assert response.content.decode().strip() == '<option value="MOJ">Ministry of Justice</option>'


def test_it_completes_the_last_name_of_a_list_keeping_those_before_it(secretariat_client, departments):
    response = secretariat_client.get(
        "/suggestions/departments/", {"field": "item-3-action-owners", "item-3-action-owners": "Home  Office,uk"}
    )

    assert options(response) == ["Home Office, UKHTC"]


def test_it_suggests_at_most_ten(secretariat_client):
    for number in range(15):
        DepartmentFactory(short_name=f"Department {number}")

    response = secretariat_client.get("/suggestions/departments/", {"q": "department"})

    assert len(options(response)) == 10


@pytest.mark.parametrize("typed", ["", "   ", "Home Office, "])
def test_it_suggests_nothing_until_a_name_is_begun(secretariat_client, departments, typed):
    assert options(secretariat_client.get("/suggestions/departments/", {"q": typed})) == []


def test_it_suggests_people(secretariat_client):
    PersonFactory(name="Mark Harper MP")
    PersonFactory(name="Lord Wallace")

    response = secretariat_client.get("/suggestions/people/", {"field": "attendee-person", "attendee-person": "harp"})

    assert options(response) == ["Mark Harper MP"]


def test_it_leaves_out_people_known_only_from_another_groups_draft(secretariat_client, department_client):
    draft = MeetingFactory(group=GroupFactory(), date=datetime.date(2013, 6, 10), status=MinutesStatus.DRAFT)
    AttendeeFactory(meeting=draft, person=PersonFactory(name="Secret Minister MP"))

    assert options(department_client.get("/suggestions/people/", {"q": "secret"})) == []


@pytest.mark.parametrize("count", [3, 40])
def test_its_query_count_does_not_grow_with_the_names_on_record(secretariat_client, django_assert_num_queries, count):
    for number in range(count):
        PersonFactory(name=f"Minister {number} MP")

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get("/suggestions/people/", {"q": "minister"})

    assert len(options(response)) == min(count, 10)


def test_the_recording_pages_name_fields_ask_for_suggestions_as_they_are_typed(secretariat_client):
    meeting = MeetingFactory()
    PersonFactory(name="Mark Harper MP")

    html = secretariat_client.get(f"/meetings/{meeting.pk}/record/").content.decode()

    assert '<datalist id="departments"></datalist>' in html
    assert '<datalist id="people"></datalist>' in html
    assert "Mark Harper MP" not in html
    assert 'data-hx-get="/suggestions/departments/?field=attendee-department"' in html
    assert 'data-hx-get="/suggestions/people/?field=attendee-person"' in html


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post("/suggestions/people/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    assert_sign_in_required("/suggestions/departments/")
