"""Circulating minutes by email in the browser: the recipients, the preview, the history and the outbox;
and choosing a password from an invitation's link. axe-core checks every page."""

import datetime
import re

import pytest
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import expect

from circulation.models import Message
from meetings.models import Meeting, MinutesStatus
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ContactFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def email_sent_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def meeting(group):
    home_office, moj = DepartmentFactory(short_name="Home Office"), DepartmentFactory(short_name="MOJ")
    ContactFactory(
        membership=MembershipFactory(group=group, department=home_office),
        name="Home Office private office",
        email="po@homeoffice.gov.uk",
    )
    ContactFactory(
        membership=MembershipFactory(group=group, department=moj), name="MOJ private office", email="po@justice.gov.uk"
    )
    DepartmentMemberFactory(
        user=UserFactory(username="ann", first_name="Ann", last_name="Smith", email="ann.smith@homeoffice.gov.uk"),
        department=home_office,
    )
    meeting = MeetingFactory(group=group, date=datetime.date(2013, 3, 11), place="Home Office")
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), text="Home Office to share the figures")
    action.set_owners([home_office], lead=home_office)
    return meeting


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_secretariat_circulates_minutes_by_email_and_finds_it_on_the_history_and_in_the_outbox(
    request, javascript, sign_in, meeting, assert_accessible
):
    page = request.getfixturevalue("page" if javascript else "page_without_javascript")
    sign_in(page, check=False)
    page.goto(meeting.get_absolute_url())

    page.get_by_role("button", name="Circulate the minutes").click()

    expect(page.get_by_role("heading", name="Circulate the minutes", level=1)).to_be_visible()
    assert_accessible(page)
    home_office = page.get_by_label("Home Office private office (Home Office): po@homeoffice.gov.uk")
    moj = page.get_by_label("MOJ private office (MOJ): po@justice.gov.uk")
    expect(home_office).to_be_checked()
    expect(moj).to_be_checked()
    expect(page.get_by_label("Ann Smith (Home Office): ann.smith@homeoffice.gov.uk")).to_be_checked()
    expect(page.locator("#preview-subject")).to_have_text(
        "Inter-Departmental Ministerial Group on Human Trafficking: minutes of the meeting of 11 March 2013"
    )
    expect(page.locator("#preview-body")).to_contain_text("Read the minutes: http")
    page.get_by_text("Home Office: Inter-Departmental Ministerial Group").click()
    expect(page.get_by_text("Home Office to share the figures")).to_be_visible()
    moj.uncheck()

    page.get_by_role("button", name="Circulate and send the minutes").click()

    expect(page.get_by_text("The minutes are circulated. Email to 2 recipients queued.")).to_be_visible()
    assert Meeting.objects.get(pk=meeting.pk).status == MinutesStatus.CIRCULATED
    assert sorted(email.to[0] for email in mail.outbox) == [
        "Ann Smith <ann.smith@homeoffice.gov.uk>",
        "Ann Smith <ann.smith@homeoffice.gov.uk>",
        "Home Office private office <po@homeoffice.gov.uk>",
        "Home Office private office <po@homeoffice.gov.uk>",
    ]

    page.get_by_role("link", name="History of these minutes").click()
    expect(
        page.get_by_role(
            "heading",
            name="Circulated the minutes by email to 2 recipients: Ann Smith <ann.smith@homeoffice.gov.uk> "
            "(Home Office); Home Office private office <po@homeoffice.gov.uk> (Home Office)",
        )
    ).to_be_visible()
    assert_accessible(page)

    page.goto(meeting.group.get_absolute_url())
    page.get_by_role("link", name="Outbox: email sent for the group").click()
    outbox = page.locator("#outbox tbody tr")
    expect(outbox).to_have_count(4)
    actions = outbox.filter(has_text="Home Office's actions from the meeting of 11 March 2013")
    expect(actions.first).to_contain_text("Sent")
    expect(outbox.filter(has_text="minutes of the meeting of 11 March 2013").first).to_contain_text(
        "Circulation of minutes"
    )
    assert_accessible(page)


def test_a_failed_message_is_sent_again_from_the_outbox(page, sign_in, group, assert_accessible):
    message = Message.objects.create(
        purpose=Message.Purpose.REMINDER,
        group=group,
        to="po@homeoffice.gov.uk",
        subject="IDMG: updates wanted",
        text_body="Please post an update.",
        status=Message.Status.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    sign_in(page, check=False)
    page.goto(f"/groups/{group.slug}/outbox/")
    expect(page.get_by_text("1 message failed.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Send again to po@homeoffice.gov.uk").click()

    expect(page.get_by_text("The message to po@homeoffice.gov.uk is queued to be sent again.")).to_be_visible()
    expect(page.locator(f"#message-{message.pk}")).to_contain_text("Sent")


def test_the_secretariat_invites_a_department_user_who_chooses_a_password(page, sign_in, group, assert_accessible):
    department = DepartmentFactory(short_name="Home Office")
    MembershipFactory(group=group, department=department)
    sign_in(page, check=False)
    page.goto(f"/groups/{group.slug}/invite/")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("link", name="Enter their full name")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Full name").fill("Ann Smith")
    page.get_by_label("Email address").fill("ann@homeoffice.gov.uk")
    page.get_by_label("Department").select_option(label="Home Office")
    page.get_by_role("button", name="Send the invitation").click()

    expect(page.get_by_text("Invitation to ann@homeoffice.gov.uk queued.")).to_be_visible()
    link = re.search(r"http://[^/]+(/password/\S+/)", mail.outbox[0].body).group(1)
    page.get_by_role("button", name="Sign out").click()

    page.goto(link)
    expect(page.get_by_role("heading", name="Choose your password")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("a long and unusual passphrase")
    page.get_by_label("Confirm your new password").fill("a long and unusual passphrase")
    page.get_by_role("button", name="Save the password").click()
    expect(page.get_by_role("heading", name="Your password is saved")).to_be_visible()
    assert_accessible(page)

    page.goto(link)
    expect(page.get_by_role("heading", name="This link has expired or been used")).to_be_visible()
    assert_accessible(page)


def test_anyone_asks_to_reset_a_forgotten_password(page, transactional_db, assert_accessible):
    user = UserFactory(username="bob", email="bob@justice.gov.uk")
    DepartmentMemberFactory(user=user, department=DepartmentFactory(short_name="MOJ"))
    page.goto("/sign-in/")

    page.get_by_role("link", name="Forgot your password?").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("bob@justice.gov.uk")
    page.get_by_role("button", name="Send the link").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)
    assert mail.outbox[0].to == ["bob@justice.gov.uk"]
    assert f"/password/{urlsafe_base64_encode(force_bytes(user.pk))}/" in mail.outbox[0].body
