"""Template helpers that put Django form fields into GOV.UK Frontend markup."""

from django import forms, template

from govuk.forms import GovukDateInput

register = template.Library()

INPUT_CLASSES = {
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "checkbox": ("govuk-checkboxes__input", ""),
    "text": ("govuk-input", "govuk-input--error"),
}


@register.filter
def govuk_kind(field):
    """Which GOV.UK pattern renders this field: text, textarea, select, checkbox, radios or date."""
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "text"


@register.simple_tag
def govuk_widget(field, classes=""):
    """The field's input with GOV.UK classes, its error state and what describes it."""
    base, error = INPUT_CLASSES.get(govuk_kind(field), INPUT_CLASSES["text"])
    described_by = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    own = field.field.widget.attrs.get("class", "")
    attrs = {"class": " ".join(filter(None, [base, error if field.errors else "", own, classes]))}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def first_input_id(field):
    """Where an error summary link should land: the field's first input."""
    if govuk_kind(field) == "date":
        return f"{field.auto_id}_day"
    if govuk_kind(field) in {"radios", "checkboxes"}:
        return f"{field.auto_id}_0"
    return field.auto_id


@register.filter
def govuk_time(value):
    """A time as GOV.UK writes it: 10:30am, 2pm, midday, midnight."""
    if value is None or value == "":
        return ""
    if (value.hour, value.minute) == (12, 0):
        return "midday"
    if (value.hour, value.minute) == (0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}" if value.minute else f"{hour}{suffix}"


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*labels_and_urls):
    """GOV.UK breadcrumbs: ``{% breadcrumbs "Groups" groups_url group.short_name group_url %}``."""
    return {"crumbs": list(zip(labels_and_urls[::2], labels_and_urls[1::2], strict=True))}
