import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from members.models import Contact, Membership
from tests.factories import (
    AttendeeFactory,
    ContactFactory,
    DepartmentFactory,
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    RepresentativeFactory,
)

pytestmark = pytest.mark.django_db

URL = "/groups/idmg/members/"


@pytest.fixture
def group():
    return GroupFactory(slug="idmg")


@pytest.fixture
def home_office(group):
    membership = MembershipFactory(group=group, department=DepartmentFactory(short_name="Home Office"))
    RepresentativeFactory(
        membership=membership, person=PersonFactory(name="James Brokenshire MP"), since=datetime.date(2010, 5, 1)
    )
    RepresentativeFactory(
        membership=membership, person=PersonFactory(name="Karen Bradley MP"), since=datetime.date(2014, 10, 1)
    )
    return membership


def test_it_lists_the_members_with_their_representative_today_and_contacts(secretariat_client, home_office):
    ContactFactory(membership=home_office, name="Private Office", email="po@homeoffice.gov.uk")

    response = secretariat_client.get(URL)

    assertContains(response, "Home Office")
    assertContains(response, "Karen Bradley MP")
    assertContains(response, "James Brokenshire MP, from 1 May 2010")
    assertContains(response, "po@homeoffice.gov.uk")


def test_the_group_page_links_to_the_members_for_its_secretariat(secretariat_client, group):
    assertContains(secretariat_client.get("/groups/idmg/"), f'href="{URL}"')


def test_a_department_user_may_not_see_the_members(department_client, home_office):
    assert department_client.get(URL).status_code == 403


def test_the_page_takes_a_fixed_number_of_queries(
    secretariat_client, home_office, django_assert_max_num_queries, group
):
    for _number in range(5):
        ContactFactory(membership=MembershipFactory(group=group))
    with django_assert_max_num_queries(12):
        secretariat_client.get(URL)


def test_it_adds_a_member_with_its_representative(secretariat_client, group):
    DepartmentFactory(short_name="MOJ")

    response = secretariat_client.post(
        f"{URL}add/",
        {
            "department": "MOJ",
            "joined_on_day": "1",
            "joined_on_month": "4",
            "joined_on_year": "2012",
            "representative": "Lord McNally",
        },
    )

    membership = Membership.objects.get()
    assertRedirects(response, f"{URL}#member-{membership.pk}", fetch_redirect_response=False)
    assert membership.joined_on == datetime.date(2012, 4, 1)
    assert str(membership.representative_on(datetime.date(2012, 5, 1))) == "Lord McNally"


def test_a_department_not_on_record_must_be_confirmed(secretariat_client, group):
    response = secretariat_client.post(f"{URL}add/", {"department": "Home Ofice", "representative": ""})

    assertContains(response, "is not a department on record")
    assertContains(response, 'value="Home Ofice"')
    assert not Membership.objects.exists()


def test_the_confirmation_of_a_new_department_is_offered_once(secretariat_client, group):
    response = secretariat_client.post(f"{URL}add/", {"department": "Home Ofice", "representative": ""})

    assertContains(response, 'name="add_departments"', count=1)
    assertContains(response, "Add “Home Ofice” as a new department", count=1)


def test_a_department_already_a_member_is_refused(secretariat_client, home_office):
    response = secretariat_client.post(f"{URL}add/", {"department": "Home Office", "representative": ""})

    assertContains(response, "Home Office is already a member of IDMG")


def test_a_former_member_joins_again(secretariat_client, home_office):
    home_office.left_on = datetime.date(2015, 1, 1)
    home_office.save()

    secretariat_client.post(f"{URL}add/", {"department": "Home Office", "representative": ""})

    home_office.refresh_from_db()
    assert home_office.left_on is None


def test_a_member_leaves_from_a_date_and_is_listed_as_former(secretariat_client, home_office):
    response = secretariat_client.post(
        f"{URL}{home_office.pk}/leave/",
        {"left_on_day": "2", "left_on_month": "1", "left_on_year": "2020", "version": home_office.version},
        follow=True,
    )

    assertContains(response, "Home Office, left on 2 January 2020")
    home_office.refresh_from_db()
    assert home_office.left_on == datetime.date(2020, 1, 2)
    assert home_office.history.count() == 2


def test_leaving_before_a_meeting_it_attended_is_refused_at_the_field(secretariat_client, group, home_office):
    AttendeeFactory(
        meeting=MeetingFactory(group=group, date=datetime.date(2020, 3, 5)), department=home_office.department
    )

    response = secretariat_client.post(
        f"{URL}{home_office.pk}/leave/",
        {"left_on_day": "2", "left_on_month": "1", "left_on_year": "2020", "version": home_office.version},
    )

    assertContains(response, "It attended the meeting of 5 March 2020: enter a later date")
    assertContains(response, 'value="2020"')
    home_office.refresh_from_db()
    assert home_office.left_on is None


