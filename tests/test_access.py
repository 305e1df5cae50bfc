"""Who may do what, tried for every role against every page and form of the app.

The roles: a department user (Home Office), the secretariat of another group, the secretariat of
the group whose minutes these are, and an administrator. Each URL of ``meetings/urls.py``,
``actions/urls.py``, ``minutes/urls.py``, ``imports/urls.py``, ``circulation/urls.py`` and ``search/urls.py``
is asked with each method it takes (and through htmx where htmx asks it), on draft, circulated,
approved and published minutes. A refusal is the GOV.UK 403 page, and a refused form changes nothing
in the database.

The public URLs (``publication/urls.py`` and the calendar subscription, whose address carries a
secret) are asked signed out and by each role: the published minutes are found, nothing else is.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from types import SimpleNamespace
from urllib.parse import urlencode

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions import urls as action_urls
from actions.models import Action, ActionOwner, Status, Update
from circulation import urls as circulation_urls
from circulation.models import Circulation, Message
from imports import urls as import_urls
from imports.models import ImportRecord
from meetings import urls as meeting_urls
from meetings.calendar import subscription_token
from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Department,
    DepartmentMember,
    Group,
    Meeting,
    MinutesStatus,
    Paper,
    Paragraph,
    Person,
)
from members import urls as member_urls
from members.models import Contact, Membership, Representative
from minutes import urls as minutes_urls
from publication import urls as publication_urls
from search import urls as search_urls
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    ContactFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    GroupFactory,
    ImportRecordFactory,
    MeetingFactory,
    MembershipFactory,
    MessageFactory,
    PaperFactory,
    ParagraphFactory,
    UpdateFactory,
    UserFactory,
)
from tests.meeting_form import meeting_details

pytestmark = pytest.mark.django_db

DEPARTMENT, OTHER_SECRETARIAT, SECRETARIAT, ADMINISTRATOR = (
    "department-user",
    "other-groups-secretariat",
    "groups-secretariat",
    "administrator",
)
ROLES = [DEPARTMENT, OTHER_SECRETARIAT, SECRETARIAT, ADMINISTRATOR]
SERVING = {SECRETARIAT, ADMINISTRATOR}
LOCKED = {MinutesStatus.APPROVED, MinutesStatus.PUBLISHED}

# Who may use a view.
ANYONE = "anyone signed in"
READERS = "readers of the minutes"  # the group's secretariat, or anyone once the minutes are circulated
SECRETARIAT_ONLY = "the group's secretariat"
EDITORS = "the group's secretariat while the minutes are unapproved"
OWNERS = "the owning department once the minutes are circulated, and the group's secretariat"
PUBLISHED = "anyone, signed in or not, once the minutes are published"
WITH_THE_SECRET = "anyone with the address, which carries the group's secret"


def may(who, role, status):
    if who == ANYONE:
        return True
    if who == READERS:
        return role in SERVING or status != MinutesStatus.DRAFT
    if who == SECRETARIAT_ONLY:
        return role in SERVING
    if who == EDITORS:
        return role in SERVING and status not in LOCKED
    if who == OWNERS:
        # The action is the Home Office's, so its department user may, once the minutes are circulated.
        return role in SERVING or (role == DEPARTMENT and status != MinutesStatus.DRAFT)
    if who == PUBLISHED:
        return status == MinutesStatus.PUBLISHED
    if who == WITH_THE_SECRET:
        return True
    raise AssertionError(who)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def signed_in(request, client):
    """A client signed in as one of the roles."""

    def sign_in(role):
        user = {
            DEPARTMENT: "department_user",
            OTHER_SECRETARIAT: "other_secretariat_user",
            SECRETARIAT: "secretariat_user",
            ADMINISTRATOR: "admin_user",
        }[role]
        user = request.getfixturevalue(user)
        if role == OTHER_SECRETARIAT:
            GroupFactory(slug="strategy-board", short_name="Strategy Board").secretariat.add(user)
        client.force_login(user)
        return client

    return sign_in


def build_minutes(status=MinutesStatus.DRAFT):
    """The IDMG's minutes of 11 March 2013, two rows of every kind, and its earlier and later meetings.

    The actions beside item 1 are the Home Office's; the action of April 2012 still open at this
    meeting (a matter arising) is MOJ's.
    """
    group = GroupFactory(slug="idmg", short_name="IDMG")
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.CIRCULATED)
    arising = ActionFactory(agenda_item__meeting=earlier, text="MOJ to explore prosecutions")
    arising.set_owners([DepartmentFactory(short_name="MOJ")], lead=DepartmentFactory(short_name="MOJ"))
    later = MeetingFactory(group=group, date=datetime.date(2013, 6, 10))
    meeting = MeetingFactory(
        group=group,
        date=datetime.date(2013, 3, 11),
        place="Home Office",
        status=status,
        approved_at=later if status in LOCKED else None,
        published_at=datetime.datetime(2013, 4, 12, 9, tzinfo=datetime.UTC)
        if status == MinutesStatus.PUBLISHED
        else None,
        next_meeting_date=later.date,
    )
    home_office = DepartmentFactory(short_name="Home Office")
    given_here = UpdateFactory(action=arising, reported_at=meeting, text="MOJ has begun.")
    membership = MembershipFactory(group=group, department=home_office)
    items = [AgendaItemFactory(meeting=meeting, number=number) for number in (1, 2)]
    actions = ActionFactory.create_batch(2, agenda_item=items[0])
    for action in actions:
        action.set_owners([home_office], lead=home_office)
    return SimpleNamespace(
        group=group,
        meeting=meeting,
        later=later,
        home_office=home_office,
        attendees=AttendeeFactory.create_batch(2, meeting=meeting),
        apologies=ApologyFactory.create_batch(2, meeting=meeting),
        agenda_items=items,
        paragraphs=ParagraphFactory.create_batch(2, agenda_item=items[0]),
        actions=actions,
        arising=arising,
        given_here=given_here,
        import_record=ImportRecordFactory(group=group, source_text=IMPORTED),
        failed_message=MessageFactory(group=group, meeting=meeting, status=Message.Status.FAILED, attempts=5),
        membership=membership,
        paper=PaperFactory(agenda_item=items[0], public=True),
        contacts=ContactFactory.create_batch(2, membership=membership),
    )


IMPORTED = "1 May 2011\nAttendees:\nHome Office\tMark Harper MP\tCHAIR\n\n1. Welcome\n1.1 The Group met."


def database():
    """Every row the app's views can write, field by field."""
    models = [
        Group,
        Meeting,
        Attendee,
        Apology,
        AgendaItem,
        Paragraph,
        Action,
        ActionOwner,
        Update,
        ImportRecord,
        Circulation,
        Message,
        Membership,
        Representative,
        Contact,
        Paper,
    ]
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in [*models, Department, Person, DepartmentMember]
    }


