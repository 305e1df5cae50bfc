import datetime

import pytest
from django.core.exceptions import ValidationError

from govuk.forms import GovukTimeField


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("10:30", datetime.time(10, 30)),
        ("10.30", datetime.time(10, 30)),
        ("2pm", datetime.time(14)),
        ("2 PM", datetime.time(14)),
        ("10.30 am", datetime.time(10, 30)),
        ("12 pm", datetime.time(12)),
        ("12am", datetime.time(0)),
        ("2:15pm", datetime.time(14, 15)),
        ("noon", datetime.time(12)),
        ("12 noon", datetime.time(12)),
        ("midday", datetime.time(12)),
        ("12 midday", datetime.time(12)),
        ("Midnight", datetime.time(0)),
        (" 14:00 ", datetime.time(14)),
    ],
)
def test_it_accepts_times_as_people_write_them(typed, time):
    assert GovukTimeField().clean(typed) == time


@pytest.mark.parametrize("typed", ["25:00", "10:75", "13pm", "half ten", "10", "2147483648:00", "10:2147483648"])
def test_it_refuses_something_that_is_not_a_time(typed):
    with pytest.raises(ValidationError) as raised:
        GovukTimeField().clean(typed)

    assert raised.value.messages == ["Enter a time, like 10:30 or 2pm"]


def test_a_blank_optional_time_is_none():
    assert GovukTimeField(required=False).clean("") is None


def test_it_shows_a_time_as_hours_and_minutes():
    assert GovukTimeField().widget.format_value(datetime.time(10, 30)) == "10:30"
