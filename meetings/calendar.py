"""Meetings as calendar entries (RFC 5545, through the icalendar library).

Times are the meeting's wall-clock times in Europe/London (the app's TIME_ZONE), written with that
TZID and a VTIMEZONE, so that a calendar shows 10.30 am in summer and in winter alike. A meeting
with no start time is an all-day event. Each meeting keeps one UID, whichever file it comes in, so
that a calendar updates the entry it has instead of adding another.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

PRODUCT = "-//Ministerial group minutes//idmg//EN"


@dataclass(frozen=True)
class Appointment:
    """A meeting as a calendar shows it: when and where, and a link to read more."""

    uid: str
    sequence: int
    summary: str
    date: datetime.date
    start: datetime.time | None
    end: datetime.time | None
    place: str
    link: str
    description: str


def absolute(path):
    """The address of a page of the app, as a link from outside it (``DJANGO_SITE_URL``)."""
    return f"{settings.SITE_URL}{path}"


def uid(kind, pk):
    return f"{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname or 'idmg'}"


def of_meeting(meeting):
    """The meeting as recorded."""
    return Appointment(
        uid=uid("meeting", meeting.pk),
        sequence=meeting.version,
        summary=f"{meeting.group.short_name} meeting",
        date=meeting.date,
        start=meeting.start_time,
        end=meeting.end_time,
        place=meeting.place,
        link=absolute(meeting.get_absolute_url()),
        description=f"Meeting of the {meeting.group.name}.",
    )


def of_next_meeting(meeting, recorded=None):
    """The next meeting the minutes name; the meeting itself once it is recorded (``recorded``), so the
    calendar keeps one entry for it. None when the minutes name none."""
    if recorded is not None:
        return of_meeting(recorded)
    if meeting.next_meeting_date is None:
        return None
    return Appointment(
        uid=uid("next-meeting", meeting.pk),
        sequence=meeting.version,
        summary=f"{meeting.group.short_name} meeting",
        date=meeting.next_meeting_date,
        start=meeting.next_meeting_start_time,
        end=meeting.next_meeting_end_time,
        place=meeting.next_meeting_place,
        link=absolute(meeting.get_absolute_url()),
        description=f"Meeting of the {meeting.group.name}, as announced in the minutes of {meeting.date:%-d %B %Y}.",
    )


def recorded_next_meeting(meeting):
    """The group's meeting on the date the minutes gave for the next one, if it has been recorded."""
    if meeting.next_meeting_date is None:
        return None
    try:
        return meeting.group.meetings.filter(date=meeting.next_meeting_date).order_by("pk")[:1].get()
    except ObjectDoesNotExist:
        return None


def one_line(text):
    """Text for a one-line property (a summary, a place, the calendar's name): a line break would end it."""
    return " ".join(text.split())


def _event(appointment, stamp):
    event = icalendar.Event()
    event.add("uid", appointment.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", appointment.sequence)
    event.add("summary", one_line(appointment.summary))
    if appointment.start is None:
        event.add("dtstart", appointment.date)
        event.add("dtend", appointment.date + datetime.timedelta(days=1))
    else:
        london = ZoneInfo(settings.TIME_ZONE)
        event.add("dtstart", datetime.datetime.combine(appointment.date, appointment.start, tzinfo=london))
        if appointment.end is not None:
            event.add("dtend", datetime.datetime.combine(appointment.date, appointment.end, tzinfo=london))
    if appointment.place:
        event.add("location", one_line(appointment.place))
    event.add("url", appointment.link)
    event.add("description", f"{appointment.description}\n{appointment.link}")
    return event


def calendar(appointments, name):
    """The calendar file of these appointments, as bytes."""
    ics = icalendar.Calendar()
    ics.add("prodid", PRODUCT)
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("x-wr-calname", one_line(name))
    stamp = timezone.now()
    for appointment in appointments:
        ics.add_component(_event(appointment, stamp))
    dates = [appointment.date for appointment in appointments]
    if any(appointment.start for appointment in appointments):
        # The zone's rules for the years the meetings span, not for every year since 1970.
        ics.add_missing_timezones(
            first_date=datetime.date(min(dates).year, 1, 1), last_date=datetime.date(max(dates).year + 1, 1, 1)
        )
    return ics.to_ical()


def subscription_token(group):
    """The secret in the address of a group's calendar subscription, which calendars fetch without signing in."""
    return salted_hmac("meetings.calendar.subscription", str(group.pk)).hexdigest()[:32]


def is_subscription_token(group, token):
    return constant_time_compare(subscription_token(group), token)


def subscription_address(group):
    """The address calendar programs subscribe at (``webcal://``), and the same over HTTP(S) to paste into one."""
    path = reverse("meetings:group-calendar", args=[group.slug, subscription_token(group)])
    web = absolute(path)
    return "webcal://" + web.split("://", 1)[1], web
