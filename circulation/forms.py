from django import forms
from django.contrib.auth import get_user_model

from circulation import recipients
from govuk.forms import CharacterLimitsMixin, CheckboxesField
from meetings.models import Department


class RecipientsForm(forms.Form):
    """Who receives an email: the members' contacts and department users, each ticked unless the secretariat
    unticks them. The form carries back which message was last sent, so a second post of it sends nothing."""

    sends = "agenda"
    contacts = CheckboxesField(
        label="Send the agenda to",
        help_text="The contacts of the group's member departments.",
        queryset=None,
        required=False,
    )
    users = CheckboxesField(
        label="Department users",
        help_text="Who sign in for the member departments, at the address of their own account.",
        queryset=None,
        required=False,
    )
    last_sent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    SENT_MEANWHILE = (
        "The agenda has been sent since this page was loaded, perhaps by pressing the button twice, so it was "
        "not sent again. The outbox shows what was sent. To send it again, open this page again."
    )

    def __init__(self, *args, contacts, users, last_sent, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = contacts
        self.fields["contacts"].label_from_instance = label_of_contact
        self.fields["users"].queryset = users
        self.fields["users"].label_from_instance = label_of_user
        self.initial.setdefault("contacts", [contact.pk for contact in contacts])
        self.initial.setdefault("users", [user.pk for user in users])
        self.initial["last_sent"] = last_sent

    def clean(self):
        cleaned = super().clean()
        if {"contacts", "users"} & set(self.errors) or cleaned.get("contacts") or cleaned.get("users"):
            return cleaned
        if self.fields["contacts"].queryset.exists():
            self.add_error("contacts", f"Choose who to send the {self.sends} to")
        elif self.fields["users"].queryset.exists():
            self.add_error("users", f"Choose who to send the {self.sends} to")
        return cleaned

    @property
    def recipients(self):
        """The chosen contacts and department users, each address once per department."""
        contacts = self.cleaned_data["contacts"].select_related("membership__department")
        users = self.cleaned_data["users"].select_related("department_member__department")
        return recipients.chosen(contacts, users)


class CirculationForm(RecipientsForm):
    """Who receives the minutes, and whether each department also gets its actions."""

    sends = "minutes"
    contacts = CheckboxesField(
        label="Send the minutes to",
        help_text="The contacts of the group's member departments.",
        queryset=None,
        required=False,
    )
    send_actions = forms.BooleanField(
        label="Also send each department its actions",
        help_text="One email to each owning department's people ticked above, listing its actions.",
        required=False,
        initial=True,
    )
    status = forms.CharField(widget=forms.HiddenInput)

    MOVED_ON = "The minutes have moved on since this page was loaded. Check them and send again."
    SENT_MEANWHILE = (
        "The minutes have been sent since this page was loaded, perhaps by pressing the button twice, so they "
        "were not sent again. The outbox shows what was sent. To send them again, open this page again."
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.initial["status"] = meeting.status

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") and cleaned["status"] != self.meeting.status:
            raise forms.ValidationError(self.MOVED_ON)
        return cleaned


def label_of_contact(contact):
    role = f", {contact.role}" if contact.role else ""
    return f"{contact.name}{role} ({contact.membership.department.short_name}): {contact.email}"


def label_of_user(user):
    name = user.get_full_name() or user.get_username()
    return f"{name} ({user.department_member.department.short_name}): {user.email}"


class InvitationForm(CharacterLimitsMixin, forms.Form):
    """A department user to invite by email."""

    name = forms.CharField(label="Full name", max_length=150, error_messages={"required": "Enter their full name"})
    email = forms.EmailField(
        label="Email address",
        max_length=150,
        help_text="The invitation is sent here.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )
    department = forms.ModelChoiceField(
        label="Department",
        queryset=Department.objects.none(),
        empty_label="Choose a department",
        error_messages={"required": "Choose their department", "invalid_choice": "Choose their department"},
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        users = get_user_model().objects
        if users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists():
            raise forms.ValidationError("Someone already signs in with this email address")
        return email
