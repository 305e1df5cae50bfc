"""An administrator corrects minutes in the Django admin: every page they use passes axe-core.

Loads the demo data and opens, as an administrator, the change page and the list of each kind of record
that makes up minutes, at a laptop's width.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from actions.models import Action, ActionOwner
from meetings.models import AgendaItem, Apology, Attendee, Correction, Department, Meeting, Paragraph, Person
from tests.browser.conftest import _open_page
from tests.factories import CorrectionFactory, UserFactory

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
CORRECTED = [Meeting, Attendee, Apology, AgendaItem, Paragraph, Action, ActionOwner, Correction, Person, Department]


@pytest.fixture
def administrator(transactional_db):
    call_command("loaddemo", stdout=io.StringIO())
    CorrectionFactory(meeting=Meeting.objects.first())
    return UserFactory(username="administrator", password=PASSWORD, is_staff=True, is_superuser=True)


def admin_url(model, name, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{name}", args=args)


def test_the_admin_pages_that_correct_minutes_pass_axe(browser, live_server, administrator, assert_accessible):
    # Not the page fixture: the admin's select2 writes inline styles, which the content security policy
    # blocks and reports as console errors; its boxes work without them.
    context, page = _open_page(browser, live_server, viewport={"width": 1280, "height": 800})
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("administrator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    problems = []
    for model in CORRECTED:
        for url in [admin_url(model, "changelist"), admin_url(model, "change", model.objects.first().pk)]:
            page.goto(url)
            try:
                assert_accessible(page)
            except pytest.fail.Exception as failure:
                problems.append(str(failure))
            # The page fits the laptop's width: nothing scrolls sideways.
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                problems.append(f"{url} scrolls sideways at 1280px")
    context.close()
    assert not problems, "\n".join(problems)
