import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from actions.models import Action
from meetings.access import (
    can_read_minutes,
    department_of,
    group_secretariat_required,
    secretariat_required,
    serves,
    unlocked_minutes_required,
)
from meetings.forms import MeetingForm, MinutesStatusForm
from meetings.history import meeting_changes
from meetings.models import Group, Meeting
from meetings.versioning import EditConflict
from meetings.workspace import Section, load_meeting, render_workspace


@require_GET
def home(request):
    department = department_of(request.user)
    if department is not None:
        return redirect(department.current())
    groups = list(Group.objects.all()[:2])
    if len(groups) == 1:
        return redirect(groups[0])
    return redirect("meetings:groups")


@require_GET
def groups(request):
    return render(request, "meetings/groups.html", {"groups": Group.objects.all(), "nav": "meetings"})


@require_GET
def group(request, slug):
    group = get_object_or_404(Group, slug=slug)
    meetings = group.meetings.visible_to(request.user)
    return render(
        request,
        "meetings/group.html",
        {
            "group": group,
            "upcoming": meetings.upcoming(),
            "past": meetings.past(),
            "is_secretariat": serves(request.user, group),
            "nav": "meetings",
        },
    )


@require_http_methods(["GET", "POST"])
@group_secretariat_required
def meeting_create(request, slug):
    group = get_object_or_404(Group, slug=slug)
    form = MeetingForm(request.POST or None, instance=Meeting(group=group))
    if form.is_valid():
        meeting = form.save()
        messages.success(request, f"Meeting on {meeting.date:%-d %B %Y} created. Now take the register.")
        return redirect(meeting.get_record_url())
    return render(request, "meetings/meeting_form.html", {"form": form, "group": group, "nav": "meetings"})


@require_http_methods(["GET", "POST"])
@secretariat_required
@unlocked_minutes_required
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    # The form writes what was typed onto its instance; the page goes on showing the meeting as saved.
    form = MeetingForm(request.POST or None, instance=copy.copy(meeting))
    if form.is_valid():
        try:
            form.save()
        except EditConflict:
            form.add_error(None, "Someone else saved a change to this at the same moment. Check it and save again.")
        else:
            messages.success(request, "Meeting details saved.")
            return redirect(meeting.get_record_url())
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "group": meeting.group, "meeting": meeting, "nav": "meetings"},
    )


@require_GET
def minutes(request, pk):
    meeting = load_meeting(pk)
    if not can_read_minutes(request.user, meeting):
        raise PermissionDenied("These minutes are still a draft: only the group's secretariat can read them.")
    is_secretariat = serves(request.user, meeting.group)
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "matters_arising": Action.objects.reviewed_at(meeting),
            "is_secretariat": is_secretariat,
            "status_form": MinutesStatusForm(meeting=meeting) if is_secretariat else None,
            "nav": "meetings",
        },
    )


@require_POST
@secretariat_required
def minutes_status(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    form = MinutesStatusForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            form.save()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The minutes are now {meeting.get_status_display().lower()}.")
    else:
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
    return redirect(meeting)


@require_GET
@secretariat_required
@unlocked_minutes_required
def record(request, pk):
    meeting = load_meeting(pk)
    return render_workspace(request, meeting, section=Section.parse(request.GET.get("section"), meeting))


@require_GET
def history(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    if not can_read_minutes(request.user, meeting):
        raise PermissionDenied("These minutes are still a draft: only the group's secretariat can see their history.")
    return render(
        request, "meetings/history.html", {"meeting": meeting, "changes": meeting_changes(meeting), "nav": "meetings"}
    )
