import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from actions.models import Action
from meetings.models import Department, Group, Meeting, Person
from members.models import Membership, Representative
from minutes.management.commands.loaddemo import DEMO_USERS

pytestmark = pytest.mark.django_db

MARCH_2013 = datetime.date(2013, 3, 11)
APRIL_2012 = datetime.date(2012, 4, 17)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The demo sign-ins are hashed on every load; a fast hasher keeps these tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def output():
    output = StringIO()
    call_command("loaddemo", stdout=output)
    return output.getvalue()


@pytest.fixture
def march_2013(output):
    return Meeting.objects.get(date=MARCH_2013)


@pytest.fixture
def april_2012(output):
    return Meeting.objects.get(date=APRIL_2012)


def counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_it_loads_the_two_meetings_of_the_idmg(output):
    group = Group.objects.get()

    assert group.short_name == "IDMG"
    assert group.name == "Inter-Departmental Ministerial Group on Human Trafficking"
    assert list(group.meetings.values_list("date", flat=True)) == [MARCH_2013, APRIL_2012]


def test_march_2013_has_its_register_apologies_items_and_actions(march_2013):
    assert march_2013.attendees.count() == 18
    assert march_2013.apologies.count() == 10
    assert list(march_2013.agenda_items.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6, 7]
    assert Action.objects.filter(meeting=march_2013).count() == 10


def test_april_2012_has_its_register_apologies_items_and_actions(april_2012):
    assert april_2012.attendees.count() == 17
    assert april_2012.apologies.count() == 8
    assert list(april_2012.agenda_items.values_list("number", flat=True)) == [2, 3, 4, 5]
    assert Action.objects.filter(meeting=april_2012).count() == 1


def test_april_2012_records_the_next_meeting(april_2012):
    assert april_2012.next_meeting_date == datetime.date(2012, 9, 13)
    assert april_2012.next_meeting_start_time == datetime.time(10, 30)
    assert april_2012.next_meeting_end_time == datetime.time(12)
    assert april_2012.next_meeting_place == "the Home Office"


def test_every_action_has_an_owner_and_exactly_one_lead(output):
    actions = Action.objects.all()

    assert actions.count() == 11
    for action in actions:
        assert action.ownerships.exists(), action
        assert action.ownerships.filter(is_lead=True).count() == 1, action


def test_a_shared_action_keeps_its_owners_in_order_with_the_lead(march_2013):
    action = Action.objects.get(meeting=march_2013, text__startswith="MOJ and AGO/CPS")

    assert [ownership.department.short_name for ownership in action.ownerships.all()] == ["MOJ", "AGO", "CPS"]
    assert action.lead.short_name == "MOJ"
    assert action.agenda_item.number == 2


def test_an_action_due_at_the_next_meeting_says_so(march_2013):
    action = Action.objects.get(due_at_next_meeting=True)

    assert action.meeting == march_2013
    assert action.agenda_item.number == 3
    assert action.due_date is None


def test_renamed_departments_point_to_their_successors(output):
    assert Department.objects.get(short_name="Scottish Executive").successor.short_name == "Scottish Government"
    assert Department.objects.get(short_name="Welsh Assembly Government").successor.short_name == "Welsh Government"
    assert Department.objects.filter(successor__isnull=False).count() == 2


def test_the_2013_chair_is_mark_harper_for_the_home_office(march_2013):
    chair = march_2013.attendees.get(role="chair")

    assert chair == march_2013.attendees.first()
    assert chair.department.short_name == "Home Office"
    assert chair.who == "Mark Harper MP"


def test_the_2012_scottish_executive_rows_are_remote_officials_for_kenny_macaskill(april_2012):
    rows = april_2012.attendees.filter(department__short_name="Scottish Executive")

    assert rows.count() == 2
    for row in rows:
        assert row.who == "Official (for Kenny MacAskill MSP)"
        assert row.remote is True


def test_the_register_keeps_the_order_of_the_minutes(april_2012):
    register = [(row.department.short_name, row.who) for row in april_2012.attendees.all()]

    assert register[:3] == [
        ("Home Office", "Damian Green MP"),
        ("Home Office", "Chris Blairs"),
        ("Home Office", "Official"),
    ]
    assert register[-1] == ("Scottish Executive", "Official (for Kenny MacAskill MSP)")


