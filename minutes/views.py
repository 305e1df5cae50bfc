"""The pages that show a meeting with its actions: the minutes, the recording page, matters arising
and the meeting's history."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods

from actions.forms import UpdateForm
from actions.models import Action, as_arising
from meetings.access import readable_meeting, secretariat_meeting
from meetings.forms import MinutesStatusForm
from minutes.contents import reviewed_page, with_minutes
from minutes.history import meeting_changes
from minutes.recording import (
    Section,
    announced,
    arising_addresses,
    arising_page_of,
    blank_update,
    render_recording_page,
    render_shown_row,
    shown_row_id,
)


@require_GET
def minutes(request, pk):
    meeting = readable_meeting(request, pk, with_minutes(update_counts=False))
    is_secretariat = meeting.group.is_served_by(request.user)
    arising = reviewed_page(meeting, request.GET.get("arising"))
    return render(
        request,
        "minutes/minutes.html",
        {
            "meeting": meeting,
            "matters_arising": arising.object_list,
            "arising_page": arising,
            "is_secretariat": is_secretariat,
            "status_form": MinutesStatusForm(meeting=meeting) if is_secretariat else None,
            "nav": "meetings",
        },
    )


@require_GET
def record(request, pk):
    shown = shown_row_id(request.GET.get("section")) if request.htmx else None
    if shown:
        # A change cancelled: the row alone, without the rest of the minutes.
        return render_shown_row(request, secretariat_meeting(request, pk, unlocked=True), *shown)
    meeting = secretariat_meeting(request, pk, unlocked=True, meetings=with_minutes())
    return render_recording_page(request, meeting, section=Section.parse(request.GET.get("section"), meeting))


@require_GET
def history(request, pk):
    meeting = readable_meeting(request, pk)
    return render(
        request, "minutes/history.html", {"meeting": meeting, "changes": meeting_changes(meeting), "nav": "meetings"}
    )


@require_http_methods(["GET", "POST"])
def matters_arising_update(request, meeting_pk, pk):
    """Record the update given at the meeting on one of its matters arising.

    With htmx only that action's row comes back, with the count of those reviewed beside it;
    without JavaScript, the recording page at the page of matters arising that shows the action.
    """
    meeting = secretariat_meeting(request, meeting_pk, unlocked=True)
    action = get_object_or_404(Action.objects.matters_arising(meeting).for_listing(today=meeting.date), pk=pk)

    def back(page):
        return HttpResponseRedirect(
            f"{meeting.get_record_url()}{f'?arising={page}' if page > 1 else ''}#arising-{action.pk}"
        )

    if request.method == "GET":
        # The address a refused update was shown at, opened again: the form is on the recording page.
        return back(arising_page_of(meeting, action))
    form = UpdateForm(request.POST, action=action, meeting=meeting, prefix=f"arising-{action.pk}")
    saved = form.is_valid() and form.save_unless_conflict(author=request.user)
    if request.htmx:
        if saved:
            # Saved as it was fetched, with the new update among its updates: only its overdue tag may change.
            action.is_overdue = action.overdue_on(meeting.date)
        [action] = as_arising([action], meeting)
        arising_addresses(meeting)(action, None if saved else form)
        context = {
            "meeting": meeting,
            "action": action,
            "arising_counts": Action.objects.arising_counts(meeting),
            "blank_update": blank_update(),
        }
        response = render(request, "minutes/record.html#arising-update", {**context, "oob": True})
        return announced(response, f"Update recorded on {action.reference}") if saved else response
    page = arising_page_of(meeting, action)
    if not saved:
        meeting = get_object_or_404(with_minutes(), pk=meeting_pk)
        return render_recording_page(request, meeting, form=form, arising_page=page)
    messages.success(request, f"Update recorded on {action.reference}")
    return back(page)
