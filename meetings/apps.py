from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in


def remember_who_signed_in(sender, request, user, **kwargs):
    """Keep the header's "Signed in as" in the session, so no page asks the database for it again."""
    from meetings.models import signed_in_as

    request.session["signed_in_as"] = signed_in_as(user)


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"

    def ready(self):
        user_logged_in.connect(remember_who_signed_in, dispatch_uid="meetings.remember_who_signed_in")
