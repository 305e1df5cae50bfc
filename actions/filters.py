import django_filters
from django import forms
from django.utils import timezone
from django_filters.fields import ModelChoiceField, ModelChoiceIterator

from actions.models import LATEST_DUE_ORDER, REFERENCE_ORDER, STATUS_ORDER, URGENCY_ORDER, Status
from govuk.forms import ChoicesInOneQuery
from meetings.models import Department, Group, Meeting

# Reference order is the index ``action_register_order``, status order ``action_status_order``, the due date
# orders ``action_due_order`` and ``action_latest_due_order``; every order is total (it ends with a unique key),
# so that a page can be read from either end of the list.
SORTS = {
    "reference": ("Reference, oldest first", REFERENCE_ORDER),
    "-reference": ("Reference, newest first", ["-meeting_date", "-meeting_id", "-number"]),
    "due": ("Due date, soonest first", URGENCY_ORDER),
    "-due": ("Due date, latest first", LATEST_DUE_ORDER),
    "status": ("Status", [STATUS_ORDER, *REFERENCE_ORDER]),
}


class ListedChoices(ModelChoiceIterator, ChoicesInOneQuery):
    """django-filter's choices (with its choice for "none"), read in one plain query."""


class ListedModelChoiceField(ModelChoiceField):
    iterator = ListedChoices


class ListedModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of a short list of records (groups, departments), offered in a select read in one query."""

    field_class = ListedModelChoiceField


class ActionFilter(django_filters.FilterSet):
    """The action register's filters and sorting; bad values become form errors, never server errors."""

    q = django_filters.CharFilter(label="Search the action text", method="filter_text")
    group = ListedModelChoiceFilter(
        field_name="meeting__group",
        queryset=Group.objects.all(),
        empty_label="All groups",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    department = ListedModelChoiceFilter(
        label="Owning department",
        queryset=Department.objects.all(),
        method="filter_department",
        empty_label="All departments",
        error_messages={"invalid_choice": "Select a department from the list"},
    )
    year = django_filters.NumberFilter(
        label="Year of the meeting",
        field_name="meeting_date",
        lookup_expr="year",
        min_value=1900,
        max_value=2999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": "Enter a year, for example 2013",
            "min_value": "Enter a year, for example 2013",
            "max_value": "Enter a year, for example 2013",
        },
    )
    # A meeting's actions, linked to from its minutes: one meeting by its id, not a list of every meeting.
    meeting = django_filters.ModelChoiceFilter(
        queryset=lambda request: (
            Meeting.objects.select_related("group").visible_to(request.user) if request else Meeting.objects.all()
        ),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That meeting is not on record"},
    )
    status = django_filters.MultipleChoiceFilter(
        # Each status is a value of the action's own column: nothing to make distinct.
        distinct=False,
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select a status from the list"},
    )
    overdue = django_filters.BooleanFilter(
        label="Only overdue actions", method="filter_overdue", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="sort_by",
        empty_label=None,
        error_messages={"invalid_choice": "Select a sort order from the list"},
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        # Ordered here rather than in filter_queryset(), which runs only when there are filters:
        # the register without any is in reference order too, and so is its CSV.
        self.queryset = self.queryset.order_by(*SORTS["reference"][1])

    def filter_text(self, queryset, name, value):
        return queryset.matching(value)

    def filter_department(self, queryset, name, department):
        return queryset.owned_by(department)

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(timezone.localdate()) if value else queryset

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1])