@dataclass(frozen=True)
class Endpoint:
    """One way of asking one URL: its name, method, arguments, what is posted, and who may."""

    name: str
    method: str
    who: str
    args: object = lambda minutes: []
    data: object = lambda minutes: {}
    htmx: bool = False
    query: dict = field(default_factory=dict)
    redirects: bool = False

    def __str__(self):
        return f"{self.method}-{self.name.split(':')[1]}{'-htmx' if self.htmx else ''}"

    def path(self, minutes):
        path = reverse(self.name, args=self.args(minutes))
        return f"{path}?{urlencode(self.query)}" if self.query else path

    def ask(self, client, minutes):
        headers = {"HX-Request": "true"} if self.htmx else {}
        if self.method == "GET":
            return client.get(self.path(minutes), headers=headers)
        return client.post(self.path(minutes), self.data(minutes), headers=headers)

    @property
    def success(self):
        """The status code when it works: pages 200, forms redirect, htmx gets the changed section."""
        if self.redirects:
            return 302
        return 200 if self.method == "GET" or self.htmx else 302


NEXT_STEP = {
    MinutesStatus.DRAFT: {"transition": "circulate"},
    MinutesStatus.CIRCULATED: {"transition": "approve"},
    MinutesStatus.APPROVED: {"transition": "publish"},
    MinutesStatus.PUBLISHED: {"transition": "publish"},  # refused with a message: nothing is left to do
}

MEETING_FIELDS = meeting_details(datetime.date(2013, 3, 11), place="Home Office, 2 Marsham Street")


def next_step(minutes):
    return NEXT_STEP[minutes.meeting.status] | {"approved_at": minutes.later.pk}


def meeting_pk(minutes):
    return [minutes.meeting.pk]


def first_item(minutes):
    return [minutes.meeting.pk, minutes.agenda_items[0].pk]


def the_paper(minutes):
    return [minutes.meeting.pk, minutes.paper.pk]


def new_paper(minutes):
    prefix = f"item-{minutes.agenda_items[0].pk}-paper"
    return {
        f"{prefix}-title": "Paper 3: Victim care",
        f"{prefix}-file": SimpleUploadedFile("paper.pdf", b"%PDF-1.4\n%%EOF\n"),
    }


