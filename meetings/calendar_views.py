"""Calendar files: "Add to calendar" for a meeting and for the next meeting its minutes name, and each
group's calendar subscription.

A calendar program fetches a subscription on its own, without a session, so the subscription's address
carries a secret instead (``calendar.subscription_token``), shown to people signed in. What it holds is
only when and where the group meets, with a link that asks for sign-in: no minutes.
"""

import datetime
import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from meetings import calendar
from meetings.access import readable_meeting
from meetings.models import Group

SUBSCRIPTION_PAST_DAYS = 90
"""How far back a subscription goes: recent meetings stay in people's calendars."""

SUBSCRIPTION_SIZE = 200


def calendar_response(ics, filename, *, download=True):
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"attachment" if download else "inline"}; filename="{filename}"'
    return response


def _safe(name):
    """A name for a file: letters, digits and hyphens only, so that it cannot break the header it is sent in."""
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-") or "meeting"


def _filename(group, date, what):
    return f"{_safe(group.short_name)}-{date:%Y-%m-%d}-{what}.ics"


@require_safe
def meeting_calendar(request, pk):
    meeting = readable_meeting(request, pk)
    ics = calendar.calendar([calendar.of_meeting(meeting)], name=f"{meeting.group.short_name} meetings")
    return calendar_response(ics, _filename(meeting.group, meeting.date, "meeting"))


@require_safe
def next_meeting_calendar(request, pk):
    meeting = readable_meeting(request, pk)
    appointment = calendar.of_next_meeting(meeting, calendar.recorded_next_meeting(meeting))
    if appointment is None:
        raise Http404("These minutes name no next meeting")
    ics = calendar.calendar([appointment], name=f"{meeting.group.short_name} meetings")
    return calendar_response(ics, _filename(meeting.group, appointment.date, "meeting"))


@require_safe
@login_not_required
def group_calendar(request, slug, token):
    group = get_object_or_404(Group, slug=slug)
    if not calendar.is_subscription_token(group, token):
        raise Http404("No such calendar")
    since = timezone.localdate() - datetime.timedelta(days=SUBSCRIPTION_PAST_DAYS)
    meetings = list(group.meetings.filter(date__gte=since).order_by("date", "pk")[:SUBSCRIPTION_SIZE])
    # A next meeting the minutes announced and nobody has recorded yet is in the calendar too.
    announced = list(
        group.meetings.filter(next_meeting_date__gte=since)
        .exclude(next_meeting_date__in=group.meetings.values("date"))
        .order_by("next_meeting_date", "-date", "-pk")[:SUBSCRIPTION_SIZE]
    )
    for meeting in [*meetings, *announced]:
        meeting.group = group
    appointments = [calendar.of_meeting(meeting) for meeting in meetings]
    announced_dates = set()
    for meeting in announced:
        # Two minutes announcing the same date announce one meeting: the latest announcement stands.
        if meeting.next_meeting_date not in announced_dates:
            announced_dates.add(meeting.next_meeting_date)
            appointments.append(calendar.of_next_meeting(meeting))
    ics = calendar.calendar(appointments, name=f"{group.short_name} meetings")
    return calendar_response(ics, f"{_safe(group.short_name)}-meetings.ics", download=False)
