"""Fixtures for the browser tests: Debian's Chromium driven by Playwright, against pytest-django's live server.

Playwright's browser download is never used; the tests fail, rather than skip, when Chromium is missing.
"""

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in this thread, which Django's ORM would otherwise refuse.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.factories import GroupFactory, UserFactory  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
            "Install it with `make chromium` (apt-get install chromium); Playwright's own download is not used.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_page(browser, live_server, **options):
    # The app's content security policy stays on, so the tests see what it allows and blocks.
    # axe-core comes in as an init script, which the policy does not govern.
    context = browser.new_context(base_url=live_server.url, **options)
    context.add_init_script(path=str(AXE_SCRIPT))
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.errors = []
    page.javascript_enabled = options.get("java_script_enabled", True)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A fresh page with JavaScript on; fails the test if the page throws or logs an error."""
    context, page = _open_page(browser, live_server)
    yield page
    context.close()
    assert not page.errors, "The browser reported errors:\n" + "\n".join(page.errors)


@pytest.fixture
def page_without_javascript(browser, live_server):
    context, page = _open_page(browser, live_server, java_script_enabled=False)
    yield page
    context.close()


def _is_conditional_reveal_aria_expanded(node):
    """GOV.UK Frontend puts aria-expanded on a radio or checkbox that reveals more questions, on purpose.

    The ARIA spec does not allow it there, but screen readers announce it and GOV.UK's research found it
    helps: a documented known issue (https://github.com/alphagov/govuk-frontend/issues/979).
    """
    values = [value for check in node["all"] + node["any"] for value in check.get("data", {}).get("values", [])]
    return (
        re.search(r'class="govuk-(radios|checkboxes)__input"', node["html"]) is not None
        and bool(values)
        and all(value.startswith("aria-expanded=") for value in values)
    )


def _known_govuk_frontend_issue(violation):
    """Drop the one accepted GOV.UK Frontend false positive; keep every other node of every violation."""
    if violation["id"] == "aria-allowed-attr":
        violation["nodes"] = [node for node in violation["nodes"] if not _is_conditional_reveal_aria_expanded(node)]
    return not violation["nodes"]


@contextmanager
def _copy_with_javascript(page):
    """The page's document as it stands, scripts removed, in a page that can run axe.

    axe-core needs JavaScript's timers, which a page with JavaScript disabled never runs, so it checks
    a copy: the same HTML at the same address, with the same cookies and stylesheets, and no scripts.
    """
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.DOTALL | re.IGNORECASE)
    address = page.url.split("#")[0]
    context = page.context.browser.new_context(bypass_csp=True, viewport=page.viewport_size)
    context.add_cookies(page.context.cookies())
    copy = context.new_page()
    copy.javascript_enabled = True
    copy.route(
        lambda url: url.split("#")[0] == address, lambda route: route.fulfill(body=html, content_type="text/html")
    )
    copy.goto(page.url)
    try:
        yield copy
    finally:
        context.close()


def check_accessible(page):
    """Run axe-core against the page as it stands and fail on any WCAG 2.0/2.1/2.2 A or AA violation."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}; run `npm ci`.", pytrace=False)
    if not page.javascript_enabled:
        with _copy_with_javascript(page) as copy:
            return check_accessible(copy)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [violation for violation in results["violations"] if not _known_govuk_frontend_issue(violation)]
    if violations:
        lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
            for node in violation["nodes"]:
                lines.append(f"    at {' '.join(str(part) for part in node['target'])}")
                lines.append(f"       {node['html'][:200]}")
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page)`` fails the test on any axe-core WCAG A/AA violation on the page."""
    return check_accessible


@pytest.fixture
def user(transactional_db):
    return UserFactory(username="secretariat")


@pytest.fixture
def group(user):
    """The group whose minutes the user records: the user is on its secretariat."""
    group = GroupFactory(slug="idmg")
    group.secretariat.add(user)
    return group


@pytest.fixture
def sign_in(user, assert_accessible):
    """``sign_in(page, check=True)`` signs the user in through the real sign-in page."""

    def sign_in(page, check=True):
        page.goto("/sign-in/")
        if check:
            assert_accessible(page)
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        expect(page).not_to_have_url(re.compile(r"/sign-in/"))
        return user

    return sign_in
