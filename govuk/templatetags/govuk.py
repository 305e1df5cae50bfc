"""Template helpers that put Django form fields into GOV.UK Frontend markup."""

from django import forms, template

from govuk.forms import GovukDateInput
from govuk.pagination import page_links

register = template.Library()

INPUT_CLASSES = {
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "checkbox": ("govuk-checkboxes__input", ""),
    "text": ("govuk-input", "govuk-input--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
}


@register.filter
def govuk_kind(field):
    """Which GOV.UK pattern renders this field: text, textarea, select, checkbox, radios, date or file."""
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
    if isinstance(widget, forms.FileInput):
        return "file"
    return "text"


@register.filter
def character_limit(field):
    """The most characters a text box takes, for GOV.UK's character count; None if it is not counted.

    Only text areas are counted, as GOV.UK counts them: a one-line box says its limit when passed.
    """
    if govuk_kind(field) != "textarea":
        return None
    return getattr(field.field, "max_length", None)


@register.filter
def govuk_count(number):
    """A number as GOV.UK writes a count: 10,000."""
    return f"{number:,}"


@register.simple_tag
def govuk_widget(field, classes=""):
    """The field's input with GOV.UK classes, its error state and what describes it.

    It has no ``maxlength``: a browser cuts text pasted over it without a word, so what is too long
    is sent, kept in the box and refused with a message saying the limit.
    """
    base, error = INPUT_CLASSES.get(govuk_kind(field), INPUT_CLASSES["text"])
    counted = character_limit(field)
    described_by = [f"{field.auto_id}-info"] if counted else []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    own = field.field.widget.attrs.get("class", "")
    count = "govuk-js-character-count" if counted else ""
    attrs = {"class": " ".join(filter(None, [base, error if field.errors else "", own, count, classes]))}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    # Django's widget templates leave out an attribute whose value is False.
    attrs["maxlength"] = False
    return field.as_widget(attrs=attrs)


@register.filter
def first_input_id(field):
    """Where an error summary link should land: the field's first input."""
    if govuk_kind(field) == "date":
        return f"{field.auto_id}_day"
    if govuk_kind(field) in {"radios", "checkboxes"}:
        return f"{field.auto_id}_0"
    return field.auto_id


MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@register.filter
def short_date(value):
    """A date as a table writes it, 4 Mar 2013: ``date:"j M Y"`` for a date (not a time), in a tenth of the time,
    which tells in a table of fifty rows."""
    if not value:
        return ""
    return f"{value.day} {MONTHS_SHORT[value.month - 1]} {value.year}"


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


@register.inclusion_tag("includes/page_links.html")
def pagination(page, query="", param="page", fragment="", label="Pages of results"):
    """GOV.UK pagination for a page of a list: ``{% pagination page query %}``.

    ``query`` is the rest of the address's query string (the filters), ``param`` the name of the
    page number in it, and ``fragment`` the part of the page each link goes to.
    """
    prefix = f"?{query}&{param}=" if query else f"?{param}="
    suffix = f"#{fragment}" if fragment else ""
    return {
        "page": page,
        "links": [(number, number and f"{prefix}{number}{suffix}") for number in page_links(page)],
        "previous": page.has_previous() and f"{prefix}{page.previous_page_number()}{suffix}",
        "next": page.has_next() and f"{prefix}{page.next_page_number()}{suffix}",
        "label": label,
    }
