"""Who may do what.

- Secretariat staff record the minutes and chase the actions of the groups they serve
  (``Group.secretariat``).
- Department users (``DepartmentMember``) read minutes once circulated, see every action and
  post updates on the actions their department owns or co-owns, or inherited from a department
  it succeeded.
- Administrators (superusers) use the Django admin, where every change is kept in the history.

Views use the decorators here; the rules themselves are the functions, so templates and tests
ask the same questions.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from meetings.models import Group, Meeting, MinutesStatus


def serves(user, group):
    """Whether the user is on the secretariat of the group (administrators serve every group)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    served = getattr(user, "_served_group_ids", None)
    if served is None:
        served = user._served_group_ids = set(user.served_groups.values_list("pk", flat=True))
    return group.pk in served


def department_of(user):
    """The department a department user belongs to, or None."""
    member = getattr(user, "department_member", None)
    return member.department if member else None


def can_read_minutes(user, meeting):
    return serves(user, meeting.group) or meeting.status != MinutesStatus.DRAFT


def can_update_action(user, action):
    """The group's secretariat, or a user of a department that owns the action or inherited it."""
    if serves(user, action.meeting.group):
        return True
    department = department_of(user)
    if department is None:
        return False
    lineage = department.lineage()
    return any(owner.pk in lineage for owner in action.owner_list)


def secretariat_required(view):
    """For views of one meeting (``pk`` or ``meeting_pk``): only its group's secretariat may use them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        pk = kwargs.get("meeting_pk", kwargs.get("pk"))
        meeting = get_object_or_404(Meeting.objects.select_related("group"), pk=pk)
        if not serves(request.user, meeting.group):
            raise PermissionDenied("Only the group's secretariat can change its minutes.")
        return view(request, *args, **kwargs)

    return wrapper


def unlocked_minutes_required(view):
    """Approved and published minutes are read-only here; an administrator corrects them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        pk = kwargs.get("meeting_pk", kwargs.get("pk"))
        if Meeting.objects.filter(pk=pk, status__in=[MinutesStatus.APPROVED, MinutesStatus.PUBLISHED]).exists():
            raise PermissionDenied(
                "These minutes have been approved, so they can no longer be changed here. "
                "An administrator can correct them, giving a reason."
            )
        return view(request, *args, **kwargs)

    return wrapper


def group_secretariat_required(view):
    """For views of a group (``slug``): only its secretariat may use them."""

    @wraps(view)
    def wrapper(request, *args, slug, **kwargs):
        group = get_object_or_404(Group, slug=slug)
        if not serves(request.user, group):
            raise PermissionDenied("Only the group's secretariat can add its meetings.")
        return view(request, *args, slug=slug, **kwargs)

    return wrapper
