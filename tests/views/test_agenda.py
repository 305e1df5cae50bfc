"""The agenda drafted before a meeting, its standing first item, and its papers."""

import datetime
import io
import zipfile

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from meetings.models import STANDING_FIRST_ITEM, AgendaItem, MinutesStatus, Paper
from tests.factories import AgendaItemFactory, GroupFactory, MeetingFactory, PaperFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def office_file(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


DOCX = office_file({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODS = office_file({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office/>"})


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def meeting():
    return MeetingFactory(group=GroupFactory(slug="idmg", short_name="IDMG"), date=datetime.date(2013, 3, 11))


@pytest.fixture
def item(meeting):
    return AgendaItemFactory(meeting=meeting, number=2, title="Activity update", lead="Home Office")


def upload(client, item, content, name="paper.pdf", **fields):
    return client.post(
        f"/meetings/{item.meeting_id}/agenda/items/{item.pk}/papers/add/",
        {
            f"item-{item.pk}-paper-title": fields.get("title", "Paper 2: Activity update"),
            f"item-{item.pk}-paper-file": SimpleUploadedFile(name, content),
        }
        | ({f"item-{item.pk}-paper-public": "on"} if fields.get("public") else {}),
    )


def test_the_agenda_lists_the_items_with_their_leads(secretariat_client, item):
    response = secretariat_client.get(f"/meetings/{item.meeting_id}/agenda/")

    assertContains(response, "2. Activity update")
    assertContains(response, "Lead: Home Office")


def test_it_adds_an_item_with_its_lead(secretariat_client, meeting):
    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/agenda/items/add/",
        {"agenda-item-number": "3", "agenda-item-title": "Victim care", "agenda-item-lead": "MOJ"},
    )

    item = AgendaItem.objects.get()
    assertRedirects(response, f"/meetings/{meeting.pk}/agenda/#item-{item.pk}", fetch_redirect_response=False)
    assert (item.number, item.lead) == (3, "MOJ")


def test_an_item_without_a_title_is_refused_keeping_the_lead(secretariat_client, meeting):
    response = secretariat_client.post(
        f"/meetings/{meeting.pk}/agenda/items/add/",
        {"agenda-item-number": "3", "agenda-item-title": "", "agenda-item-lead": "MOJ"},
    )

    assertContains(response, "Enter the title of the agenda item")
    assertContains(response, 'value="MOJ"')


def test_the_standing_first_item_is_offered_and_added_first(secretariat_client, item):
    assertContains(secretariat_client.get(f"/meetings/{item.meeting_id}/agenda/"), STANDING_FIRST_ITEM)

    secretariat_client.post(f"/meetings/{item.meeting_id}/agenda/standing-item/")

    first = AgendaItem.objects.filter(meeting=item.meeting_id).order_by("position").first()
    assert (first.number, first.title) == (1, STANDING_FIRST_ITEM)
    assertNotContains(secretariat_client.get(f"/meetings/{item.meeting_id}/agenda/"), "as the first item")


def test_the_minutes_are_taken_on_the_agendas_items(secretariat_client, item):
    assertContains(secretariat_client.get(f"/meetings/{item.meeting_id}/record/"), "2. Activity update")


def test_it_adds_a_pdf_paper_listed_with_its_type_and_size(secretariat_client, item, media):
    upload(secretariat_client, item, PDF)

    paper = Paper.objects.get()
    assert (paper.kind, paper.size, paper.file_name) == ("pdf", len(PDF), "paper.pdf")
    assert (media / paper.file.name).read_bytes() == PDF
    assertContains(secretariat_client.get(f"/meetings/{item.meeting_id}/agenda/"), "PDF, 1 KB")
    assert paper.history.get().history_type == "+"


@pytest.mark.parametrize(("content", "kind"), [(DOCX, "docx"), (ODS, "ods")])
def test_office_files_are_told_apart_by_their_content(secretariat_client, item, content, kind):
    upload(secretariat_client, item, content, name="Paper.bin")

    paper = Paper.objects.get()
    assert paper.kind == kind
    assert paper.file_name == f"Paper.{kind}"


@pytest.mark.parametrize(
    "content", [b"MZ\x90\x00 a program", b"<script>alert(1)</script>", office_file({"evil.txt": "x"})]
)
def test_a_file_of_another_type_is_refused_at_the_field_keeping_the_title(secretariat_client, item, content):
    response = upload(secretariat_client, item, content, name="paper.pdf", title="My paper")

    assertContains(response, "The file must be a PDF, DOCX, ODT, XLSX, ODS or PPTX")
    assertContains(response, 'value="My paper"')
    assert not Paper.objects.exists()


def test_a_file_too_large_is_refused_saying_the_limit(secretariat_client, item, settings):
    settings.PAPER_MAX_MEGABYTES = 1

    response = upload(secretariat_client, item, PDF + b"0" * (1024 * 1024))

    assertContains(response, "The file must be smaller than 1 MB")
    assertContains(response, "up to 1 MB")
    assert not Paper.objects.exists()


def test_names_with_folders_or_scripts_are_made_safe(secretariat_client, item):
    upload(secretariat_client, item, PDF, name="../../etc/<script>alert(1)</script> passwd.pdf")

    paper = Paper.objects.get()
    assert paper.file_name == "script_passwd.pdf"
    assert ".." not in paper.file.name


def test_a_paper_downloads_under_its_safe_name_with_its_checked_type(secretariat_client, item):
    paper = PaperFactory(agenda_item=item)

    response = secretariat_client.get(f"/meetings/{item.meeting_id}/papers/{paper.pk}/")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{paper.file_name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_paper_of_a_draft_meeting_is_not_downloadable_by_a_department_user(department_client, item):
    paper = PaperFactory(agenda_item=item)

    assert department_client.get(f"/meetings/{item.meeting_id}/papers/{paper.pk}/").status_code == 403


def test_a_paper_of_circulated_minutes_is_downloadable_by_a_department_user(department_client, item, meeting):
    paper = PaperFactory(agenda_item=item)
    meeting.status = MinutesStatus.CIRCULATED
    meeting.save()

    assert department_client.get(f"/meetings/{item.meeting_id}/papers/{paper.pk}/").status_code == 200


def test_another_meetings_paper_is_not_found_through_this_one(secretariat_client, item):
    paper = PaperFactory(agenda_item=AgendaItemFactory(meeting=MeetingFactory(group=item.meeting.group)))

    assert secretariat_client.get(f"/meetings/{item.meeting_id}/papers/{paper.pk}/").status_code == 404


def test_removing_a_paper_asks_first_then_removes_it_and_its_file_keeping_the_history(secretariat_client, item, media):
    paper = PaperFactory(agenda_item=item)
    stored = media / paper.file.name

    assertContains(secretariat_client.get(f"/meetings/{item.meeting_id}/papers/{paper.pk}/remove/"), "Are you sure")
    secretariat_client.post(f"/meetings/{item.meeting_id}/papers/{paper.pk}/remove/")

    assert not Paper.objects.exists()
    assert not stored.exists()
    assert Paper.history.filter(history_type="-").exists()


def test_uploads_and_removals_are_in_the_meetings_history(secretariat_client, item, changes_listed):
    upload(secretariat_client, item, PDF, title="Paper 2")
    paper = Paper.objects.get()
    secretariat_client.post(f"/meetings/{item.meeting_id}/papers/{paper.pk}/remove/")

    headings = [
        change["heading"] for change in changes_listed(secretariat_client.get(f"/meetings/{item.meeting_id}/history/"))
    ]

    assert any("Paper" in heading and "Paper 2" in heading for heading in headings[:2])
    assert len([heading for heading in headings if "Paper 2" in heading]) == 2


def published_minutes(meeting):
    meeting.status = MinutesStatus.PUBLISHED
    meeting.published_at = timezone.now()
    meeting.save()
    return "/published/idmg/2013-03-11/"


def test_a_public_paper_is_published_with_the_minutes(client, item):
    paper = PaperFactory(agenda_item=item, public=True, title="Paper 2: Activity update")
    page = published_minutes(item.meeting)

    response = client.get(page)

    assertContains(response, "Paper 2: Activity update")
    assert client.get(f"{page}papers/{paper.pk}/")["Content-Type"] == "application/pdf"


def test_a_paper_not_marked_public_is_not_published(client, item):
    paper = PaperFactory(agenda_item=item, title="Restricted paper")
    page = published_minutes(item.meeting)

    assertNotContains(client.get(page), "Restricted paper")
    assert client.get(f"{page}papers/{paper.pk}/").status_code == 404


def test_a_public_paper_of_unpublished_minutes_is_not_published(client, item):
    paper = PaperFactory(agenda_item=item, public=True)

    assert client.get(f"/published/idmg/2013-03-11/papers/{paper.pk}/").status_code == 404


def test_the_agenda_downloads_as_a_pdf_and_a_word_document(secretariat_client, item):
    PaperFactory(agenda_item=item, title="Paper 2")

    pdf = secretariat_client.get(f"/meetings/{item.meeting_id}/agenda.pdf")
    docx = secretariat_client.get(f"/meetings/{item.meeting_id}/agenda.docx")

    assert pdf.content.startswith(b"%PDF-")
    assert pdf["Content-Disposition"] == 'attachment; filename="IDMG-2013-03-11-agenda.pdf"'
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        text = archive.read("word/document.xml").decode()
    assert "2. Activity update" in text
    assert "Lead: Home Office" in text
    assert "Paper 2 (PDF, 1 KB)" in text


def test_a_long_unbroken_title_wraps_within_the_pdfs_page(secretariat_client, item):
    item.title = "x" * 300
    item.save()

    pdf = secretariat_client.get(f"/meetings/{item.meeting_id}/agenda.pdf")

    text = pypdf.PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert text.count("x") == 300
    assert max(len(line) for line in text.splitlines()) < 150


def test_another_format_is_not_found(secretariat_client, item):
    assert secretariat_client.get(f"/meetings/{item.meeting_id}/agenda.exe").status_code == 404


def test_a_department_user_may_not_download_a_draft_agenda(department_client, item):
    assert department_client.get(f"/meetings/{item.meeting_id}/agenda.pdf").status_code == 403


def test_an_items_lead_is_changed(secretariat_client, item):
    response = secretariat_client.post(
        f"/meetings/{item.meeting_id}/agenda/items/{item.pk}/edit/",
        {
            f"item-{item.pk}-number": "2",
            f"item-{item.pk}-title": "Activity update",
            f"item-{item.pk}-lead": "MOJ",
            f"item-{item.pk}-version": item.version,
        },
    )

    assertRedirects(response, f"/meetings/{item.meeting_id}/agenda/#item-{item.pk}", fetch_redirect_response=False)
    item.refresh_from_db()
    assert item.lead == "MOJ"


def test_a_change_over_someone_elses_is_refused_keeping_what_was_typed(secretariat_client, item):
    response = secretariat_client.post(
        f"/meetings/{item.meeting_id}/agenda/items/{item.pk}/edit/",
        {
            f"item-{item.pk}-number": "2",
            f"item-{item.pk}-title": "Mine",
            f"item-{item.pk}-lead": "MOJ",
            f"item-{item.pk}-version": item.version + 5,
        },
    )

    assertContains(response, "Someone else saved a change")
    assertContains(response, 'value="Mine"')
