"""UK working days: Monday to Friday. Bank holidays are not counted out (they differ across the UK's nations)."""

from datetime import timedelta


def is_working_day(day):
    return day.weekday() < 5


def working_days_before(day, count):
    """The date ``count`` working days before ``day``: 10 working days before a Thursday is the Thursday
    two weeks earlier."""
    while count > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
