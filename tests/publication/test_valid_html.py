"""The public pages are valid HTML, as the Nu Html Checker (the W3C's validator) reads them."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import Correction, Group, Meeting

VALIDATOR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def nu_messages(pages, tmp_path):
    """The validator's errors and warnings for each page, by page name."""
    if not shutil.which("java") or not VALIDATOR.exists():
        pytest.fail("The Nu Html Checker needs Java and node_modules/vnu-jar: run `make install`.", pytrace=False)
    files = {}
    for name, html in pages.items():
        files[name] = tmp_path / f"{name}.html"
        files[name].write_text(html)
    run = subprocess.run(
        ["java", "-jar", str(VALIDATOR), "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = {name: [] for name in pages}
    names = {str(path.resolve()): name for name, path in files.items()}
    for message in json.loads(run.stdout)["messages"]:
        messages[names[message["url"].removeprefix("file:")]].append(
            f"{message['type']}: {message['message']} ({message.get('extract')})"
        )
    return messages


@pytest.fixture
def demo(db):
    call_command("loaddemo", stdout=io.StringIO())
    group = Group.objects.get(slug="idmg-human-trafficking")
    Correction.objects.create(
        meeting=Meeting.objects.get(group=group, date="2013-03-11"), what="Attendee: BIS", reason="A name was misspelt."
    )
    return group


def test_every_public_page_is_valid_html(client, demo, tmp_path):
    paths = {
        "group": f"/published/{demo.slug}/",
        "minutes-2013": f"/published/{demo.slug}/2013-03-11/",
        "minutes-2012": f"/published/{demo.slug}/2012-04-17/",
        "not-found": f"/published/{demo.slug}/2001-01-01/",
    }
    pages = {name: client.get(path).content.decode() for name, path in paths.items()}

    assert nu_messages(pages, tmp_path) == {name: [] for name in paths}


def test_the_validator_finds_invalid_html(tmp_path):
    page = "<!DOCTYPE html><html lang=en><title>t</title><p><div>not allowed here</p>"

    assert nu_messages({"broken": page}, tmp_path)["broken"] != []
