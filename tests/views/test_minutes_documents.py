"""Downloading the minutes as DOCX, ODT and PDF: who may, what comes back, and what it costs."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import Meeting, MinutesStatus
from tests.documents.reading import read_docx, read_odt, read_pdf
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

FORMATS = {
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", read_docx),
    "odt": ("application/vnd.oasis.opendocument.text", read_odt),
    "pdf": ("application/pdf", read_pdf),
}

# The session and the user; the meeting with its group, its corrections, attendees, apologies,
# agenda items, paragraphs, actions and their owners; the groups the user serves (the minutes are a
# draft); the matters arising with their owners and updates.
QUERIES = 14

SHORT = {
    "attendees": 2,
    "apologies": 1,
    "items": 1,
    "actions_per_item": 1,
    "owners_per_action": 1,
    "paragraphs_per_item": 1,
}
LONG = {
    "attendees": 30,
    "apologies": 12,
    "corrections": 3,
    "items": 10,
    "actions_per_item": 4,
    "owners_per_action": 3,
    "paragraphs_per_item": 3,
}


@pytest.fixture
def march_2013():
    call_command("loaddemo", stdout=io.StringIO())
    return Meeting.objects.get(date=datetime.date(2013, 3, 11))


def document_url(meeting, extension):
    return reverse(f"minutes:minutes-{extension}", args=[meeting.pk])


@pytest.mark.parametrize("extension", list(FORMATS))
def test_it_downloads_the_minutes_under_a_name_people_can_keep(secretariat_client, march_2013, extension):
    response = secretariat_client.get(document_url(march_2013, extension))

    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[extension][0]
    assert response["Content-Disposition"] == f'attachment; filename="IDMG-2013-03-11-minutes.{extension}"'
    # Signed-in downloads are never stored, as signed-in pages are not.
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("extension", list(FORMATS))
def test_the_document_holds_the_minutes_of_that_meeting(secretariat_client, march_2013, extension):
    response = secretariat_client.get(document_url(march_2013, extension))

    document = FORMATS[extension][1](response.content)
    assert document.title == "Inter-Departmental Ministerial Group on Human Trafficking: minutes of 11 March 2013"
    assert "1.1 Mark Harper MP welcomed the IDMG Ministers." in " ".join(document.text.split())
    assert "Damian Green MP" not in document.text


@pytest.mark.parametrize("extension", list(FORMATS))
def test_a_department_user_cannot_download_draft_minutes(department_client, extension):
    draft = MeetingFactory(status=MinutesStatus.DRAFT)

    response = department_client.get(document_url(draft, extension))

    assert response.status_code == 403
    assertContains(response, "These minutes are still a draft", status_code=403)


@pytest.mark.parametrize("extension", list(FORMATS))
def test_a_department_user_downloads_circulated_minutes(department_client, extension):
    circulated = MeetingFactory(status=MinutesStatus.CIRCULATED)

    response = department_client.get(document_url(circulated, extension))

    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[extension][0]


@pytest.mark.parametrize("extension", list(FORMATS))
def test_it_404s_for_an_unknown_meeting(secretariat_client, extension):
    assert secretariat_client.get(f"/meetings/999/minutes.{extension}").status_code == 404


@pytest.mark.parametrize("extension", list(FORMATS))
def test_it_rejects_post(secretariat_client, extension):
    meeting = MeetingFactory()

    assert secretariat_client.post(document_url(meeting, extension)).status_code == 405


@pytest.mark.parametrize("extension", list(FORMATS))
def test_it_requires_sign_in(assert_sign_in_required, extension):
    meeting = MeetingFactory(status=MinutesStatus.PUBLISHED)

    assert_sign_in_required(document_url(meeting, extension))


@pytest.mark.parametrize("extension", list(FORMATS))
@pytest.mark.parametrize(("size", "arising"), [(SHORT, 1), (LONG, 8)], ids=["short", "long"])
def test_its_query_count_does_not_grow_with_the_minutes(
    secretariat_client, django_assert_num_queries, build_minutes, size, arising, extension
):
    meeting = build_minutes(**size, arising=arising)

    with django_assert_num_queries(QUERIES):
        response = secretariat_client.get(document_url(meeting, extension))

    assert " ".join(FORMATS[extension][1](response.content).text.split()).count("Work has started.") == arising


def test_the_minutes_page_offers_the_three_documents(secretariat_client, march_2013):
    response = secretariat_client.get(march_2013.get_absolute_url())

    for extension in FORMATS:
        assertContains(response, f'href="{document_url(march_2013, extension)}"', count=1)
    assertNotContains(response, "every page of the documents is marked as a draft")


def test_the_minutes_page_warns_that_documents_of_unapproved_minutes_say_draft(secretariat_client):
    meeting = MeetingFactory(status=MinutesStatus.CIRCULATED)

    response = secretariat_client.get(meeting.get_absolute_url())

    assertContains(response, "Until the minutes are approved, every page of the documents is marked as a draft.")


def test_the_groups_past_meetings_link_to_their_documents(secretariat_client, march_2013):
    upcoming = MeetingFactory(group=march_2013.group, date=datetime.date.today() + datetime.timedelta(days=30))

    response = secretariat_client.get(reverse("meetings:group", args=[march_2013.group.slug]))

    for extension in FORMATS:
        assertContains(response, f'href="{document_url(march_2013, extension)}"', count=1)
        assertNotContains(response, f'href="{document_url(upcoming, extension)}"')
    assertContains(response, '<span class="govuk-visually-hidden"> of the minutes of 11 March 2013</span>', count=3)