def test_apologies_keep_the_order_of_the_minutes(march_2013):
    apologies = [(apology.department.short_name, apology.person.name) for apology in march_2013.apologies.all()]

    assert apologies[0] == ("Home Office", "Jeremy Browne MP")
    assert apologies[7] == ("HMRC", "Jennie Granger")


def test_a_person_who_moved_department_is_one_person(april_2012, march_2013):
    browne = Person.objects.get(name="Jeremy Browne MP")

    assert april_2012.attendees.get(person=browne).department.short_name == "FCO"
    assert march_2013.apologies.get(person=browne).department.short_name == "Home Office"


def test_2013_item_2_starts_at_paragraph_2_2(march_2013):
    item = march_2013.agenda_items.get(number=2)

    assert [paragraph.number for paragraph in item.paragraphs.all()] == ["2.2", "2.3", "2.4", "2.5"]


def test_2012_item_3_has_two_unnumbered_paragraphs_where_the_minutes_put_them(april_2012):
    item = april_2012.agenda_items.get(number=3)

    numbers = [paragraph.number for paragraph in item.paragraphs.all()]
    assert numbers == ["", "3.1", "3.2", "3.3", "3.4", "", "3.5", "3.6"]
    assert item.title == "Role of the IDMG – National Rapporteur function"


def test_running_it_again_changes_nothing(output):
    before = counts()

    second_output = StringIO()
    call_command("loaddemo", stdout=second_output)

    assert counts() == before
    assert "Loaded the minutes" not in second_output.getvalue()


def test_it_says_which_minutes_it_loaded(output):
    assert "Loaded the minutes of 17 April 2012." in output
    assert "Loaded the minutes of 11 March 2013." in output


def test_it_prints_the_sign_in(output):
    lines = output.splitlines()

    assert "Sign in at /sign-in/ with:" in lines
    assert any(line.strip().startswith("secretariat / secretariat-demo") for line in lines)
    assert any(line.strip().startswith("admin / admin-demo") and "(administrator)" in line for line in lines)


def test_it_prints_the_sign_in_again_on_a_second_run(output):
    second_output = StringIO()
    call_command("loaddemo", stdout=second_output)

    assert "admin / admin-demo" in second_output.getvalue()


def test_the_printed_sign_ins_work(output):
    for username, password, *_ in DEMO_USERS:
        assert f"{username} / {password}" in output
        assert get_user_model().objects.get(username=username).check_password(password), username


def test_only_the_admin_sign_in_is_an_administrator(output):
    users = get_user_model().objects

    assert users.get(username="admin").is_superuser
    assert users.get(username="admin").is_staff
    assert not users.get(username="secretariat").is_staff
    assert not users.get(username="secretariat").is_superuser


def test_it_makes_no_sign_ins_in_production(settings):
    settings.DEMO_SIGN_INS = False
    output = StringIO()

    call_command("loaddemo", stdout=output)

    assert Meeting.objects.count() == 2
    assert not get_user_model().objects.exists()
    assert "No demo sign-ins made" in output.getvalue()
    assert "admin-demo" not in output.getvalue()


def test_the_demo_sign_ins_have_names_that_sign_their_updates(settings):
    settings.DEMO_SIGN_INS = True
    call_command("loaddemo", stdout=StringIO())

    users = get_user_model().objects
    assert users.get(username="secretariat").get_full_name() == "Sam Okafor"
    assert users.get(username="homeoffice").get_full_name() == "Jane Smith"


def test_it_loads_the_groups_members_with_the_ministers_who_usually_represent_them(output):
    members = Membership.objects.of(Group.objects.get()).select_related("department")
    home_office = members.get(department__short_name="Home Office")

    assert members.count() == 17
    assert str(home_office.representative_on(APRIL_2012)) == "Damian Green MP"
    assert str(home_office.representative_on(MARCH_2013)) == "Mark Harper MP"


def test_loading_twice_adds_no_second_membership(output):
    call_command("loaddemo", stdout=StringIO())

    assert Membership.objects.count() == 17
    assert Representative.objects.count() == 24
