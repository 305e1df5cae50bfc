import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from meetings import calendar
from meetings.access import department_of, secretariat_group, secretariat_meeting
from meetings.forms import MeetingForm, MinutesStatusForm
from meetings.models import Group, Meeting, MinutesStatus
from meetings.versioning import EditConflict


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


UPCOMING = 10
"""The next meetings the group's page lists; those after them are on the calendar subscription."""


@require_GET
def group(request, slug):
    """The group's next meetings, and its past meetings a year at a time, the latest year first."""
    group = get_object_or_404(Group, slug=slug)
    meetings = group.meetings.visible_to(request.user)
    today = timezone.localdate()
    years = [day.year for day in meetings.past(today).dates("date", "year", order="DESC")]
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else years[0] if years else None
    past = meetings.past(today).filter(date__year=year) if year else meetings.none()
    upcoming = list(meetings.upcoming(today)[: UPCOMING + 1])
    webcal, web = calendar.subscription_address(group)
    return render(
        request,
        "meetings/group.html",
        {
            "group": group,
            "upcoming": upcoming[:UPCOMING],
            "more_upcoming": len(upcoming) > UPCOMING,
            "past": past,
            "year": year,
            "years": years,
            "past_caption": f"Past meetings in {year}",
            "is_secretariat": group.is_served_by(request.user),
            "calendar_webcal": webcal,
            "calendar_web": web,
            "nav": "meetings",
        },
    )


def tell_of_next_meeting(request, meeting):
    """Make or link the next meeting the minutes name, and say so when it is new or newly linked."""
    linked_before = meeting.next_meeting_id
    next_meeting, created = meeting.schedule_next_meeting()
    if created:
        messages.info(
            request,
            f"The next meeting, on {next_meeting.date:%-d %B %Y}, has been added to the "
            f"{meeting.group.short_name} meetings.",
        )
    elif next_meeting is not None and next_meeting.pk != linked_before:
        messages.info(request, f"The next meeting is the meeting of {next_meeting.date:%-d %B %Y}, already on record.")


@require_http_methods(["GET", "POST"])
def meeting_create(request, slug):
    group = secretariat_group(request, slug)
    form = MeetingForm(request.POST or None, instance=Meeting(group=group))
    if form.is_valid():
        meeting = form.save()
        messages.success(request, f"Meeting on {meeting.date:%-d %B %Y} created. Now take the register.")
        tell_of_next_meeting(request, meeting)
        return redirect(meeting.get_record_url())
    return render(request, "meetings/meeting_form.html", {"form": form, "group": group, "nav": "meetings"})


@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = secretariat_meeting(request, pk, unlocked=True)
    # The form writes what was typed onto its instance; the page goes on showing the meeting as saved.
    form = MeetingForm(request.POST or None, instance=copy.copy(meeting))
    if form.is_valid() and form.save_unless_conflict():
        messages.success(request, "Meeting details saved.")
        form.instance.keep_previous_in_step()
        tell_of_next_meeting(request, form.instance)
        return redirect(meeting.get_record_url())
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "group": meeting.group, "meeting": meeting, "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def minutes_status(request, pk):
    """Move the minutes on a step, once the secretariat has read what the step does and confirmed it.

    The minutes page asks for the step (GET): this page says what will happen and posts the confirmation.
    """
    meeting = secretariat_meeting(request, pk)
    if request.method == "GET":
        form = MinutesStatusForm(meeting=meeting, initial={"approved_at": request.GET.get("approved_at")})
    else:
        form = MinutesStatusForm(request.POST, meeting=meeting, user=request.user)
        if form.is_valid():
            try:
                form.save()
            except ValidationError as error:
                form.add_error(None, error)
            except EditConflict:
                # Someone moved the minutes on in the moment between loading them and saving.
                form.add_error(None, MinutesStatusForm.MOVED_ON)
            else:
                messages.success(request, f"The minutes are now {meeting.get_status_display().lower()}.")
                if meeting.status == MinutesStatus.CIRCULATED:
                    tell_of_next_meeting(request, meeting)
                return redirect(meeting)
    asked = request.GET.get("transition")
    return render(
        request,
        "meetings/minutes_status.html",
        {
            "meeting": meeting,
            "form": form,
            "moved_on": request.method == "GET" and asked and asked != form.next_transition,
            "nav": "meetings",
        },
    )
