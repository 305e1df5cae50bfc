"""Add, change, remove and reorder the rows of a meeting's minutes.

The register's attendees and apologies, agenda items, their paragraphs and their actions all
work the same way, so one set of views serves them all, each told which kind of row it handles.
With htmx only what changed comes back: a new row with the add form again, the two rows that
swapped places, a changed row alone (or, for what changes more, its section), the controls of the
row that took a removed one's place; without JavaScript the same forms post and redirect back to
the page.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db.models import ProtectedError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from actions.forms import ActionForm
from actions.models import Action
from meetings.access import secretariat_meeting
from meetings.forms import AgendaItemForm, ApologyForm, AttendeeForm, ParagraphForm
from meetings.models import AgendaItem, Apology, Attendee, Paragraph
from minutes.contents import with_minutes
from minutes.recording import (
    ROW_NAMES,
    Section,
    announced,
    render_added,
    render_moved,
    render_recording_page,
    render_removed,
    render_row,
    row_siblings,
    shown_rows,
)


@dataclass(frozen=True)
class RowKind:
    name: str
    model: type
    form_class: type
    in_item: bool = False
    """Whether rows of this kind belong to an agenda item rather than directly to the meeting."""
    kept_message: str = ""
    """Why a row that holds progress updates cannot be removed, formatted with ``row``."""

    def section(self, meeting, row=None, item=None):
        """The section of the recording page that rows of this kind are in: the agenda item's, for
        rows in an item."""
        if self.in_item:
            return Section.parse(f"item-{item.pk if item else row.agenda_item_id}", meeting)
        return Section.parse(
            {"attendee": "attendees", "apology": "apologies", "agenda_item": "agenda"}[self.name], meeting
        )

    def is_kept(self, row):
        """Whether updates keep the row on the record, so it cannot be removed."""
        return bool(self.kept_message) and row.has_updates

    def announcement(self, row, done):
        """What a screen reader is told after a change: "Attendee added"."""
        return f"{row._meta.verbose_name.capitalize()} {done}"

    def form(self, meeting, item=None, row=None, data=None, author=None):
        parent = {"agenda_item": item} if self.in_item else {"meeting": meeting}
        if getattr(self.form_class, "records_author", False):
            parent["author"] = author
        if row is not None:
            prefix = f"{self.name}-{row.pk}"
        elif self.in_item:
            prefix = f"item-{item.pk}-{self.name}"
        else:
            prefix = self.name.replace("_", "-")
        return self.form_class(data=data, instance=row, prefix=prefix, **parent)

    def siblings(self, row):
        """The primary keys of the row's list (its item's, or its meeting's), in order."""
        return row_siblings(self.name, row)

    def get_row(self, meeting, pk):
        if self.in_item:
            rows = self.model.objects.select_related("agenda_item").filter(agenda_item__meeting=meeting)
        else:
            rows = self.model.objects.filter(meeting=meeting)
        return get_object_or_404(rows, pk=pk)

    def urls(self, plural):
        """URL patterns for this kind of row, named ``<name>-add``, ``-edit``, ``-delete``, ``-move``."""
        add_route = f"items/<int:item_pk>/{plural}/add/" if self.in_item else f"{plural}/add/"
        return [
            path(add_route, add_row, {"kind": self}, name=f"{self.name}-add"),
            path(f"{plural}/<int:pk>/edit/", edit_row, {"kind": self}, name=f"{self.name}-edit"),
            path(f"{plural}/<int:pk>/delete/", delete_row, {"kind": self}, name=f"{self.name}-delete"),
            path(f"{plural}/<int:pk>/move/", move_row, {"kind": self}, name=f"{self.name}-move"),
        ]


def recorded_meeting(request, pk):
    """Only the group's secretariat changes a meeting's rows, and only while the minutes are unapproved."""
    return secretariat_meeting(request, pk, unlocked=True, meetings=with_minutes())


ATTENDEE = RowKind("attendee", Attendee, AttendeeForm)
APOLOGY = RowKind("apology", Apology, ApologyForm)
AGENDA_ITEM = RowKind(
    "agenda_item",
    AgendaItem,
    AgendaItemForm,
    kept_message="Item {row.number} cannot be removed: updates have been recorded on its actions. "
    "Drop those actions instead, from their own pages, giving the reason.",
)
PARAGRAPH = RowKind("paragraph", Paragraph, ParagraphForm, in_item=True)
ACTION = RowKind(
    "action",
    Action,
    ActionForm,
    in_item=True,
    kept_message="Action {row.reference} cannot be removed: updates have been recorded on it. "
    "Drop it instead, from its own page, giving the reason.",
)


def after_change(request, meeting, section, announcement):
    """After a change: the fresh section for htmx, otherwise back to the page at that section.

    htmx changes no page, so the ``announcement`` ("Attendee added") is read out by screen readers;
    without JavaScript the page it goes back to shows it in a success banner.
    """
    if request.htmx:
        meeting = get_object_or_404(with_minutes(), pk=meeting.pk)
        response = render_recording_page(request, meeting, section=Section.parse(section.element_id, meeting))
        return announced(response, announcement)
    messages.success(request, announcement)
    return HttpResponseRedirect(f"{meeting.get_record_url()}#{section.element_id}")


