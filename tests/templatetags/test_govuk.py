import datetime

import pytest

from govuk.templatetags.govuk import govuk_time


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
