"""The commands that create sign-ins: ``createsecretariat`` and ``createdepartmentuser``."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from pytest_django.asserts import assertRedirects

from meetings.access import department_of
from meetings.models import DepartmentMember, Group
from tests.factories import DepartmentFactory, GroupFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    """As when the command runs from a script: nobody is there to type a password."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture
def idmg():
    return GroupFactory(slug="idmg", short_name="IDMG")


@pytest.fixture
def home_office():
    return DepartmentFactory(short_name="Home Office")


def run(*args):
    output = io.StringIO()
    call_command(*args, stdout=output)
    return output.getvalue()


def user(username):
    return get_user_model().objects.get(username=username)


def users():
    return list(get_user_model().objects.values_list("username", flat=True))


def signs_in(client, username, password):
    response = client.post("/sign-in/", {"username": username, "password": password})
    return response.status_code == 302 and client.session.get("_auth_user_id") == str(user(username).pk)


# createsecretariat


def test_createsecretariat_creates_an_officer_who_serves_the_group(client, idmg):
    output = run("createsecretariat", "jane", "--group", "idmg", "--password", PASSWORD)

    jane = user("jane")
    assert output == "Created jane, secretariat of IDMG.\n"
    assert idmg.is_served_by(jane)
    assert department_of(jane) is None
    assert not jane.is_staff
    assert not jane.is_superuser
    assert signs_in(client, "jane", PASSWORD)


def test_the_new_officer_may_record_the_groups_minutes(client, idmg):
    run("createsecretariat", "jane", "--group", "idmg", "--password", PASSWORD)
    signs_in(client, "jane", PASSWORD)

    response = client.get(f"/groups/{idmg.slug}/meetings/new/")

    assert response.status_code == 200


def test_createsecretariat_serves_every_group_named(idmg):
    board = GroupFactory(slug="strategy-board", short_name="Strategy Board")
    GroupFactory(slug="sub-group")

    output = run("createsecretariat", "jane", "--group", "idmg", "--group", "strategy-board", "--password", PASSWORD)

    assert set(user("jane").served_groups.all()) == {idmg, board}
    assert "secretariat of" in output


def test_createsecretariat_leaves_a_trace_in_the_groups_history(idmg):
    run("createsecretariat", "jane", "--group", "idmg", "--password", PASSWORD)

    latest = idmg.history.latest()
    assert latest.history_type == "~"
    assert [member.user.username for member in latest.secretariat.all()] == ["jane"]


def test_createsecretariat_keeps_the_email_given(idmg):
    run("createsecretariat", "jane", "--group", "idmg", "--email", "jane@example.gov.uk", "--password", PASSWORD)

    assert user("jane").email == "jane@example.gov.uk"


def test_createsecretariat_refuses_an_unknown_group(idmg):
    with pytest.raises(CommandError, match="No group with the slug idmgg."):
        run("createsecretariat", "jane", "--group", "idmgg", "--password", PASSWORD)

    assert users() == []


def test_createsecretariat_refuses_if_any_group_named_is_unknown(idmg):
    with pytest.raises(CommandError, match="No group with the slug board."):
        run("createsecretariat", "jane", "--group", "idmg", "--group", "board", "--password", PASSWORD)

    assert users() == []


def test_createsecretariat_requires_a_group():
    with pytest.raises(CommandError, match="--group"):
        run("createsecretariat", "jane", "--password", PASSWORD)


def test_createsecretariat_refuses_an_existing_username(idmg):
    existing = UserFactory(username="jane", password="an old password of hers")

    with pytest.raises(CommandError, match="There is already a user called jane."):
        run("createsecretariat", "jane", "--group", "idmg", "--password", PASSWORD)

    assert user("jane").check_password("an old password of hers")
    assert not idmg.is_served_by(existing)


# createdepartmentuser


def test_createdepartmentuser_creates_a_user_of_the_department(client, home_office):
    output = run("createdepartmentuser", "sam", "--department", "Home Office", "--password", PASSWORD)

    sam = user("sam")
    assert output == "Created sam, a department user of Home Office.\n"
    assert department_of(sam) == home_office
    assert not sam.served_groups.exists()
    assert not sam.is_staff
    assert not sam.is_superuser
    assert signs_in(client, "sam", PASSWORD)


def test_the_new_department_user_goes_to_their_departments_page(client, home_office):
    run("createdepartmentuser", "sam", "--department", "Home Office", "--password", PASSWORD)
    signs_in(client, "sam", PASSWORD)

    assertRedirects(client.get("/"), f"/departments/{home_office.pk}/")


def test_createdepartmentuser_finds_the_department_whatever_the_case(home_office):
    run("createdepartmentuser", "sam", "--department", "home office", "--password", PASSWORD)

    assert department_of(user("sam")) == home_office


def test_createdepartmentuser_refuses_an_unknown_department(home_office):
    with pytest.raises(CommandError, match="No department called Home Offices."):
        run("createdepartmentuser", "sam", "--department", "Home Offices", "--password", PASSWORD)

    assert users() == []
    assert not DepartmentMember.objects.exists()


def test_createdepartmentuser_requires_a_department():
    with pytest.raises(CommandError, match="--department"):
        run("createdepartmentuser", "sam", "--password", PASSWORD)


def test_createdepartmentuser_refuses_an_existing_username(home_office):
    UserFactory(username="sam", password="an old password of his")

    with pytest.raises(CommandError, match="There is already a user called sam."):
        run("createdepartmentuser", "sam", "--department", "Home Office", "--password", PASSWORD)

    assert user("sam").check_password("an old password of his")
    assert not DepartmentMember.objects.exists()


# Both: the password


@pytest.fixture(params=["createsecretariat", "createdepartmentuser"])
def command(request, idmg, home_office):
    """Either command, with the group or department it needs."""
    where = ["--group", "idmg"] if request.param == "createsecretariat" else ["--department", "Home Office"]
    return lambda *args: run(request.param, *args, *where)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("password", "This password is too common."),
        ("k7#q", "This password is too short. It must contain at least 8 characters."),
        ("jane.smith1", "The password is too similar to the username."),
    ],
    ids=["common", "short", "like-the-username"],
)
def test_a_weak_password_is_refused(command, password, reason):
    with pytest.raises(CommandError, match=reason):
        command("jane.smith1", "--password", password)

    assert users() == []
    assert not DepartmentMember.objects.exists()


def test_no_password_is_refused_when_there_is_no_terminal_to_ask_on(command):
    with pytest.raises(CommandError, match="Give --password, or run the command in a terminal to be asked for one."):
        command("jane")

    assert users() == []
    assert not DepartmentMember.objects.exists()


def test_the_password_is_asked_for_at_a_terminal(command, monkeypatch, client):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: PASSWORD)

    command("jane")

    assert signs_in(client, "jane", PASSWORD)


def test_a_weak_password_typed_at_a_terminal_is_refused(command, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "password")

    with pytest.raises(CommandError, match="This password is too common."):
        command("jane")

    assert users() == []


# loaddemo


def test_loaddemo_creates_one_sign_in_of_each_role():
    run("loaddemo")

    assert Group.objects.get(slug="idmg-human-trafficking").is_served_by(user("secretariat"))
    assert department_of(user("secretariat")) is None
    assert department_of(user("homeoffice")).short_name == "Home Office"
    assert not user("homeoffice").served_groups.exists()
    assert user("admin").is_superuser
