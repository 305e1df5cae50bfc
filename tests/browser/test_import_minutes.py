"""A secretariat officer imports minutes in the browser: upload, review beside the source, confirm.

Every page visited is checked with axe-core.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from meetings.models import Department, Meeting
from minutes import demo
from tests.factories import MeetingFactory

pytestmark = pytest.mark.browser
SEED = Path(__file__).resolve().parents[1] / "imports" / "seeds" / "idmg-minutes-2013-03-11.txt"
SCREENSHOTS = os.environ.get("IDMG_SCREENSHOTS")


def screenshot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def departments(transactional_db):
    for short_name, name, _ in demo.DEPARTMENTS:
        Department.objects.get_or_create(short_name=short_name, defaults={"name": name})


def test_the_secretariat_imports_a_document_reviews_it_and_confirms_it(
    page, sign_in, group, departments, assert_accessible
):
    sign_in(page)
    page.goto(group.get_absolute_url())
    page.get_by_role("button", name="Import minutes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import minutes")
    assert_accessible(page)
    screenshot(page, "import-new")

    page.get_by_label("Upload a file").set_input_files(str(SEED))
    page.get_by_role("button", name="Read the minutes").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the imported minutes")
    expect(page.get_by_text("“Scotland” read as Scottish Government")).to_be_visible()
    expect(page.get_by_role("heading", name="Item 7. Activity update")).to_be_visible()
    assert Meeting.objects.count() == 0
    assert_accessible(page)
    screenshot(page, "import-review")

    page.get_by_role("button", name="Create the draft meeting").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/record/$"))
    expect(page.get_by_text("were imported as a draft")).to_be_visible()
    meeting = Meeting.objects.get()
    assert meeting.attendees.count() == 18
    assert meeting.agenda_items.count() == 7


def test_a_register_is_pasted_on_the_recording_page_without_javascript(
    page_without_javascript, sign_in, group, departments, assert_accessible
):
    page = page_without_javascript
    meeting = Meeting.objects.create(group=group, date="2013-03-11")
    sign_in(page)
    page.goto(meeting.get_record_url())
    page.get_by_text("Paste the register").click()
    page.locator("#attendees").get_by_label("Lines of the register, one row a line").fill(
        "DCLG\tOfficial (for Baroness Hanham MP)\nNorthern Ireland Executive  David Ford MLA – via video link"
    )
    page.locator("#attendees").get_by_role("button", name="Read the lines").click()
    expect(page.get_by_role("heading", name="Check the rows")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "paste-register")
    page.get_by_role("button", name="Add 2 attendees").click()
    expect(page.get_by_text("2 attendees added from the pasted register")).to_be_visible()
    assert meeting.attendees.count() == 2


def test_a_new_department_in_a_pasted_register_is_confirmed_with_the_keyboard_alone(
    page, sign_in, group, departments, assert_accessible
):
    meeting = MeetingFactory(group=group)
    sign_in(page, check=False)
    page.goto(f"/meetings/{meeting.pk}/register/attendees/paste/")
    page.get_by_label("Paste the register").fill("Home Ofice  Mark Harper MP")
    page.get_by_role("button", name="Read the lines").click()
    page.get_by_role("button", name="Add 1 attendee").focus()
    page.keyboard.press("Enter")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link", name="Confirm the new departments")).to_be_focused()
    page.keyboard.press("Enter")
    checkbox = page.get_by_role("checkbox", name="Add “Home Ofice” (did you mean Home Office?) as new department")
    expect(checkbox).to_be_focused()
    assert_accessible(page)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Add 1 attendee")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_text("1 attendee added from the pasted register")).to_be_visible()
    assert meeting.attendees.get().department.short_name == "Home Ofice"
