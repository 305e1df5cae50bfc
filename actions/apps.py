from django.apps import AppConfig
from django.db.models.signals import post_save


def meeting_saved(sender, instance, **kwargs):
    from actions.models import keep_meeting_date

    keep_meeting_date(instance)


class ActionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "actions"

    def ready(self):
        # An action carries its meeting's date (see ``Action.meeting_date``): a meeting moved moves its actions.
        post_save.connect(meeting_saved, sender="meetings.Meeting", dispatch_uid="actions-keep-meeting-date")
