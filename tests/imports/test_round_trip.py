"""The app's own DOCX, ODT and PDF of each demo meeting import again to the same meeting."""

import pytest
from django.core.management import call_command

from actions.models import Action
from imports.accuracy import differences
from imports.names import Directory
from imports.parser import parse_minutes
from imports.reading import read_document
from meetings.models import Meeting
from minutes import demo
from minutes.contents import with_minutes
from minutes.documents.content import minutes_content
from minutes.downloads import FORMATS

pytestmark = pytest.mark.django_db
DIRECTORY = Directory([(short_name, name) for short_name, name, _ in demo.DEPARTMENTS])


@pytest.fixture
def demo_meetings(db, fast_password_hashing):
    call_command("loaddemo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def document_of(expected, extension):
    meeting = with_minutes().get(date=expected["date"])
    content = minutes_content(meeting, Action.objects.reviewed_at(meeting))
    return FORMATS[extension].build(content)


@pytest.mark.parametrize("extension", ["docx", "odt", "pdf"])
@pytest.mark.parametrize("expected", demo.MEETINGS, ids=["2012", "2013"])
def test_the_apps_own_document_imports_to_the_same_meeting(demo_meetings, expected, extension):
    text = read_document(document_of(expected, extension), f"minutes.{extension}")
    minutes = parse_minutes(text, DIRECTORY)
    assert differences(minutes, expected) == {}, text
    assert Meeting.objects.count() == 2