def test_leaving_after_the_meetings_it_attended_is_recorded(secretariat_client, group, home_office):
    AttendeeFactory(
        meeting=MeetingFactory(group=group, date=datetime.date(2019, 3, 5)), department=home_office.department
    )

    secretariat_client.post(
        f"{URL}{home_office.pk}/leave/",
        {"left_on_day": "2", "left_on_month": "1", "left_on_year": "2020", "version": home_office.version},
    )

    home_office.refresh_from_db()
    assert home_office.left_on == datetime.date(2020, 1, 2)


def test_leaving_over_someone_elses_change_is_refused(secretariat_client, home_office):
    response = secretariat_client.post(
        f"{URL}{home_office.pk}/leave/",
        {"left_on_day": "2", "left_on_month": "1", "left_on_year": "2020", "version": home_office.version + 1},
    )

    assertContains(response, "Someone else saved a change")


def test_a_new_representative_from_a_date_leaves_earlier_meetings_theirs(secretariat_client, home_office):
    secretariat_client.post(
        f"{URL}{home_office.pk}/representative/",
        {"person": "Sarah Newton MP", "since_day": "17", "since_month": "7", "since_year": "2016"},
    )

    assert str(home_office.representative_on(datetime.date(2016, 7, 17))) == "Sarah Newton MP"
    assert str(home_office.representative_on(datetime.date(2016, 7, 16))) == "Karen Bradley MP"


def test_two_representatives_from_the_same_date_are_refused_at_the_field(secretariat_client, home_office):
    response = secretariat_client.post(
        f"{URL}{home_office.pk}/representative/",
        {"person": "Sarah Newton MP", "since_day": "1", "since_month": "10", "since_year": "2014"},
    )

    assertContains(response, "Karen Bradley MP is already recorded from 1 October 2014")
    assertContains(response, 'value="Sarah Newton MP"')


def test_it_adds_a_contact(secretariat_client, home_office):
    secretariat_client.post(
        f"{URL}{home_office.pk}/contacts/add/", {"name": "Private Office", "email": "po@homeoffice.gov.uk", "role": ""}
    )

    assert Contact.objects.get().email == "po@homeoffice.gov.uk"


def test_an_invalid_address_is_refused_at_the_field_keeping_the_name(secretariat_client, home_office):
    response = secretariat_client.post(
        f"{URL}{home_office.pk}/contacts/add/", {"name": "Private Office", "email": "po at homeoffice", "role": ""}
    )

    assertContains(response, "Enter an email address in the correct format")
    assertContains(response, 'value="Private Office"')
    assert not Contact.objects.exists()


def test_two_departments_may_share_an_address(secretariat_client, home_office, group):
    other = MembershipFactory(group=group, department=DepartmentFactory(short_name="UKHTC"))
    ContactFactory(membership=other, email="shared@homeoffice.gov.uk")

    secretariat_client.post(
        f"{URL}{home_office.pk}/contacts/add/", {"name": "Shared box", "email": "shared@homeoffice.gov.uk", "role": ""}
    )

    assert Contact.objects.filter(email="shared@homeoffice.gov.uk").count() == 2


def test_one_department_lists_an_address_once(secretariat_client, home_office):
    ContactFactory(membership=home_office, email="po@homeoffice.gov.uk")

    response = secretariat_client.post(
        f"{URL}{home_office.pk}/contacts/add/", {"name": "Again", "email": "PO@homeoffice.gov.uk", "role": ""}
    )

    assertContains(response, "is already a contact of Home Office")


def test_it_changes_a_contact_and_keeps_the_history(secretariat_client, home_office):
    contact = ContactFactory(membership=home_office)

    secretariat_client.post(
        f"/groups/idmg/contacts/{contact.pk}/edit/",
        {
            "name": "Lead official",
            "email": "lead@homeoffice.gov.uk",
            "role": "Lead official",
            "version": contact.version,
        },
    )

    contact.refresh_from_db()
    assert contact.email == "lead@homeoffice.gov.uk"
    assert contact.history.count() == 2


def test_a_change_over_someone_elses_is_refused_keeping_what_was_typed(secretariat_client, home_office):
    contact = ContactFactory(membership=home_office)
    contact.name = "Changed meanwhile"
    contact.save()

    response = secretariat_client.post(
        f"/groups/idmg/contacts/{contact.pk}/edit/",
        {"name": "Mine", "email": "mine@homeoffice.gov.uk", "role": "", "version": contact.version - 1},
    )

    assertContains(response, "Someone else saved a change")
    assertContains(response, 'value="mine@homeoffice.gov.uk"')


def test_it_removes_a_contact_once_confirmed(secretariat_client, home_office):
    contact = ContactFactory(membership=home_office)

    assertContains(secretariat_client.get(f"/groups/idmg/contacts/{contact.pk}/remove/"), "Are you sure")
    secretariat_client.post(f"/groups/idmg/contacts/{contact.pk}/remove/")

    assert not Contact.objects.exists()
    assert Contact.history.filter(history_type="-").exists()


def test_another_groups_contact_is_not_found(secretariat_client, home_office):
    contact = ContactFactory(membership=MembershipFactory(group=GroupFactory(slug="board")))

    assert secretariat_client.get(f"/groups/idmg/contacts/{contact.pk}/edit/").status_code == 404
    assertNotContains(secretariat_client.get(URL), contact.email)
