"""The Django admin, where administrators correct mistakes after the fact, as a superuser."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib import admin
from django.contrib.auth.models import Group as UserGroup
from django.core.management import call_command
from django.db import IntegrityError
from django.test import RequestFactory
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pytest_django.asserts import assertContains

from actions.models import Action, Update
from circulation.models import Circulation, Message, Reminder
from circulation.tasks import send_message
from meetings.models import AgendaItem, Apology, Attendee, Correction, Meeting, Person
from meetings.versioning import EditConflict
from tests.admin_pages import change_page_data
from tests.factories import (
    AttendeeFactory,
    CirculationFactory,
    CorrectionFactory,
    MeetingFactory,
    MessageFactory,
    PersonFactory,
    ReminderFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry, key=lambda model: model._meta.label)
SEARCHABLE = [model for model in REGISTERED if admin.site._registry[model].search_fields]


@pytest.fixture
def demo(settings):
    """The two published minutes; the demo sign-ins are hashed with a fast hasher to keep this quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("loaddemo", stdout=StringIO())


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


SIGN_IN_FAILURE = {
    "username": "homeoffice",
    "ip_address": "127.0.0.1",
    "user_agent": "Chromium",
    "http_accept": "text/html",
    "path_info": "/sign-in/",
}

MADE_FOR_THE_ADMIN = {
    UserGroup: lambda: UserGroup.objects.create(name="Secretariat"),
    Update: lambda: UpdateFactory(action=Action.objects.first()),
    Correction: lambda: CorrectionFactory(meeting=Meeting.objects.first()),
    AccessAttempt: lambda: AccessAttempt.objects.create(
        **SIGN_IN_FAILURE, get_data="", post_data="", failures_since_start=1
    ),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(**SIGN_IN_FAILURE),
    Message: lambda: MessageFactory(meeting=Meeting.objects.first()),
    Circulation: lambda: CirculationFactory(meeting=Meeting.objects.first()),
    Reminder: lambda: ReminderFactory(meeting=Meeting.objects.first()),
    DBTaskResult: lambda: DBTaskResult.objects.get(id=send_message.enqueue(0).id),
}


def an_object(model):
    """A row of the model from the demo data, or made for the test where the demo data has none."""
    if model in MADE_FOR_THE_ADMIN:
        return MADE_FOR_THE_ADMIN[model]()
    obj = model._default_manager.first()
    assert obj is not None, f"The demo data has no {model._meta.verbose_name}"
    return obj


def label(model):
    return model._meta.label


def test_the_minutes_and_actions_are_all_in_the_admin():
    assert {label(model) for model in REGISTERED} >= {
        "meetings.Group",
        "meetings.Department",
        "meetings.Person",
        "meetings.Meeting",
        "meetings.Attendee",
        "meetings.Apology",
        "meetings.AgendaItem",
        "meetings.Paragraph",
        "actions.Action",
        "actions.ActionOwner",
    }


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_changelist_loads(demo, admin_client, model):
    response = admin_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == model._default_manager.count()


