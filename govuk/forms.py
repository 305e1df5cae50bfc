"""Form pieces that render in the GOV.UK Design System's patterns."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.forms.utils import pretty_name

TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I.%M %p", "%I %p"]


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class CharacterLimitsMixin:
    """A text's limit said as GOV.UK says it: "Paragraph must be 10,000 characters or less"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if getattr(field, "max_length", None):
                label = field.label or pretty_name(name)
                field.error_messages.setdefault(
                    "max_length", f"{label} must be {field.max_length:,} characters or less"
                )


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric"}
        super().__init__(
            {"day": forms.TextInput(part), "month": forms.TextInput(part), "year": forms.TextInput(part)}, attrs
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    widget = GovukDateInput

    def __init__(self, *, required=True, **kwargs):
        # GOV.UK's messages name the date: "Date of the meeting must be a real date".
        part = {"invalid": f"{kwargs.get('label') or 'Date'} must be a real date"}
        # The parts are optional one by one so that compress() can name the missing ones.
        super().__init__(
            fields=[
                forms.IntegerField(required=False, error_messages=part),
                forms.IntegerField(required=False, error_messages=part),
                forms.IntegerField(required=False, error_messages=part),
            ],
            require_all_fields=False,
            required=required,
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list or all(part in (None, "") for part in data_list):
            return None
        day, month, year = data_list
        missing = [name for name, part in zip(("day", "month", "year"), data_list, strict=True) if part in (None, "")]
        if missing:
            raise ValidationError(f"{self.label or 'Date'} must include a {' and '.join(missing)}", code="incomplete")
        if year < 1900 or year > 2200:
            raise ValidationError("Year must include 4 numbers", code="invalid")
        try:
            return datetime.date(year, month, day)
        except (ValueError, OverflowError) as error:
            # A day like 2147483648 is too big for the date type even to be refused as a day of the month.
            raise ValidationError(f"{self.label or 'Date'} must be a real date", code="invalid") from error


class GovukTimeField(forms.TimeField):
    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", TIME_INPUT_FORMATS)
        kwargs.setdefault("help_text", "For example, 10:30 or 2pm")
        kwargs.setdefault("error_messages", {"invalid": "Enter a time, like 10:30 or 2pm"})
        super().__init__(widget=forms.TimeInput(format="%H:%M"), **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "")
            # The app writes 12:00 as "midday" and 00:00 as "midnight": what it writes, it reads.
            for word, time in (("midday", "12pm"), ("noon", "12pm"), ("midnight", "12am")):
                value = value.replace(f"12{word}", word).replace(word, time)
            value = value.replace("am", "AM").replace("pm", "PM")
        return super().to_python(value)


class ChoicesInOneQuery(forms.models.ModelChoiceIterator):
    def __iter__(self):
        # Read as a plain query: Django's iterator() opens a server-side cursor on PostgreSQL, three round trips
        # to the database for a list of twenty groups.
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for choice in self.queryset:
            yield self.choice(choice)


class ListedModelChoiceField(forms.ModelChoiceField):
    """A choice of a short list of records (groups, departments) whose options are read in one plain query."""

    iterator = ChoicesInOneQuery


class CheckboxesField(forms.ModelMultipleChoiceField):
    """Records ticked from a list: a value that is no key of any record (too large, negative, not a
    number) is refused as not in the list before the database is asked."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {"invalid_choice": "Choose from the list", "invalid_pk_value": "Choose from the list"}
    LARGEST_KEY = 2**63 - 1

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if not text.isdigit() or int(text) > self.LARGEST_KEY:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super()._check_values(value)
