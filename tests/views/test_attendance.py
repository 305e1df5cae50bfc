"""The attendance page: per member department and meeting, who came, with totals over a period, a chart and CSV."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import MinutesStatus
from members.attendance import APOLOGIES, ATTENDED, DEPUTISED, NO_ONE, NOT_A_MEMBER, attendance
from tests.factories import (
    ApologyFactory,
    AttendeeFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

URL = "/groups/idmg/attendance/"


@pytest.fixture
def group():
    group = GroupFactory(slug="idmg", short_name="IDMG")
    home_office = DepartmentFactory(short_name="Home Office")
    dfe = DepartmentFactory(short_name="DfE")
    wales = DepartmentFactory(short_name="Wales Office")
    MembershipFactory(group=group, department=home_office)
    MembershipFactory(group=group, department=dfe)
    MembershipFactory(group=group, department=wales, joined_on=datetime.date(2013, 1, 1))
    april = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.CIRCULATED)
    march = MeetingFactory(group=group, date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED)
    AttendeeFactory(meeting=april, department=home_office, person=PersonFactory(name="Lynne Featherstone MP"))
    AttendeeFactory(meeting=april, department=dfe, person=None, deputising_for=PersonFactory(name="Sarah Teather MP"))
    ApologyFactory(meeting=march, department=dfe, person=PersonFactory(name="Edward Timpson MP"))
    AttendeeFactory(meeting=march, department=home_office, person=PersonFactory(name="Mark Harper MP"))
    return group


def test_it_says_for_each_department_and_meeting_who_came(group, secretariat_user):
    meetings, rows = attendance(group, secretariat_user)

    by_department = {str(row.membership.department): row.cells for row in rows}
    assert [meeting.date.year for meeting in meetings] == [2012, 2013]
    assert by_department == {
        "DfE": [DEPUTISED, APOLOGIES],
        "Home Office": [ATTENDED, ATTENDED],
        "Wales Office": [NOT_A_MEMBER, NO_ONE],
    }


def test_the_page_shows_the_table_with_totals_and_the_chart(client, group, department_user):
    client.force_login(department_user)

    response = client.get(URL)

    assertContains(response, "<svg", count=1)
    assertContains(response, 'role="img"')
    assertContains(response, "Official deputised")
    assertContains(response, "Not a member")
    assertContains(response, '<th scope="row" class="govuk-table__header">DfE</th>', html=True)


def test_a_period_leaves_out_the_meetings_outside_it(secretariat_client, group):
    response = secretariat_client.get(
        URL,
        {"start_day": "1", "start_month": "1", "start_year": "2013", "end_day": "", "end_month": "", "end_year": ""},
    )

    assertContains(response, "11 Mar 2013")
    assertNotContains(response, "17 Apr 2012")


def test_a_period_ending_before_it_starts_is_refused_at_the_field(secretariat_client, group):
    response = secretariat_client.get(
        URL,
        {
            "start_day": "1",
            "start_month": "1",
            "start_year": "2013",
            "end_day": "1",
            "end_month": "1",
            "end_year": "2012",
        },
    )

    assertContains(response, "The end of the period must be after its start")
    assertContains(response, "17 Apr 2012")


def test_draft_minutes_are_left_out_for_those_who_may_not_read_them(client, group, department_user):
    MeetingFactory(group=group, date=datetime.date(2013, 6, 10))
    client.force_login(department_user)

    assertNotContains(client.get(URL), "10 Jun 2013")


def test_the_csv_has_a_row_per_department(secretariat_client, group):
    response = secretariat_client.get("/groups/idmg/attendance.csv")

    text = b"".join(response.streaming_content).decode()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0] == "Department,2012-04-17,2013-03-11,Attended,Official deputised,Apologies,No one came"
    assert "DfE,Official deputised,Apologies,0,1,1,0" in lines


def test_the_page_takes_a_fixed_number_of_queries(secretariat_client, group, django_assert_max_num_queries):
    for day in range(1, 6):
        meeting = MeetingFactory(group=group, date=datetime.date(2014, 1, day))
        AttendeeFactory(meeting=meeting, department=DepartmentFactory(short_name="Home Office"))

    with django_assert_max_num_queries(12):
        secretariat_client.get(URL)
