"""The recording page: a meeting's register, agenda items, paragraphs and actions with their forms.

Every form on the page has its own prefix, so a form that comes back with errors takes the place
of the blank one it was submitted from, and htmx can re-render any one section of the page alone.
"""

import functools

from django.db import models
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django_htmx.http import reswap, retarget, trigger_client_event

from actions.forms import ActionForm, UpdateForm
from actions.models import Action, as_arising
from govuk.pagination import BothEndsPaginator
from meetings.forms import AgendaItemForm, ApologyForm, AttendeeForm, ParagraphForm
from meetings.models import AgendaItem, Apology, Attendee, Paragraph
from minutes.proposed_register import register_sources

TEMPLATE = "minutes/record.html"
ARISING_PAGE = 25
"""Matters arising shown a page at a time, each with its form."""


class Section:
    """One part of the recording page that htmx swaps alone."""

    def __init__(self, partial, item=None):
        self.partial = partial
        self.item = item

    @property
    def element_id(self):
        return f"item-{self.item.pk}" if self.item else self.partial

    @classmethod
    def parse(cls, element_id, meeting):
        """The section of the meeting's page with this id ("attendees", "item-12"), or None."""
        if element_id in {"attendees", "apologies", "agenda", "matters-arising"}:
            return cls(element_id)
        if element_id and element_id.startswith("item-") and element_id[5:].isdigit():
            item = next((item for item in meeting.agenda_items.all() if item.pk == int(element_id[5:])), None)
            return cls("agenda-item", item) if item else None
        return None


def build_context(meeting, user, *, form=None, editing=None, arising_page=None):
    """The page's context: a blank form in every slot but the one ``form`` fills.

    The matters arising, a page at a time, only with ``arising_page`` (a page number, which may be
    a bad one): a section of the page that does not show them does not fetch them.
    """
    forms = {}

    def slot(form_class, prefix, **kwargs):
        if form is not None and form.prefix == prefix:
            return form
        return form_class(prefix=prefix, **kwargs)

    forms["attendee"] = slot(AttendeeForm, "attendee", meeting=meeting)
    forms["apology"] = slot(ApologyForm, "apology", meeting=meeting)
    forms["agenda_item"] = slot(AgendaItemForm, "agenda-item", meeting=meeting)
    items = address_rows(meeting)
    for item in items:
        item.paragraph_form = slot(ParagraphForm, f"item-{item.pk}-paragraph", agenda_item=item)
        item.action_form = slot(ActionForm, f"item-{item.pk}-action", agenda_item=item)
    if editing is not None and not form.errors:
        autofocus(form)
    context = {
        "meeting": meeting,
        "forms": forms,
        "editing": editing,
        "edit_form": form if editing is not None else None,
        "invalid_form": form if form is not None and form.is_bound and form.errors else None,
        "register_sources": register_sources(meeting),
        "apology_offers": apology_offers(meeting),
        # Said, not left to the template to find missing: a name missing from the context costs an
        # exception at each of the page's hundreds of rows.
        "oob": False,
        "keep_rows": False,
        "autofocus": False,
    }
    if arising_page is not None:
        context.update(matters_arising_context(meeting, arising_page, form))
    return context


def address_rows(meeting):
    """Give each row of the meeting (from ``with_minutes()``) what its controls need: the addresses they
    use (``row.addresses``) and whether it is first or last of its list; returns the agenda items.

    The addresses are reversed once for each kind of row, not three times for each row of a page
    that may show hundreds.
    """
    items = list(meeting.agenda_items.all())
    rows = {
        "attendee": [list(meeting.attendees.all())],
        "apology": [list(meeting.apologies.all())],
        "agenda_item": [items],
        "paragraph": [list(item.paragraphs.all()) for item in items],
        "action": [list(item.actions.all()) for item in items],
    }
    for kind, lists in rows.items():
        address = row_addresses(meeting, kind)
        for siblings in lists:
            for index, row in enumerate(siblings):
                address(row, first=index == 0, last=index == len(siblings) - 1)
    for item in items:
        item.anchor = f"item-{item.pk}"
    return items


def row_addresses(meeting, kind):
    """A function that gives a row of this kind its controls' addresses, its id in the page
    (``element_id``: "attendee-12"), its controls' id (``controls_id``) and its place in its list;
    an action, the address of its own page too (``addresses.page``)."""
    prefix = reverse(f"minutes:{kind}-edit", args=[meeting.pk, 0]).removesuffix("0/edit/")
    page_prefix = reverse("actions:action", args=[0]).removesuffix("0/") if kind == "action" else None

    def address(row, *, first, last):
        row.addresses = {control: f"{prefix}{row.pk}/{control}/" for control in ("edit", "move", "delete")}
        # Said once here: a number the template writes is localised each time, at a cost.
        row.element_id, row.controls_id = element_id(kind, row.pk), f"{kind}-{row.pk}-controls"
        if page_prefix:
            row.addresses["page"] = f"{page_prefix}{row.pk}/"
        row.is_first, row.is_last = first, last

    return address


