import html
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_save
from django.shortcuts import resolve_url
from pytest_django.asserts import assertRedirects

from meetings.models import Group
from tests.factories import DepartmentFactory, DepartmentMemberFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached, such as a document built for another test's minutes."""
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests sign in often; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def secretariat_user(db):
    """A secretariat officer serving every group of the test, whether made before or after."""
    user = UserFactory(username="secretariat")
    for group in Group.objects.all():
        group.secretariat.add(user)

    def serve(sender, instance, created, **kwargs):
        if created:
            instance.secretariat.add(user)

    post_save.connect(serve, sender=Group, weak=False, dispatch_uid="secretariat-serves-every-group")
    yield user
    post_save.disconnect(sender=Group, dispatch_uid="secretariat-serves-every-group")


@pytest.fixture
def other_secretariat_user(db):
    """A secretariat officer of another group: serves none of the test's groups."""
    return UserFactory(username="other-secretariat")


@pytest.fixture
def department_user(db):
    """A department user in the Home Office."""
    user = UserFactory(username="home-office")
    DepartmentMemberFactory(user=user, department=DepartmentFactory(short_name="Home Office"))
    return user


@pytest.fixture
def department_client(client, department_user):
    client.force_login(department_user)
    return client


@pytest.fixture
def other_secretariat_client(client, other_secretariat_user):
    client.force_login(other_secretariat_user)
    return client


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
        assert opening_tag.startswith("<section"), opening_tag
        assert f'id="{element_id}"' in opening_tag, opening_tag
        assert html.endswith("</section>")
        assert "<html" not in html
        return html

    return check


@pytest.fixture
def assert_add_form_alone():
    """Check that a response begins with one add form of the recording page (its ``<form>``, or the
    ``<details>`` that folds the action form away), not the section around it. Returns the HTML."""

    def check(response, element_id):
        assert response.status_code == 200
        html = response.content.decode().strip()
        opening_tag = html.split(">", 1)[0]
        assert opening_tag.startswith(("<form", "<details")), opening_tag
        assert f'id="{element_id}"' in opening_tag, opening_tag
        assert "<html" not in html
        return html

    return check


@pytest.fixture
def rows_in():
    """The ids of the rows of the recording page (attendees, apologies, agenda items, paragraphs and
    actions) that a response holds, in order: not their controls, nor the forms to add them."""

    def find(response):
        return re.findall(
            r'<(?:tr|div|section)\b[^>]*\bid="((?:attendee|apology|item|paragraph|action)-\d+)"',
            response.content.decode(),
        )

    return find


@pytest.fixture
def assert_row_alone():
    """Check that a response is one row of the recording page (``<tr>`` or ``<div>``), with nothing around
    it: not its section, nor any other row. Returns the row's HTML for further checks.
    """

    def check(response, element_id):
        assert response.status_code == 200
        html = response.content.decode().strip()
        opening_tag = html.split(">", 1)[0]
        tag = opening_tag[1:].split(" ", 1)[0]
        assert tag in {"tr", "div"}, opening_tag
        assert f'id="{element_id}"' in opening_tag, opening_tag
        assert html.endswith(f"</{tag}>")
        assert "<section" not in html
        assert "<html" not in html
        row_ids = re.findall(r'id="(?:attendee|apology|paragraph|action)-\d+"', html)
        assert row_ids == [f'id="{element_id}"'], row_ids
        return html

    return check


@pytest.fixture
def changes_listed():
    """Read a history page's changes, newest first, as the words a person sees.

    Each change is a dict: ``heading`` ("Changed Attendee: Home Office – Helen Grant MP"),
    ``byline`` (when, by whom, any reason) and ``fields``, a list of (field, before, after).
    """

    def read(response):
        assert response.status_code == 200
        page = response.content.decode()

        def text(fragment):
            return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()

        changes = []
        for entry in re.findall(r'<li class="app-change">(.*?)</li>', page, flags=re.S):
            changes.append(
                {
                    "heading": text(re.search(r"<h2[^>]*>(.*?)</h2>", entry, flags=re.S).group(1)),
                    "byline": text(re.search(r"<p[^>]*>(.*?)</p>", entry, flags=re.S).group(1)),
                    "fields": [
                        tuple(text(cell) for cell in row)
                        for row in re.findall(
                            r'<tr class="govuk-table__row"><th scope="row"[^>]*>(.*?)</th>'
                            r"<td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>",
                            entry,
                            flags=re.S,
                        )
                    ],
                }
            )
        return changes

    return read
