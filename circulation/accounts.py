"""Choosing a password by email: "Forgot your password?" for everyone, and the link of an invitation.

Django's own views, on GOV.UK pages; the email goes through the outbox like every other.
"""

from datetime import timedelta

from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.urls import path, reverse
from django.utils import timezone

from circulation import emails
from circulation.models import Message
from circulation.outbox import queue

# One reset email to an address in this time, however often the form is sent: no one floods an inbox.
RESET_INTERVAL = timedelta(minutes=5)


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = auth_forms.forms.EmailField(
        label="Email address",
        max_length=254,
        widget=auth_forms.forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )

    def get_users(self, email):
        """Active users with the address, invited ones who never chose a password too."""
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.email.lower() == email.lower())

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        recent = Message.objects.filter(
            purpose=Message.Purpose.PASSWORD_RESET, to__iexact=to_email, created_at__gt=timezone.now() - RESET_INTERVAL
        )
        if recent.exists():
            return
        user = context["user"]
        link = emails.absolute(
            reverse("password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        )
        email = emails.password_reset_email(user, link)
        queue(
            purpose=Message.Purpose.PASSWORD_RESET,
            to_name=user.get_full_name(),
            to=to_email,
            subject=email.subject,
            text_body=email.text_body,
            html_body=email.html_body,
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Django's form to choose a password, its errors in GOV.UK words."""

    error_messages = {"password_mismatch": "The passwords do not match: type the same new password in both boxes"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm your new password"
        self.fields["new_password2"].help_text = "Type the same password again."
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


urlpatterns = [
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PasswordResetForm, template_name="registration/password_reset_form.html"
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=SetPasswordForm, template_name="registration/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
