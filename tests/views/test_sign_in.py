import pytest
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