MEETING_ENDPOINTS = [
    Endpoint("meetings:groups", "GET", ANYONE),
    Endpoint("meetings:group", "GET", ANYONE, args=lambda minutes: [minutes.group.slug]),
    Endpoint("meetings:department-suggestions", "GET", ANYONE, htmx=True, query={"q": "Home"}),
    Endpoint("meetings:person-suggestions", "GET", ANYONE, htmx=True, query={"q": "MP"}),
    Endpoint("meetings:meeting-create", "GET", SECRETARIAT_ONLY, args=lambda minutes: [minutes.group.slug]),
    Endpoint(
        "meetings:meeting-create",
        "POST",
        SECRETARIAT_ONLY,
        args=lambda minutes: [minutes.group.slug],
        data=lambda minutes: MEETING_FIELDS | {"date_day": "13", "date_month": "9"},
    ),
    Endpoint("minutes:minutes", "GET", READERS, args=meeting_pk),
    Endpoint("meetings:meeting-calendar", "GET", READERS, args=meeting_pk),
    Endpoint("meetings:next-meeting-calendar", "GET", READERS, args=meeting_pk),
    Endpoint("minutes:history", "GET", READERS, args=meeting_pk),
    Endpoint("minutes:minutes-docx", "GET", READERS, args=meeting_pk),
    Endpoint("minutes:minutes-odt", "GET", READERS, args=meeting_pk),
    Endpoint("minutes:minutes-pdf", "GET", READERS, args=meeting_pk),
    Endpoint("meetings:meeting-edit", "GET", EDITORS, args=meeting_pk),
    Endpoint(
        "meetings:meeting-edit",
        "POST",
        EDITORS,
        args=meeting_pk,
        data=lambda minutes: MEETING_FIELDS | opened(minutes.meeting),
    ),
    Endpoint("minutes:record", "GET", EDITORS, args=meeting_pk),
    Endpoint("minutes:record", "GET", EDITORS, args=meeting_pk, htmx=True, query={"section": "attendees"}),
    Endpoint("minutes:agenda", "GET", READERS, args=meeting_pk),
    Endpoint("minutes:agenda-document", "GET", READERS, args=lambda minutes: [minutes.meeting.pk, "pdf"]),
    Endpoint(
        "minutes:agenda-draft-item-add",
        "POST",
        EDITORS,
        args=meeting_pk,
        data=lambda minutes: {"agenda-item-number": "8", "agenda-item-title": "Victim care", "agenda-item-lead": "MOJ"},
    ),
    Endpoint("minutes:standing-item-add", "POST", EDITORS, args=meeting_pk),
    Endpoint("minutes:agenda-draft-item-edit", "GET", EDITORS, args=first_item),
    Endpoint(
        "minutes:agenda-draft-item-edit",
        "POST",
        EDITORS,
        args=first_item,
        data=lambda minutes: prefixed(
            f"item-{minutes.agenda_items[0].pk}",
            {"number": "1", "title": "Welcome", "lead": "The Chair"} | opened(minutes.agenda_items[0]),
        ),
    ),
    Endpoint("minutes:paper-add", "GET", EDITORS, args=first_item, redirects=True),
    Endpoint("minutes:paper-add", "POST", EDITORS, args=first_item, data=new_paper),
    Endpoint("minutes:paper", "GET", READERS, args=the_paper),
    Endpoint("minutes:paper-remove", "GET", EDITORS, args=the_paper),
    Endpoint("minutes:paper-remove", "POST", EDITORS, args=the_paper),
    Endpoint("minutes:start-register", "GET", EDITORS, args=meeting_pk, query={"from": "members"}),
    Endpoint(
        "minutes:start-register",
        "POST",
        EDITORS,
        args=meeting_pk,
        data=lambda minutes: {"from": "members", "row": f"{minutes.home_office.pk}::::0"},
    ),
    Endpoint("meetings:minutes-status", "GET", SECRETARIAT_ONLY, args=meeting_pk),
    Endpoint("meetings:minutes-status", "POST", SECRETARIAT_ONLY, args=meeting_pk, data=next_step),
]

# kind: (the rows of that kind on the minutes, the prefix of its add form, what a person types in)
ROW_KINDS = {
    "attendee": (
        lambda minutes: minutes.attendees,
        lambda minutes: "attendee",
        {
            "department": "UKHTC",
            "person": "Sarah Teather MP",
            "deputising_for": "",
            "role": "",
            "add_departments": "on",
        },
    ),
    "apology": (
        lambda minutes: minutes.apologies,
        lambda minutes: "apology",
        {"department": "DfE", "person": "Sarah Teather MP", "add_departments": "on"},
    ),
    "agenda_item": (
        lambda minutes: minutes.agenda_items,
        lambda minutes: "agenda-item",
        {"number": "7", "title": "Any other business"},
    ),
    "paragraph": (
        lambda minutes: minutes.paragraphs,
        lambda minutes: f"item-{minutes.agenda_items[0].pk}-paragraph",
        {"number": "1.9", "text": "The Chair thanked members for attending."},
    ),
    "action": (
        lambda minutes: minutes.actions,
        lambda minutes: f"item-{minutes.agenda_items[0].pk}-action",
        {
            "text": "UKHTC to share the referral figures",
            "owners": "UKHTC",
            "first_owner_leads": "on",
            "due": "none",
            "add_departments": "on",
        },
    ),
}


def prefixed(prefix, fields):
    return {f"{prefix}-{name}": value for name, value in fields.items()}


def row_endpoints(kind, htmx):
    rows, add_prefix, fields = ROW_KINDS[kind]
    in_item = kind in {"paragraph", "action"}

    def add_args(minutes):
        return [minutes.meeting.pk, minutes.agenda_items[0].pk] if in_item else [minutes.meeting.pk]

    def second_row(minutes):
        """Edit, remove and move the second row, so that moving it up changes the order."""
        return [minutes.meeting.pk, rows(minutes)[1].pk]

    def changed(minutes):
        return prefixed(f"{kind}-{rows(minutes)[1].pk}", fields | opened(rows(minutes)[1]))

    return [
        # A form shown with a problem is at the add address; opened again, it leads back to the page.
        Endpoint(f"minutes:{kind}-add", "GET", EDITORS, args=add_args, htmx=htmx, redirects=True),
        Endpoint(
            f"minutes:{kind}-add",
            "POST",
            EDITORS,
            args=add_args,
            data=lambda minutes: prefixed(add_prefix(minutes), fields),
            htmx=htmx,
        ),
        Endpoint(f"minutes:{kind}-edit", "GET", EDITORS, args=second_row, htmx=htmx),
        Endpoint(f"minutes:{kind}-edit", "POST", EDITORS, args=second_row, data=changed, htmx=htmx),
        Endpoint(f"minutes:{kind}-delete", "GET", EDITORS, args=second_row, htmx=htmx),
        Endpoint(f"minutes:{kind}-delete", "POST", EDITORS, args=second_row, htmx=htmx),
        Endpoint(
            f"minutes:{kind}-move",
            "POST",
            EDITORS,
            args=second_row,
            data=lambda minutes: {"direction": "up"},
            htmx=htmx,
        ),
    ]


