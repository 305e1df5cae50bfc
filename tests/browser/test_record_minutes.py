"""A secretariat officer records a meeting's minutes in the browser, then reads them.

These tests drive Debian's Chromium through Playwright against the live server, with JavaScript
on (so the recording page's forms go through htmx) and off (so they post and redirect), and run
axe-core on every page they visit.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from meetings.models import MinutesStatus
from tests.factories import (
    AgendaItemFactory,
    AttendeeFactory,
    DepartmentFactory,
    MeetingFactory,
    ParagraphFactory,
)

pytestmark = pytest.mark.browser

RECORD_URL = re.compile(r"/meetings/\d+/record/(#[\w-]*)?$")


def mark_page(page):
    """Leave a marker on the page that a full page load would wipe out."""
    page.evaluate("window.__sameDocument = true")


def assert_same_page(page):
    """The last change came in as an htmx swap, not a page load: still the recording page, marker intact."""
    assert RECORD_URL.search(page.url), f"Left the recording page for {page.url}"
    assert page.evaluate("window.__sameDocument === true"), "The page reloaded instead of swapping a section"


def add_attendee(page, department, name="", attending_for="", role=None, remote=False, new_department=False):
    """Fill in and add an attendee; a ``new_department`` not yet on record is confirmed when asked."""
    attendees = page.get_by_role("region", name="Attendees")
    form = attendees.get_by_role("group", name="Add an attendee")
    form.get_by_label("Department", exact=True).fill(department)
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Deputising for").fill(attending_for)
    if role:
        form.get_by_label("Role").select_option(label=role)
    if remote:
        form.get_by_label("Via video link").check()
    attendees.get_by_role("button", name="Add attendee").click()
    if new_department:
        confirm = form.get_by_label(f"Add “{department}” as a new department")
        confirm.check()
        expect(form.get_by_label("Name", exact=True)).to_have_value(name)
        attendees.get_by_role("button", name="Add attendee").click()


def add_agenda_item(page, number, title):
    agenda = page.get_by_role("region", name="Agenda items")
    form = agenda.get_by_role("group", name="Add an agenda item")
    expect(form.get_by_label("Item number")).to_have_value(str(number))
    form.get_by_label("Title").fill(title)
    agenda.get_by_role("button", name="Add agenda item").click()
    item = page.get_by_role("region", name=f"{number}. {title}")
    expect(item).to_be_visible()
    if page.javascript_enabled:
        # The swap settles by putting the cursor in the next item's title; typing before then would
        # land there.
        expect(form.get_by_label("Title")).to_be_focused()
    return item


def add_paragraph(item, number, text):
    """Add a paragraph to an item, checking the number the form suggests; "" for an unnumbered lead."""
    form = item.get_by_role("group", name=re.compile(r"^Add a paragraph to item"))
    number_box = form.get_by_label("Paragraph number")
    form.get_by_label("Paragraph", exact=True).fill(text)
    if number:
        expect(number_box).to_have_value(number)
    else:
        number_box.clear()
        expect(number_box).to_have_value("")
    item.get_by_role("button", name="Add paragraph").click()
    expect(item.get_by_text(text)).to_be_visible()
    if item.page.javascript_enabled:
        expect(form.get_by_label("Paragraph", exact=True)).to_be_focused()


def test_a_secretariat_officer_records_a_meeting_and_reads_its_minutes(page, group, sign_in, assert_accessible):
    for department in ["Home Office", "DCLG", "MOJ", "AGO"]:
        DepartmentFactory(short_name=department)
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
    page.screenshot(path="/tmp/browser-record-empty.png", full_page=True, caret="initial")
    assert_accessible(page)
    mark_page(page)

    # The register. A slip of the keyboard is caught, not made into a department of its own.
    attendees = page.get_by_role("region", name="Attendees")
    add_attendee(page, "Home Ofice", "Mark Harper MP", role="Chair")
    error = "“Home Ofice” is not a department on record: did you mean Home Office?"
    expect(attendees.get_by_text(re.compile(f"^(Error: )?{error}"))).to_have_count(2)
    assert_accessible(page)
    form = attendees.get_by_role("group", name="Add an attendee")
    expect(form.get_by_label("Name", exact=True)).to_have_value("Mark Harper MP")
    form.get_by_label("Department", exact=True).fill("Home Office")
    attendees.get_by_role("button", name="Add attendee").click()
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Home Office")
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Mark Harper MP")
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Chair")
    # A screen reader hears what was done, as no page loaded to say so.
    expect(page.locator("#announcement")).to_have_text("Attendee added")
    # The blank form comes back with the cursor in it, ready for the next row.
    expect(attendees.get_by_label("Department", exact=True)).to_be_focused()
    expect(attendees.get_by_label("Department", exact=True)).to_have_value("")
    assert_same_page(page)

    add_attendee(page, "DCLG", attending_for="Baroness Hanham MP")
    expect(attendees.get_by_role("row").nth(2)).to_contain_text("Official (for Baroness Hanham MP)")
    add_attendee(page, "Northern Ireland Executive", "David Ford MLA", remote=True, new_department=True)
    expect(attendees.get_by_role("row").nth(3)).to_contain_text("David Ford MLA – via video link")
    assert_same_page(page)

    # The register's swap settles by putting the cursor back in its Department box; wait for that.
    expect(attendees.get_by_label("Department", exact=True)).to_be_focused()
    apologies = page.get_by_role("region", name="Apologies")
    apology_form = apologies.get_by_role("group", name="Add an apology")
    apology_form.get_by_label("Department", exact=True).fill("DCLG")
    apology_form.get_by_label("Name").fill("Baroness Hanham MP")
    apologies.get_by_role("button", name="Add apology").press("Enter")
    expect(apologies.get_by_role("row").nth(1).get_by_role("cell").nth(0)).to_have_text("DCLG", timeout=15_000)
    expect(apologies.get_by_role("row").nth(1).get_by_role("cell").nth(1)).to_have_text("Baroness Hanham MP")
    assert_same_page(page)

    # The agenda items, their paragraphs and actions.
    first = add_agenda_item(page, 1, "Welcome and introductions")
    add_paragraph(first, "1.1", "The Chair welcomed members to the meeting.")
    add_paragraph(first, "1.2", "Members agreed the minutes of the last meeting.")
    second = add_agenda_item(page, 2, "Prosecutions")
    add_paragraph(second, "", "The Group discussed prosecutions for trafficking offences.")
    add_paragraph(second, "2.1", "MOJ reported on the number of prosecutions.")
    assert_same_page(page)

    # The action form waits, folded away, until asked for.
    action_text = second.get_by_label("Action", exact=True)
    expect(action_text).to_be_hidden()
    second.locator("summary", has_text="Add an action to item 2").press("Enter")
    expect(action_text).to_be_visible()
    action_text.fill("MOJ and AGO to undertake further work on sentencing.")
    second.get_by_label("Owning departments").fill("MOJ, AGO")
    expect(second.get_by_label("The first department named leads")).to_be_checked()
    second.get_by_label("At the next meeting").check()
    second.get_by_role("button", name="Add action").click()
    expect(second.get_by_text("Owners: MOJ (lead), AGO")).to_be_visible()
    expect(second.get_by_text("Due: At the next meeting")).to_be_visible()
    expect(first.get_by_text("None", exact=True)).to_be_visible()
    assert_same_page(page)
    page.screenshot(path="/tmp/browser-record-full.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The minutes, as they will be published.
    page.get_by_role("link", name="View the minutes").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("11 March 2013")
    expect(page.get_by_text("10:30am to midday, at Home Office")).to_be_visible()

    attendees = page.get_by_role("table", name="Attendees").locator("tbody").get_by_role("row")
    expect(attendees).to_have_count(3)
    expect(attendees.nth(0).get_by_role("cell")).to_have_text(["Home Office", "Mark Harper MP", "CHAIR"])
    expect(attendees.nth(1).get_by_role("cell")).to_have_text(["DCLG", "Official (for Baroness Hanham MP)", ""])
    expect(attendees.nth(2).get_by_role("cell")).to_have_text(
        ["Northern Ireland Executive", "David Ford MLA – via video link", ""]
    )
    apologies = page.get_by_role("table", name="Apologies").locator("tbody").get_by_role("row")
    expect(apologies.get_by_role("cell")).to_have_text(["DCLG", "Baroness Hanham MP"])

    first = page.get_by_role("region", name="1. Welcome and introductions")
    expect(first).to_contain_text(re.compile(r"1\.1\s*The Chair welcomed members to the meeting\."))
    expect(first).to_contain_text(re.compile(r"1\.2\s*Members agreed the minutes of the last meeting\."))
    expect(first.get_by_text("None", exact=True)).to_be_visible()

    second = page.get_by_role("region", name="2. Prosecutions")
    expect(second).to_contain_text(
        re.compile(
            r"The Group discussed prosecutions for trafficking offences\.\s*"
            r"2\.1\s*MOJ reported on the number of prosecutions\."
        )
    )
    expect(second.get_by_text("MOJ and AGO to undertake further work on sentencing.")).to_be_visible()
    expect(second.get_by_text(re.compile(r"^\s*Owners: MOJ \(lead\), AGO"))).to_be_visible()
    expect(second).to_contain_text("Due: At the next meeting")
    expect(second.get_by_text("None", exact=True)).to_have_count(0)

    expect(page.get_by_text("The next IDMG meeting will be held on 13 September 2013.")).to_be_visible()
    page.screenshot(path="/tmp/browser-minutes.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The minutes download as documents named for the group and the date.
    for name, extension in [("Word document (DOCX)", "docx"), ("OpenDocument text (ODT)", "odt"), ("PDF", "pdf")]:
        with page.expect_download() as download:
            page.get_by_role("link", name=f"{name} of these minutes").click()
        assert download.value.suggested_filename == f"IDMG-2013-03-11-minutes.{extension}"

    # Printed, the minutes look like the published ones: no service around them, actions beside each
    # item, and a draft says it is one.
    draft_mark = page.get_by_text("DRAFT: NOT YET APPROVED")
    expect(draft_mark).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="History of these minutes")).to_be_hidden()
    expect(draft_mark).to_be_visible()
    paragraphs, actions = second.locator(":scope > div").all()
    assert paragraphs.bounding_box()["x"] < actions.bounding_box()["x"]
    assert paragraphs.bounding_box()["y"] == actions.bounding_box()["y"]
    reference = second.get_by_role("link", name=re.compile(r"^IDMG \d{4}-\d{2} A1$"))
    assert reference.evaluate("link => getComputedStyle(link, '::after').content") in ("none", "normal")
    page.screenshot(path="/tmp/browser-minutes-print.png", full_page=True, caret="initial")
    page.emulate_media(media="screen")


def test_without_javascript_the_forms_post_and_show_their_errors_on_the_page(
    page_without_javascript, group, sign_in, assert_accessible
):
    page = page_without_javascript
    meeting = MeetingFactory(group=group)
    DepartmentFactory(short_name="Home Office")
    sign_in(page)

    page.goto(meeting.get_record_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Record minutes: 11 March 2013")
    assert_accessible(page)

    add_attendee(page, "Home Office", "Mark Harper MP", role="Chair")
    expect(page).to_have_url(re.compile(r"/record/#attendees$"))
    attendees = page.get_by_role("region", name="Attendees")
    expect(attendees.get_by_role("row").nth(1).get_by_role("cell").nth(0)).to_have_text("Home Office")
    expect(attendees.get_by_role("row").nth(1).get_by_role("cell").nth(1)).to_have_text("Mark Harper MP")

    item = add_agenda_item(page, 1, "Welcome and introductions")
    expect(page).to_have_url(re.compile(r"/record/#agenda$"))
    add_paragraph(item, "1.1", "The Chair welcomed members to the meeting.")
    expect(page).to_have_url(re.compile(r"/record/#item-\d+$"))

    # Without JavaScript the <details> cannot be opened by a script, but native <details> still works.
    item.get_by_text("Add an action to item 1").click()
    item.get_by_label("Action", exact=True).fill("Home Office to circulate the report.")
    item.get_by_label("Owning departments").fill("Home Office")
    item.get_by_role("button", name="Add action").click()
    expect(item.get_by_text("Owner: Home Office (lead)")).to_be_visible()

    # An agenda item with no title comes back with the GOV.UK error pattern, and nothing is lost.
    agenda = page.get_by_role("region", name="Agenda items")
    expect(agenda.get_by_label("Item number")).to_have_value("2")
    agenda.get_by_role("button", name="Add agenda item").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    summary_link = summary.get_by_role("link", name="Enter the title of the agenda item")
    expect(summary_link).to_be_visible()
    title = agenda.get_by_role("group", name="Add an agenda item").get_by_label("Title")
    expect(title).to_have_attribute("aria-describedby", re.compile(r"-error"))
    expect(agenda.get_by_text("Error: Enter the title of the agenda item")).to_be_visible()
    expect(agenda.get_by_label("Item number")).to_have_value("2")
    page.screenshot(path="/tmp/browser-nojs-error.png", full_page=True, caret="initial")
    assert_accessible(page)

    # The summary's link takes the user to the field to fix.
    summary_link.click()
    expect(title).to_be_focused()

    # Everything saved before the mistake is still on the page.
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Mark Harper MP")
    expect(page.get_by_role("region", name="1. Welcome and introductions")).to_contain_text(
        "The Chair welcomed members to the meeting."
    )

    title.fill("Prosecutions")
    agenda.get_by_role("button", name="Add agenda item").click()
    expect(page.get_by_role("region", name="2. Prosecutions")).to_be_visible()
    expect(page.get_by_text("There is a problem")).to_have_count(0)

    # Removing a row asks first, on a page of its own.
    attendees.get_by_role("link", name="Remove Home Office, Mark Harper MP").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to remove this attendee?")
    assert_accessible(page)
    page.get_by_role("link", name="No, go back to the minutes").click()
    expect(attendees.get_by_role("row").nth(1)).to_contain_text("Mark Harper MP")
    attendees.get_by_role("link", name="Remove Home Office, Mark Harper MP").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page).to_have_url(re.compile(r"/record/#attendees$"))
    expect(attendees.get_by_role("row").nth(1)).to_have_text("No attendees yet.")


def test_a_row_is_changed_in_place_and_moved_with_htmx(page, group, sign_in, assert_accessible):
    meeting = MeetingFactory(group=group)
    AttendeeFactory(
        meeting=meeting, department=DepartmentFactory(short_name="Home Office"), person__name="Mark Harper MP"
    )
    AttendeeFactory(meeting=meeting, department=DepartmentFactory(short_name="MOJ"), person__name="Lord McNally")
    AgendaItemFactory(meeting=meeting, number=1, title="Welcome")
    sign_in(page, check=False)

    page.goto(meeting.get_record_url())
    mark_page(page)
    attendees = page.get_by_role("region", name="Attendees")
    rows = attendees.locator("tbody").get_by_role("row")
    expect(rows).to_have_count(2)

    attendees.get_by_role("link", name="Change Home Office, Mark Harper MP").click()
    editor = attendees.get_by_role("group", name="Change attendee")
    expect(editor).to_be_visible()
    name = editor.get_by_label("Name", exact=True)
    expect(name).to_have_value("Mark Harper MP")
    expect(editor.get_by_label("Department", exact=True)).to_be_focused()
    assert_same_page(page)
    page.screenshot(path="/tmp/browser-edit-row.png", full_page=True, caret="initial")
    assert_accessible(page)

    # Cancel puts the keyboard user back on the row's Change link, not the section's heading.
    editor.get_by_label("Department", exact=True).fill("")
    attendees.get_by_role("button", name="Save").click()
    expect(attendees.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(page)
    attendees.get_by_role("link", name="Cancel").click()
    expect(editor).to_be_hidden()
    expect(attendees.get_by_role("link", name="Change Home Office, Mark Harper MP")).to_be_focused()
    assert_same_page(page)

    attendees.get_by_role("link", name="Change Home Office, Mark Harper MP").click()
    expect(editor).to_be_visible()
    # The editor has settled, its focus on the first field, before the name is typed.
    expect(editor.get_by_label("Department", exact=True)).to_be_focused()
    expect(name).to_have_value("Mark Harper MP")
    name.fill("James Brokenshire MP")
    name.press("Escape")
    name.press("Enter")
    expect(editor).to_be_hidden()
    expect(rows.nth(0).get_by_role("cell").nth(1)).to_have_text("James Brokenshire MP")
    expect(rows.nth(1).get_by_role("cell").nth(1)).to_have_text("Lord McNally")
    # The keyboard user is put back on the row they changed, not at the top of the page.
    expect(attendees.get_by_role("link", name="Change Home Office, James Brokenshire MP")).to_be_focused()
    assert_same_page(page)

    attendees.get_by_role("button", name="Move down Home Office, James Brokenshire MP").click()
    expect(rows.nth(0).get_by_role("cell").nth(0)).to_have_text("MOJ")
    expect(rows.nth(1).get_by_role("cell").nth(0)).to_have_text("Home Office")
    expect(attendees.get_by_role("button", name="Move up Home Office, James Brokenshire MP")).to_be_focused()
    # The row that was first can now only go up; the new first row can only go down.
    expect(rows.nth(0).get_by_role("button", name=re.compile(r"^Move up"))).to_have_count(0)
    expect(rows.nth(1).get_by_role("button", name=re.compile(r"^Move down"))).to_have_count(0)
    assert_same_page(page)
    assert_accessible(page)

    # The order and the change are saved, not just shown.
    page.reload()
    expect(rows.nth(0).get_by_role("cell").nth(0)).to_have_text("MOJ")
    expect(rows.nth(1).get_by_role("cell").nth(1)).to_have_text("James Brokenshire MP")

    # Removing a row with the keyboard asks first, then puts the keyboard user on the row that took its
    # place, which as the only row left can move neither way.
    mark_page(page)
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    attendees.get_by_role("link", name="Remove MOJ, Lord McNally").press("Enter")
    expect(rows).to_have_count(1)
    assert dialogs == ["Remove “MOJ, Lord McNally”?"]
    expect(attendees.get_by_role("link", name="Change Home Office, James Brokenshire MP")).to_be_focused()
    expect(rows.get_by_role("button", name=re.compile(r"^Move"))).to_have_count(0)
    expect(page.locator("#announcement")).to_have_text("Attendee removed")
    assert_same_page(page)

    # The last one gone, the register says it is empty, and the keyboard user is there.
    page.once("dialog", lambda dialog: dialog.accept())
    attendees.get_by_role("link", name="Remove Home Office, James Brokenshire MP").press("Enter")
    expect(rows).to_have_text(["No attendees yet."])
    expect(rows.get_by_role("cell")).to_be_focused()
    assert_same_page(page)
    assert_accessible(page)
    page.reload()
    expect(rows).to_have_text(["No attendees yet."])


def test_rows_added_and_moved_with_htmx_take_their_places_and_the_focus_stays(page, group, sign_in):
    meeting = MeetingFactory(group=group)
    welcome, prosecutions = (
        AgendaItemFactory(meeting=meeting, number=1, title="Welcome"),
        AgendaItemFactory(meeting=meeting, number=2, title="Prosecutions"),
    )
    ParagraphFactory(agenda_item=welcome, number="1.1", text="The Chair welcomed members to the meeting.")
    ParagraphFactory(agenda_item=prosecutions, number="2.1", text="MOJ reported on the number of prosecutions.")
    sign_in(page, check=False)
    page.goto(meeting.get_record_url())
    mark_page(page)
    agenda = page.get_by_role("region", name="Agenda items")
    first = page.get_by_role("region", name="1. Welcome")
    second = page.get_by_role("region", name="2. Prosecutions")

    # The new paragraph comes at the end, and the one before it can now move down.
    add_paragraph(first, "1.2", "Members agreed the minutes of the last meeting.")
    expect(first.get_by_role("button", name=re.compile("^Move down The Chair"))).to_be_visible()
    expect(first.get_by_role("button", name=re.compile("^Move up Members agreed"))).to_be_visible()
    expect(first.get_by_role("group", name="Add a paragraph to item 1").get_by_label("Paragraph number")).to_have_value(
        "1.3"
    )
    assert_same_page(page)

    # An item moved down keeps its paragraphs, and the keyboard user stays on the item's Move buttons.
    first.get_by_role("button", name="Move down Welcome").click()
    expect(agenda.locator(".app-record-item h3")).to_have_text(["2. Prosecutions", "1. Welcome"])
    expect(first.get_by_role("button", name="Move up Welcome")).to_be_focused()
    expect(first.get_by_text("Members agreed the minutes of the last meeting.")).to_be_visible()
    expect(second.get_by_text("MOJ reported on the number of prosecutions.")).to_be_visible()
    expect(second.get_by_role("button", name="Move up Prosecutions")).to_have_count(0)
    expect(first.get_by_role("button", name="Move down Welcome")).to_have_count(0)
    expect(page.locator("#announcement")).to_have_text("Agenda item moved down")
    assert_same_page(page)

    first.get_by_role("button", name="Move up Welcome").press("Enter")
    expect(agenda.locator(".app-record-item h3")).to_have_text(["1. Welcome", "2. Prosecutions"])
    expect(first.get_by_role("button", name="Move down Welcome")).to_be_focused()

    # A paragraph moved up passes its neighbour, which can then only go up.
    first.get_by_role("button", name=re.compile("^Move up Members agreed")).click()
    expect(first.locator("[id^=paragraph-] > p")).to_have_text(
        ["1.2 Members agreed the minutes of the last meeting.", "1.1 The Chair welcomed members to the meeting."]
    )
    expect(first.get_by_role("button", name=re.compile("^Move down Members agreed"))).to_be_focused()
    expect(first.get_by_role("button", name=re.compile("^Move down The Chair"))).to_have_count(0)
    assert_same_page(page)

    page.reload()
    expect(agenda.locator(".app-record-item h3")).to_have_text(["1. Welcome", "2. Prosecutions"])
    expect(first.locator("[id^=paragraph-] > p")).to_have_text(
        ["1.2 Members agreed the minutes of the last meeting.", "1.1 The Chair welcomed members to the meeting."]
    )
    assert page.errors == []


def test_a_refusal_during_an_htmx_change_takes_the_whole_page_and_says_why(page, group, sign_in, assert_accessible):
    meeting = MeetingFactory(group=group, status=MinutesStatus.CIRCULATED)
    AttendeeFactory(meeting=meeting, department=DepartmentFactory(short_name="MOJ"), person__name="Lord McNally")
    sign_in(page, check=False)
    page.goto(meeting.get_record_url())
    mark_page(page)

    # A colleague approves the minutes while this page is open.
    meeting.approve(MeetingFactory(group=group, date=meeting.date + datetime.timedelta(days=90)))
    page.get_by_role("region", name="Attendees").get_by_role("link", name="Change MOJ, Lord McNally").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("You cannot do that")
    expect(heading).to_be_focused()
    expect(page.get_by_text("These minutes have been approved, so they can no longer be changed here.")).to_be_visible()
    expect(page).to_have_title(re.compile("^You cannot do that"))
    assert_same_page(page)
    assert_accessible(page)
    # The browser logs the refusal; that error, and no other, was expected.
    assert page.errors == ["Failed to load resource: the server responded with a status of 403 (Forbidden)"]
    page.errors.clear()
