from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from actions.models import Action, Status, Update
from govuk.forms import CharacterLimitsMixin, GovukDateField
from meetings.forms import DepartmentField, NewDepartmentsMixin
from meetings.models import Department
from meetings.versioning import VersionedFormMixin


def owner_names(owners):
    """Owners as the conflict message names them: "MOJ (lead), AGO"."""
    return ", ".join(f"{department.short_name}{' (lead)' if lead else ''}" for department, lead in owners)


class ActionForm(CharacterLimitsMixin, NewDepartmentsMixin, VersionedFormMixin, forms.ModelForm):
    """An action beside an agenda item, with its owning departments and when it is due."""

    DUE_NONE, DUE_NEXT_MEETING, DUE_BY_DATE = "none", "next_meeting", "date"
    records_author = True
    department_fields = ("owners",)

    owners = DepartmentField(
        label="Owning departments",
        help_text="Separate departments with commas, lead first. For example: Home Office, UKHTC",
        max_length=500,
        error_messages={"required": "Enter at least one owning department"},
    )
    first_owner_leads = forms.BooleanField(label="The first department named leads", required=False, initial=True)
    due = forms.ChoiceField(
        label="When is it due?",
        widget=forms.RadioSelect,
        choices=[(DUE_NONE, "No due date"), (DUE_NEXT_MEETING, "At the next meeting"), (DUE_BY_DATE, "By a date")],
        initial=DUE_NONE,
    )
    due_date = GovukDateField(label="Due date", required=False, help_text="For example, 30 4 2013")

    class Meta:
        model = Action
        fields = ["text"]
        labels = {"text": "Action"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "Enter the action"}}

    field_order = ["text", "owners", "first_owner_leads", "due", "due_date"]

    def __init__(self, *args, agenda_item, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_item = agenda_item
        self.author = author
        self.instance.agenda_item = agenda_item
        self.due_before = (self.instance.due_date, self.instance.due_at_next_meeting)
        action = self.instance
        if action.pk:
            ownerships = list(action.ownerships.all())
            self.initial.update(
                owners=", ".join(ownership.department.short_name for ownership in ownerships),
                first_owner_leads=bool(ownerships) and ownerships[0].is_lead,
                due=self.DUE_NEXT_MEETING
                if action.due_at_next_meeting
                else self.DUE_BY_DATE
                if action.due_date
                else self.DUE_NONE,
                due_date=action.due_date,
            )

    def others_changes(self, opened):
        """The action's own changes, and its owners' (they are rows of their own), since it was opened."""
        changes = super().others_changes(opened)
        owners_then = self.instance.owners_before_version(opened + 1)
        owners_now = [(ownership.department, ownership.is_lead) for ownership in self.instance.ownerships.all()]
        if owners_then is not None and owners_then != owners_now:
            changes.append((self.fields["owners"].label, owner_names(owners_then), owner_names(owners_now)))
        return changes

    def clean_owners(self):
        names = [" ".join(name.split()) for name in self.cleaned_data["owners"].split(",")]
        names = [name for name in names if name]
        if not names:
            raise forms.ValidationError("Enter at least one owning department")
        if len({name.lower() for name in names}) < len(names):
            raise forms.ValidationError("Name each owning department once")
        # A new department is made with the name as its short name; a department's full name may be longer.
        longest = Department._meta.get_field("short_name").max_length
        too_long = next((name for name in names if len(name) > longest and not Department.objects.named(name)), None)
        if too_long:
            raise forms.ValidationError(
                f"“{too_long[:30]}…” is too long for a department's name: separate departments with commas"
            )
        return names

    def clean(self):
        cleaned = super().clean()
        due, due_date = cleaned.get("due"), cleaned.get("due_date")
        if due == self.DUE_BY_DATE and not due_date and "due_date" not in self.errors:
            self.add_error("due_date", "Enter the date the action is due")
        self.instance.due_at_next_meeting = due == self.DUE_NEXT_MEETING
        self.instance.due_date = due_date if due == self.DUE_BY_DATE else None
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        adding = self.instance._state.adding
        action = super().save(commit=commit)
        departments = [self.typed_department(name) for name in self.cleaned_data["owners"]]
        action.set_owners(departments, lead=departments[0] if self.cleaned_data["first_owner_leads"] else None)
        if not adding:
            was_due_date, was_at_next_meeting = self.due_before
            action.record_due_change(
                was_due_date=was_due_date, was_at_next_meeting=was_at_next_meeting, author=self.author
            )
        return action


class UpdateForm(CharacterLimitsMixin, VersionedFormMixin, forms.Form):
    """A progress note on an action, with its new status; checked by the action's own rules."""

    status = forms.ChoiceField(
        label="Status",
        choices=Status.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={
            "required": "Select the status of the action",
            "invalid_choice": "Select the status of the action",
        },
    )
    text = forms.CharField(
        label="Update",
        required=False,
        max_length=Update._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What has happened. Say why if the action is dropped.",
    )

    def __init__(self, *args, action, meeting=None, **kwargs):
        self.action = action
        self.meeting = meeting
        super().__init__(*args, **kwargs)
        self.initial.setdefault("status", action.status)

    @property
    def versioned_record(self):
        return self.action

    def conflict_message(self, opened):
        latest = self.action.updates.order_by("-pk").first()
        return (
            f"Someone else updated this action while you were writing: it is now "
            f"{self.action.get_status_display().lower()}"
            + (f" (“{latest.text}”)" if latest and latest.text else "")
            + ". Your update is still in the form. Check it, then post it again."
        )

    def clean(self):
        cleaned = super().clean()
        if "status" in cleaned and "text" in cleaned:
            try:
                self.action.check_update(text=cleaned.get("text", ""), status=cleaned["status"])
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def save(self, author):
        return self.action.record_update(
            author=author, text=self.cleaned_data["text"], status=self.cleaned_data["status"], meeting=self.meeting
        )


class WithdrawUpdateForm(VersionedFormMixin, forms.Form):
    """Withdraw an update given in error, or replace it with a corrected one, saying why."""

    WITHDRAW, CORRECT = "withdraw", "correct"

    reason = forms.CharField(
        label="Why is the update being withdrawn or corrected?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The reason is kept with the update in the action's history.",
        error_messages={"required": "Give the reason the update is being withdrawn or corrected"},
    )
    outcome = forms.ChoiceField(
        label="What should happen to it?",
        widget=forms.RadioSelect,
        choices=[(WITHDRAW, "Withdraw it"), (CORRECT, "Replace it with the corrected update below")],
        initial=WITHDRAW,
        error_messages={"required": "Choose whether to withdraw or correct the update"},
    )
    status = forms.ChoiceField(
        label="Corrected status",
        choices=Status.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        required=False,
        help_text="Only if you are correcting it.",
    )
    text = forms.CharField(
        label="Corrected update",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only if you are correcting it.",
    )

    def __init__(self, *args, update, **kwargs):
        self.update = update
        super().__init__(*args, **kwargs)
        self.initial.setdefault("status", update.new_status)
        self.initial.setdefault("text", update.text)

    @property
    def versioned_record(self):
        return self.update.action

    def conflict_message(self, opened):
        return (
            "Someone else updated this action while you were writing. What you typed is still in the form. "
            "Check the updates, then save again."
        )

    def clean(self):
        cleaned = super().clean()
        if self.update.is_withdrawn:
            raise forms.ValidationError("This update has already been withdrawn.")
        if cleaned.get("outcome") == self.CORRECT:
            if not cleaned.get("status"):
                self.add_error("status", "Select the corrected status")
            if not cleaned.get("text", "").strip():
                self.add_error("text", "Enter the corrected update")
        return cleaned

    @transaction.atomic
    def save(self, by):
        update, action = self.update, self.update.action
        update.withdraw(by=by, reason=self.cleaned_data["reason"])
        if self.cleaned_data["outcome"] == self.CORRECT:
            return action.record_update(
                author=by,
                text=self.cleaned_data["text"],
                status=self.cleaned_data["status"],
                meeting=update.reported_at,
            )
        return update
