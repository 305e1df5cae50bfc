"""Import existing minutes: upload or paste, review beside the source, confirm; and paste a register.

Nothing becomes a meeting until the review is confirmed; until then the upload and what was read
from it are kept as an ``ImportRecord``, so the review can be taken up again.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from imports.forms import NO_MINUTES, ConfirmForm, ImportForm, PasteRegisterForm, SourceForm
from imports.matching import directory_for, mark_new_names, new_people
from imports.models import ImportRecord
from imports.parser import parse_minutes
from imports.saving import create_meeting, problems_of
from meetings.access import secretariat_group, secretariat_meeting
from meetings.forms import MeetingForm
from meetings.models import Department, Meeting, Person
from minutes.contents import with_minutes


@require_http_methods(["GET", "POST"])
def new_import(request, slug):
    group = secretariat_group(request, slug)
    bound = request.method == "POST"
    form = ImportForm(
        request.POST if bound else None, request.FILES if bound else None, directory=directory_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        record = ImportRecord(
            group=group,
            uploaded_by=request.user,
            file_name=form.file_name,
            source_text=form.source_text,
            parsed=form.minutes.as_json(),
        )
        if form.content:
            record.file.save(form.file_name or "minutes", ContentFile(form.content), save=False)
        record.save()
        return redirect(record)
    return render(request, "imports/new.html", {"group": group, "form": form, "nav": "meetings"})


def import_in_review(request, pk):
    """The import, if the user is on its group's secretariat; otherwise 403."""
    record = get_object_or_404(ImportRecord.objects.select_related("group", "uploaded_by", "meeting"), pk=pk)
    if not record.group.is_served_by(request.user):
        raise PermissionDenied("Only the group's secretariat can import its minutes.")
    return record


def meeting_details(minutes):
    """The meeting form's starting values, from what was read."""

    def date(value):
        try:
            return datetime.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def time(value):
        try:
            return datetime.time.fromisoformat(value) if value else None
        except ValueError:
            return None

    return {
        "date": date(minutes.date),
        "start_time": time(minutes.start_time),
        "end_time": time(minutes.end_time),
        "place": minutes.place[:200],
        "next_meeting_date": date(minutes.next_meeting_date),
        "next_meeting_start_time": time(minutes.next_meeting_start_time),
        "next_meeting_end_time": time(minutes.next_meeting_end_time),
        "next_meeting_place": minutes.next_meeting_place[:200],
    }


def later_minutes_exist(record, minutes):
    date = meeting_details(minutes)["date"]
    return bool(date) and Meeting.objects.filter(group=record.group, date__gt=date).exists()