def may_add(model, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return admin.site._registry[model].has_add_permission(request)


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_add_page_loads_or_is_refused_for_a_read_only_record(admin_client, admin_user, model):
    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == (200 if may_add(model, admin_user) else 403)


def test_the_minutes_can_be_added_to_in_the_admin(admin_user):
    for model in [Meeting, Person, Attendee, AgendaItem, Action]:
        assert may_add(model, admin_user), model


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_change_page_loads(demo, admin_client, model):
    obj = an_object(model)

    response = admin_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_the_history_page_loads(demo, admin_client, model):
    obj = an_object(model)

    assert admin_client.get(admin_url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", SEARCHABLE, ids=label)
def test_the_changelist_search_runs(demo, admin_client, model):
    response = admin_client.get(admin_url(model, "changelist"), {"q": "Home Office"})

    assert response.status_code == 200


def test_searching_people_finds_them_by_name(demo, admin_client):
    response = admin_client.get(admin_url(Person, "changelist"), {"q": "harper"})

    assert [person.name for person in response.context["cl"].result_list] == ["Mark Harper MP"]


def test_searching_meetings_finds_them_by_agenda_item_title(demo, admin_client):
    response = admin_client.get(admin_url(Meeting, "changelist"), {"q": "Nigeria"})

    assert [str(meeting.date) for meeting in response.context["cl"].result_list] == ["2013-03-11"]


def test_a_meetings_change_page_shows_its_register_apologies_and_agenda(demo, admin_client):
    meeting = Meeting.objects.get(date="2013-03-11")

    response = admin_client.get(admin_url(Meeting, "change", meeting.pk))

    formsets = {
        inline.formset.prefix: len(inline.formset.initial_forms) for inline in response.context["inline_admin_formsets"]
    }
    assert formsets == {"attendees": 18, "apologies": 10, "agenda_items": 7}
    assert "Mark Harper MP" in response.content.decode()
    assert "Country specific report – Nigeria" in response.content.decode()


def test_a_correction_made_in_the_admin_is_kept_in_the_history(demo, admin_client, admin_user):
    person = Person.objects.get(name="Chris Blairs")

    response = admin_client.post(
        admin_url(Person, "change", person.pk),
        {"name": "Chris Blair", "correction_reason": "The name was misspelt."},
    )

    assert response.status_code == 302
    records = list(person.history.order_by("history_date"))
    assert [record.name for record in records] == ["Chris Blairs", "Chris Blair"]
    assert records[-1].history_user == admin_user
    assert records[-1].history_change_reason == "The name was misspelt."
    history_page = admin_client.get(admin_url(Person, "history", person.pk)).content.decode()
    assert "Chris Blair" in history_page
    assert admin_user.username in history_page


def test_every_admin_page_brings_the_accessibility_fixes(admin_client):
    page = admin_client.get(reverse("admin:meetings_meeting_changelist")).content.decode()

    assert '<link rel="stylesheet" href="/assets/css/admin.css">' in page
    assert '<script src="/assets/js/admin.js" defer></script>' in page


def test_the_meetings_register_is_laid_out_with_a_label_for_every_field(admin_client, demo):
    meeting = Meeting.objects.filter(attendees__isnull=False).first()

    page = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content.decode()

    assert 'id="attendees-group"\n     data-inline-type="stacked"' in page
    assert 'data-inline-type="tabular"' not in page
    assert 'for="id_attendees-0-role">Role:</label>' in page


AUTOCOMPLETED = sorted(
    {
        (model, field.name)
        for model, model_admin in admin.site._registry.items()
        for field in map(model._meta.get_field, model_admin.autocomplete_fields)
    },
    key=lambda pair: (label(pair[0]), pair[1]),
)


@pytest.mark.parametrize(("model", "field"), AUTOCOMPLETED, ids=lambda value: getattr(value, "__name__", value))
def test_an_autocomplete_search_with_a_nul_character_finds_what_the_rest_finds(demo, admin_client, model, field):
    query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name, "field_name": field}

    response = admin_client.get(reverse("admin:autocomplete"), {**query, "term": "Home\x00 Office"})

    assert response.status_code == 200
    assert response.json() == admin_client.get(reverse("admin:autocomplete"), {**query, "term": "Home Office"}).json()


def test_the_admin_says_a_meetings_rule_at_the_field_not_as_a_broken_constraint(admin_client):
    meeting = MeetingFactory(start_time=datetime.time(10, 30))
    page = admin_client.get(admin_url(Meeting, "change", meeting.pk))

    response = admin_client.post(admin_url(Meeting, "change", meeting.pk), change_page_data(page, end_time="10:00"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"end_time": ["End time must be after the start time"]}
    assert "Constraint" not in response.content.decode()


def test_the_admin_refuses_an_apology_from_someone_in_the_register(admin_client):
    attendee = AttendeeFactory(person=PersonFactory(name="Mark Harper MP"))
    fields = {"meeting": attendee.meeting.pk, "department": attendee.department.pk, "person": attendee.person.pk}

    response = admin_client.post(admin_url(Apology, "add"), {**fields, "position": 0})

    assert response.context["adminform"].form.errors["person"] == [
        "Mark Harper MP is in the register of this meeting: remove them from it, or check the name"
    ]
    assert not Apology.objects.exists()


@pytest.mark.parametrize("lost_race", [EditConflict("saved by someone else"), IntegrityError("number taken")])
def test_a_save_that_loses_a_race_at_the_database_is_refused_with_a_message_not_a_500(
    admin_client, monkeypatch, lost_race
):
    person = PersonFactory(name="Chris Blairs")
    url = admin_url(Person, "change", person.pk)
    data = change_page_data(admin_client.get(url), name="Chris Blair")

    def race(*args, **kwargs):
        raise lost_race

    monkeypatch.setattr(Person, "save", race)
    response = admin_client.post(url, data, follow=True)

    assert response.status_code == 200
    assertContains(response, "Someone else saved a change here at the same moment")
    monkeypatch.undo()
    person.refresh_from_db()
    assert person.name == "Chris Blairs"
