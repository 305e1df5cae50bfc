"""Dates and times as minutes write them: "13 September 2012", "10.30 am", "12 pm", "midday"."""

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b")
TIME = r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2}|midday|noon|midnight)"
TIME_RANGE = re.compile(rf"(?:from\s+)?(?P<start>{TIME})\s*(?:to|until|till|-|–|—)\s*(?P<end>{TIME})", re.IGNORECASE)


def find_date(text):
    """The first date written in the text, as a date, or None."""
    for pattern in (WRITTEN_DATE, NUMERIC_DATE):
        for match in pattern.finditer(text):
            month = match["month"]
            month = MONTHS[month.lower()] if not month.isdigit() else int(month)
            try:
                return datetime.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
    return None


def parse_time(text):
    """ "10.30 am" → 10:30, "12 pm" → 12:00, "14:00" → 14:00; None if it is not a time."""
    text = text.lower().replace(".", ":").replace(" ", "").replace("a:m:", "am").replace("p:m:", "pm")
    if text in ("midday", "noon"):
        return datetime.time(12, 0)
    if text == "midnight":
        return datetime.time(0, 0)
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)?", text)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def find_time_range(text):
    """The start and end times written in the text ("from 10.30 am to 12 pm"), or (None, None)."""
    match = TIME_RANGE.search(text)
    if not match:
        return None, None
    return parse_time(match["start"]), parse_time(match["end"])