ROW_ENDPOINTS = [endpoint for kind in ROW_KINDS for htmx in (False, True) for endpoint in row_endpoints(kind, htmx)]


def arising_args(minutes):
    return [minutes.meeting.pk, minutes.arising.pk]


def opened(row):
    """The version of a row as saved now, as a form opened now carries it."""
    return {"version": type(row).objects.get(pk=row.pk).version}


def arising_update(minutes):
    return prefixed(
        f"arising-{minutes.arising.pk}",
        {"status": Status.IN_PROGRESS, "text": "Work has started."} | opened(minutes.arising),
    )


def first_action(minutes):
    return [minutes.actions[0].pk]


def update_given_here(minutes):
    return [minutes.arising.pk, minutes.given_here.pk]


ACTION_ENDPOINTS = [
    Endpoint("actions:register", "GET", ANYONE),
    Endpoint("actions:register-csv", "GET", ANYONE),
    Endpoint("actions:register-xlsx", "GET", ANYONE),
    Endpoint("actions:register-ods", "GET", ANYONE),
    Endpoint("actions:action", "GET", READERS, args=first_action),
    Endpoint(
        "actions:action",
        "POST",
        OWNERS,
        args=first_action,
        data=lambda minutes: (
            {"status": Status.IN_PROGRESS, "text": "A draft has gone to officials."} | opened(minutes.actions[0])
        ),
    ),
    Endpoint("actions:history", "GET", READERS, args=first_action),
    Endpoint("actions:update-withdraw", "GET", SECRETARIAT_ONLY, args=update_given_here),
    Endpoint(
        "actions:update-withdraw",
        "POST",
        SECRETARIAT_ONLY,
        args=update_given_here,
        data=lambda minutes: {
            "reason": "It was given in error.",
            "outcome": "withdraw",
            "version": minutes.arising.version,
        },
    ),
    Endpoint("actions:departments", "GET", ANYONE),
    Endpoint("actions:department", "GET", ANYONE, args=lambda minutes: [minutes.home_office.pk]),
    Endpoint("minutes:matters-arising-update", "GET", EDITORS, args=arising_args, redirects=True),
    Endpoint("minutes:matters-arising-update", "POST", EDITORS, args=arising_args, data=arising_update),
    Endpoint("minutes:matters-arising-update", "POST", EDITORS, args=arising_args, data=arising_update, htmx=True),
]


def import_pk(minutes):
    return [minutes.import_record.pk]


def read_again(minutes):
    """The import's source, its last section changed."""
    sections = minutes.import_record.minutes.sections
    lines = minutes.import_record.source_text.split("\n")
    data = {f"section_{index}": "\n".join(lines[s.first - 1 : s.last]) for index, s in enumerate(sections)}
    data[f"section_{len(sections) - 1}"] = "1. Welcome and introductions\n1.1 The Group met."
    return data


IMPORT_CONFIRMED = {"meeting-date_day": "1", "meeting-date_month": "5", "meeting-date_year": "2011"}
PASTED = {"text": "Home Office  Mark Harper MP", "add": "1"}

IMPORT_ENDPOINTS = [
    Endpoint("imports:new", "GET", SECRETARIAT_ONLY, args=lambda minutes: [minutes.group.slug]),
    Endpoint(
        "imports:new",
        "POST",
        SECRETARIAT_ONLY,
        args=lambda minutes: [minutes.group.slug],
        data=lambda m: {"text": IMPORTED},
    ),
    Endpoint("imports:review", "GET", SECRETARIAT_ONLY, args=import_pk),
    Endpoint("imports:review", "POST", SECRETARIAT_ONLY, args=import_pk, data=read_again),
    Endpoint("imports:confirm", "POST", SECRETARIAT_ONLY, args=import_pk, data=lambda minutes: IMPORT_CONFIRMED),
    Endpoint("imports:discard", "POST", SECRETARIAT_ONLY, args=import_pk),
    Endpoint("imports:paste-register", "GET", EDITORS, args=lambda minutes: [minutes.meeting.pk, "attendees"]),
    Endpoint(
        "imports:paste-register",
        "POST",
        EDITORS,
        args=lambda minutes: [minutes.meeting.pk, "apologies"],
        data=lambda minutes: PASTED,
    ),
]


def group_slug(minutes):
    return [minutes.group.slug]


def member(minutes):
    return [minutes.group.slug, minutes.membership.pk]


def second_contact(minutes):
    return [minutes.group.slug, minutes.contacts[1].pk]


