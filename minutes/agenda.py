"""The agenda of a meeting, drafted by the secretariat before it: items with their numbers, titles and
leads, "Minutes of the last meeting and matters arising" first, and papers on the items.

The items are the meeting's agenda items, so the minutes are taken on them. The page prints as the
agenda (the forms are left off the print), and its papers download for whoever may read the meeting.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings.access import readable_agenda, secretariat_meeting
from meetings.forms import AgendaDraftItemForm, PaperForm
from meetings.models import STANDING_FIRST_ITEM, AgendaItem, Meeting, Paper
from minutes.documents import docx as minutes_docx
from minutes.documents.agenda import agenda_content, build_agenda_docx, build_agenda_pdf


def with_agenda():
    return Meeting.objects.prefetch_related(
        Prefetch("agenda_items", AgendaItem.objects.prefetch_related("papers")),
    )


def agenda_url(meeting, anchor="agenda-items"):
    return f"{meeting.get_agenda_url()}#{anchor}"


def render_agenda(request, meeting, *, item_form=None, paper_form=None, status=200):
    items = list(meeting.agenda_items.all())
    is_secretariat = meeting.group.is_served_by(request.user)
    may_change = is_secretariat and not meeting.is_locked
    if may_change:
        for item in items:
            item.paper_form = (
                paper_form
                if paper_form is not None and paper_form.instance.agenda_item_id == item.pk
                else PaperForm(agenda_item=item, prefix=f"item-{item.pk}-paper")
            )
    return render(
        request,
        "minutes/agenda.html",
        {
            "meeting": meeting,
            "items": items,
            "may_change": may_change,
            "is_secretariat": is_secretariat,
            "has_standing_item": any(item.title.lower().startswith("minutes of the") for item in items),
            "standing_item_title": STANDING_FIRST_ITEM,
            "item_form": item_form
            or (AgendaDraftItemForm(meeting=meeting, prefix="agenda-item") if may_change else None),
            "invalid_form": next((form for form in (item_form, paper_form) if form is not None and form.errors), None),
            "nav": "meetings",
        },
        status=status,
    )


@require_GET
def agenda(request, pk):
    meeting = readable_agenda(request, pk, with_agenda())
    return render_agenda(request, meeting)


@require_POST
def agenda_item_add(request, pk):
    meeting = secretariat_meeting(request, pk, unlocked=True, meetings=with_agenda())
    form = AgendaDraftItemForm(request.POST, meeting=meeting, prefix="agenda-item")
    if not (form.is_valid() and form.save_unless_conflict()):
        return render_agenda(request, meeting, item_form=form)
    messages.success(request, f"Item {form.instance.number} added to the agenda.")
    return HttpResponseRedirect(agenda_url(meeting, f"item-{form.instance.pk}"))


@require_POST
def standing_item_add(request, pk):
    meeting = secretariat_meeting(request, pk, unlocked=True)
    item = AgendaItem.objects.standing_first_item(meeting)
    messages.success(request, f"Item {item.number}, {item.title}, is first on the agenda.")
    return HttpResponseRedirect(agenda_url(meeting, f"item-{item.pk}"))


@require_http_methods(["GET", "POST"])
def paper_add(request, pk, item_pk):
    meeting = secretariat_meeting(request, pk, unlocked=True, meetings=with_agenda())
    item = next((item for item in meeting.agenda_items.all() if item.pk == item_pk), None)
    if item is None:
        raise Http404("No such agenda item in this meeting")
    if request.method == "GET":
        return HttpResponseRedirect(agenda_url(meeting, f"item-{item.pk}"))
    form = PaperForm(
        request.POST, request.FILES, agenda_item=item, uploaded_by=request.user, prefix=f"item-{item.pk}-paper"
    )
    if not form.is_valid():
        return render_agenda(request, meeting, paper_form=form)
    paper = form.save()
    messages.success(request, f"Paper “{paper.title}” added to item {item.number}.")
    return HttpResponseRedirect(agenda_url(meeting, f"item-{item.pk}"))


@require_http_methods(["GET", "POST"])
def paper_remove(request, pk, paper_pk):
    meeting = secretariat_meeting(request, pk, unlocked=True)
    paper = get_object_or_404(Paper.objects.select_related("agenda_item"), pk=paper_pk, agenda_item__meeting=meeting)
    if request.method == "GET":
        return render(request, "minutes/paper_remove.html", {"meeting": meeting, "paper": paper, "nav": "meetings"})
    stored = paper.file.name
    paper.delete()
    paper.file.storage.delete(stored)
    messages.success(request, f"Paper “{paper.title}” removed.")
    return HttpResponseRedirect(agenda_url(meeting, f"item-{paper.agenda_item_id}"))


@require_GET
def paper(request, pk, paper_pk):
    meeting = readable_agenda(request, pk)
    paper = get_object_or_404(Paper, pk=paper_pk, agenda_item__meeting=meeting)
    return paper_download(paper)


def paper_download(paper):
    """The paper as a download under its safe name, with the type its content was checked to be."""
    try:
        opened = paper.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("The paper's file is missing") from error
    response = FileResponse(
        opened, as_attachment=True, filename=paper.file_name, content_type=paper.paper_kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


AGENDA_FORMATS = {
    "pdf": ("application/pdf", build_agenda_pdf),
    "docx": (minutes_docx.CONTENT_TYPE, build_agenda_docx),
}


@require_GET
def agenda_document(request, pk, extension):
    """The agenda as a PDF or Word document, to circulate to the members."""
    if extension not in AGENDA_FORMATS:
        raise Http404("The agenda comes as PDF or DOCX")
    meeting = readable_agenda(request, pk, with_agenda())
    content_type, build = AGENDA_FORMATS[extension]
    content = agenda_content(meeting)
    response = HttpResponse(build(content), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{content.file_stem}.{extension}"'
    return response


@require_http_methods(["GET", "POST"])
def agenda_item_edit(request, pk, item_pk):
    """Change an item's number, title or lead; saved over nobody's change made meanwhile."""
    meeting = secretariat_meeting(request, pk, unlocked=True)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    form = AgendaDraftItemForm(request.POST or None, instance=item, meeting=meeting, prefix=f"item-{item.pk}")
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, f"Item {item.number} saved.")
        return HttpResponseRedirect(agenda_url(meeting, f"item-{item.pk}"))
    return render(
        request, "minutes/agenda_item_form.html", {"meeting": meeting, "item": item, "form": form, "nav": "meetings"}
    )
