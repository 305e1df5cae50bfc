from django import forms

from govuk.forms import CharacterLimitsMixin
from imports.parser import parse_minutes
from imports.reading import MAX_UPLOAD_BYTES, Unreadable, read_document
from imports.register import parse_register
from meetings.models import Department

NO_MINUTES = (
    "No minutes were recognised: there is no register (“Attendees:” or “Present:”) and no numbered agenda items. "
    "Check it is the minutes of a meeting"
)
MAX_PASTED_CHARACTERS = 1_000_000


class ImportForm(CharacterLimitsMixin, forms.Form):
    """A file of minutes, or their text pasted; read and parsed as it is validated."""

    file = forms.FileField(
        label="Upload a file",
        required=False,
        help_text="A Word document (DOCX), OpenDocument text (ODT), PDF with selectable text, web page (HTML) "
        "or plain text file, smaller than 20 MB",
        widget=forms.FileInput(attrs={"accept": ".docx,.odt,.pdf,.html,.htm,.txt"}),
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be uploaded: try again",
            "max_length": "The selected file's name must be 255 characters or less",
        },
    )
    text = forms.CharField(
        label="Or paste the text of the minutes",
        required=False,
        max_length=MAX_PASTED_CHARACTERS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
    )

    def __init__(self, *args, directory, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory = directory
        self.source_text, self.minutes, self.file_name, self.content = "", None, "", b""

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        if self.errors:
            return cleaned
        if upload and text.strip():
            self.add_error("text", "Upload a file or paste the text, not both")
            return cleaned
        if upload:
            field = "file"
            if upload.size > MAX_UPLOAD_BYTES:
                self.add_error("file", "The selected file must be smaller than 20 MB")
                return cleaned
            self.content = upload.read()
            self.file_name = upload.name[:255]
            try:
                self.source_text = read_document(self.content, upload.name)
            except Unreadable as error:
                self.add_error("file", str(error))
                return cleaned
        elif text.strip():
            field, self.source_text = "text", text
        else:
            self.add_error("file", "Select a file of minutes, or paste their text")
            return cleaned
        self.minutes = parse_minutes(self.source_text, self.directory)
        if self.minutes.is_empty:
            self.add_error(field, NO_MINUTES)
        return cleaned


def owner_names(text):
    return [name for name in (" ".join(part.split()) for part in text.split(",")) if name]


class ConfirmForm(forms.Form):
    """What the review asks before the meeting is made: new departments, and whether old actions are still open."""

    add_departments = forms.BooleanField(required=False)

    def __init__(self, *args, new_departments, actions, later_minutes, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_departments = new_departments
        if new_departments:
            names = " and ".join(f"“{entry.name}”" for entry in new_departments)
            many = len(new_departments) > 1
            self.fields["add_departments"].label = f"Add {names} as {'new departments' if many else 'a new department'}"
            self.fields[
                "add_departments"
            ].help_text = "Otherwise, correct the names in the source text and read it again"
        else:
            del self.fields["add_departments"]
        self.owner_fields = []
        for index, action in enumerate(actions):
            name = f"owners_{index}"
            self.fields[name] = forms.CharField(
                label=f"Owners of action {index + 1}",
                max_length=500,
                initial=", ".join(action.owners),
                help_text="Departments, the lead first, divided by commas",
                error_messages={"required": "Enter the department that owns the action"},
                widget=forms.TextInput(attrs={"form": "confirm-form", "list": "departments", "spellcheck": "false"}),
            )
            self.owner_fields.append(name)
        self.action_fields = []
        if later_minutes:
            for index, action in enumerate(actions):
                name = f"action_{index}"
                self.fields[name] = forms.ChoiceField(
                    label=f"Is “{action.text[:120]}{'…' if len(action.text) > 120 else ''}” still open?",
                    choices=[("open", "Yes, still open"), ("done", "No, it has been done")],
                    initial="open",
                    widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                    error_messages={"required": "Say whether the action is still open"},
                )
                self.action_fields.append(name)

    def clean(self):
        cleaned = super().clean()
        confirmed = {entry.name for entry in self.new_departments} if cleaned.get("add_departments") else set()
        for name in self.owner_fields:
            typed = owner_names(cleaned.get(name) or "")
            unknown = [owner for owner in typed if owner not in confirmed and not Department.objects.named(owner)]
            if name in cleaned and not typed:
                self.add_error(name, "Enter the department that owns the action")
            elif unknown:
                closest = Department.objects.closest(unknown[0])
                guess = f": did you mean {closest}?" if closest else ""
                self.add_error(name, f"“{unknown[0]}” is not a department on record{guess}")
            elif any(len(owner) > 60 for owner in typed):
                self.add_error(name, "Each department's name must be 60 characters or less")
        if self.new_departments and not cleaned.get("add_departments"):
            self.add_error(
                "add_departments",
                "Confirm the new departments, or correct their names in the source text and read it again",
            )
        return cleaned

    @property
    def owners(self):
        """The owners confirmed for each action, by its position among the minutes' actions."""
        return [owner_names(self.cleaned_data[name]) for name in self.owner_fields]

    @property
    def closed_actions(self):
        return {int(name.rpartition("_")[2]) for name in self.action_fields if self.cleaned_data.get(name) == "done"}


class SourceForm(CharacterLimitsMixin, forms.Form):
    """The source text, changed section by section on the review page, to be read again."""

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for index in range(len(sections)):
            self.fields[f"section_{index}"] = forms.CharField(
                required=False, strip=False, max_length=MAX_PASTED_CHARACTERS, widget=forms.Textarea
            )

    def source_text(self):
        return "\n".join(self.cleaned_data[f"section_{index}"].rstrip("\n") for index in range(len(self.sections)))


class PasteRegisterForm(CharacterLimitsMixin, forms.Form):
    text = forms.CharField(
        label="Paste the register",
        help_text="One row a line: the department, then the name, with a tab or two spaces between them. "
        "For example, DCLG  Official (for Baroness Hanham MP)",
        max_length=50_000,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        error_messages={"required": "Paste the lines of the register"},
    )
    add_departments = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, directory, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.directory, self.kind = directory, kind
        self.rows, self.not_rows = [], []
        if kind == "apologies":
            self.fields["text"].label = "Paste the apologies"

    def clean_text(self):
        text = self.cleaned_data["text"]
        self.rows, self.not_rows = parse_register(text, self.directory)
        if not self.rows:
            raise forms.ValidationError("No rows were recognised: put the department, then the name, on each line")
        if self.kind == "apologies" and any(not row.person for row in self.rows):
            raise forms.ValidationError("Each apology needs a person's name, not “Official”")
        if len(self.rows) > 100:
            raise forms.ValidationError("Paste at most 100 rows at a time")
        return text
