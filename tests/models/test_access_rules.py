"""Who may do what: the rules on the models that every view, template and query asks."""

import pytest
from django.contrib.auth.models import AnonymousUser

from actions.models import Action
from meetings.access import department_of
from meetings.models import Meeting, MinutesStatus
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


def action_owned_by(group, *short_names, status=MinutesStatus.CIRCULATED):
    action = ActionFactory(agenda_item__meeting=MeetingFactory(group=group, status=status))
    departments = [DepartmentFactory(short_name=name) for name in short_names]
    action.set_owners(departments, lead=departments[0])
    return action


# serves


def test_a_secretariat_officer_serves_the_groups_they_are_on(officer, group):
    assert group.is_served_by(officer)


def test_a_secretariat_officer_does_not_serve_other_groups(other_officer, group):
    assert not group.is_served_by(other_officer)


def test_an_officer_may_serve_several_groups(officer, group):
    board = GroupFactory(slug="strategy-board")
    board.secretariat.add(officer)

    assert group.is_served_by(officer)
    assert board.is_served_by(officer)


def test_an_administrator_serves_every_group(administrator, group):
    assert group.is_served_by(administrator)


def test_a_department_user_serves_no_group(group):
    assert not group.is_served_by(member_of("Home Office"))


def test_a_staff_user_who_is_not_a_superuser_serves_no_group(group):
    assert not group.is_served_by(UserFactory(is_staff=True))


def test_serves_asks_the_database_once_per_user(officer, group, django_assert_num_queries):
    board = GroupFactory(slug="strategy-board")

    with django_assert_num_queries(1):
        assert group.is_served_by(officer)
        assert not board.is_served_by(officer)
        assert group.is_served_by(officer)


# department_of


def test_a_department_user_belongs_to_their_department():
    user = member_of("Home Office")

    assert department_of(user).short_name == "Home Office"


def test_a_secretariat_officer_belongs_to_no_department(officer):
    assert department_of(officer) is None


# Meeting.is_visible_to


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

    assert meeting.is_visible_to(member_of("Home Office")) is readable


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

    assert meeting.is_visible_to(other_officer) is readable


@pytest.mark.parametrize("status", list(MinutesStatus))
def test_the_groups_secretariat_reads_its_minutes_whatever_their_status(officer, group, status):
    assert MeetingFactory(group=group, status=status).is_visible_to(officer)


def test_an_administrator_reads_draft_minutes(administrator, group):
    assert MeetingFactory(group=group).is_visible_to(administrator)


def test_signed_out_only_published_minutes_can_be_read(group):
    assert MeetingFactory(group=group, status=MinutesStatus.PUBLISHED).is_visible_to(AnonymousUser())
    assert not MeetingFactory(group=group, status=MinutesStatus.APPROVED).is_visible_to(AnonymousUser())


# Meeting.objects.visible_to and Action.objects.visible_to (and visible_by_ids_to): the same rule, as a query


@pytest.mark.parametrize("role", ["department", "other_officer", "officer", "administrator", "signed_out"])
def test_the_queries_select_exactly_the_minutes_and_actions_each_user_may_read(group, role, request):
    user = {
        "department": lambda: member_of("Home Office"),
        "signed_out": AnonymousUser,
    }.get(role, lambda: request.getfixturevalue(role))()
    actions = [action_owned_by(group, f"Department {status}", status=status) for status in MinutesStatus]
    meetings = [action.meeting for action in actions]

    assert set(Meeting.objects.visible_to(user)) == {meeting for meeting in meetings if meeting.is_visible_to(user)}
    assert set(Action.objects.visible_to(user)) == {action for action in actions if action.is_visible_to(user)}
    assert set(Action.objects.visible_by_ids_to(user)) == set(Action.objects.visible_to(user))


def test_a_department_user_sees_no_action_of_draft_minutes(group):
    draft = action_owned_by(group, "Home Office", status=MinutesStatus.DRAFT)

    user = member_of("Home Office")

    assert draft not in Action.objects.visible_to(user)
    assert not draft.is_visible_to(user)


# Action.is_updatable_by


def test_the_groups_secretariat_may_update_any_of_its_actions(officer, group):
    assert action_owned_by(group, "MOJ").is_updatable_by(officer)


def test_another_groups_secretariat_may_not_update_its_actions(other_officer, group):
    assert not action_owned_by(group, "MOJ").is_updatable_by(other_officer)


def test_an_administrator_may_update_any_action(administrator, group):
    assert action_owned_by(group, "MOJ").is_updatable_by(administrator)


def test_a_department_user_may_update_an_action_their_department_owns(group):
    assert action_owned_by(group, "Home Office").is_updatable_by(member_of("Home Office"))


def test_a_department_user_may_not_update_their_departments_action_while_the_minutes_are_a_draft(group):
    action = action_owned_by(group, "Home Office", status=MinutesStatus.DRAFT)

    assert not action.is_updatable_by(member_of("Home Office"))


def test_a_department_user_may_update_an_action_their_department_co_owns_without_leading(group):
    assert action_owned_by(group, "MOJ", "AGO", "Home Office").is_updatable_by(member_of("Home Office"))


def test_a_department_user_may_not_update_another_departments_action(group):
    assert not action_owned_by(group, "MOJ", "AGO").is_updatable_by(member_of("Home Office"))


def test_a_department_user_may_update_an_action_of_a_department_theirs_succeeded(group):
    user = member_of("Scottish Government")
    DepartmentFactory(short_name="Scottish Executive", successor=department_of(user))

    assert action_owned_by(group, "Scottish Executive").is_updatable_by(user)


def test_the_work_follows_every_rename_in_a_chain(group):
    user = member_of("FCDO")
    fco = DepartmentFactory(short_name="FCO", successor=department_of(user))
    DepartmentFactory(short_name="DFID", successor=fco)

    assert action_owned_by(group, "DFID").is_updatable_by(user)


def test_a_predecessor_departments_user_may_not_update_its_successors_actions(group):
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    user = member_of("Scottish Executive", successor=scottish_government)

    assert not action_owned_by(group, "Scottish Government").is_updatable_by(user)


def test_a_department_user_may_not_update_an_action_of_a_sibling_merged_into_the_same_successor(group):
    fcdo = DepartmentFactory(short_name="FCDO")
    user = member_of("FCO", successor=fcdo)
    DepartmentFactory(short_name="DFID", successor=fcdo)

    assert not action_owned_by(group, "DFID").is_updatable_by(user)


def test_a_user_with_no_department_and_no_group_may_update_nothing(group):
    assert not action_owned_by(group, "Home Office").is_updatable_by(UserFactory())
