"""A secretariat officer prepares a meeting and holds it: members, an agenda with a paper, the register
started from the members, the previous minutes approved at it, and the approval in its minutes.

Every page it visits is checked with axe-core.
"""

import datetime
import os

import pytest
from playwright.sync_api import expect

from meetings.models import MinutesStatus
from tests.factories import (
    AgendaItemFactory,
    DepartmentFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
    PersonFactory,
    RepresentativeFactory,
)

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def look(page, name):
    """Keep a screenshot of the page when asked to, to look at what was built."""
    folder = os.environ.get("IDMG_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.fixture
def members(group):
    for short_name, minister in [("Home Office", "Mark Harper MP"), ("DfE", "Edward Timpson MP")]:
        membership = MembershipFactory(group=group, department=DepartmentFactory(short_name=short_name))
        RepresentativeFactory(
            membership=membership, person=PersonFactory(name=minister), since=datetime.date(2012, 9, 4)
        )
    return group


def test_a_meeting_is_prepared_held_and_approves_the_last_minutes(
    page, members, sign_in, assert_accessible, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    group = members
    last = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.CIRCULATED)
    meeting = MeetingFactory(group=group, date=datetime.date(2013, 3, 11), place="Home Office")
    sign_in(page)

    # The members, and a contact refused for a bad address, then added.
    page.goto(f"/groups/{group.slug}/")
    page.get_by_role("link", name="Members").click()
    expect(page.get_by_role("heading", name="Members", exact=True)).to_be_visible()
    expect(page.get_by_text("Mark Harper MP")).to_be_visible()
    assert_accessible(page)
    look(page, "members")
    page.get_by_role("link", name="Add a contact for DfE").click()
    page.get_by_label("Name").fill("Private Office")
    page.get_by_label("Email address").fill("private office at dfe")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("link", name="Enter an email address in the correct format")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email address").fill("private.office@education.gov.uk")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_text("private.office@education.gov.uk")).to_be_visible()

    # The agenda, drafted with the standing first item and a paper.
    page.goto(f"/meetings/{meeting.pk}/agenda/")
    page.get_by_role("button", name="Add “Minutes of the last meeting and matters arising” as the first item").click()
    form = page.get_by_role("group", name="Add an item to the agenda")
    form.get_by_label("Title").fill("Activity update")
    form.get_by_label("Lead department or presenter").fill("Home Office")
    page.get_by_role("button", name="Add item").click()
    expect(page.get_by_text("Lead: Home Office")).to_be_visible()
    item = page.locator(".app-record-item", has_text="2. Activity update")
    item.get_by_text("Add a paper to item 2").click()
    item.get_by_label("Title of the paper").fill("Paper 2: Activity update")
    item.get_by_label("File").set_input_files({"name": "activity.pdf", "mimeType": "application/pdf", "buffer": PDF})
    item.get_by_role("button", name="Add paper").click()
    expect(page.get_by_role("cell", name="PDF, 1 KB")).to_be_visible()
    assert_accessible(page)
    look(page, "agenda")

    # The register, started from the members: the DfE minister sent an official instead.
    page.goto(meeting.get_record_url())
    page.get_by_role("link", name=f"the {group.short_name} members").click()
    assert_accessible(page)
    look(page, "start-register")
    page.get_by_label("DfE: Edward Timpson MP").uncheck()
    page.get_by_role("button", name="Add the ticked rows to the register").click()
    attendees = page.get_by_role("region", name="Attendees")
    expect(attendees.get_by_role("cell", name="Mark Harper MP", exact=True)).to_be_visible()
    form = attendees.get_by_role("group", name="Add an attendee")
    form.get_by_label("Department", exact=True).fill("DfE")
    form.get_by_label("Deputising for").fill("Edward Timpson MP")
    attendees.get_by_role("button", name="Add attendee").click()
    attendees.get_by_role("button", name="Add the apology of Edward Timpson MP").click()
    apologies = page.get_by_role("region", name="Apologies")
    expect(apologies.get_by_role("cell", name="Edward Timpson MP", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Agenda items").get_by_text("2. Activity update")).to_be_visible()
    assert_accessible(page)

    # The last meeting's minutes approved at this one, with an amendment.
    page.goto(f"/meetings/{last.pk}/status/")
    page.get_by_label("Subject to amendments").check()
    page.get_by_label("Amendments agreed").fill("Paragraph 2.3: for “MOJ” read “AGO”.")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, record the approval").click()
    expect(page.get_by_text("Paragraph 2.3: for “MOJ” read “AGO”.")).to_be_visible()

    page.goto(meeting.get_absolute_url())
    expect(
        page.get_by_text("The minutes of the meeting of 17 April 2012 were agreed subject to the amendments below")
    ).to_be_visible()
    look(page, "minutes-with-approval")

    page.goto(f"/groups/{group.slug}/attendance/")
    expect(page.get_by_role("img", name="Attendance by department")).to_be_visible()
    assert_accessible(page)
    look(page, "attendance")


def test_a_long_unbroken_agenda_item_title_wraps_within_the_page(page, group, sign_in):
    meeting = MeetingFactory(group=group, date=datetime.date(2013, 3, 11))
    item = AgendaItemFactory(meeting=meeting, number=2, title="x" * 300, lead="Home Office")
    PaperFactory(agenda_item=item, title="Paper 2")
    sign_in(page, check=False)
    page.set_viewport_size({"width": 320, "height": 800})

    page.goto(f"/meetings/{meeting.pk}/agenda/")

    expect(page.get_by_role("heading", name="2. xxx")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The papers' table keeps its words whole: only the title may break within a word.
    header = page.get_by_role("columnheader", name="Paper", exact=True)
    lines = header.evaluate(
        "cell => { const words = document.createRange(); words.selectNodeContents(cell);"
        " return words.getClientRects().length; }"
    )
    assert lines == 1