MEMBER_ENDPOINTS = [
    Endpoint("members:attendance", "GET", ANYONE, args=group_slug),
    Endpoint("members:attendance-csv", "GET", ANYONE, args=group_slug),
    Endpoint("members:members", "GET", SECRETARIAT_ONLY, args=group_slug),
    Endpoint("members:member-add", "GET", SECRETARIAT_ONLY, args=group_slug),
    Endpoint(
        "members:member-add",
        "POST",
        SECRETARIAT_ONLY,
        args=group_slug,
        data=lambda minutes: {"department": "UKHTC", "representative": "Lord Bates", "add_departments": "on"},
    ),
    Endpoint("members:member-leave", "GET", SECRETARIAT_ONLY, args=member),
    Endpoint(
        "members:member-leave",
        "POST",
        SECRETARIAT_ONLY,
        args=member,
        data=lambda minutes: (
            {"left_on_day": "1", "left_on_month": "1", "left_on_year": "2020"} | opened(minutes.membership)
        ),
    ),
    Endpoint("members:representative-add", "GET", SECRETARIAT_ONLY, args=member),
    Endpoint(
        "members:representative-add",
        "POST",
        SECRETARIAT_ONLY,
        args=member,
        data=lambda minutes: {
            "person": "Karen Bradley MP",
            "since_day": "1",
            "since_month": "10",
            "since_year": "2014",
        },
    ),
    Endpoint("members:contact-add", "GET", SECRETARIAT_ONLY, args=member),
    Endpoint(
        "members:contact-add",
        "POST",
        SECRETARIAT_ONLY,
        args=member,
        data=lambda minutes: {"name": "Private Office", "email": "po@example.gov.uk", "role": ""},
    ),
    Endpoint("members:contact-edit", "GET", SECRETARIAT_ONLY, args=second_contact),
    Endpoint(
        "members:contact-edit",
        "POST",
        SECRETARIAT_ONLY,
        args=second_contact,
        data=lambda minutes: (
            {"name": "Lead official", "email": "lead@example.gov.uk", "role": ""} | opened(minutes.contacts[1])
        ),
    ),
    Endpoint("members:contact-delete", "GET", SECRETARIAT_ONLY, args=second_contact),
    Endpoint("members:contact-delete", "POST", SECRETARIAT_ONLY, args=second_contact),
]


CIRCULATION_ENDPOINTS = [
    Endpoint("circulation:circulate", "GET", SECRETARIAT_ONLY, args=meeting_pk),
    Endpoint(
        "circulation:circulate",
        "POST",
        SECRETARIAT_ONLY,
        args=meeting_pk,
        data=lambda minutes: {
            "status": minutes.meeting.status,
            "send_actions": "on",
            "contacts": [contact.pk for contact in minutes.contacts],
            "last_sent": Message.objects.last_sent(minutes.meeting, Message.Purpose.CIRCULATION),
        },
    ),
    Endpoint("circulation:circulate-agenda", "GET", SECRETARIAT_ONLY, args=meeting_pk),
    Endpoint(
        "circulation:circulate-agenda",
        "POST",
        SECRETARIAT_ONLY,
        args=meeting_pk,
        data=lambda minutes: {
            "contacts": [contact.pk for contact in minutes.contacts],
            "last_sent": Message.objects.last_sent(minutes.meeting, Message.Purpose.AGENDA),
        },
    ),
    Endpoint("circulation:outbox", "GET", SECRETARIAT_ONLY, args=group_slug),
    Endpoint(
        "circulation:outbox-retry",
        "POST",
        SECRETARIAT_ONLY,
        args=lambda minutes: [minutes.group.slug, minutes.failed_message.pk],
    ),
    Endpoint("circulation:invite", "GET", SECRETARIAT_ONLY, args=group_slug),
    Endpoint(
        "circulation:invite",
        "POST",
        SECRETARIAT_ONLY,
        args=group_slug,
        data=lambda minutes: {
            "name": "Ann Smith",
            "email": "ann@homeoffice.gov.uk",
            "department": minutes.home_office.pk,
        },
    ),
]

SEARCH_ENDPOINTS = [
    Endpoint("search:search", "GET", ANYONE),
    Endpoint("search:search", "GET", ANYONE, query={"q": "best practice", "kind": "minutes"}),
]

ENDPOINTS = [
    *MEETING_ENDPOINTS,
    *ROW_ENDPOINTS,
    *ACTION_ENDPOINTS,
    *IMPORT_ENDPOINTS,
    *CIRCULATION_ENDPOINTS,
    *SEARCH_ENDPOINTS,
    *MEMBER_ENDPOINTS,
]

PUBLIC_ENDPOINTS = [
    Endpoint("publication:group", "GET", PUBLISHED, args=lambda minutes: [minutes.group.slug]),
    Endpoint("publication:minutes", "GET", PUBLISHED, args=lambda minutes: [minutes.group.slug, "2013-03-11"]),
    Endpoint("publication:feed", "GET", PUBLISHED, args=lambda minutes: [minutes.group.slug]),
    Endpoint("publication:document", "GET", PUBLISHED, args=lambda minutes: [minutes.group.slug, "2013-03-11", "pdf"]),
    Endpoint(
        "publication:paper", "GET", PUBLISHED, args=lambda minutes: [minutes.group.slug, "2013-03-11", minutes.paper.pk]
    ),
    Endpoint(
        "meetings:group-calendar",
        "GET",
        WITH_THE_SECRET,
        args=lambda minutes: [minutes.group.slug, subscription_token(minutes.group)],
    ),
]


def url_names(patterns, namespace):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from url_names(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}"


def test_every_url_of_the_apps_is_tried():
    every_url = {
        *url_names(meeting_urls.urlpatterns, meeting_urls.app_name),
        *url_names(action_urls.urlpatterns, action_urls.app_name),
        *url_names(minutes_urls.urlpatterns, minutes_urls.app_name),
        *url_names(member_urls.urlpatterns, member_urls.app_name),
        *url_names(publication_urls.urlpatterns, publication_urls.app_name),
        *url_names(import_urls.urlpatterns, import_urls.app_name),
        *url_names(circulation_urls.urlpatterns, circulation_urls.app_name),
        *url_names(search_urls.urlpatterns, search_urls.app_name),
    }

    assert {endpoint.name for endpoint in [*ENDPOINTS, *PUBLIC_ENDPOINTS]} == every_url


