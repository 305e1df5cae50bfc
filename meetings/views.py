import copy

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from actions.models import Action
from meetings.forms import MeetingForm
from meetings.models import Group, Meeting
from meetings.workspace import Section, load_meeting, render_workspace


@require_GET
def home(request):
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
    meetings = group.meetings.all()
    return render(
        request,
        "meetings/group.html",
        {"group": group, "upcoming": meetings.upcoming(), "past": meetings.past(), "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def meeting_create(request, slug):
    group = get_object_or_404(Group, slug=slug)
    form = MeetingForm(request.POST or None, instance=Meeting(group=group))
    if form.is_valid():
        meeting = form.save()
        messages.success(request, f"Meeting on {meeting.date:%-d %B %Y} created. Now take the register.")
        return redirect(meeting.get_record_url())
    return render(request, "meetings/meeting_form.html", {"form": form, "group": group, "nav": "meetings"})


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
    # The form writes what was typed onto its instance; the page goes on showing the meeting as saved.
    form = MeetingForm(request.POST or None, instance=copy.copy(meeting))
    if form.is_valid():
        form.save()
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
    return render(
        request,
        "meetings/minutes.html",
        {"meeting": meeting, "matters_arising": Action.objects.reviewed_at(meeting), "nav": "meetings"},
    )


@require_GET
def record(request, pk):
    meeting = load_meeting(pk)
    return render_workspace(request, meeting, section=Section.parse(request.GET.get("section"), meeting))
