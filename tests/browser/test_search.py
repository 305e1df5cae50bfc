"""Search from the header in the browser, with JavaScript on and off, over the demo minutes.

The department user searches from the header's box, sees the words found marked in each result,
narrows the results by kind, and follows one to the paragraph of the minutes it was found in. axe-core
checks the search page, empty and with results.
"""

import io
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from meetings.models import Group

pytestmark = pytest.mark.browser

HOME_OFFICE = ("homeoffice", "homeoffice-demo")


@pytest.fixture
def demo(transactional_db):
    call_command("loaddemo", stdout=io.StringIO())
    return Group.objects.get(slug="idmg-human-trafficking")


def sign_in_as(page, username, password):
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def search_from_the_header(page, words):
    header = page.get_by_role("search", name="Search minutes and actions")
    header.get_by_label("Search minutes and actions").fill(words)
    header.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search minutes and actions")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_department_user_searches_from_the_header_and_follows_a_result(request, demo, assert_accessible, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_javascript")
    sign_in_as(page, *HOME_OFFICE)
    page.goto("/groups/")

    search_from_the_header(page, "Nigeria")

    expect(page).to_have_url(re.compile(r"/search/\?q=Nigeria$"))
    results = page.locator(".app-search-result")
    expect(results.first).to_be_visible()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^\d+ results?$"))).to_be_visible()
    expect(results.first.locator("mark").first).to_have_text(re.compile("Nigeria", re.I))
    page.screenshot(path=f"/tmp/search-results-{request.node.callspec.id}.png", full_page=True)
    assert_accessible(page)
    # On a 320px screen the header's box and the results fit: the page never scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.goto("/groups/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.go_back()
    page.set_viewport_size({"width": 1280, "height": 720})

    # Only the minutes: agenda items and paragraphs.
    page.get_by_label("What to find").select_option("minutes")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page).to_have_url(re.compile(r"kind=minutes"))
    kinds = page.locator(".app-search-result .app-secondary-text")
    expect(kinds.first).to_be_visible()
    for text in kinds.all_text_contents():
        assert text.startswith(("Paragraph", "Agenda item")), text

    # A paragraph found is followed to its place in the minutes.
    minutes_kind = page.locator(".app-secondary-text").filter(has_text=re.compile(r"^Paragraph"))
    paragraph = page.locator(".app-search-result").filter(has=minutes_kind).first
    link = paragraph.get_by_role("link")
    href = link.get_attribute("href")
    assert re.search(r"/meetings/\d+/#paragraph-\d+$", href), href
    link.click()
    expect(page).to_have_url(re.compile(r"#paragraph-\d+$"))
    anchor = href.split("#")[1]
    expect(page.locator(f"#{anchor}")).to_contain_text(re.compile("Nigeria", re.I))
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()


def test_odd_characters_and_nothing_found_are_answered_on_the_page(page, demo, assert_accessible):
    sign_in_as(page, *HOME_OFFICE)

    search_from_the_header(page, "&|!:*'")

    expect(page.get_by_text("Nothing you can read matches")).to_be_visible()
    assert_accessible(page)

    page.goto("/search/")
    page.get_by_label("Words to find").fill("x" * 201)
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_role("alert")).to_contain_text("Words to find must be 200 characters or less")
    expect(page.get_by_label("Words to find")).to_have_value("x" * 201)
    assert_accessible(page)