def test_only_the_public_urls_answer_without_signing_in():
    public = {endpoint.name for endpoint in PUBLIC_ENDPOINTS}

    assert public == {*url_names(publication_urls.urlpatterns, "publication"), "meetings:group-calendar"}
    assert public.isdisjoint(endpoint.name for endpoint in ENDPOINTS)


def test_every_row_view_and_the_matters_arising_are_tried_through_htmx():
    tried = {endpoint.name for endpoint in ENDPOINTS if endpoint.htmx}

    assert {endpoint.name for endpoint in ROW_ENDPOINTS} | {"minutes:matters-arising-update"} <= tried


def assert_refused(response):
    assertContains(response, '<h1 class="govuk-heading-l">You cannot do that</h1>', status_code=403, html=True)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_a_signed_out_person_is_sent_to_sign_in_and_changes_nothing(client, endpoint):
    minutes = build_minutes()
    before = database()

    response = endpoint.ask(client, minutes)

    sign_in = f"{reverse('login')}?{urlencode({'next': endpoint.path(minutes)}, safe='/')}"
    if endpoint.htmx:
        # htmx is told to load the sign-in page whole, not to swap it into the section.
        assert response.status_code == 200
        assert response["HX-Redirect"] == sign_in
    else:
        assertRedirects(response, sign_in, fetch_redirect_response=False)
    assert database() == before


@pytest.mark.parametrize("status", list(MinutesStatus))
@pytest.mark.parametrize("role", [None, *ROLES], ids=lambda role: role or "signed-out")
@pytest.mark.parametrize("endpoint", PUBLIC_ENDPOINTS, ids=str)
def test_a_public_url_finds_published_minutes_and_nothing_else(signed_in, client, endpoint, role, status):
    minutes = build_minutes(status)
    client = signed_in(role) if role else client
    before = database()

    response = endpoint.ask(client, minutes)

    assert response.status_code == (200 if may(endpoint.who, role, status) else 404)
    assert database() == before


def nothing_left_to_do(endpoint, status):
    """Published minutes have no next step: the secretariat's post comes back to the page that says so."""
    is_status_post = endpoint.name == "meetings:minutes-status" and endpoint.method == "POST"
    return is_status_post and status == MinutesStatus.PUBLISHED


@pytest.mark.parametrize("status", list(MinutesStatus))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_each_role_may_do_only_what_it_is_allowed(signed_in, endpoint, role, status):
    minutes = build_minutes(status)
    client = signed_in(role)
    before = database()

    response = endpoint.ask(client, minutes)

    if not may(endpoint.who, role, status):
        assert_refused(response)
        assert database() == before
        return
    assert response.status_code == (200 if nothing_left_to_do(endpoint, status) else endpoint.success)
    if endpoint.method == "POST" and not nothing_left_to_do(endpoint, status):
        assert database() != before, "the form was allowed but saved nothing: check the data it posts"


def wrong_methods():
    """Each URL asked with the method it does not take, once each."""
    methods = {}
    for endpoint in [*ENDPOINTS, *PUBLIC_ENDPOINTS]:
        methods.setdefault(endpoint.name, (endpoint, set()))[1].add(endpoint.method)
    for endpoint, taken in methods.values():
        for method in {"GET", "POST"} - taken:
            yield Endpoint(endpoint.name, method, endpoint.who, args=endpoint.args, data=endpoint.data)


@pytest.mark.parametrize("endpoint", list(wrong_methods()), ids=str)
def test_a_view_rejects_the_method_it_does_not_take(secretariat_client, endpoint):
    minutes = build_minutes()
    before = database()

    response = endpoint.ask(secretariat_client, minutes)

    assert response.status_code == 405
    assert database() == before


# What a search finds


@pytest.mark.parametrize("status", list(MinutesStatus))
@pytest.mark.parametrize("role", ROLES)
def test_a_search_finds_the_minutes_actions_and_updates_only_of_those_who_may_read_them(signed_in, role, status):
    minutes = build_minutes(status)
    client = signed_in(role)

    response = client.get(reverse("search:search"), {"q": "practice"})
    actions = client.get(reverse("search:search"), {"q": "thematic", "kind": "actions"})

    meeting = minutes.meeting.get_absolute_url()
    paragraphs = [f"{meeting}#paragraph-{paragraph.pk}" for paragraph in minutes.paragraphs]
    if may(READERS, role, status):
        assert all(link in response.content.decode() for link in paragraphs)
        assertContains(actions, "2 results")
    else:
        assert not any(link in response.content.decode() for link in paragraphs)
        assertContains(response, "Nothing you can read matches")
        assertContains(actions, "Nothing you can read matches")


# A department user and the actions of departments


@pytest.fixture
def meeting():
    return MeetingFactory(group=GroupFactory(slug="idmg"), status=MinutesStatus.CIRCULATED)


def owned_action(meeting, *short_names):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    departments = [DepartmentFactory(short_name=name) for name in short_names]
    action.set_owners(departments, lead=departments[0])
    return action


