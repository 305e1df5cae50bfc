from django import forms

from govuk.forms import CharacterLimitsMixin, ListedModelChoiceField
from meetings.models import Group, Meeting
from search.results import KINDS


class SearchForm(CharacterLimitsMixin, forms.Form):
    """What to look for, and where: the header's box sends only ``q``; the search page adds the filters."""

    q = forms.CharField(
        label="Words to find",
        help_text="Agenda items, paragraphs of minutes, actions and updates holding all of them",
        max_length=200,
        required=False,
    )
    group = ListedModelChoiceField(
        queryset=Group.objects.all(),
        required=False,
        empty_label="All groups",
        error_messages={"invalid_choice": "Select a group from the list"},
    )
    year = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, error_messages={"invalid_choice": "Select a year from the list"}
    )
    kind = forms.ChoiceField(
        label="What to find",
        choices=[("", "Everything"), *((kind, label) for kind, (label, _) in KINDS.items())],
        required=False,
        error_messages={"invalid_choice": "Select what to find from the list"},
    )

    # The order of the page, which the error summary follows.
    field_order = ["q", "kind", "group", "year"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"spellcheck": "false"})
        self.fields["q"].widget.input_type = "search"
        # The years of the minutes the user may read, newest first.
        years = Meeting.objects.visible_to(user).dates("date", "year", order="DESC")
        self.fields["year"].choices = [("", "All years"), *((day.year, day.year) for day in years)]

    @property
    def has_query(self):
        return self.is_valid() and bool(self.cleaned_data["q"])
