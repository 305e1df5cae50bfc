from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from govuk.forms import CharacterLimitsMixin, GovukDateField, GovukTimeField
from meetings.models import AgendaItem, Apology, Attendee, Department, Meeting, Paper, Paragraph, Person
from meetings.papers import KINDS, kind_of, safe_file_name
from meetings.suggestions import offer_suggestions
from meetings.versioning import VersionedFormMixin


class MeetingForm(CharacterLimitsMixin, VersionedFormMixin, forms.ModelForm):
    date = GovukDateField(
        label="Date of the meeting",
        help_text="For example, 11 3 2013",
        error_messages={"required": "Enter the date of the meeting"},
    )
    start_time = GovukTimeField(label="Start time", required=False)
    end_time = GovukTimeField(label="End time", required=False)
    next_meeting_date = GovukDateField(label="Date of the next meeting", required=False, help_text="If it is known")
    next_meeting_start_time = GovukTimeField(label="Next meeting start time", required=False)
    next_meeting_end_time = GovukTimeField(label="Next meeting end time", required=False)

    class Meta:
        model = Meeting
        fields = [
            "date",
            "start_time",
            "end_time",
            "place",
            "next_meeting_date",
            "next_meeting_start_time",
            "next_meeting_end_time",
            "next_meeting_place",
        ]
        labels = {"place": "Place", "next_meeting_place": "Next meeting place"}

    def _post_clean(self):
        # A box the form refused leaves the saved value on the instance. The meeting's rules
        # (Meeting.clean) must not judge that old value against what was typed in the others.
        for name in self._meta.fields:
            if name in self.errors:
                setattr(self.instance, name, None)
        super()._post_clean()

    def _update_errors(self, errors):
        # What was typed in a refused box already has its message; the model's would be a second.
        if hasattr(errors, "error_dict"):
            errors = ValidationError(
                {
                    name: error
                    for name, error in errors.error_dict.items()
                    if name not in self.errors or name not in self.fields
                }
            )
        super()._update_errors(errors)


class DepartmentField(forms.CharField):
    """A department picked from the suggestions or typed new; the form resolves it on save."""

    suggestions = "meetings:department-suggestions"

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Department")
        kwargs.setdefault("help_text", "For example, Home Office or MOJ")
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("template_name", "forms/department_field.html")
        super().__init__(**kwargs)
        self.widget.attrs.update({"list": "departments", "autocomplete": "off", "spellcheck": "false"})


class UnconfirmedInput(forms.HiddenInput):
    """The confirmation while no new department is named: it never carries a tick to the next post."""

    def format_value(self, value):
        return None


