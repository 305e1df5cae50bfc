"""Suggestions as a person types a department or a person: the few names on record that match.

The recording page's name fields are plain text fields; with JavaScript, each asks here as the
person types (``offer_suggestions``) and its ``<datalist>`` is filled with at most ``SUGGESTIONS``
matches, never a list of every department or person on record. Only names the user may be
offered (``known_to``) are suggested.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from meetings.models import Department, Person

SUGGESTIONS = 10
LONGEST_TYPED = 500


def offer_suggestions(form):
    """Have the form's name fields (those with ``suggestions``, a URL name) fill their datalist as typed."""
    for name, field in form.fields.items():
        url_name = getattr(field, "suggestions", None)
        if url_name:
            field.widget.attrs.update(
                {
                    "data-hx-get": f"{reverse(url_name)}?field={form.add_prefix(name)}",
                    "data-hx-trigger": "input changed delay:250ms",
                    "data-hx-target": f"#{field.widget.attrs['list']}",
                    "data-hx-swap": "innerHTML",
                    "data-hx-sync": "this:replace",
                }
            )


def typed(request):
    """What was typed in the field the request names (``field``), or in ``q``."""
    return request.GET.get(request.GET.get("field", "q"), "")[:LONGEST_TYPED]


def first_matching(queryset, fields, text):
    """The records whose fields hold the text, those beginning with it first, then by the first field."""
    contains, starts = Q(), Q()
    for field in fields:
        contains |= Q(**{f"{field}__icontains": text})
        starts |= Q(**{f"{field}__istartswith": text})
    starting_first = Case(When(starts, then=Value(0)), default=Value(1), output_field=IntegerField())
    return queryset.filter(contains).order_by(starting_first, fields[0])[:SUGGESTIONS]


@require_GET
def departments(request):
    """Departments matching the name being typed; in a list of names ("Home Office, UK"), the last one."""
    done, comma, last = typed(request).rpartition(",")
    last = " ".join(last.split())
    before = ", ".join(" ".join(name.split()) for name in done.split(",")) + ", " if comma else ""
    matches = (
        first_matching(
            Department.objects.known_to(request.user).only("short_name", "name"), ["short_name", "name"], last
        )
        if last
        else []
    )
    options = [(f"{before}{department.short_name}", department.name) for department in matches]
    return render(request, "meetings/suggestions.html", {"options": options})


@require_GET
def people(request):
    """People whose name holds what is being typed."""
    text = " ".join(typed(request).split())
    matches = first_matching(Person.objects.known_to(request.user).only("name"), ["name"], text) if text else []
    return render(request, "meetings/suggestions.html", {"options": [(person.name, "") for person in matches]})
