"""The group's members pages: the secretariat keeps who belongs, who usually represents each
department, and who receives its papers. Every change is kept in the history."""

import copy
import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from meetings.models import Department, Group
from members import attendance as attendance_at
from members.forms import ContactForm, LeaveForm, MemberForm, PeriodForm, RepresentativeForm
from members.models import Contact, Membership


def served_group(request, slug):
    """The group, if the user is on its secretariat; otherwise 403."""
    group = get_object_or_404(Group, slug=slug)
    if not group.is_served_by(request.user):
        raise PermissionDenied("Only the group's secretariat can see and change its members.")
    return group


def group_membership(request, slug, pk):
    group = served_group(request, slug)
    return get_object_or_404(Membership.objects.select_related("group", "department"), group=group, pk=pk)


def group_contact(request, slug, pk):
    group = served_group(request, slug)
    return get_object_or_404(
        Contact.objects.select_related("membership__group", "membership__department"), membership__group=group, pk=pk
    )


def members_url(membership):
    return membership.get_absolute_url()


@require_GET
def members(request, slug):
    group = served_group(request, slug)
    today = timezone.localdate()
    listed = Membership.objects.of(group).for_listing()
    current = [membership for membership in listed if membership.is_current_on(today)]
    for membership in current:
        membership.representative = membership.representative_on(today)
    return render(
        request,
        "members/members.html",
        {
            "group": group,
            "members": current,
            "former": [membership for membership in listed if membership.left_on and membership.left_on <= today],
            "joining": [membership for membership in listed if membership.joined_on and membership.joined_on > today],
            "nav": "meetings",
        },
    )


@require_http_methods(["GET", "POST"])
def member_add(request, slug):
    group = served_group(request, slug)
    form = MemberForm(request.POST or None, group=group)
    if form.is_valid():
        membership = form.save()
        messages.success(request, f"{membership.department} is now a member of {group.short_name}.")
        return redirect(members_url(membership))
    departments = Department.objects.known_to(request.user).only("short_name", "name")
    return render(
        request,
        "members/member_form.html",
        {"group": group, "form": form, "departments": departments, "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def member_leave(request, slug, pk):
    membership = group_membership(request, slug, pk)
    form = LeaveForm(request.POST or None, instance=copy.copy(membership))
    if form.is_valid() and form.save_unless_conflict():
        messages.success(
            request, f"{membership.department} left {membership.group.short_name} on {form.instance.left_on:%-d %B %Y}."
        )
        return redirect("members:members", slug)
    return render(
        request,
        "members/leave.html",
        {"group": membership.group, "membership": membership, "form": form, "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def representative_add(request, slug, pk):
    membership = group_membership(request, slug, pk)
    form = RepresentativeForm(request.POST or None, membership=membership)
    if form.is_valid():
        representative = form.save()
        messages.success(
            request,
            f"{representative.person} represents {membership.department} from {representative.since:%-d %B %Y}.",
        )
        return redirect(members_url(membership))
    return render(
        request,
        "members/representative_form.html",
        {
            "group": membership.group,
            "membership": membership,
            "form": form,
            "representatives": membership.representatives.select_related("person"),
            "nav": "meetings",
        },
    )


@require_http_methods(["GET", "POST"])
def contact_add(request, slug, pk):
    membership = group_membership(request, slug, pk)
    form = ContactForm(request.POST or None, membership=membership)
    if form.is_valid() and form.save_unless_conflict():
        messages.success(request, f"{form.instance.name} added to the contacts of {membership.department}.")
        return redirect(members_url(membership))
    return render(
        request,
        "members/contact_form.html",
        {"group": membership.group, "membership": membership, "form": form, "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def contact_edit(request, slug, pk):
    contact = group_contact(request, slug, pk)
    membership = contact.membership
    form = ContactForm(request.POST or None, instance=copy.copy(contact), membership=membership)
    if request.method == "POST" and form.is_valid() and form.save_unless_conflict():
        messages.success(request, f"Contact {form.instance.name} saved.")
        return redirect(members_url(membership))
    return render(
        request,
        "members/contact_form.html",
        {"group": membership.group, "membership": membership, "contact": contact, "form": form, "nav": "meetings"},
    )


@require_http_methods(["GET", "POST"])
def contact_delete(request, slug, pk):
    contact = group_contact(request, slug, pk)
    membership = contact.membership
    if request.method == "POST":
        contact.delete()
        messages.success(request, f"{contact.name} removed from the contacts of {membership.department}.")
        return redirect(members_url(membership))
    return render(
        request,
        "members/contact_delete.html",
        {"group": membership.group, "membership": membership, "contact": contact, "nav": "meetings"},
    )


def period_form(request):
    return PeriodForm(request.GET if {"start_year", "end_year"} & set(request.GET) else None)


@require_GET
def attendance(request, slug):
    group = get_object_or_404(Group, slug=slug)
    form = period_form(request)
    meetings, rows = attendance_at.attendance(group, request.user, *form.period())
    return render(
        request,
        "members/attendance.html",
        {
            "group": group,
            "form": form,
            "meetings": meetings,
            "rows": rows,
            "outcomes": attendance_at.OUTCOMES,
            "chart": attendance_at.chart(rows),
            "query": request.GET.urlencode(),
            "nav": "meetings",
        },
    )


class Echo:
    """The file the CSV writer writes to: each row goes straight into the response."""

    def write(self, value):
        return value


def spreadsheet_safe(value):
    """Text a spreadsheet shows as typed: a leading apostrophe stops a formula from running."""
    return f"'{value}" if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


@require_GET
def attendance_csv(request, slug):
    group = get_object_or_404(Group, slug=slug)
    meetings, rows = attendance_at.attendance(group, request.user, *period_form(request).period())
    labels = attendance_at.LABELS

    def lines():
        writer = csv.writer(Echo())
        yield "\ufeff"  # So that Excel reads it as UTF-8.
        yield writer.writerow(
            [
                "Department",
                *(f"{meeting.date:%Y-%m-%d}" for meeting in meetings),
                *(label for _, label in attendance_at.OUTCOMES),
            ]
        )
        for row in rows:
            yield writer.writerow(
                [
                    spreadsheet_safe(row.membership.department.short_name),
                    *(labels.get(cell, "Not a member") for cell in row.cells),
                    *(count for _, _, count in row.totals),
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}-attendance.csv"'
    return response