def post_update(client, action):
    return client.post(
        reverse("actions:action", args=[action.pk]),
        {"status": Status.DONE, "text": "The referral figures were sent."} | opened(action),
    )


def test_a_department_user_updates_an_action_their_department_owns(department_client, department_user, meeting):
    action = owned_action(meeting, "Home Office")

    response = post_update(department_client, action)

    assertRedirects(response, action.get_absolute_url(), fetch_redirect_response=False)
    assert Update.objects.get(action=action).author == department_user
    assert Action.objects.get(pk=action.pk).status == Status.DONE


def test_a_department_user_updates_an_action_their_department_co_owns(department_client, department_user, meeting):
    action = owned_action(meeting, "MOJ", "Home Office")

    response = post_update(department_client, action)

    assertRedirects(response, action.get_absolute_url(), fetch_redirect_response=False)
    assert Update.objects.get(action=action).author == department_user


def test_a_department_user_updates_an_action_of_the_department_theirs_succeeded(client, meeting):
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    DepartmentFactory(short_name="Scottish Executive", successor=scottish_government)
    user = DepartmentMemberFactory(user=UserFactory(username="scotland"), department=scottish_government).user
    client.force_login(user)
    action = owned_action(meeting, "Scottish Executive")

    response = post_update(client, action)

    assertRedirects(response, action.get_absolute_url(), fetch_redirect_response=False)
    assert Update.objects.get(action=action).author == user


def test_a_department_user_cannot_update_another_departments_action(department_client, meeting):
    action = owned_action(meeting, "MOJ", "AGO")
    before = database()

    response = post_update(department_client, action)

    assert_refused(response)
    assertContains(
        response,
        "Only the owning departments and the group&#x27;s secretariat can update this action.",
        status_code=403,
    )
    assert not Update.objects.exists()
    assert database() == before


def test_a_department_user_cannot_update_the_action_of_the_department_that_succeeded_theirs(client, meeting):
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    scottish_executive = DepartmentFactory(short_name="Scottish Executive", successor=scottish_government)
    client.force_login(DepartmentMemberFactory(department=scottish_executive).user)
    action = owned_action(meeting, "Scottish Government")

    response = post_update(client, action)

    assert response.status_code == 403
    assert not Update.objects.exists()


def test_a_department_user_is_offered_the_update_form_only_on_their_departments_actions(department_client, meeting):
    ours, theirs = owned_action(meeting, "Home Office"), owned_action(meeting, "MOJ")

    assertContains(department_client.get(ours.get_absolute_url()), "Post an update")
    response = department_client.get(theirs.get_absolute_url())

    assertNotContains(response, "Post an update")
    assertContains(response, "Only the owning departments and the group's secretariat can post updates")


def test_a_department_user_cannot_post_an_update_through_the_matters_arising_even_on_their_own_action(
    department_client, meeting
):
    action = owned_action(meeting, "Home Office")
    later = MeetingFactory(group=meeting.group, date=meeting.date + datetime.timedelta(days=90))

    response = department_client.post(
        reverse("minutes:matters-arising-update", args=[later.pk, action.pk]),
        prefixed(f"arising-{action.pk}", {"status": Status.DONE, "text": "Done."}),
        headers={"HX-Request": "true"},
    )

    assert_refused(response)
    assert not Update.objects.exists()


# Draft minutes are the secretariat's


def test_a_department_user_cannot_read_draft_minutes(department_client):
    draft = MeetingFactory()

    response = department_client.get(draft.get_absolute_url())

    assert_refused(response)
    assertContains(response, "These minutes are still a draft", status_code=403)


def test_a_department_user_reads_circulated_minutes(department_client, meeting):
    response = department_client.get(meeting.get_absolute_url())

    assertContains(response, '<strong class="govuk-tag govuk-tag--yellow">Circulated</strong>', html=True)


def test_the_group_page_lists_draft_minutes_only_for_the_groups_secretariat(signed_in, meeting):
    draft = MeetingFactory(group=meeting.group, date=datetime.date(2013, 6, 10))
    group_url = reverse("meetings:group", args=[meeting.group.slug])

    for role in ROLES:
        response = signed_in(role).get(group_url)
        if role in SERVING:
            assertContains(response, draft.get_absolute_url())
        else:
            assertNotContains(response, draft.get_absolute_url())
        assertContains(response, meeting.get_absolute_url())


# Crafted requests


def test_a_crafted_meeting_edit_cannot_change_its_group_or_status(secretariat_client):
    minutes = build_minutes()
    board = GroupFactory(slug="strategy-board")

    response = secretariat_client.post(
        reverse("meetings:meeting-edit", args=[minutes.meeting.pk]),
        MEETING_FIELDS
        | opened(minutes.meeting)
        | {"group": board.pk, "status": "published", "approved_at": minutes.later.pk},
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get(pk=minutes.meeting.pk)
    assert (meeting.group, meeting.status, meeting.approved_at) == (minutes.group, MinutesStatus.DRAFT, None)
    assert meeting.place == "Home Office, 2 Marsham Street"


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("minutes:attendee-delete", lambda minutes: [minutes.attendees[0].pk], lambda minutes: {}),
        ("minutes:paragraph-move", lambda minutes: [minutes.paragraphs[1].pk], lambda minutes: {"direction": "up"}),
        (
            "minutes:action-edit",
            lambda minutes: [minutes.actions[0].pk],
            lambda minutes: prefixed(f"action-{minutes.actions[0].pk}", ROW_KINDS["action"][2]),
        ),
        ("minutes:matters-arising-update", lambda minutes: [minutes.arising.pk], arising_update),
    ],
    ids=["attendee-delete", "paragraph-move", "action-edit", "matters-arising-update"],
)
def test_another_groups_secretariat_cannot_reach_the_rows_through_a_meeting_of_their_own(signed_in, name, args, data):
    minutes = build_minutes()
    client = signed_in(OTHER_SECRETARIAT)
    their_meeting = MeetingFactory(group=Group.objects.get(slug="strategy-board"), date=datetime.date(2013, 7, 1))
    before = database()

    response = client.post(reverse(name, args=[their_meeting.pk, *args(minutes)]), data(minutes))

    assert response.status_code == 404
    assert database() == before


