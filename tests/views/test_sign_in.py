import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import authenticate
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import DepartmentFactory, DepartmentMemberFactory, GroupFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def user():
    return UserFactory(username="secretariat", password=PASSWORD)


def test_it_shows_the_sign_in_form_in_govuk_style(client):
    response = client.get("/sign-in/")

    assertContains(response, '<h1 class="govuk-heading-l">Sign in</h1>', html=True)
    assertContains(response, '<label class="govuk-label" for="id_username">Username</label>', html=True)
    assertContains(response, 'class="govuk-input"', count=2)
    assertContains(response, "govuk-frontend.min.css")
    assertContains(response, '<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>')


def test_it_shows_an_error_for_a_wrong_password(client, user):
    response = client.post("/sign-in/", {"username": "secretariat", "password": "wrong"})

    assertContains(response, "There is a problem")
    assertContains(response, "Please enter a correct username and password")
    assertContains(response, "<title>Sign in – Ministerial group minutes</title>")
    assert "_auth_user_id" not in client.session


def test_it_signs_in_and_goes_home(client, user):
    response = client.post("/sign-in/", {"username": "secretariat", "password": PASSWORD})

    assertRedirects(response, "/", fetch_redirect_response=False)
    assert client.session["_auth_user_id"] == str(user.pk)


def test_it_goes_back_to_the_page_asked_for(client, user):
    response = client.post("/sign-in/", {"username": "secretariat", "password": PASSWORD, "next": "/groups/"})

    assertRedirects(response, "/groups/", fetch_redirect_response=False)


def test_it_keeps_the_page_asked_for_in_the_form(client):
    response = client.get("/sign-in/?next=/meetings/1/record/")

    assertContains(response, '<input type="hidden" name="next" value="/meetings/1/record/">', html=True)


def test_it_rejects_delete(client):
    assert client.delete("/sign-in/").status_code == 405


SIGNED_IN_AS = '<li class="govuk-service-navigation__item app-signed-in">Signed in as {}</li>'


def test_the_header_names_a_department_user_with_their_department(client):

    jane = UserFactory(username="jane", first_name="Jane", last_name="Smith", password=PASSWORD)
    DepartmentMemberFactory(user=jane, department=DepartmentFactory(short_name="Home Office"))

    client.post("/sign-in/", {"username": "jane", "password": PASSWORD})

    assertContains(client.get("/groups/"), SIGNED_IN_AS.format("Jane Smith (Home Office)"), html=True)


def test_the_header_names_secretariat_staff_with_the_group_they_serve(client):

    jane = UserFactory(username="jane", first_name="Jane", last_name="Smith", password=PASSWORD)
    GroupFactory(short_name="IDMG").secretariat.add(jane)

    client.post("/sign-in/", {"username": "jane", "password": PASSWORD})

    assertContains(client.get("/groups/"), SIGNED_IN_AS.format("Jane Smith (IDMG secretariat)"), html=True)


def test_the_header_names_staff_of_several_groups_by_name_alone(client):

    jane = UserFactory(username="jane", first_name="Jane", last_name="Smith", password=PASSWORD)
    GroupFactory(short_name="IDMG", slug="idmg").secretariat.add(jane)
    GroupFactory(short_name="Strategy Board", slug="board").secretariat.add(jane)

    client.post("/sign-in/", {"username": "jane", "password": PASSWORD})

    assertContains(client.get("/groups/"), SIGNED_IN_AS.format("Jane Smith"), html=True)


def test_the_header_falls_back_to_the_username_without_a_name(client, user):
    client.force_login(user)

    assertContains(client.get("/groups/"), SIGNED_IN_AS.format("secretariat"), html=True)


def test_the_header_names_no_one_when_signed_out(client):
    assert "Signed in as" not in client.get("/sign-in/").content.decode()


@pytest.mark.parametrize("length", [151, 300, 1_000_000])
def test_a_username_longer_than_any_user_has_is_refused_before_the_attempt_is_kept(client, length):
    response = client.post("/sign-in/", {"username": "a" * length, "password": "wrong"})

    assertContains(response, "Username must be 150 characters or less")
    assert not AccessAttempt.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_a_password_longer_than_any_password_manager_makes_is_refused(client, user):
    response = client.post("/sign-in/", {"username": "secretariat", "password": "a" * 4097})

    assertContains(response, "Password must be 4,096 characters or less")
    assert not AccessAttempt.objects.exists()


def test_a_username_with_a_nul_character_is_refused_before_the_attempt_is_kept(client):
    response = client.post("/sign-in/", {"username": "secre\x00tariat", "password": "wrong"})

    assertContains(response, "Null characters are not allowed.")
    assert not AccessAttempt.objects.exists()


def test_the_username_box_takes_what_is_pasted_whole_for_the_limit_to_be_said(client):
    response = client.get("/sign-in/")

    assert "maxlength" not in response.content.decode()


def test_the_admin_sign_in_refuses_a_username_longer_than_any_user_has(client):
    response = client.post("/admin/login/", {"username": "a" * 300, "password": "wrong"})

    assertContains(response, "Username must be 150 characters or less")
    assert not AccessAttempt.objects.exists()


def test_another_way_of_signing_in_keeps_a_long_username_cut_to_what_the_attempts_hold(rf):
    request = rf.post("/elsewhere/", {"username": "a" * 300, "password": "wrong"})

    assert authenticate(request, username="a" * 300, password="wrong") is None

    assert AccessAttempt.objects.get().username == "a" * 255
