import datetime
from types import SimpleNamespace

import pytest

from actions.models import Status
from meetings.models import MinutesStatus
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ContactFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Queued email is sent as it is queued; ``test_worker`` runs the database queue as production does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SITE_URL = "https://idmg.example.gov.uk"
    settings.DEFAULT_FROM_EMAIL = "IDMG secretariat <idmg@example.gov.uk>"


def owned(meeting, *departments, **fields):
    action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting), **fields)
    action.set_owners(list(departments), lead=departments[0])
    return action


@pytest.fixture
def idmg(db):
    """The IDMG with three members and their contacts, its draft minutes of 11 March 2013 with actions, an
    earlier meeting's outstanding action of the Scottish Executive (now the Scottish Government), and
    the next meeting on 10 June 2013.
    """
    group = GroupFactory(slug="idmg", short_name="IDMG")
    home_office = DepartmentFactory(short_name="Home Office")
    moj = DepartmentFactory(short_name="MOJ")
    scotland = DepartmentFactory(short_name="Scottish Government")
    executive = DepartmentFactory(short_name="Scottish Executive", successor=scotland)
    dfe = DepartmentFactory(short_name="DfE")
    memberships = {
        dept.short_name: MembershipFactory(group=group, department=dept) for dept in (home_office, moj, scotland, dfe)
    }
    contacts = SimpleNamespace(
        home_office_private_office=ContactFactory(
            membership=memberships["Home Office"], name="Home Office private office", email="po@homeoffice.gov.uk"
        ),
        home_office_lead=ContactFactory(
            membership=memberships["Home Office"],
            name="Jo Lead",
            email="jo.lead@homeoffice.gov.uk",
            role="Lead official",
        ),
        moj=ContactFactory(membership=memberships["MOJ"], name="MOJ private office", email="po@justice.gov.uk"),
        scotland=ContactFactory(
            membership=memberships["Scottish Government"], name="Scottish private office", email="po@gov.scot"
        ),
        # The same address serves two departments' papers.
        dfe=ContactFactory(membership=memberships["DfE"], name="Shared office", email="po@homeoffice.gov.uk"),
    )
    earlier = MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status=MinutesStatus.APPROVED)
    inherited = owned(earlier, executive, text="Scotland to report back on the new legislation")
    done_earlier = owned(
        earlier,
        home_office,
        text="Home Office to publish the strategy",
        status=Status.DONE,
        closed_on=datetime.date(2012, 9, 1),
    )
    meeting = MeetingFactory(
        group=group,
        date=datetime.date(2013, 3, 11),
        place="Home Office",
        next_meeting_date=datetime.date(2013, 6, 10),
    )
    referral = owned(meeting, home_office, moj, text="Home Office and MOJ to share the referral figures")
    leaflet = owned(meeting, moj, text="MOJ to produce a leaflet", due_date=datetime.date(2013, 5, 1))
    draft = MeetingFactory(group=group, date=datetime.date(2013, 1, 10))
    secret = owned(draft, home_office, text="A draft action nobody else may read")
    later = MeetingFactory(group=group, date=datetime.date(2013, 6, 10))
    return SimpleNamespace(
        group=group,
        home_office=home_office,
        moj=moj,
        scotland=scotland,
        executive=executive,
        dfe=dfe,
        contacts=contacts,
        earlier=earlier,
        meeting=meeting,
        later=later,
        inherited=inherited,
        done_earlier=done_earlier,
        referral=referral,
        leaflet=leaflet,
        secret=secret,
    )


def department_user(department, username, email, **fields):
    user = UserFactory(username=username, email=email, **fields)
    DepartmentMemberFactory(user=user, department=department)
    return user


@pytest.fixture
def department_users(idmg):
    """The IDMG's member departments' users: Ann of MOJ and Jo Lead of the Home Office (also one of its
    contacts, at the same address but in capitals); and those who get nothing: one without an address, one
    whose account is closed, one of a department that is not a member."""
    return SimpleNamespace(
        moj=department_user(idmg.moj, "ann", "ann.smith@justice.gov.uk", first_name="Ann", last_name="Smith"),
        home_office_lead=department_user(idmg.home_office, "jo", "Jo.Lead@homeoffice.gov.uk", first_name="Jo"),
        without_address=department_user(idmg.moj, "bob", ""),
        closed=department_user(idmg.moj, "cy", "cy@justice.gov.uk", is_active=False),
        stranger=department_user(DepartmentFactory(short_name="DWP"), "di", "di@dwp.gov.uk"),
    )
