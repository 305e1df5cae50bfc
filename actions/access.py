"""Loading one action for a view, checked against who may read it."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from actions.models import Action


def readable_action(request, pk, actions=None):
    """The action, if the user may read the minutes it was raised in; otherwise 403."""
    action = get_object_or_404(
        (actions if actions is not None else Action.objects).select_related("meeting__group"), pk=pk
    )
    if not action.is_visible_to(request.user):
        raise PermissionDenied("This action is in draft minutes: only the group's secretariat can see it yet.")
    return action