class NewDepartmentsMixin:
    """Refuse a department name that is not on record until the person confirms it is a new one.

    Otherwise a slip of the keyboard ("Home Ofice") becomes a department of its own, and what it
    owns never reaches the real department's page. ``department_fields`` names the fields that hold
    typed department names, one name or a list of them.
    """

    department_fields = ("department",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["add_departments"] = forms.BooleanField(required=False, widget=UnconfirmedInput)
        self.departments_found = {}
        offer_suggestions(self)

    def clean(self):
        cleaned = super().clean()
        for name in self.department_fields:
            typed = cleaned.get(name) or []
            typed = [typed] if isinstance(typed, str) else typed
            found = [(text, Department.objects.named(text)) for text in typed]
            self.departments_found.update((text, department) for text, department in found if department)
            unknown = [text for text, department in found if department is None]
            if unknown:
                # Shown whenever the names typed are new, so a tick is never carried unseen to other names.
                self.ask_to_confirm(unknown)
                if not cleaned.get("add_departments"):
                    self.add_error(name, self.unknown_message(unknown))
        return cleaned

    def typed_department(self, text):
        """The department typed, as ``clean()`` found it on record, or created now if it is new."""
        return self.departments_found.get(text) or Department.objects.resolve(text)

    @staticmethod
    def unknown_message(unknown):
        listed = " and ".join(f"“{text}”" for text in unknown)
        guesses = [str(department) for department in map(Department.objects.closest, unknown) if department]
        if len(unknown) == 1:
            message = f"{listed} is not a department on record"
            confirm = "confirm below that it is a new department"
        else:
            message = f"{listed} are not departments on record"
            confirm = "confirm below that they are new departments"
        guess = f": did you mean {' and '.join(guesses)}?" if guesses else "."
        return f"{message}{guess} Check the spelling, or {confirm}"

    def ask_to_confirm(self, unknown):
        """Show the confirmation as a checkbox that names the new departments."""
        listed = " and ".join(f"“{text}”" for text in unknown)
        confirm = self.fields["add_departments"]
        confirm.widget = forms.CheckboxInput()
        confirm.label = f"Add {listed} as {'a new department' if len(unknown) == 1 else 'new departments'}"
        # Validation made the field's bound field with the hidden input's label; make it afresh.
        self._bound_fields_cache.pop("add_departments", None)


class PersonField(forms.CharField):
    suggestions = "meetings:person-suggestions"

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.widget.attrs.update({"list": "people", "autocomplete": "off", "spellcheck": "false"})


class RowForm(CharacterLimitsMixin, VersionedFormMixin, forms.ModelForm):
    """A form for one row of a meeting's minutes, saved into that meeting."""

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.instance.meeting = meeting


class AttendeeForm(NewDepartmentsMixin, RowForm):
    department = DepartmentField(error_messages={"required": "Enter the attendee's department"})
    person = PersonField(label="Name", required=False, help_text="Leave empty for an unnamed official")
    deputising_for = PersonField(label="Deputising for", required=False, help_text="The minister they represent")

    class Meta:
        model = Attendee
        # department, person and deputising_for are typed names, resolved to rows in save(), so they
        # stay out of the model fields the form copies onto the instance.
        fields = ["role", "remote"]
        labels = {"role": "Role", "remote": "Via video link"}

    field_order = ["department", "person", "deputising_for", "role", "remote"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.update(
                department=self.instance.department.short_name,
                person=self.instance.person.name if self.instance.person_id else "",
                deputising_for=self.instance.deputising_for.name if self.instance.deputising_for_id else "",
            )

    def clean(self):
        cleaned = super().clean()
        if "person" in cleaned:
            # For the model's rules (Attendee.clean), who was typed, if on record: a new name clashes with no one.
            self.instance.person = Person.objects.named(cleaned["person"])
        return cleaned

    def save(self, commit=True):
        attendee = super().save(commit=False)
        attendee.department = self.typed_department(self.cleaned_data["department"])
        # clean() found who was typed, if on record.
        attendee.person = attendee.person or Person.objects.resolve(self.cleaned_data["person"])
        attendee.deputising_for = Person.objects.resolve(self.cleaned_data["deputising_for"])
        if commit:
            attendee.save()
        return attendee


class ApologyForm(NewDepartmentsMixin, RowForm):
    department = DepartmentField(error_messages={"required": "Enter the department that sent apologies"})
    person = PersonField(
        label="Name",
        help_text="With post-nominals, for example Jeremy Browne MP",
        error_messages={"required": "Enter the name of the person who sent apologies"},
    )

    class Meta:
        model = Apology
        # department and person are typed names, resolved to rows in save(), so they stay out of
        # the model fields the form copies onto the instance and validates. (An empty ``fields``
        # would not do: Django then validates every model field.)
        exclude = ["meeting", "position", "department", "person"]  # noqa: DJ006

    field_order = ["department", "person"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.update(department=self.instance.department.short_name, person=self.instance.person.name)

    def clean_person(self):
        person = self.cleaned_data["person"]
        if person.strip().lower() == "official":
            raise forms.ValidationError("Enter the name of the person who sent apologies")
        return person

    def clean(self):
        cleaned = super().clean()
        if "person" in cleaned:
            # For the model's rules (Apology.clean), who was typed, if on record: a new name clashes with no one.
            self.instance.person = Person.objects.named(cleaned["person"])
        return cleaned

    def save(self, commit=True):
        apology = super().save(commit=False)
        apology.department = self.typed_department(self.cleaned_data["department"])
        apology.person = Person.objects.resolve(self.cleaned_data["person"])
        if commit:
            apology.save()
        return apology


class AgendaItemForm(RowForm):
    class Meta:
        model = AgendaItem
        fields = ["number", "title"]
        labels = {"number": "Item number", "title": "Title"}
        help_texts = {"number": "As the minutes number it", "title": "For example, Activity update"}
        error_messages = {
            "number": {"required": "Enter the item number", "invalid": "Item number must be a whole number"},
            "title": {"required": "Enter the title of the agenda item"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # GOV.UK asks for numbers in a text box: a number box changes the value as people scroll.
        self.fields["number"].widget = forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"})
        if not self.instance.pk and not self.is_bound:
            self.initial["number"] = self.meeting.agenda_items.next_number()


class ParagraphForm(CharacterLimitsMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Paragraph
        fields = ["number", "text"]
        labels = {"number": "Paragraph number", "text": "Paragraph"}
        help_texts = {"number": "For example, 2.3. Leave empty for an unnumbered paragraph"}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": "Enter the paragraph's text"}}

    def __init__(self, *args, agenda_item, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_item = agenda_item
        self.instance.agenda_item = agenda_item
        self.fields["number"].widget.attrs["class"] = "govuk-input--width-5"
        if not self.instance.pk and not self.is_bound:
            self.initial["number"] = agenda_item.next_paragraph_number()


class MinutesStatusForm(CharacterLimitsMixin, forms.Form):
    """Move minutes on: draft, circulated, approved (at a later meeting), published."""

    TRANSITIONS = {"draft": "circulate", "circulated": "approve", "approved": "publish"}
    MOVED_ON = "The minutes have moved on since this page was loaded. Check their status."

    transition = forms.ChoiceField(
        choices=[("circulate", "Circulate"), ("approve", "Approve"), ("publish", "Publish")],
        widget=forms.HiddenInput,
    )
    approved_at = forms.ModelChoiceField(
        label="Approved at the meeting of",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=None,
    )

    agreed = forms.ChoiceField(
        label="The minutes were agreed",
        choices=[("as-they-stand", "As they stand"), ("subject-to-amendments", "Subject to amendments")],
        widget=forms.RadioSelect,
        required=False,
        initial="as-they-stand",
    )
    amendments = forms.CharField(
        label="Amendments agreed",
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One amendment a line, for example: Paragraph 2.3: for “MOJ” read “AGO”. "
        "They are shown on these minutes as corrections, and in the minutes of the meeting that approved them",
    )

    def __init__(self, *args, meeting, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.user = user
        self.next_transition = self.TRANSITIONS.get(meeting.status)
        self.initial["transition"] = self.next_transition
        self.fields["approved_at"].queryset = meeting.approval_candidates()
        self.fields["approved_at"].label_from_instance = lambda later: f"{later.date:%-d %B %Y}"

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("transition") and cleaned["transition"] != self.next_transition:
            raise forms.ValidationError(self.MOVED_ON)
        if (
            cleaned.get("transition") == "approve"
            and not cleaned.get("approved_at")
            and "approved_at" not in self.errors
        ):
            self.add_error("approved_at", "Choose the meeting at which the minutes were approved")
        if (
            cleaned.get("transition") == "approve"
            and cleaned.get("agreed") == "subject-to-amendments"
            and not self.amendment_lines()
            and "amendments" not in self.errors
        ):
            self.add_error("amendments", "Enter the amendments agreed, or choose “As they stand”")
        return cleaned

    def amendment_lines(self):
        if self.cleaned_data.get("agreed") != "subject-to-amendments":
            return []
        return [line for line in self.cleaned_data.get("amendments", "").splitlines() if line.strip()]

    def save(self):
        if self.cleaned_data["transition"] == "approve":
            self.meeting.approve(self.cleaned_data["approved_at"], amendments=self.amendment_lines(), by=self.user)
        else:
            getattr(self.meeting, self.cleaned_data["transition"])()


class AgendaDraftItemForm(AgendaItemForm):
    """An item of an agenda drafted before the meeting, with who leads it."""

    class Meta(AgendaItemForm.Meta):
        fields = ["number", "title", "lead"]
        labels = AgendaItemForm.Meta.labels | {"lead": "Lead department or presenter"}
        help_texts = AgendaItemForm.Meta.help_texts | {"lead": "For example, Home Office or the Chair. Optional"}


class PaperForm(CharacterLimitsMixin, forms.ModelForm):
    """A paper on an agenda item: its type is read from its content, and its size is limited."""

    file = forms.FileField(
        label="File",
        widget=forms.FileInput,
        error_messages={"required": "Choose the paper's file", "empty": "The file is empty: choose the paper's file"},
    )

    class Meta:
        model = Paper
        fields = ["title", "file", "public"]
        labels = {"title": "Title of the paper", "public": "Publish this paper with the minutes"}
        help_texts = {"title": "For example, Paper 2: Activity update"}
        error_messages = {"title": {"required": "Enter the title of the paper"}}

    def __init__(self, *args, agenda_item, uploaded_by=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agenda_item = agenda_item
        self.instance.uploaded_by = uploaded_by
        limit = settings.PAPER_MAX_MEGABYTES
        self.fields["file"].help_text = f"A PDF, DOCX, ODT, XLSX, ODS or PPTX file, up to {limit} MB"
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{extension}" for extension in KINDS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.PAPER_MAX_MEGABYTES
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(f"The file must be smaller than {limit} MB")
        kind = kind_of(upload)
        if kind is None:
            raise forms.ValidationError("The file must be a PDF, DOCX, ODT, XLSX, ODS or PPTX")
        upload.name = safe_file_name(upload.name, kind)
        self.instance.kind, self.instance.size, self.instance.file_name = kind.extension, upload.size, upload.name
        return upload
