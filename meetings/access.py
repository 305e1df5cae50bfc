"""Who may do what.

- Secretariat staff record the minutes and chase the actions of the groups they serve
  (``Group.secretariat``).
- Department users (``DepartmentMember``) read minutes once circulated, see the actions of
  circulated minutes and post updates on the actions their department owns or co-owns, or
  inherited from a department it succeeded.
- Administrators (superusers) use the Django admin, where every change is kept in the history.

Views load what they act on through the helpers here, which check and return it in one go;
what may be read is decided once, by ``visible_to`` on the querysets.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetings.models import Group, Meeting


def department_of(user):
    """The department a department user belongs to, or None."""
    member = getattr(user, "department_member", None)
    return member.department if member else None


def readable_meeting(request, pk, meetings=None):
    """The meeting, if the user may read its minutes; otherwise 403."""
    meeting = get_object_or_404((meetings if meetings is not None else Meeting.objects).select_related("group"), pk=pk)
    if not meeting.is_visible_to(request.user):
        raise PermissionDenied("These minutes are still a draft: only the group's secretariat can read them.")
    return meeting


def readable_agenda(request, pk, meetings=None):
    """The meeting, if the user may read its agenda and papers; otherwise 403."""
    meeting = get_object_or_404((meetings if meetings is not None else Meeting.objects).select_related("group"), pk=pk)
    if not meeting.agenda_is_visible_to(request.user):
        raise PermissionDenied("This agenda has not been circulated yet: only the group's secretariat can read it.")
    return meeting


def secretariat_meeting(request, pk, *, unlocked=False, meetings=None):
    """The meeting, if the user is on its group's secretariat; with ``unlocked``, only while its
    minutes are unapproved. Otherwise 403."""
    meeting = get_object_or_404((meetings if meetings is not None else Meeting.objects).select_related("group"), pk=pk)
    if not meeting.group.is_served_by(request.user):
        raise PermissionDenied("Only the group's secretariat can change its minutes.")
    if unlocked and meeting.is_locked:
        raise PermissionDenied(
            "These minutes have been approved, so they can no longer be changed here. "
            "An administrator can correct them, giving a reason."
        )
    return meeting


def secretariat_group(request, slug):
    """The group, if the user is on its secretariat; otherwise 403."""
    group = get_object_or_404(Group, slug=slug)
    if not group.is_served_by(request.user):
        raise PermissionDenied("Only the group's secretariat can add its meetings.")
    return group
