import datetime

import pytest
from django.template.defaultfilters import date

from govuk.templatetags.govuk import govuk_time, short_date


@pytest.mark.parametrize(
    ("time", "written"),
    [
        (datetime.time(10, 30), "10:30am"),
        (datetime.time(14, 0), "2pm"),
        (datetime.time(12, 0), "midday"),
        (datetime.time(0, 0), "midnight"),
        (datetime.time(12, 15), "12:15pm"),
        (datetime.time(0, 5), "12:05am"),
        (datetime.time(9, 5), "9:05am"),
    ],
)
def test_it_writes_times_in_govuk_style(time, written):
    assert govuk_time(time) == written


def test_it_writes_nothing_for_no_time():
    assert govuk_time(None) == ""


@pytest.mark.parametrize("day", [datetime.date(2013, month, month * 2) for month in range(1, 13)])
def test_it_writes_a_short_date_as_djangos_date_filter_does(day):
    assert short_date(day) == date(day, "j M Y")


def test_it_writes_nothing_for_no_date():
    assert short_date(None) == ""
