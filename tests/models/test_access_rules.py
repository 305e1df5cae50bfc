"""Who may do what: the rules in ``meetings.access`` that views and templates ask."""

import pytest

from meetings.access import can_read_minutes, can_update_action, department_of, serves
from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    GroupFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def group():
    return GroupFactory(slug="idmg")


@pytest.fixture
def officer(group):
    """A secretariat officer of the IDMG."""
    user = UserFactory(username="idmg-secretariat")
    group.secretariat.add(user)
    return user


@pytest.fixture
def other_officer():
    """A secretariat officer of the Strategy Board only."""
    user = UserFactory(username="board-secretariat")
    GroupFactory(slug="strategy-board", short_name="Strategy Board").secretariat.add(user)
    return user


@pytest.fixture
def administrator():
    return UserFactory(username="administrator", is_staff=True, is_superuser=True)


def member_of(short_name, successor=None):
    """A new department user of the department with this short name."""
    department = DepartmentFactory(short_name=short_name, successor=successor)
    return DepartmentMemberFactory(user=UserFactory(username=f"user-of-{short_name}"), department=department).user


def action_owned_by(group, *short_names):
    action = ActionFactory(agenda_item__meeting=MeetingFactory(group=group))
    departments = [DepartmentFactory(short_name=name) for name in short_names]
    action.set_owners(departments, lead=departments[0])
    return action


# serves


def test_a_secretariat_officer_serves_the_groups_they_are_on(officer, group):
    assert serves(officer, group)


def test_a_secretariat_officer_does_not_serve_other_groups(other_officer, group):
    assert not serves(other_officer, group)


def test_an_officer_may_serve_several_groups(officer, group):
    board = GroupFactory(slug="strategy-board")
    board.secretariat.add(officer)

    assert serves(officer, group)
    assert serves(officer, board)


def test_an_administrator_serves_every_group(administrator, group):
    assert serves(administrator, group)


def test_a_department_user_serves_no_group(group):
    assert not serves(member_of("Home Office"), group)


def test_a_staff_user_who_is_not_a_superuser_serves_no_group(group):
    assert not serves(UserFactory(is_staff=True), group)


def test_serves_asks_the_database_once_per_user(officer, group, django_assert_num_queries):
    board = GroupFactory(slug="strategy-board")

    with django_assert_num_queries(1):
        assert serves(officer, group)
        assert not serves(officer, board)
        assert serves(officer, group)


# department_of


def test_a_department_user_belongs_to_their_department():
    user = member_of("Home Office")

    assert department_of(user).short_name == "Home Office"


def test_a_secretariat_officer_belongs_to_no_department(officer):
    assert department_of(officer) is None


# can_read_minutes


@pytest.mark.parametrize(
    ("status", "readable"),
    [
        (MinutesStatus.DRAFT, False),
        (MinutesStatus.CIRCULATED, True),
        (MinutesStatus.APPROVED, True),
        (MinutesStatus.PUBLISHED, True),
    ],
)
def test_a_department_user_reads_minutes_once_circulated(group, status, readable):
    meeting = MeetingFactory(group=group, status=status)

    assert can_read_minutes(member_of("Home Office"), meeting) is readable


@pytest.mark.parametrize(
    ("status", "readable"),
    [
        (MinutesStatus.DRAFT, False),
        (MinutesStatus.CIRCULATED, True),
        (MinutesStatus.PUBLISHED, True),
    ],
)
def test_another_groups_secretariat_reads_minutes_once_circulated(other_officer, group, status, readable):
    meeting = MeetingFactory(group=group, status=status)

    assert can_read_minutes(other_officer, meeting) is readable


@pytest.mark.parametrize("status", list(MinutesStatus))
def test_the_groups_secretariat_reads_its_minutes_whatever_their_status(officer, group, status):
    assert can_read_minutes(officer, MeetingFactory(group=group, status=status))


def test_an_administrator_reads_draft_minutes(administrator, group):
    assert can_read_minutes(administrator, MeetingFactory(group=group))


# can_update_action


def test_the_groups_secretariat_may_update_any_of_its_actions(officer, group):
    assert can_update_action(officer, action_owned_by(group, "MOJ"))


def test_another_groups_secretariat_may_not_update_its_actions(other_officer, group):
    assert not can_update_action(other_officer, action_owned_by(group, "MOJ"))


def test_an_administrator_may_update_any_action(administrator, group):
    assert can_update_action(administrator, action_owned_by(group, "MOJ"))


def test_a_department_user_may_update_an_action_their_department_owns(group):
    assert can_update_action(member_of("Home Office"), action_owned_by(group, "Home Office"))


def test_a_department_user_may_update_an_action_their_department_co_owns_without_leading(group):
    assert can_update_action(member_of("Home Office"), action_owned_by(group, "MOJ", "AGO", "Home Office"))


def test_a_department_user_may_not_update_another_departments_action(group):
    assert not can_update_action(member_of("Home Office"), action_owned_by(group, "MOJ", "AGO"))


def test_a_department_user_may_update_an_action_of_a_department_theirs_succeeded(group):
    user = member_of("Scottish Government")
    DepartmentFactory(short_name="Scottish Executive", successor=department_of(user))

    assert can_update_action(user, action_owned_by(group, "Scottish Executive"))


def test_the_work_follows_every_rename_in_a_chain(group):
    user = member_of("FCDO")
    fco = DepartmentFactory(short_name="FCO", successor=department_of(user))
    DepartmentFactory(short_name="DFID", successor=fco)

    assert can_update_action(user, action_owned_by(group, "DFID"))


def test_a_predecessor_departments_user_may_not_update_its_successors_actions(group):
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    user = member_of("Scottish Executive", successor=scottish_government)

    assert not can_update_action(user, action_owned_by(group, "Scottish Government"))


def test_a_department_user_may_not_update_an_action_of_a_sibling_merged_into_the_same_successor(group):
    fcdo = DepartmentFactory(short_name="FCDO")
    user = member_of("FCO", successor=fcdo)
    DepartmentFactory(short_name="DFID", successor=fcdo)

    assert not can_update_action(user, action_owned_by(group, "DFID"))


def test_a_user_with_no_department_and_no_group_may_update_nothing(group):
    assert not can_update_action(UserFactory(), action_owned_by(group, "Home Office"))
