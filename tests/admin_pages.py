"""What the Django admin's pages post, for tests that save through them as an administrator does."""


def posted(form):
    """What a browser posts for a form as shown: every field's current value."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(part) for part in value]
        elif value is not None:
            data[field.html_name] = str(value)
    return data


def change_page_data(response, **changes):
    """The admin change page's form and inlines as shown, with some fields changed."""
    assert response.status_code == 200
    data = posted(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data |= posted(inline.formset.management_form)
        for form in inline.formset.forms:
            data |= posted(form)
    return data | changes
