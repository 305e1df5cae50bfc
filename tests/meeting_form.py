"""What the meeting form posts, for the tests that create or change a meeting through it."""

import datetime


def meeting_details(date, *, version=None, **changes):
    """The meeting form's fields for a meeting on ``date``, with no time, place or next meeting unless
    ``changes`` give them."""
    fields = {
        "date_day": str(date.day),
        "date_month": str(date.month),
        "date_year": str(date.year),
        "start_time": "",
        "end_time": "",
        "place": "",
        "next_meeting_date_day": "",
        "next_meeting_date_month": "",
        "next_meeting_date_year": "",
        "next_meeting_start_time": "",
        "next_meeting_end_time": "",
        "next_meeting_place": "",
    }
    if version is not None:
        fields["version"] = version
    return fields | changes


MARCH_2013 = datetime.date(2013, 3, 11)
