import django_filters
from django import forms
from django.db.models import Case, F, When
from django.utils import timezone

from actions.models import Status
from meetings.models import Department, Group, Meeting

STATUS_ORDER = Case(*(When(status=status, then=index) for index, status in enumerate(Status.values)))

SORTS = {
    "reference": ("Reference, oldest first", ["meeting__date", "number"]),
    "-reference": ("Reference, newest first", ["-meeting__date", "-number"]),
    "due": ("Due date, soonest first", [F("due_on").asc(nulls_last=True), "meeting__date", "number"]),
    "-due": ("Due date, latest first", [F("due_on").desc(nulls_last=True), "meeting__date", "number"]),
    "status": ("Status", [STATUS_ORDER, "meeting__date", "number"]),
}


class ActionFilter(django_filters.FilterSet):
    """The action register's filters and sorting; bad values become form errors, never server errors."""

    q = django_filters.CharFilter(label="Search the action text", method="filter_text")
    group = django_filters.ModelChoiceFilter(
        field_name="meeting__group",
        queryset=Group.objects.all(),
        empty_label="All groups",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    department = django_filters.ModelChoiceFilter(
        label="Owning department",
        queryset=Department.objects.all(),
        method="filter_department",
        empty_label="All departments",
        error_messages={"invalid_choice": "Select a department from the list"},
    )
    meeting = django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.select_related("group").order_by("-date"),
        empty_label="All meetings",
        error_messages={"invalid_choice": "Select a meeting from the list"},
    )
    status = django_filters.MultipleChoiceFilter(
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
