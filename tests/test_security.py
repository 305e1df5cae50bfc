"""Security: user text is escaped everywhere, forms and htmx need the CSRF token, sign-in attempts are
limited, sessions end, pages carry the security headers, and production settings pass ``check --deploy``."""

import csv
import datetime
import io
import os
import re
import runpy
import subprocess
import sys
import types
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.utils import get_random_secret_key
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertRedirects

from actions.models import Action, ActionOwner, Status, Update
from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Correction,
    Department,
    DepartmentMember,
    Group,
    Meeting,
    Paragraph,
    Person,
)
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    ApologyFactory,
    AttendeeFactory,
    CorrectionFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    GroupFactory,
    MeetingFactory,
    ParagraphFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every user here has a password; a fast hasher keeps the many pages quick to set up."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


REPO = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
PAYLOADS = {
    "script": '<script>alert("{}")</script>',
    "img": '<img src=x onerror=alert("{}")>',
}
# Every text field a person types, by the tag its payload carries.
FIELDS = [
    "group",
    "short",
    "dept",
    "dept name",
    "person",
    "deputy",
    "apology",
    "place",
    "next place",
    "title",
    "paragraph",
    "action",
    "update",
    "reason",
]


@pytest.fixture(params=PAYLOADS.values(), ids=PAYLOADS.keys())
def payload(request):
    """The payload for one field, tagged with the field's name so each field can be traced on the page."""
    return lambda field: request.param.format(field)


@pytest.fixture
def tainted(payload, secretariat_user):
    """Minutes in which every text typed carries a payload, with an earlier meeting whose action it reviews."""
    group = GroupFactory(name=payload("group"), short_name=payload("short"))
    meeting = MeetingFactory(
        group=group,
        date=datetime.date(2013, 3, 11),
        place=payload("place"),
        next_meeting_date=datetime.date(2013, 6, 3),
        next_meeting_place=payload("next place"),
    )
    department = DepartmentFactory(short_name=payload("dept"), name=payload("dept name"))
    AttendeeFactory(
        meeting=meeting,
        department=department,
        person=PersonFactory(name=payload("person")),
        deputising_for=PersonFactory(name=payload("deputy")),
    )
    ApologyFactory(meeting=meeting, department=department, person=PersonFactory(name=payload("apology")))
    item = AgendaItemFactory(meeting=meeting, number=1, title=payload("title"))
    ParagraphFactory(agenda_item=item, number="1.1", text=payload("paragraph"))
    action = ActionFactory(agenda_item=item, text=payload("action"), due_date=datetime.date(2013, 9, 30))
    action.set_owners([department], lead=department)
    action.record_update(author=secretariat_user, text=payload("update"), status=Status.IN_PROGRESS)
    CorrectionFactory(meeting=meeting, made_by=secretariat_user, what=str(item), reason=payload("reason"))
    # A change with a reason, so the history shows the place before and after, and the reason.
    meeting.place = payload("place") + " "
    meeting._change_reason = payload("reason")
    meeting.save()
    DepartmentMemberFactory(user=UserFactory(username="member"), department=department)
    return meeting