ROW_NAMES = {"attendee", "apology", "paragraph", "action"}
"""The kinds of row that htmx changes alone, each in a fragment of the page named ``<kind>-row``."""


def render_row(request, meeting, kind, row, siblings, *, form=None):
    """One row of the recording page alone, for htmx: with ``form``, its change form in the row's place.

    ``siblings`` are the primary keys of the row's list, in order: they say which moves it offers.
    """
    row_addresses(meeting, kind)(row, first=row.pk == siblings[0], last=row.pk == siblings[-1])
    if getattr(row, "meeting_id", None) == meeting.pk:
        row.meeting = meeting
    item = getattr(row, "agenda_item", None)
    if item is not None:
        item.anchor = f"item-{item.pk}"
    if form is not None and not form.errors:
        autofocus(form)
    context = {
        "meeting": meeting,
        kind: row,
        "item": item,
        "editing": row if form is not None else None,
        "edit_form": form,
    }
    return render(request, f"{TEMPLATE}#{kind}-row", context)


def row_siblings(kind, row):
    """The primary keys of the row's list (its item's, or its meeting's), in order."""
    if kind in {"paragraph", "action"}:
        return list(type(row).objects.filter(agenda_item=row.agenda_item_id).values_list("pk", flat=True))
    return list(type(row).objects.filter(meeting=row.meeting_id).values_list("pk", flat=True))


def shown_row_id(element_id):
    """The kind and primary key of the row that the page shows alone with this id ("attendee-12"), or None."""
    kind, _, pk = (element_id or "").rpartition("-")
    return (kind, int(pk)) if kind in ROW_NAMES and pk.isdigit() else None


def render_shown_row(request, meeting, kind, pk):
    """For htmx, one row of the page as it shows it, alone: what a cancelled change gives back."""
    row = get_object_or_404(shown_rows(kind, meeting), pk=pk)
    return render_row(request, meeting, kind, row, row_siblings(kind, row))


ROW_VARIABLES = {
    "attendee": "attendee",
    "apology": "apology",
    "agenda_item": "item",
    "paragraph": "paragraph",
    "action": "action",
}
"""The name each kind of row has in the page's template."""

PARTIAL_NAMES = {"agenda_item": "agenda-item"}
"""The partials of a row's controls and of the form that adds one are named ``<name>-controls`` and
``<name>-add``, the name being the kind's own but for agenda items."""


def shown_rows(kind, meeting):
    """The meeting's rows of this kind with what the recording page shows of each, as ``with_minutes()``
    fetches them for the whole page."""
    if kind == "attendee":
        return Attendee.objects.filter(meeting=meeting).select_related("department", "person", "deputising_for")
    if kind == "apology":
        return Apology.objects.filter(meeting=meeting).select_related("department", "person")
    if kind == "paragraph":
        return Paragraph.objects.filter(agenda_item__meeting=meeting).select_related("agenda_item")
    actions = (
        Action.objects.with_owners().select_related("meeting__group").annotate(update_count=models.Count("updates"))
    )
    if kind == "action":
        return actions.filter(agenda_item__meeting=meeting).select_related("agenda_item")
    return AgendaItem.objects.filter(meeting=meeting).prefetch_related(
        "paragraphs", models.Prefetch("actions", actions.order_by(*Action._meta.ordering))
    )


def element_id(kind, pk):
    """The id of the row of this kind with this primary key on the page: "attendee-12", "item-3"."""
    return f"item-{pk}" if kind == "agenda_item" else f"{kind}-{pk}"


def list_id(kind, item=None):
    """The id of the element that holds a list of rows of this kind (an agenda item's, for rows in one)."""
    if item is not None:
        return f"item-{item.pk}-{'paragraphs' if kind == 'paragraph' else 'actions'}"
    return {"attendee": "attendees-rows", "apology": "apologies-rows", "agenda_item": "agenda-items"}[kind]


def partial_name(kind, part):
    return f"{PARTIAL_NAMES.get(kind, kind)}-{part}"


def render_fragments(request, *fragments):
    """Named fragments of the recording page, each rendered with its own context, one after another."""
    return HttpResponse(
        "".join(render_to_string(f"{TEMPLATE}#{name}", context, request) for name, context in fragments)
    )


