from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from pytest_django.asserts import assertRedirects

from tests.factories import UserFactory


@pytest.fixture
def secretariat_user(db):
    return UserFactory(username="secretariat")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="administrator", is_staff=True, is_superuser=True)


@pytest.fixture
def secretariat_client(client, secretariat_user):
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def htmx_headers():
    """What htmx sends with each request it makes."""
    return {"HX-Request": "true"}


@pytest.fixture
def assert_sign_in_required(client, db):
    """Check that a signed-out person asking for a page is sent to sign in, and then back to it."""

    def check(path, method="get"):
        response = getattr(client, method)(path)
        sign_in = f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': path}, safe='/')}"
        assertRedirects(response, sign_in, fetch_redirect_response=False)

    return check


@pytest.fixture
def assert_section_alone():
    """Check that a response is one section of the recording page, without the page around it.

    Returns the section's HTML for further checks.
    """

    def check(response, element_id):
        assert response.status_code == 200
        html = response.content.decode().strip()
        opening_tag = html.split(">", 1)[0]
        assert opening_tag.startswith("<section") and f'id="{element_id}"' in opening_tag, opening_tag
        assert html.endswith("</section>")
        assert "<html" not in html
        return html

    return check
