"""The pages that show a meeting with its actions: the minutes, the recording page, matters arising
and the meeting's history."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods

from actions.forms import UpdateForm
from actions.models import Action
from meetings.access import readable_meeting, secretariat_meeting
from meetings.forms import MinutesStatusForm
from minutes.contents import with_minutes
from minutes.history import meeting_changes
from minutes.recording import Section, announced, render_recording_page


@require_GET
def minutes(request, pk):
    meeting = readable_meeting(request, pk, with_minutes())
    is_secretariat = meeting.group.is_served_by(request.user)
    return render(
        request,
        "minutes/minutes.html",
        {
            "meeting": meeting,
            "matters_arising": Action.objects.reviewed_at(meeting),
            "is_secretariat": is_secretariat,
            "status_form": MinutesStatusForm(meeting=meeting) if is_secretariat else None,
            "nav": "meetings",
        },
    )


@require_GET
def record(request, pk):
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
    meeting = secretariat_meeting(request, meeting_pk, unlocked=True, meetings=with_minutes())
    action = get_object_or_404(Action.objects.matters_arising(meeting).for_listing(), pk=pk)
    if request.method == "GET":
        # The address a refused update was shown at, opened again: the form is on the recording page.
        return HttpResponseRedirect(f"{meeting.get_record_url()}#arising-{action.pk}")
    form = UpdateForm(request.POST, action=action, meeting=meeting, prefix=f"arising-{action.pk}")
    if not (form.is_valid() and form.save_unless_conflict(author=request.user)):
        return render_recording_page(request, meeting, section=Section("matters-arising"), form=form)
    if request.htmx:
        meeting = get_object_or_404(with_minutes(), pk=meeting_pk)
        response = render_recording_page(request, meeting, section=Section("matters-arising"))
        return announced(response, f"Update recorded on {action.reference}")
    messages.success(request, f"Update recorded on {action.reference}")
    return HttpResponseRedirect(f"{meeting.get_record_url()}#arising-{action.pk}")