def sections_with_source(record, minutes):
    """Each section of the minutes with its source lines and its number, for the review page."""
    lines = record.source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sections = []
    for index, section in enumerate(minutes.sections):
        sections.append(
            {
                "index": index,
                "kind": section.kind,
                "first": section.first,
                "last": section.last,
                "item": minutes.items[section.item] if section.item is not None else None,
                "source": "\n".join(lines[section.first - 1 : section.last]),
                # Tall enough for the text as it wraps in half the page, some 60 characters a line.
                "rows": max(3, min(20, sum(1 + len(line) // 60 for line in lines[section.first - 1 : section.last]))),
            }
        )
    return sections


def render_review(request, record, *, meeting_form=None, confirm_form=None, source_form=None, status=200):
    minutes = record.minutes
    unknown = mark_new_names(minutes, request.user)
    later = later_minutes_exist(record, minutes)
    if meeting_form is None:
        meeting_form = MeetingForm(
            prefix="meeting", instance=Meeting(group=record.group), initial=meeting_details(minutes)
        )
    if confirm_form is None:
        confirm_form = ConfirmForm(
            prefix="confirm", new_departments=unknown, actions=minutes.actions, later_minutes=later
        )
    sections = sections_with_source(record, minutes)
    owner_fields = iter(confirm_form[name] for name in confirm_form.owner_fields)
    for item in minutes.items:
        for action in item.actions:
            action.owners_field = next(owner_fields)
    return render(
        request,
        "imports/review.html",
        {
            "record": record,
            "group": record.group,
            "minutes": minutes,
            "sections": sections,
            "details": meeting_details(minutes),
            "problems": problems_of(minutes),
            "new_departments": unknown,
            "new_people": new_people(minutes),
            "departments": Department.objects.known_to(request.user).only("short_name", "name"),
            "meeting_form": meeting_form,
            "confirm_form": confirm_form,
            "source_form": source_form,
            "action_fields": [confirm_form[name] for name in confirm_form.action_fields],
            "later_minutes": later,
            "nav": "meetings",
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def review(request, pk):
    record = import_in_review(request, pk)
    if not record.is_in_review:
        if record.meeting_id:
            messages.info(request, f"This import was confirmed as the meeting of {record.meeting.date:%-d %B %Y}.")
            return redirect(record.meeting.get_record_url())
        messages.info(request, "This import was discarded.")
        return redirect(record.group)
    if request.method == "GET":
        return render_review(request, record)
    # Read the source again, as changed section by section.
    minutes = record.minutes
    source_form = SourceForm(request.POST, sections=minutes.sections)
    if not source_form.is_valid():
        return render_review(request, record, source_form=source_form)
    text = source_form.source_text()
    parsed = parse_minutes(text, directory_for(request.user))
    if parsed.is_empty:
        source_form.add_error(None, NO_MINUTES)
        return render_review(request, record, source_form=source_form)
    record.source_text, record.parsed = text, parsed.as_json()
    record.save(update_fields=["source_text", "parsed"])
    messages.success(request, "The source text was read again. Check what was understood.")
    return redirect(record)


@require_POST
def confirm(request, pk):
    with transaction.atomic():
        record = import_in_review(request, pk)
        record = ImportRecord.objects.select_for_update().select_related("group").get(pk=record.pk)
        if not record.is_in_review:
            return redirect(record)
        minutes = record.minutes
        unknown = mark_new_names(minutes, request.user)
        meeting_form = MeetingForm(request.POST, prefix="meeting", instance=Meeting(group=record.group))
        confirm_form = ConfirmForm(
            request.POST,
            prefix="confirm",
            new_departments=unknown,
            actions=minutes.actions,
            later_minutes=later_minutes_exist(record, minutes),
        )
        forms_valid = meeting_form.is_valid() & confirm_form.is_valid()
        if not forms_valid or problems_of(minutes):
            return render_review(request, record, meeting_form=meeting_form, confirm_form=confirm_form)
        details = {name: meeting_form.cleaned_data[name] for name in meeting_details(minutes)}
        meeting = create_meeting(
            record,
            minutes,
            details=details,
            user=request.user,
            closed_actions=confirm_form.closed_actions,
            owners=confirm_form.owners,
        )
    messages.success(
        request, f"The minutes of {meeting.date:%-d %B %Y} were imported as a draft. Check them, then circulate them."
    )
    return redirect(meeting.get_record_url())


@require_POST
def discard(request, pk):
    record = import_in_review(request, pk)
    if record.is_in_review:
        record.status = ImportRecord.Status.DISCARDED
        record._change_reason = "Discarded"
        record.save(update_fields=["status"])
        messages.success(request, f"The import of {record.source_name} was discarded. No meeting was made.")
    return redirect(record.group)


REGISTER_KINDS = {"attendees": "attendees", "apologies": "apologies"}


@require_http_methods(["GET", "POST"])
def paste_register(request, pk, kind):
    meeting = secretariat_meeting(request, pk, unlocked=True, meetings=with_minutes())
    if kind not in REGISTER_KINDS:
        raise PermissionDenied("Paste attendees or apologies.")
    form = PasteRegisterForm(request.POST or None, directory=directory_for(request.user), kind=kind)
    confirming = request.method == "POST" and "add" in request.POST
    unknown = []
    if request.method == "POST" and form.is_valid():
        names = list(dict.fromkeys(row.department for row in form.rows))
        unknown = [name for name in names if not Department.objects.named(name)]
        if confirming and (not unknown or request.POST.get("add_departments")):
            added = add_register_rows(meeting, kind, form.rows)
            noun = "attendee" if kind == "attendees" else "apology"
            plural = "attendees" if kind == "attendees" else "apologies"
            messages.success(request, f"{added} {noun if added == 1 else plural} added from the pasted register")
            return redirect(f"{meeting.get_record_url()}#{kind}")
        if confirming and unknown:
            form.add_error(
                "add_departments", "Confirm the new departments, or correct their names and read the lines again"
            )
    closest = {name: Department.objects.known_to(request.user).closest(name) for name in unknown}
    return render(
        request,
        "imports/paste_register.html",
        {
            "meeting": meeting,
            "kind": kind,
            "form": form,
            "rows": form.rows if form.is_bound and not form.errors.get("text") else [],
            "not_rows": form.not_rows,
            "unknown": [(name, closest[name]) for name in unknown],
            "nav": "meetings",
        },
    )


@transaction.atomic
def add_register_rows(meeting, kind, rows):
    """Add the pasted rows to the end of the meeting's attendees or apologies."""
    model = meeting.attendees.model if kind == "attendees" else meeting.apologies.model
    for row in rows:
        # Each takes the next position as it is saved (Positioned.save), after the rows already there.
        fields = {
            "meeting": meeting,
            "department": Department.objects.resolve(row.department),
            "person": Person.objects.resolve(row.person),
        }
        if kind == "attendees":
            fields.update(deputising_for=Person.objects.resolve(row.deputising_for), role=row.role, remote=row.remote)
        model(**fields).save()
    return len(rows)
