"""The action register as a CSV file that opens safely in Excel."""

import csv

HEADER = [
    "Reference",
    "Group",
    "Meeting",
    "Agenda item",
    "Action",
    "Owners",
    "Lead",
    "Due",
    "Status",
    "Overdue",
    "Latest update",
    "Latest update on",
]

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet shows as typed: a leading apostrophe stops a formula from running."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def row(action):
    latest = action.latest_update
    return [
        action.reference,
        action.meeting.group.short_name,
        f"{action.meeting.date:%Y-%m-%d}",
        str(action.agenda_item),
        action.text,
        ", ".join(department.short_name for department in action.owner_list),
        action.lead.short_name if action.lead else "",
        f"{action.due_on:%Y-%m-%d}" if action.due_on else (action.due_display if action.has_due_date else ""),
        action.get_status_display(),
        "Yes" if action.is_overdue else "No",
        latest.text if latest else "",
        f"{latest.happened_on:%Y-%m-%d}" if latest else "",
    ]


def write_csv(actions, stream):
    """Write the actions, fetched with ``for_listing()``, as CSV with a byte order mark for Excel."""
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for action in actions:
        writer.writerow([spreadsheet_safe(cell) for cell in row(action)])
