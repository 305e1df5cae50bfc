"""The error pages share the GOV.UK layout; the 500 page needs neither the request nor the database."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.urls import path
from pytest_django.asserts import assertContains

from idmg.urls import urlpatterns as app_urlpatterns


@login_not_required
def broken(request):
    raise RuntimeError("A bug")


urlpatterns = [path("broken/", broken), *app_urlpatterns]

LAYOUT = [
    '<header class="govuk-template__header">',
    '<main class="govuk-main-wrapper" id="main-content">',
    'href="/assets/govuk/govuk-frontend.min.css"',
    '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
]


@pytest.fixture
def failing_client(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


def test_the_500_page_uses_the_govuk_layout_without_the_database(failing_client):
    # No django_db mark: any query would fail the test.
    response = failing_client.get("/broken/")

    assert response.status_code == 500
    for part in LAYOUT:
        assertContains(response, part, status_code=500)
    assertContains(
        response, '<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>', status_code=500
    )
    title = "<title>Sorry, there is a problem with the service – Ministerial group minutes</title>"
    assertContains(response, title, status_code=500)
    assert "Signed in as" not in response.content.decode()


@pytest.mark.django_db
def test_the_500_page_shows_no_one_signed_in_even_when_someone_is(failing_client, secretariat_user):
    failing_client.force_login(secretariat_user)

    response = failing_client.get("/broken/")

    assert response.status_code == 500
    assert "Sign out" not in response.content.decode()


@pytest.mark.django_db
def test_the_404_page_uses_the_same_layout(secretariat_client):
    response = secretariat_client.get("/no-such-page/")

    for part in LAYOUT:
        assertContains(response, part, status_code=404)
    assertContains(response, '<h1 class="govuk-heading-l">Page not found</h1>', status_code=404)
    assertContains(response, '<a class="govuk-link" href="/">Go to the start page</a>', status_code=404)
