import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError

from govuk.forms import GovukDateField, GovukDateInput


def error_for(field, value):
    with pytest.raises(ValidationError) as raised:
        field.clean(value)
    return raised.value.messages


def test_it_reads_day_month_and_year():
    assert GovukDateField().clean(["11", "3", "2013"]) == datetime.date(2013, 3, 11)


def test_it_reads_parts_with_leading_zeros_and_spaces():
    assert GovukDateField().clean([" 07 ", "04", "2012"]) == datetime.date(2012, 4, 7)


def test_a_blank_optional_date_is_none():
    assert GovukDateField(required=False).clean(["", "", ""]) is None


def test_a_blank_required_date_gives_the_required_message():
    field = GovukDateField(error_messages={"required": "Enter the date of the meeting"})

    assert error_for(field, ["", "", ""]) == ["Enter the date of the meeting"]


def test_a_missing_month_is_named():
    assert error_for(GovukDateField(), ["11", "", "2013"]) == ["Date must include a month"]


def test_missing_parts_are_named_together():
    assert error_for(GovukDateField(required=False), ["", "3", ""]) == ["Date must include a day and year"]


@pytest.mark.parametrize("value", [["31", "2", "2013"], ["11", "13", "2013"], ["0", "3", "2013"]])
def test_an_impossible_date_must_be_a_real_date(value):
    assert error_for(GovukDateField(), value) == ["Date must be a real date"]


@pytest.mark.parametrize(
    "value",
    [["2147483648", "3", "2013"], ["11", "2147483648", "2013"], ["-1", "3", "2013"], ["1" * 5000, "3", "2013"]],
)
def test_a_part_too_big_or_small_for_any_date_must_be_a_real_date(value):
    assert error_for(GovukDateField(), value) == ["Date must be a real date"]


def test_a_year_too_big_for_any_date_must_have_four_numbers():
    assert error_for(GovukDateField(), ["11", "3", "2147483648"]) == ["Year must include 4 numbers"]


def test_a_non_numeric_part_must_be_a_real_date():
    assert error_for(GovukDateField(), ["eleven", "3", "2013"]) == ["Date must be a real date"]


def test_a_two_digit_year_must_have_four_numbers():
    assert error_for(GovukDateField(), ["11", "3", "13"]) == ["Year must include 4 numbers"]


def test_it_reads_the_three_boxes_of_a_form():
    class DateForm(forms.Form):
        date = GovukDateField()

    form = DateForm(data={"date_day": "13", "date_month": "9", "date_year": "2012"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["date"] == datetime.date(2012, 9, 13)


def test_the_widget_splits_a_date_into_its_boxes():
    widget = GovukDateInput()

    assert widget.decompress(datetime.date(2013, 3, 11)) == [11, 3, 2013]
    assert widget.decompress(None) == [None, None, None]
