import pytest
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import UserFactory

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