@pytest.mark.parametrize("status", sorted(LOCKED))
def test_the_secretariat_cannot_reach_locked_rows_through_an_unlocked_meeting(secretariat_client, status):
    minutes = build_minutes(status)
    unlocked = minutes.later
    item = minutes.agenda_items[0]
    before = database()

    responses = [
        secretariat_client.post(reverse("minutes:attendee-delete", args=[unlocked.pk, minutes.attendees[0].pk])),
        secretariat_client.post(
            reverse("minutes:paragraph-add", args=[unlocked.pk, item.pk]),
            prefixed(f"item-{item.pk}-paragraph", ROW_KINDS["paragraph"][2]),
        ),
        secretariat_client.post(
            reverse("minutes:action-edit", args=[unlocked.pk, minutes.actions[0].pk]),
            prefixed(f"action-{minutes.actions[0].pk}", ROW_KINDS["action"][2]),
        ),
    ]

    assert [response.status_code for response in responses] == [404, 404, 404]
    assert database() == before


# The 403 page


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_refusal_is_the_govuk_page_saying_you_cannot_do_that(department_client, htmx):
    minutes = build_minutes()
    headers = {"HX-Request": "true"} if htmx else {}

    response = department_client.post(
        reverse("minutes:attendee-delete", args=[minutes.meeting.pk, minutes.attendees[0].pk]), headers=headers
    )

    assert response.status_code == 403
    assertContains(response, "<title>You cannot do that – Ministerial group minutes</title>", status_code=403)
    assertContains(response, "govuk-frontend.min.css", status_code=403)
    assertContains(response, "Only the group&#x27;s secretariat can change its minutes.", status_code=403)
    assertContains(response, "Nothing has been changed.", status_code=403)


def test_a_refusal_on_locked_minutes_says_why(secretariat_client):
    minutes = build_minutes(MinutesStatus.PUBLISHED)

    response = secretariat_client.get(reverse("minutes:record", args=[minutes.meeting.pk]))

    assert_refused(response)
    assertContains(response, "These minutes have been approved", status_code=403)


# The Django admin


@pytest.mark.parametrize("role", ROLES)
def test_only_the_administrator_gets_into_the_django_admin(signed_in, role):
    response = signed_in(role).get("/admin/")

    if role == ADMINISTRATOR:
        assert response.status_code == 200
    else:
        assertRedirects(response, "/admin/login/?next=/admin/", fetch_redirect_response=False)


def keep_it_secret(minutes):
    """Give the draft's rows words that no other page could show by chance."""
    for number, row in enumerate([*minutes.actions, *minutes.paragraphs], start=1):
        row.text = f"Secret draft words {number}"
        row.save()
    for number, item in enumerate(minutes.agenda_items, start=1):
        item.title = f"Secret draft item {number}"
        item.save()
    return ["Secret draft words", "Secret draft item", *(attendee.person.name for attendee in minutes.attendees)]


OPEN_PAGES = [endpoint for endpoint in ENDPOINTS if endpoint.method == "GET" and endpoint.who == ANYONE]
REGISTER_DOWNLOADS = ["actions:register-csv", "actions:register-xlsx", "actions:register-ods"]


def text_of(response):
    """The words a page or download shows, the spreadsheets (zipped) unpacked."""
    if not response.streaming:
        return response.content.decode()
    content = b"".join(response.streaming_content)
    if not zipfile.is_zipfile(io.BytesIO(content)):
        return content.decode("utf-8-sig")  # the CSV, streamed
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        if "content.xml" in package.namelist():
            return package.read("content.xml").decode()
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", OPEN_PAGES, ids=str)
def test_no_page_or_download_shows_anything_of_draft_minutes_outside_their_secretariat(signed_in, endpoint, role):
    minutes = build_minutes(MinutesStatus.DRAFT)
    secrets = keep_it_secret(minutes)
    client = signed_in(role)

    content = text_of(endpoint.ask(client, minutes))

    shown = [secret for secret in secrets if secret in content]
    if role not in SERVING:
        assert shown == []
    elif endpoint.name in {"actions:register", *REGISTER_DOWNLOADS}:
        assert "Secret draft words" in shown, "the group's secretariat sees its draft actions"


def test_the_open_pages_are_the_lists_and_exports():
    assert {endpoint.name for endpoint in OPEN_PAGES} == {
        "meetings:groups",
        "meetings:group",
        "actions:register",
        *REGISTER_DOWNLOADS,
        "actions:departments",
        "actions:department",
        "meetings:department-suggestions",
        "meetings:person-suggestions",
        "search:search",
        "members:attendance",
        "members:attendance-csv",
    }
