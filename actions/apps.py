from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def meeting_saved(sender, instance, **kwargs):
    from actions.models import keep_due_on, keep_meeting_date

    keep_meeting_date(instance)
    keep_due_on(instance.group_id)


def meeting_deleted(sender, instance, **kwargs):
    from actions.models import keep_due_on

    keep_due_on(instance.group_id)


class ActionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "actions"

    def ready(self):
        # An action carries its meeting's date (see ``Action.meeting_date``): a meeting moved moves its actions.
        # It carries when it is due too (``Action.due_on``): a meeting added, moved or removed may be the next
        # meeting of the group's earlier ones, at which their actions are due.
        post_save.connect(meeting_saved, sender="meetings.Meeting", dispatch_uid="actions-keep-meeting-date")
        post_delete.connect(meeting_deleted, sender="meetings.Meeting", dispatch_uid="actions-keep-due-on")
