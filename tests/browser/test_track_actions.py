"""Actions are followed up in the browser: at the next meeting, by the owning department, in the register.

These tests load the demo data (the IDMG's published minutes of 17 April 2012 and 11 March 2013, and
the demo sign-ins), drive Debian's Chromium through Playwright against the live server with
JavaScript on (so the matters arising forms go through htmx) and off (so they post and redirect),
and run axe-core on every kind of page they visit.
"""

import csv
import datetime
import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actions.models import Action, Status
from meetings.models import Department, Group, Meeting

pytestmark = pytest.mark.browser

SECRETARIAT = ("secretariat", "secretariat-demo")
HOME_OFFICE = ("homeoffice", "homeoffice-demo")
REFERENCE = "IDMG 2013-03 A4"
ACTION_TEXT = "Home Office to lead work to identify organisations whose frontline workers"
MATTERS_ARISING = ["IDMG 2012-04 A1", *(f"IDMG 2013-03 A{number}" for number in range(1, 11))]
HOME_OFFICE_ACTIONS = [f"IDMG 2013-03 A{number}" for number in (2, 3, 4, 6, 7, 8, 9, 10)]
UPDATE = "A list of frontline organisations has been drafted and sent to departments for comment."
DONE = "The list was agreed by the Strategy Board and circulated to all members."
RECORD_URL = re.compile(r"/meetings/\d+/record/(#[\w-]*)?$")


@pytest.fixture
def demo(transactional_db):
    """The demo data, as `manage.py loaddemo` loads it; returns the IDMG."""
    call_command("loaddemo", stdout=io.StringIO())
    return Group.objects.get(slug="idmg-human-trafficking")


@pytest.fixture
def action(demo):
    """IDMG 2013-03 A4, a Home Office action of the meeting of 11 March 2013."""
    action = Action.objects.get(meeting__group=demo, meeting__date=datetime.date(2013, 3, 11), number=4)
    assert action.reference == REFERENCE
    return action


def sign_in_as(page, username, password):
    page.goto("/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/sign-in/$"))
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def mark_page(page):
    """Leave a marker on the page that a full page load would wipe out."""
    page.evaluate("window.__sameDocument = true")


def assert_same_page(page):
    """The last change came in as an htmx swap, not a page load: still the recording page, marker intact."""
    assert RECORD_URL.search(page.url), f"Left the recording page for {page.url}"
    assert page.evaluate("window.__sameDocument === true"), "The page reloaded instead of swapping a section"


def arising(page, reference):
    """One action in the recording page's matters arising."""
    section = page.get_by_role("region", name="Matters arising")
    return section.locator(".app-record-item").filter(has=page.get_by_role("link", name=reference, exact=True))


