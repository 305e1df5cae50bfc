"""The public reads published minutes in the browser, signed out: the group's page, the minutes, the feed.

The demo data holds the IDMG's published minutes of 17 April 2012 and 11 March 2013, as published.
Every page visited is checked with axe-core.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import Correction, Group, Meeting
from tests.browser.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(transactional_db):
    call_command("loaddemo", stdout=io.StringIO())
    return Group.objects.get(slug="idmg-human-trafficking")


def test_a_signed_out_visitor_reads_the_published_minutes_and_their_updates(page, demo, assert_accessible):
    march = Meeting.objects.get(group=demo, date="2013-03-11")
    Correction.objects.create(
        meeting=march, made_at=timezone.now(), what="Attendee: BIS – Jo Swinson MP", reason="A name was misspelt."
    )

    page.goto(f"/published/{demo.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{demo.name}: published minutes")
    expect(page.get_by_role("heading", name="2013")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Minutes of 11 March 2013").click()

    expect(page).to_have_url(re.compile(r"/published/idmg-human-trafficking/2013-03-11/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("11 March 2013")
    expect(page.get_by_role("table", name="Attendees")).to_contain_text("Mark Harper MP")
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Updates to these minutes").click()
    expect(page.locator("#updates")).to_contain_text("correction to the register")
    expect(page.get_by_role("link", name=re.compile("History"))).to_have_count(0)
    assert_accessible(page)


def test_the_public_pages_work_without_javascript(page_without_javascript, demo, assert_accessible):
    page = page_without_javascript

    page.goto(f"/published/{demo.slug}/2012-04-17/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("17 April 2012")
    expect(page.get_by_text("The next IDMG meeting will be held on 13 September 2012").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/published/idmg-human-trafficking/2013-03-11/", "/meetings/{pk}/"])
def test_the_2013_minutes_print_on_no_more_a4_pages_than_the_published_four(page, demo, path):
    march = Meeting.objects.get(group=demo, date="2013-03-11")
    if "{pk}" in path:
        demo.secretariat.add(UserFactory(username="officer"))
        page.goto("/sign-in/")
        page.get_by_label("Username").fill("officer")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(path.format(pk=march.pk))
    page.emulate_media(media="print")
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))

    assert 3 <= len(printed.pages) <= 4
    text = "".join(printed_page.extract_text() for printed_page in printed.pages)
    assert "Mark Harper MP" in text
    assert "The Group agreed to increase the frequency of IDMG meetings" in text
