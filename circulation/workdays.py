"""UK working days: Monday to Friday, less the bank holidays of the nation set by ``BANK_HOLIDAYS``.

The bank holidays come from the ``holidays`` package, which follows each year's proclamations (the
Coronation, a substitute day when Christmas falls on a weekend), so no list is kept here.
"""

from datetime import timedelta
from functools import cache

import holidays
from django.conf import settings

# The nations as GOV.UK's bank holidays page names them; England and Wales share theirs.
NATIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


@cache
def bank_holidays(nation):
    return holidays.country_holidays("GB", subdiv=NATIONS[nation])


def is_working_day(day):
    return day.weekday() < 5 and day not in bank_holidays(settings.BANK_HOLIDAYS)


def working_days_before(day, count):
    """The date ``count`` working days before ``day``: 10 working days before a Thursday is the Thursday
    two weeks earlier, or a day earlier for each bank holiday between."""
    while count > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