def shown_row(meeting, kind, row, siblings, **context):
    """The context of one row of the page: the row with its addresses, its place in ``siblings`` (primary
    keys in order) and, for an agenda item, its anchor and its rows' add forms."""
    row_addresses(meeting, kind)(row, first=row.pk == siblings[0], last=row.pk == siblings[-1])
    item = row if kind == "agenda_item" else getattr(row, "agenda_item", None)
    if item is not None:
        item.anchor = f"item-{item.pk}"
    if kind == "agenda_item" and not context.get("keep_rows"):
        row.paragraph_form = ParagraphForm(prefix=f"item-{row.pk}-paragraph", agenda_item=row)
        row.action_form = ActionForm(prefix=f"item-{row.pk}-action", agenda_item=row)
    return {"meeting": meeting, "item": item, ROW_VARIABLES[kind]: row, "editing": None, **context}


def add_form_context(meeting, kind, form, item=None):
    context = {"meeting": meeting, "item": item, "forms": {kind: form}, "focus": form.prefix}
    if item is not None:
        setattr(item, f"{kind}_form", form)
    return context


def render_added(request, meeting, kind, form, item=None, *, siblings=None, fresh_form=None):
    """For htmx, after adding a row: the add form again, empty (or, when nothing was added, with the
    problems it had), the new row at the end of its list (``siblings``, primary keys in order), and the
    controls of the row above it, which can now move down. An apology, or an official attending for a
    minister, changes which apologies are offered: they come too.
    """
    if fresh_form is None:
        return render_fragments(request, (partial_name(kind, "add"), add_form_context(meeting, kind, form, item)))
    autofocus(fresh_form, first_empty=True)
    place = siblings.index(form.instance.pk)
    above = siblings[place - 1] if place > 0 else None
    rows = shown_rows(kind, meeting).in_bulk([pk for pk in (form.instance.pk, above) if pk])
    row = rows[form.instance.pk]
    swap = f"{'beforeend' if len(siblings) > 1 else 'innerHTML'}:#{list_id(kind, item)}"
    fragments = [
        (partial_name(kind, "add"), add_form_context(meeting, kind, fresh_form, item)),
        ("placed-row", shown_row(meeting, kind, row, siblings, swap=swap)),
    ]
    if above:
        fragments.append((partial_name(kind, "controls"), shown_row(meeting, kind, rows[above], siblings, oob=True)))
    if kind == "apology" or (kind == "attendee" and row.deputising_for_id):
        fragments.append(("apology-offers", apology_offers_context(meeting)))
    return render_fragments(request, *fragments)


def render_moved(request, meeting, kind, upper, lower, siblings):
    """For htmx, after two neighbouring rows swapped places: the one that was above comes again, to go
    below the other (keeping, for an agenda item, its rows where they are in the page), and the other
    gets its controls again, its move buttons now those of a row higher up. The page's copy of the row
    that was above is the target, and goes.

    Its controls come first, so that the focus goes back to the button that moved the row.
    """
    rows = shown_rows(kind, meeting).in_bulk([upper, lower])
    upper, lower = rows[upper], rows[lower]
    response = render_fragments(
        request,
        (partial_name(kind, "controls"), shown_row(meeting, kind, lower, siblings, oob=True)),
        (
            "placed-row",
            shown_row(meeting, kind, upper, siblings, swap=f"afterend:#{element_id(kind, lower.pk)}", keep_rows=True),
        ),
    )
    return reswap(retarget(response, f"#{element_id(kind, upper.pk)}"), "delete")


def render_removed(request, meeting, kind, row, pk, siblings):
    """For htmx, after the row with primary key ``pk`` was removed from its list (``siblings``, the
        primary keys in order before it went): the page's copy of the row is the target, and goes.

        The row that takes its place (the one below, or above when the last went) gets its controls again,
        with the focus on its Change link, which the Remove link had: now first or last, it may no longer
    move up, or down.
        A list left empty says so instead, and takes the focus. An apology, or an official attending for a
        minister, changes which apologies are offered: they come too.
    """
    item = getattr(row, "agenda_item", None)
    place = siblings.index(pk)
    siblings = siblings[:place] + siblings[place + 1 :]
    if siblings:
        taker = shown_rows(kind, meeting).get(pk=siblings[min(place, len(siblings) - 1)])
        context = shown_row(meeting, kind, taker, siblings, oob=True, autofocus=True, keep_rows=True)
        fragments = [(partial_name(kind, "controls"), context)]
    else:
        fragments = [(partial_name(kind, "none"), {"item": item, "autofocus": True})]
    if kind == "apology" or (kind == "attendee" and row.deputising_for_id):
        fragments.append(("apology-offers", apology_offers_context(meeting)))
    response = render_fragments(request, *fragments)
    if siblings:
        return reswap(retarget(response, f"#{element_id(kind, pk)}"), "delete")
    # The empty state, first in the answer, takes the list's place; what follows it is swapped by its id.
    return reswap(retarget(response, f"#{list_id(kind, item)}"), "innerHTML")


