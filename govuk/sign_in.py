"""Signing in, with the limits on what is typed checked before anything is looked up or kept."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator

PASSWORD_LIMIT = 4096
"""Longer than any password manager makes, short enough that hashing it costs nothing much."""

ATTEMPT_USERNAME_LIMIT = 255
"""The longest username django-axes' records of sign-in attempts hold."""


class LimitedSignInMixin:
    """A username no longer than a user's can be, and a password of reasonable length.

    Django's sign-in form sets the username's length only on the box, not as a rule, so a long one
    went on to django-axes, which keeps every failed attempt: on PostgreSQL its records refuse one
    over 255 characters (the page answered 500), and on SQLite they kept a million characters.
    A field that fails here is never passed to ``authenticate()``, so nothing is kept.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username, password = self.fields["username"], self.fields["password"]
        password.max_length = PASSWORD_LIMIT
        for field in (username, password):
            field.validators.append(MaxLengthValidator(field.max_length))
            field.error_messages["max_length"] = f"{field.label} must be {field.max_length:,} characters or less"


class SignInForm(LimitedSignInMixin, AuthenticationForm):
    pass


class AdminSignInForm(LimitedSignInMixin, AdminAuthenticationForm):
    pass


def attempt_username(request, credentials=None):
    """The username django-axes records an attempt under: as typed, cut to what its records hold.

    The sign-in forms refuse a longer one first; this keeps any other way of signing in from
    failing on it.
    """
    username = (credentials or getattr(request, "data", request.POST)).get("username")
    return username[:ATTEMPT_USERNAME_LIMIT] if isinstance(username, str) else username