def test_the_secretariat_records_an_update_from_matters_arising_and_the_department_sees_it(
    page, demo, action, assert_accessible
):
    sign_in_as(page, *SECRETARIAT)

    # The next meeting, added through the group's page.
    page.goto(demo.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.name)
    page.get_by_role("button", name="Add a meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a meeting")
    date = page.get_by_role("group", name="Date of the meeting")
    date.get_by_label("Day").fill("16")
    date.get_by_label("Month").fill("9")
    date.get_by_label("Year").fill("2013")
    page.get_by_label("Start time", exact=True).fill("10:30")
    page.get_by_label("End time", exact=True).fill("12pm")
    page.get_by_label("Place", exact=True).fill("Home Office")
    page.get_by_role("button", name="Add meeting").click()

    expect(page).to_have_url(RECORD_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Record minutes: 16 September 2013")
    meeting = Meeting.objects.get(group=demo, date=datetime.date(2013, 9, 16))
    assert page.url.endswith(meeting.get_record_url())

    # Matters arising: every action still outstanding from earlier meetings, oldest first.
    matters_arising = page.get_by_role("region", name="Matters arising")
    expect(matters_arising.get_by_role("heading", level=3)).to_have_count(len(MATTERS_ARISING))
    expect(matters_arising.get_by_role("heading", level=3).get_by_role("link")).to_have_text(MATTERS_ARISING)
    item = arising(page, REFERENCE)
    expect(item).to_contain_text(ACTION_TEXT)
    expect(item).to_contain_text("Owner: Home Office (lead)")
    expect(item).to_contain_text("Latest update: No updates yet")
    expect(item.get_by_role("heading", level=3)).to_contain_text("Open")
    expect(item.get_by_text("Recorded at this meeting")).to_have_count(0)
    page.screenshot(path="/tmp/track-record-arising.png", full_page=True, caret="initial")
    assert_accessible(page)
    mark_page(page)

    # An empty update is refused in place, and nothing is saved.
    form = item.get_by_role("group", name=f"Update on {REFERENCE}")
    expect(form.get_by_role("radio", name="Open")).to_be_checked()
    item.get_by_role("button", name=f"Record update on {REFERENCE}").click()
    expect(item.get_by_role("alert")).to_contain_text("Enter an update or change the status")
    assert_same_page(page)
    assert not action.updates.exists()
    page.screenshot(path="/tmp/track-record-arising-error.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The update given at the meeting.
    form.get_by_role("radio", name="In progress").check()
    form.get_by_label("Update", exact=True).fill(UPDATE)
    item.get_by_role("button", name=f"Record update on {REFERENCE}").click()
    expect(item.get_by_text("Recorded at this meeting")).to_be_visible()
    expect(item.locator(".govuk-inset-text")).to_contain_text(
        f"Recorded at this meeting: In progress. {UPDATE} (Sam Okafor, IDMG secretariat)"
    )
    expect(item.get_by_role("link", name=re.compile("Correct or withdraw the update"))).to_be_visible()
    expect(item.get_by_role("heading", level=3)).to_contain_text("In progress")
    expect(item).to_contain_text(f"Latest update: {UPDATE} (16 Sep 2013)")
    expect(item.get_by_role("alert")).to_have_count(0)
    # The keyboard user stays on the form they used, not at the top of the page.
    expect(item.get_by_role("button", name=f"Record update on {REFERENCE}")).to_be_focused()
    assert_same_page(page)
    # The other actions are untouched.
    expect(matters_arising.get_by_text("Recorded at this meeting")).to_have_count(1)
    page.screenshot(path="/tmp/track-record-arising-updated.png", full_page=True, caret="initial")
    assert_accessible(page)

    # Saved, not just shown.
    page.reload()
    expect(arising(page, REFERENCE).locator(".govuk-inset-text")).to_contain_text(UPDATE)
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    update = action.updates.get()
    assert (update.text, update.reported_at, update.author.username) == (UPDATE, meeting, "secretariat")

    # The draft minutes list the update under matters arising.
    page.get_by_role("link", name="View the minutes").click()
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    reviewed = page.get_by_role("region", name="Matters arising").locator("tbody").get_by_role("row")
    expect(reviewed).to_have_count(1)
    expect(reviewed.get_by_role("cell").nth(0)).to_contain_text(REFERENCE)
    expect(reviewed.get_by_role("cell").nth(1)).to_have_text("Home Office (lead)")
    expect(reviewed.get_by_role("cell").nth(2)).to_have_text("In progress")
    expect(reviewed.get_by_role("cell").nth(3)).to_have_text(UPDATE)
    page.screenshot(path="/tmp/track-minutes.png", full_page=True, caret="initial")
    assert_accessible(page)
    # On a 320px screen the tables scroll within themselves; the page never scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.set_viewport_size({"width": 1280, "height": 720})

    page.get_by_role("link", name="History of these minutes").click()
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/history/$"))
    page.screenshot(path="/tmp/track-minutes-history.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The Home Office signs in and lands on its own page.
    sign_out(page)
    sign_in_as(page, *HOME_OFFICE)
    home_office = Department.objects.get(short_name="Home Office")
    expect(page).to_have_url(re.compile(rf"/departments/{home_office.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Home Office: outstanding actions")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Departments").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Departments")
    page.screenshot(path="/tmp/track-departments.png", full_page=True, caret="initial")
    assert_accessible(page)
    page.get_by_role("main").get_by_role("link", name="Home Office", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Home Office: outstanding actions")
    outstanding = page.get_by_role("table", name="Outstanding actions, most urgent first")
    expect(outstanding.locator("tbody").get_by_role("row")).to_have_count(len(HOME_OFFICE_ACTIONS))
    row = outstanding.get_by_role("row").filter(has=page.get_by_role("link", name=REFERENCE, exact=True))
    cells = row.get_by_role("cell")
    expect(cells.nth(1)).to_contain_text(ACTION_TEXT)
    expect(cells.nth(2)).to_have_text("Home Office (lead)")
    expect(cells.nth(4)).to_have_text("In progress")
    expect(cells.nth(5)).to_have_text(f"{UPDATE} (16 Sep 2013)")
    page.screenshot(path="/tmp/track-department.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The action's own page: the update in its timeline, minuted at the meeting.
    row.get_by_role("link", name=REFERENCE, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/actions/{action.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(ACTION_TEXT)
    timeline = page.locator(".app-timeline").get_by_role("listitem")
    expect(timeline).to_have_count(1)
    expect(timeline.get_by_role("heading")).to_have_text("Open to In progress")
    reported = "16 September 2013, reported at the 16 September 2013 meeting, by Sam Okafor, IDMG secretariat"
    expect(timeline).to_contain_text(reported)
    # The minutes of 16 September are still a draft, which only the secretariat may read: no link to them.
    expect(timeline.get_by_role("link")).to_have_count(0)
    expect(page.get_by_role("link", name="IDMG, 11 March 2013")).to_have_attribute(
        "href", re.compile(r"^/meetings/\d+/#item-\d+$")
    )
    expect(timeline).to_contain_text(UPDATE)
    page.screenshot(path="/tmp/track-action.png", full_page=True, caret="initial")
    assert_accessible(page)

    # "Drop" without a reason opens the page again at its error summary, not at the form it pointed to.
    post = page.locator("form").filter(has=page.get_by_role("heading", name="Post an update"))
    page.goto(f"/actions/{action.pk}/?status=dropped#post-update")
    post.get_by_role("button", name="Post update").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page).not_to_have_url(re.compile("#post-update$"))
    page.goto(f"/actions/{action.pk}/")

    # The department posts its own update: the action is done.
    expect(post.get_by_role("radio", name="In progress")).to_be_checked()
    post.get_by_role("radio", name="Done").check()
    post.get_by_label("Update", exact=True).fill(DONE)
    post.get_by_role("button", name="Post update").click()
    banner = page.get_by_role("alert")
    expect(banner).to_contain_text("Success")
    expect(banner).to_contain_text(f"Update recorded on {REFERENCE}.")
    expect(page.locator(".govuk-summary-list").get_by_text("Done", exact=True)).to_be_visible()
    expect(timeline).to_have_count(2)
    expect(timeline.first.get_by_role("heading")).to_have_text("In progress to Done")
    expect(timeline.first).to_contain_text("by Jane Smith, Home Office")
    expect(timeline.first).to_contain_text(DONE)
    page.screenshot(path="/tmp/track-action-done.png", full_page=True, caret="initial")
    assert_accessible(page)

    page.get_by_role("link", name="History of this action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of this action")
    page.screenshot(path="/tmp/track-action-history.png", full_page=True, caret="initial")
    assert_accessible(page)

    # Back on the department's page it has moved from outstanding to completed.
    page.goto(home_office.get_absolute_url())
    expect(outstanding.get_by_role("link", name=REFERENCE, exact=True)).to_have_count(0)
    expect(outstanding.locator("tbody").get_by_role("row")).to_have_count(len(HOME_OFFICE_ACTIONS) - 1)
    expect(page.get_by_role("link", name=REFERENCE, exact=True)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(re.compile(rf"{REFERENCE}: Home Office to lead .* – done \d"))

    # The register, filtered, as the department user sees it.
    page.goto(f"/actions/?department={home_office.pk}&status=done")
    expect(page.get_by_role("heading", name="1 action", exact=True)).to_be_visible()
    register = page.get_by_role("table", name="1 action")
    expect(register.locator("tbody").get_by_role("row")).to_have_count(1)
    expect(register.get_by_role("link", name=REFERENCE, exact=True)).to_be_visible()
    page.screenshot(path="/tmp/track-register-done.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The draft being recorded is the secretariat's alone.
    response = page.goto(meeting.get_record_url())
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do that")
    expect(page.get_by_text("Only the group's secretariat can change its minutes.")).to_be_visible()
    page.screenshot(path="/tmp/track-403.png", full_page=True, caret="initial")
    assert_accessible(page)
    # The browser logs the refusal; that error, and no other, was expected.
    assert page.errors == ["Failed to load resource: the server responded with a status of 403 (Forbidden)"]
    page.errors.clear()


def test_the_register_filters_and_downloads_what_it_shows(page, demo, assert_accessible):
    sign_in_as(page, *SECRETARIAT)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Actions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action register")
    results = page.get_by_role("heading", level=2, name=re.compile(r"^\d+ actions?$"))
    expect(results).to_have_text(f"{len(MATTERS_ARISING)} actions")

    # Filter with the keyboard, finding each control by its label.
    department = page.get_by_label("Owning department")
    department.focus()
    department.select_option(label="Home Office")
    status = page.get_by_role("group", name="Status")
    open_box = status.get_by_label("Open", exact=True)
    open_box.focus()
    open_box.press("Space")
    expect(open_box).to_be_checked()
    page.get_by_role("button", name="Apply filters").press("Enter")

    expect(page).to_have_url(re.compile(r"/actions/\?.*department=\d+.*status=open"))
    expect(results).to_have_text(f"{len(HOME_OFFICE_ACTIONS)} actions")
    expect(page.get_by_label("Owning department").locator("option:checked")).to_have_text("Home Office")
    expect(page.get_by_role("group", name="Status").get_by_label("Open", exact=True)).to_be_checked()
    table = page.get_by_role("table", name=f"{len(HOME_OFFICE_ACTIONS)} actions")
    rows = table.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(len(HOME_OFFICE_ACTIONS))
    expect(rows.locator("td:first-child")).to_have_text(HOME_OFFICE_ACTIONS)
    for row in rows.all():
        expect(row.get_by_role("cell").nth(2)).to_contain_text("Home Office")
        expect(row.get_by_role("cell").nth(4)).to_have_text(re.compile(r"^Open"))
    page.screenshot(path="/tmp/track-register-filtered.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The download is exactly what the page shows.
    download = page.get_by_role("link", name=f"Download these {len(HOME_OFFICE_ACTIONS)} actions as CSV")
    href = download.get_attribute("href")
    assert urlsplit(href).path == "/actions/export.csv"
    assert urlsplit(href).query == urlsplit(page.url).query
    response = page.request.get(download.evaluate("link => link.href"))
    assert response.ok
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert re.match(r'attachment; filename="actions-\d{4}-\d{2}-\d{2}\.csv"', response.headers["content-disposition"])
    rows = list(csv.DictReader(io.StringIO(response.body().decode("utf-8-sig"))))
    assert [row["Reference"] for row in rows] == HOME_OFFICE_ACTIONS
    assert all("Home Office" in row["Owners"] and row["Status"] == "Open" for row in rows)

    # A filter that cannot be met is an error on the page, not a server error.
    response = page.goto("/actions/?group=999")
    assert response.status == 200
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    summary_link = summary.get_by_role("link", name="Select a group from the list")
    expect(summary_link).to_be_visible()
    expect(page.get_by_text("Error: Select a group from the list")).to_be_visible()
    page.screenshot(path="/tmp/track-register-error.png", full_page=True, caret="initial")
    assert_accessible(page)
    summary_link.click()
    expect(page.get_by_label("Meeting group")).to_be_focused()


def test_the_matters_arising_form_works_without_javascript(page_without_javascript, demo, action, assert_accessible):
    page = page_without_javascript
    meeting = Meeting.objects.create(group=demo, date=datetime.date(2013, 9, 16))
    sign_in_as(page, *SECRETARIAT)

    page.goto(meeting.get_record_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Record minutes: 16 September 2013")
    item = arising(page, REFERENCE)
    expect(item).to_contain_text(ACTION_TEXT)
    record = item.get_by_role("button", name=f"Record update on {REFERENCE}")

    # Neither a note nor a change of status: the GOV.UK error pattern, and nothing saved.
    record.click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    summary_link = summary.get_by_role("link", name="Enter an update or change the status")
    expect(summary_link).to_be_visible()
    text = item.get_by_label("Update", exact=True)
    expect(text).to_have_attribute("aria-describedby", re.compile(r"-error"))
    expect(item.get_by_text("Error: Enter an update or change the status")).to_be_visible()
    assert not action.updates.exists()
    page.screenshot(path="/tmp/track-nojs-error.png", full_page=True, caret="initial")
    assert_accessible(page)
    summary_link.click()
    expect(text).to_be_focused()

    # A note and a new status: posted, then back to the same action on the recording page.
    item.get_by_role("radio", name="In progress").check()
    text.fill(UPDATE)
    record.click()
    expect(page).to_have_url(re.compile(rf"{meeting.get_record_url()}#arising-{action.pk}$"))
    expect(page).not_to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_text("There is a problem")).to_have_count(0)
    expect(item.locator(".govuk-inset-text")).to_contain_text(
        f"Recorded at this meeting: In progress. {UPDATE} (Sam Okafor, IDMG secretariat)"
    )
    expect(item.get_by_role("link", name=re.compile("Correct or withdraw the update"))).to_be_visible()
    expect(item.get_by_role("heading", level=3)).to_contain_text("In progress")
    expect(item.get_by_role("radio", name="In progress")).to_be_checked()
    expect(item.get_by_label("Update", exact=True)).to_have_value("")
    page.screenshot(path="/tmp/track-nojs-updated.png", full_page=True, caret="initial")
    assert_accessible(page)

    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS
    assert [(update.text, update.reported_at) for update in action.updates.all()] == [(UPDATE, meeting)]