def apology_offers_context(meeting):
    models.prefetch_related_objects(
        [meeting], models.Prefetch("attendees", shown_rows("attendee", meeting)), "apologies"
    )
    return {"meeting": meeting, "apology_offers": apology_offers(meeting), "oob": True}


def matters_arising_context(meeting, number, form=None):
    """One page of the meeting's matters arising, each with its update form, and their counts.

    ``form`` is an update form that came back with problems: it takes its action's place. The others
    are blank, and written from ``blank_update`` without building a form for each.
    """
    counts = Action.objects.arising_counts(meeting)
    paginator = BothEndsPaginator(Action.objects.matters_arising(meeting).for_listing(today=meeting.date), ARISING_PAGE)
    paginator.count = counts.total  # counted with the reviewed ones: no second count
    page = paginator.get_page(number)
    page.object_list = as_arising(page.object_list, meeting)
    address = arising_addresses(meeting)
    for action in page.object_list:
        address(action, form if form is not None and form.prefix == f"arising-{action.pk}" else None)
    return {
        "matters_arising": page.object_list,
        "arising_page": page,
        "arising_counts": counts,
        "blank_update": blank_update(),
    }


def arising_addresses(meeting):
    """A function that gives an action of the meeting's matters arising what its row needs: the
    addresses of its own page and of its update (``addresses``), the prefix and version its update
    form posts, and that form, when it is not blank (``update_form``, else None)."""
    update_prefix = reverse("minutes:matters-arising-update", args=[meeting.pk, 0]).removesuffix("0/")
    page_prefix = reverse("actions:action", args=[0]).removesuffix("0/")

    def address(action, form=None):
        action.addresses = {"page": f"{page_prefix}{action.pk}/", "update": f"{update_prefix}{action.pk}/"}
        action.update_prefix, action.version_value = f"arising-{action.pk}", str(action.version)
        action.update_form = form

    return address


@functools.cache
def blank_update():
    """What the page writes of a blank update form from the form's own fields (the partial
    ``arising-blank-form``): its labels, its hint, its limit and the statuses in order.

    Written by the template, a blank form costs a fraction of rendering a form built for each of
    the page's matters arising; a test keeps the two alike. The same for everyone, it is worked
    out once.
    """
    status, text = UpdateForm.base_fields["status"], UpdateForm.base_fields["text"]
    return {
        "status_label": status.label,
        "statuses": [(str(index), value, label) for index, (value, label) in enumerate(status.choices)],
        "text_label": text.label,
        "text_hint": text.help_text,
        "text_limit": str(text.max_length),
        "text_limit_shown": f"{text.max_length:,}",
    }


def arising_page_of(meeting, action):
    """The number of the page of matters arising that shows the action."""
    return Action.objects.matters_arising(meeting).before(action).count() // ARISING_PAGE + 1


def apology_offers(meeting):
    """The ministers an official deputised for who are not yet in the apologies: each is offered."""
    apologised = {apology.person_id for apology in meeting.apologies.all()}
    offers = {}
    for attendee in meeting.attendees.all():
        if attendee.deputising_for_id and attendee.deputising_for_id not in apologised:
            offers.setdefault(attendee.deputising_for_id, attendee)
    return list(offers.values())


def autofocus(form, first_empty=False):
    """Put the cursor in the form's first field, or its first empty one (the title, when the
    item's number is suggested), so the next row can be typed straight away."""
    fields = form.visible_fields()
    empty = [field for field in fields if field.value() in (None, "")] if first_empty else []
    field = next(iter(empty or fields), None)
    if field is not None:
        field.field.widget.attrs["autofocus"] = True


def announced(response, message):
    """Have the page's status region read out what an htmx change did, once the swap has settled."""
    return trigger_client_event(response, "announce", {"message": message}, after="settle")


def render_recording_page(request, meeting, *, section=None, status=200, arising_page=None, **kwargs):
    """The whole recording page, or for htmx only the section that changed.

    The page of matters arising shown is ``arising_page`` or the one the address asks for.
    """
    shows_arising = not (request.htmx and section is not None) or section.partial == "matters-arising"
    if shows_arising and arising_page is None:
        arising_page = request.GET.get("arising") or 1
    context = build_context(meeting, request.user, arising_page=arising_page if shows_arising else None, **kwargs)
    template = TEMPLATE
    if request.htmx and section is not None:
        template = f"{TEMPLATE}#{section.partial}"
        context["item"] = section.item
    context["section"] = section
    return render(request, template, context, status=status)