def assert_escaped(response, payload, fields):
    """No payload reaches the page as markup, and each field's text is on it, escaped."""
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(" not in page
    assert "<img src=x" not in page
    assert "onerror=alert" not in page.replace("onerror=alert(&quot;", "")
    missing = [field for field in fields if escape(payload(field)) not in page]
    assert not missing, f"Not shown escaped: {missing}"


def test_the_minutes_escape_every_field(secretariat_client, tainted, payload):
    response = secretariat_client.get(f"/meetings/{tainted.pk}/")

    assert_escaped(
        response,
        payload,
        ["group", "short", "dept", "person", "deputy", "apology", "place", "next place", "title", "paragraph"]
        + ["action", "reason"],
    )


def test_the_recording_page_escapes_every_field(secretariat_client, tainted, payload):
    response = secretariat_client.get(f"/meetings/{tainted.pk}/record/")

    assert_escaped(
        response,
        payload,
        ["group", "short", "dept", "person", "deputy", "apology", "place", "next place", "title"]
        + ["paragraph", "action"],
    )


def test_the_suggestions_escape_the_names_they_offer(secretariat_client, tainted, payload):
    departments = secretariat_client.get("/suggestions/departments/", {"q": payload("dept")})
    people = secretariat_client.get("/suggestions/people/", {"q": payload("person")})

    assert_escaped(departments, payload, ["dept", "dept name"])
    assert_escaped(people, payload, ["person"])


def test_the_change_forms_escape_what_they_show(secretariat_client, tainted, payload):
    attendee = tainted.attendees.get()
    action = Action.objects.get()

    attendee_form = secretariat_client.get(f"/meetings/{tainted.pk}/attendees/{attendee.pk}/edit/")
    action_form = secretariat_client.get(f"/meetings/{tainted.pk}/actions/{action.pk}/edit/")
    details_form = secretariat_client.get(f"/meetings/{tainted.pk}/edit/")

    assert_escaped(attendee_form, payload, ["dept", "person", "deputy"])
    assert_escaped(action_form, payload, ["action", "dept"])
    assert_escaped(details_form, payload, ["group", "short", "place", "next place"])


def test_a_refused_save_escapes_what_the_other_person_typed(secretariat_client, tainted, payload):
    attendee = tainted.attendees.get()
    prefix = f"attendee-{attendee.pk}"
    opened = attendee.version
    attendee.person = PersonFactory(name=payload("other person"))
    attendee.save()

    response = secretariat_client.post(
        f"/meetings/{tainted.pk}/attendees/{attendee.pk}/edit/",
        {f"{prefix}-department": payload("dept"), f"{prefix}-person": payload("typed"), f"{prefix}-version": opened},
    )

    assertContains(response, "Someone else saved a change to this while you were editing it")
    assert_escaped(response, payload, ["person", "other person", "typed"])


def test_the_groups_pages_escape_the_group(secretariat_client, tainted, payload):
    assert_escaped(secretariat_client.get("/groups/"), payload, ["group"])
    assert_escaped(secretariat_client.get(tainted.group.get_absolute_url()), payload, ["group", "place"])


def test_the_register_escapes_every_field(secretariat_client, tainted, payload):
    response = secretariat_client.get("/actions/")

    assert_escaped(response, payload, ["short", "dept", "action", "update"])


def test_the_register_escapes_the_search_typed(secretariat_client, tainted, payload):
    response = secretariat_client.get("/actions/", {"q": payload("search")})

    assert_escaped(response, payload, ["search"])


def test_the_csv_carries_the_text_as_typed(secretariat_client, tainted, payload):
    response = secretariat_client.get("/actions/export.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][4] == payload("action")
    assert rows[1][5] == payload("dept")
    assert rows[1][10] == payload("update")
    assert payload("short") in rows[1][0]


def test_the_department_page_escapes_every_field(secretariat_client, tainted, payload):
    department = Department.objects.get(short_name=payload("dept"))

    response = secretariat_client.get(f"/departments/{department.pk}/")

    assert_escaped(response, payload, ["dept", "short", "action", "update"])


def test_the_departments_page_escapes_their_names(secretariat_client, tainted, payload):
    assert_escaped(secretariat_client.get("/departments/"), payload, ["dept"])


def test_the_action_page_escapes_every_field(secretariat_client, tainted, payload):
    response = secretariat_client.get(f"/actions/{Action.objects.get().pk}/")

    assert_escaped(response, payload, ["short", "dept", "title", "action", "update"])


def test_the_history_pages_escape_every_field(secretariat_client, tainted, payload):
    meeting_history = secretariat_client.get(f"/meetings/{tainted.pk}/history/")
    action_history = secretariat_client.get(f"/actions/{Action.objects.get().pk}/history/")

    assert_escaped(
        meeting_history,
        payload,
        ["group", "dept", "person", "apology", "place", "title", "paragraph", "action", "reason"],
    )
    assert_escaped(action_history, payload, ["short", "dept"])


def test_a_department_users_pages_escape_every_field(tainted, payload):
    member = Client()
    member.force_login(DepartmentMember.objects.get().user)
    tainted.status = "circulated"
    tainted.save()

    assert_escaped(member.get(f"/meetings/{tainted.pk}/"), payload, ["group", "person", "title", "action"])
    assert_escaped(member.get(f"/actions/{Action.objects.get().pk}/"), payload, ["action", "update"])


ADMIN_LISTS = {
    Group: ["group", "short"],
    Department: ["dept", "dept name"],
    Person: ["person", "deputy", "apology"],
    DepartmentMember: ["dept"],
    Meeting: ["group", "place"],
    Attendee: ["short", "dept", "person", "deputy"],
    Apology: ["short", "dept", "apology"],
    AgendaItem: ["short", "title"],
    Paragraph: ["title", "paragraph"],
    Action: ["short", "title", "action"],
    ActionOwner: ["short", "dept", "action"],
    Update: ["short"],
    Correction: ["short", "title", "reason"],
}


@pytest.mark.parametrize("model", ADMIN_LISTS, ids=lambda model: model._meta.label)
def test_the_admin_lists_escape_every_field(admin_client, tainted, payload, model):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    assert_escaped(admin_client.get(url), payload, ADMIN_LISTS[model])


def test_the_admin_history_escapes_every_field(admin_client, tainted, payload):
    url = reverse("admin:meetings_meeting_history", args=[tainted.pk])

    assert_escaped(admin_client.get(url), payload, ["place", "reason"])


# CSRF


@pytest.fixture
def csrf_client(secretariat_user):
    """A browser that, unlike Django's test client, is held to the CSRF checks."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat_user)
    return client


@pytest.fixture
def meeting():
    return MeetingFactory()


def new_attendee(**fields):
    return {
        "attendee-department": "Home Office",
        "attendee-person": "Mark Harper MP",
        "attendee-add_departments": "on",
    } | fields


def form_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)


def header_token(response):
    """The token the base template gives htmx to send in the X-CSRFToken header."""
    return re.search(r"""data-hx-headers='\{"X-CSRFToken": "([^"]+)"\}'""", response.content.decode()).group(1)


def test_a_post_without_the_csrf_token_is_refused(csrf_client, meeting):
    csrf_client.get(f"/meetings/{meeting.pk}/record/")

    response = csrf_client.post(f"/meetings/{meeting.pk}/attendees/add/", new_attendee())

    assertContains(response, '<h1 class="govuk-heading-l">Your page was out of date</h1>', status_code=403, html=True)
    assert not meeting.attendees.exists()


def test_an_htmx_request_without_the_csrf_token_is_refused(csrf_client, meeting, htmx_headers):
    csrf_client.get(f"/meetings/{meeting.pk}/record/")

    response = csrf_client.post(f"/meetings/{meeting.pk}/attendees/add/", new_attendee(), headers=htmx_headers)

    assert response.status_code == 403
    assert not meeting.attendees.exists()


def test_a_post_with_a_wrong_csrf_token_is_refused(csrf_client, meeting):
    csrf_client.get(f"/meetings/{meeting.pk}/record/")

    response = csrf_client.post(f"/meetings/{meeting.pk}/attendees/add/", new_attendee(csrfmiddlewaretoken="x" * 64))

    assert response.status_code == 403


def test_a_post_with_the_token_from_the_form_is_accepted(csrf_client, meeting):
    token = form_token(csrf_client.get(f"/meetings/{meeting.pk}/record/"))

    response = csrf_client.post(f"/meetings/{meeting.pk}/attendees/add/", new_attendee(csrfmiddlewaretoken=token))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#attendees", fetch_redirect_response=False)
    assert meeting.attendees.count() == 1


def test_an_htmx_request_with_the_token_in_its_header_is_accepted(csrf_client, meeting, htmx_headers):
    token = header_token(csrf_client.get(f"/meetings/{meeting.pk}/record/"))

    response = csrf_client.post(
        f"/meetings/{meeting.pk}/attendees/add/", new_attendee(), headers=htmx_headers | {"X-CSRFToken": token}
    )

    assert response.status_code == 200
    assert meeting.attendees.count() == 1


def test_the_base_template_gives_htmx_the_csrf_token(secretariat_client, meeting):
    response = secretariat_client.get(f"/meetings/{meeting.pk}/record/")

    assertContains(response, """<body class="govuk-template__body" data-hx-headers='{"X-CSRFToken": \"""")
    assert len(header_token(response)) == 64


def test_every_form_that_posts_carries_the_csrf_token(secretariat_client, tainted):
    pages = [
        f"/meetings/{tainted.pk}/record/",
        f"/meetings/{tainted.pk}/",
        f"/meetings/{tainted.pk}/edit/",
        f"/actions/{Action.objects.get().pk}/",
    ]
    for path in pages:
        page = secretariat_client.get(path).content.decode()
        forms = re.findall(r"<form [^>]*method=\"post\"[^>]*>(.*?)</form>", page, flags=re.S)
        assert forms, path
        assert all('name="csrfmiddlewaretoken"' in form for form in forms), path


def test_signing_in_needs_the_csrf_token(db):
    UserFactory(username="secretariat", password=PASSWORD)
    browser = Client(enforce_csrf_checks=True)

    refused = browser.post("/sign-in/", {"username": "secretariat", "password": PASSWORD})
    token = form_token(browser.get("/sign-in/"))
    accepted = browser.post(
        "/sign-in/", {"username": "secretariat", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )

    assert refused.status_code == 403
    assert accepted.status_code == 302


# Sign-in attempts


@pytest.fixture
def officer(db):
    return UserFactory(username="officer", password=PASSWORD)


def sign_in(client, password, username="officer"):
    return client.post("/sign-in/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_sign_in(client, officer):
    for _ in range(4):
        assertContains(sign_in(client, "wrong"), "Please enter a correct username and password")

    fifth = sign_in(client, "wrong")
    right = sign_in(client, PASSWORD)

    assertContains(fifth, "Too many attempts to sign in", status_code=429)
    assertContains(right, '<h1 class="govuk-heading-l">Too many attempts to sign in</h1>', status_code=429)
    assertContains(right, "try again in 15 minutes", status_code=429)
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in(client, officer):
    for _ in range(4):
        sign_in(client, "wrong")

    assertRedirects(sign_in(client, PASSWORD), "/", fetch_redirect_response=False)


def test_the_lock_is_on_the_username_not_everyone(client, officer):
    UserFactory(username="colleague", password=PASSWORD)
    for _ in range(5):
        sign_in(client, "wrong")

    response = sign_in(client, PASSWORD, username="colleague")

    assertRedirects(response, "/", fetch_redirect_response=False)


PROXY = "10.0.0.1"


def behind_the_proxy(address, spoofed=""):
    """A browser at ``address`` whose requests reach the app through one proxy, which appends to X-Forwarded-For."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{spoofed}{address}")


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_a_proxy_five_wrong_passwords_lock_that_browser_not_the_next(one_proxy, officer):
    wrong, colleague = behind_the_proxy("203.0.113.5"), behind_the_proxy("203.0.113.6")
    for _ in range(5):
        sign_in(wrong, "wrong")

    assert sign_in(wrong, PASSWORD).status_code == 429
    assertRedirects(sign_in(colleague, PASSWORD), "/", fetch_redirect_response=False)


def test_behind_a_proxy_what_the_browser_writes_in_the_forwarded_header_does_not_unlock_it(one_proxy, officer):
    for attempt in range(5):
        sign_in(behind_the_proxy("203.0.113.5", spoofed=f"198.51.100.{attempt}, "), "wrong")

    response = sign_in(behind_the_proxy("203.0.113.5", spoofed="198.51.100.99, "), PASSWORD)

    assert response.status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(officer):
    for attempt in range(5):
        sign_in(Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"), "wrong")

    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.99"), PASSWORD).status_code == 429


def test_behind_a_proxy_a_request_that_skipped_it_is_counted_at_its_own_address(one_proxy, officer):
    for _ in range(5):
        sign_in(Client(REMOTE_ADDR="192.0.2.1"), "wrong")

    assert sign_in(Client(REMOTE_ADDR="192.0.2.1"), PASSWORD).status_code == 429
    assertRedirects(sign_in(behind_the_proxy("203.0.113.5"), PASSWORD), "/", fetch_redirect_response=False)


@pytest.fixture
def ten_per_address(settings, one_proxy):
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 10


def test_many_wrong_passwords_from_one_address_lock_every_username_there(ten_per_address, officer):
    for number in range(5):
        UserFactory(username=f"colleague{number}", password=PASSWORD)
        for _ in range(2):
            sign_in(behind_the_proxy("203.0.113.5"), "wrong", username=f"colleague{number}")

    locked = sign_in(behind_the_proxy("203.0.113.5"), PASSWORD)
    elsewhere = sign_in(behind_the_proxy("203.0.113.6"), PASSWORD)

    assertContains(locked, "Too many attempts to sign in", status_code=429)
    assertRedirects(elsewhere, "/", fetch_redirect_response=False)


def test_a_department_behind_one_address_signs_in_below_the_address_limit(ten_per_address, officer):
    for number in range(3):
        UserFactory(username=f"colleague{number}", password=PASSWORD)
        for _ in range(3):
            sign_in(behind_the_proxy("203.0.113.5"), "wrong", username=f"colleague{number}")

    assertRedirects(sign_in(behind_the_proxy("203.0.113.5"), PASSWORD), "/", fetch_redirect_response=False)


def test_a_colleague_signing_in_does_not_reset_the_address_count(ten_per_address, officer):
    UserFactory(username="colleague", password=PASSWORD)
    for _ in range(2):
        for number in range(5):
            sign_in(behind_the_proxy("203.0.113.5"), "wrong", username=f"stranger{number}")
        sign_in(behind_the_proxy("203.0.113.5"), PASSWORD, username="colleague")

    assert sign_in(behind_the_proxy("203.0.113.5"), PASSWORD).status_code == 429


def test_the_address_limit_is_high_enough_for_a_department():
    assert settings.SIGN_IN_FAILURES_PER_ADDRESS >= 20 * settings.AXES_FAILURE_LIMIT


def test_the_sign_in_limit_is_on(settings):
    assert "axes" in settings.INSTALLED_APPS
    assert "axes.middleware.AxesMiddleware" in settings.MIDDLEWARE
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.AXES_FAILURE_LIMIT == 5
    assert getattr(settings, "AXES_ENABLED", True)


# Sessions


def test_sessions_last_a_working_day_at_most_and_end_with_the_browser():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_the_session_cookie_is_http_only_and_ends_with_the_browser(client, officer):
    response = sign_in(client, PASSWORD)

    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert not cookie["expires"]
    assert not cookie["max-age"]
    assert cookie["samesite"] == "Lax"


def test_a_session_ends_after_its_age(client, officer):
    sign_in(client, PASSWORD)
    assert client.get("/groups/").status_code == 200
    expiry = client.session.get_expiry_date()
    assert expiry <= timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)

    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    assertRedirects(client.get("/groups/"), "/sign-in/?next=/groups/", fetch_redirect_response=False)


# Headers


@pytest.mark.parametrize("path", ["/sign-in/", "/groups/"])
def test_pages_carry_the_security_headers(secretariat_client, path):
    response = secretariat_client.get(path)

    policy = dict(
        directive.strip().split(" ", 1) for directive in response["Content-Security-Policy"].split(";") if directive
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"].split(", ")
    assert "geolocation=()" in response["Permissions-Policy"].split(", ")
    assert "microphone=()" in response["Permissions-Policy"].split(", ")


@pytest.mark.parametrize("path", ["/sign-in/", "/groups/", "/no-such-page/", "/assets/css/app.css"])
def test_no_response_names_the_server_software(secretariat_client, path):
    response = secretariat_client.get(path)

    assert "Server" not in response
    assert "X-Powered-By" not in response


def test_gunicorn_is_told_to_answer_as_the_app_not_as_itself(monkeypatch):
    gunicorn = types.ModuleType("gunicorn")
    gunicorn.SERVER, gunicorn.SERVER_SOFTWARE = "gunicorn", "gunicorn/23.0.0"
    monkeypatch.setitem(sys.modules, "gunicorn", gunicorn)

    runpy.run_path(str(REPO / "gunicorn.conf.py"))

    assert gunicorn.SERVER == gunicorn.SERVER_SOFTWARE == "idmg"


def test_the_csrf_cookie_is_out_of_reach_of_scripts(csrf_client, meeting):
    response = csrf_client.get(f"/meetings/{meeting.pk}/record/")

    assert response.cookies[settings.CSRF_COOKIE_NAME]["httponly"]
    assert len(header_token(response)) == 64


def test_pages_need_no_inline_script_or_style(secretariat_client, tainted):
    page = secretariat_client.get(f"/meetings/{tainted.pk}/record/").content.decode()

    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts
    assert all(' src="/assets/' in script for script in scripts)
    assert not re.search(r"<script\b[^>]*>[^<]+</script>", page)
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=\"", page)


# Production settings


def production(**extra):
    """The environment of a production server: no debug, a real secret key, its host name."""
    environment = {name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "DATABASE"))}
    return (
        environment
        | {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": get_random_secret_key(),
            "DJANGO_ALLOWED_HOSTS": "idmg.example.gov.uk",
        }
        | extra
    )


def manage(*arguments, environment):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_checks_pass_with_production_settings():
    environment = production()
    assert len(environment["DJANGO_SECRET_KEY"]) == 50

    result = manage("check", "--deploy", "--fail-level", "WARNING", environment=environment)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_send_hsts_and_secure_cookies():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print('Settings:', s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)",
        environment=production(),
    )

    assert result.returncode == 0, result.stderr
    hsts_seconds, *flags = re.search(r"^Settings: (.*)$", result.stdout, flags=re.M).group(1).split()
    assert int(hsts_seconds) >= 365 * 24 * 60 * 60
    assert flags == ["True", "True", "True", "True", "False"]


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", environment=production(DJANGO_SECRET_KEY=""))

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY when DJANGO_DEBUG is off." in result.stderr


def test_production_answers_over_https_with_hsts_and_sends_plain_http_there():
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.test import Client; client = Client(HTTP_HOST='idmg.example.gov.uk'); "
        "secure = client.get('/groups/', secure=True); plain = client.get('/groups/'); "
        "print('HSTS:', secure.headers['Strict-Transport-Security']); "
        "print('Plain:', plain.status_code, plain.headers['Location'])",
        environment=production(),
    )

    assert result.returncode == 0, result.stderr
    assert re.search(r"^HSTS: max-age=31536000; includeSubDomains", result.stdout, flags=re.M), result.stdout
    assert "Plain: 301 https://idmg.example.gov.uk/groups/" in result.stdout


# Requests too big to read


def test_a_request_too_big_to_read_says_so_on_a_govuk_page(secretariat_client, meeting, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = secretariat_client.post(f"/meetings/{meeting.pk}/edit/", {"place": "Home Office " * 100})

    assert response.status_code == 400
    assertContains(response, '<h1 class="govuk-heading-l">Sorry, the text you sent is too long</h1>', status_code=400)
    assertContains(response, "nothing has been saved", status_code=400)
    assertContains(response, "govuk-frontend.min.css", status_code=400)


def test_a_request_not_understood_otherwise_says_that(secretariat_client, meeting, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5

    response = secretariat_client.post(f"/meetings/{meeting.pk}/edit/", {f"field{n}": "x" for n in range(10)})

    assertContains(response, "Sorry, that request was not understood", status_code=400)


def test_the_upload_limit_leaves_room_for_a_document_pasted_by_mistake():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 5 * 1024 * 1024
