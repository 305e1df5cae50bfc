"""Start a meeting's register from the group's members, or from the last meeting's register.

The rows proposed are shown for the secretariat to confirm or remove one by one; only those kept
are added, after the rows already in the register. Each row carries what it would add, checked
again on posting against the rows proposed then, so a crafted row adds nothing.
"""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from meetings.models import Attendee
from minutes.proposed_register import SOURCES, register_sources
from minutes.rows import recorded_meeting


@require_http_methods(["GET", "POST"])
def start_register(request, pk):
    meeting = recorded_meeting(request, pk)
    source = request.GET.get("from") or request.POST.get("from")
    if source not in SOURCES:
        raise BadRequest("Start the register from the members or from the last meeting")
    proposed = [row for row in SOURCES[source](meeting) if not row.is_in(meeting)]
    if request.method == "POST":
        kept = set(request.POST.getlist("row"))
        chosen = [row for row in proposed if row.key in kept]
        with transaction.atomic():
            for row in chosen:
                Attendee.objects.create(
                    meeting=meeting,
                    department=row.department,
                    person=row.person,
                    deputising_for=row.deputising_for,
                    role=row.role,
                    remote=row.remote,
                )
        messages.success(request, f"{len(chosen)} attendee{'s' if len(chosen) != 1 else ''} added to the register.")
        return HttpResponseRedirect(f"{meeting.get_record_url()}#attendees")
    return render(
        request,
        "minutes/start_register.html",
        {
            "meeting": meeting,
            "source": source,
            "label": dict(register_sources(meeting)).get(source, ""),
            "proposed": proposed,
            "nav": "meetings",
        },
    )