@require_http_methods(["GET", "POST"])
def add_row(request, meeting_pk, kind, item_pk=None):
    """Add a row at the end of its list. With htmx the new row comes back with the add form again and
    the little beside it that changes; the rest of the minutes is not fetched."""
    meeting = secretariat_meeting(request, meeting_pk, unlocked=True)
    item = None
    if kind.in_item:
        item = next((item for item in meeting.agenda_items.all() if item.pk == item_pk), None)
        if item is None:
            raise Http404("No such agenda item in this meeting")
    if request.method == "GET":
        # The address a form with a problem was shown at, opened again: the form is on the recording page.
        return HttpResponseRedirect(f"{meeting.get_record_url()}#{kind.section(meeting, item=item).element_id}")
    form = kind.form(meeting, item=item, data=request.POST, author=request.user)
    saved = form.is_valid() and form.save_unless_conflict()
    announcement = kind.announcement(form.instance, "added")
    if request.htmx:
        if not saved:
            return render_added(request, meeting, kind.name, form, item)
        siblings, fresh_form = kind.siblings(form.instance), kind.form(meeting, item=item)
        return announced(
            render_added(request, meeting, kind.name, form, item, siblings=siblings, fresh_form=fresh_form),
            announcement,
        )
    if not saved:
        meeting = get_object_or_404(with_minutes(), pk=meeting.pk)
        return render_recording_page(request, meeting, section=kind.section(meeting, item=item), form=form)
    messages.success(request, announcement)
    return HttpResponseRedirect(f"{meeting.get_record_url()}#{kind.section(meeting, item=item).element_id}")


@require_http_methods(["GET", "POST"])
def edit_row(request, meeting_pk, kind, pk):
    """Change a row. With htmx only the row comes back (an agenda item, which holds rows, comes back
    with its section): its form, then the row as saved."""
    alone = request.htmx and kind.name in ROW_NAMES
    # A row alone needs none of the rest of the minutes.
    if alone:
        meeting = secretariat_meeting(request, meeting_pk, unlocked=True)
    else:
        meeting = recorded_meeting(request, meeting_pk)
    row = kind.get_row(meeting, pk)
    item = getattr(row, "agenda_item", None)
    form = kind.form(meeting, item=item, row=row, data=request.POST or None, author=request.user)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        if alone:
            shown = shown_rows(kind.name, meeting).get(pk=pk)
            saved = render_row(request, meeting, kind.name, shown, kind.siblings(row))
            return announced(saved, kind.announcement(row, "saved"))
        return after_change(request, meeting, kind.section(meeting, row=row), kind.announcement(row, "saved"))
    if alone:
        return render_row(request, meeting, kind.name, row, kind.siblings(row), form=form)
    return render_recording_page(request, meeting, section=kind.section(meeting, row=row), form=form, editing=row)


@require_http_methods(["GET", "POST"])
def delete_row(request, meeting_pk, kind, pk):
    """Remove a row, asking first. With htmx the row goes from the page and only what its going changes
    comes back (see ``render_removed``); the rest of the minutes is not fetched."""
    meeting = secretariat_meeting(request, meeting_pk, unlocked=True)
    row = kind.get_row(meeting, pk)
    if request.method == "GET":
        section = kind.section(meeting, row=row)
        # Without JavaScript the Remove link asks here first; with it, the browser's confirm does.
        return render(
            request,
            "minutes/remove_row.html",
            {
                "meeting": meeting,
                "row": row,
                "noun": row._meta.verbose_name,
                "kept_because": kind.kept_message.format(row=row) if kind.is_kept(row) else "",
                "holds_rows": kind is AGENDA_ITEM,
                "back": f"{meeting.get_record_url()}#{section.element_id}",
            },
        )
    siblings = kind.siblings(row) if request.htmx else None
    try:
        row.delete()
    except ProtectedError:
        messages.error(request, kind.kept_message.format(row=row))
        # The whole page, so that the message shows above the row that stayed.
        return (HttpResponseClientRedirect if request.htmx else HttpResponseRedirect)(meeting.get_record_url())
    announcement = kind.announcement(row, "removed")
    if request.htmx:
        return announced(render_removed(request, meeting, kind.name, row, pk, siblings), announcement)
    messages.success(request, announcement)
    return HttpResponseRedirect(f"{meeting.get_record_url()}#{kind.section(meeting, row=row).element_id}")


@require_POST
def move_row(request, meeting_pk, kind, pk):
    """Swap a row with its neighbour above or below. With htmx only the two rows come back."""
    meeting = secretariat_meeting(request, meeting_pk, unlocked=True)
    row = kind.get_row(meeting, pk)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        raise BadRequest("Move a row up or down")
    moved = row.move(direction)
    announcement = kind.announcement(row, f"moved {direction}")
    if request.htmx and moved:
        siblings = kind.siblings(row)
        place = siblings.index(row.pk)
        neighbour = siblings[place - 1] if direction == "down" else siblings[place + 1]
        upper, lower = (row.pk, neighbour) if direction == "down" else (neighbour, row.pk)
        return announced(render_moved(request, meeting, kind.name, upper, lower, siblings), announcement)
    # Not moved (it was already at the end, or someone removed it meanwhile): the section as it is now.
    return after_change(request, meeting, kind.section(meeting, row=row), announcement)
