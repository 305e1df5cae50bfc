"""Circulations of the minutes on the meeting's history."""

from meetings.changes import Change


def circulation_changes(meeting):
    """Each time the minutes were sent by email: by whom, when, to whom."""
    changes = []
    for circulation in meeting.circulations.select_related("sent_by").prefetch_related("messages__department"):
        recipients = sorted(
            (message for message in circulation.messages.all() if message.purpose == "circulation"),
            key=lambda message: (str(message.department or "").lower(), message.to_name.lower(), message.to),
        )
        to_whom = "; ".join(
            f"{message.recipient} ({message.department})" if message.department else message.recipient
            for message in recipients
        )
        count = f"{len(recipients)} recipient{'' if len(recipients) == 1 else 's'}"
        changes.append(
            Change(
                when=circulation.sent_at,
                who=circulation.sent_by,
                kind="Circulated",
                what=f"the minutes by email to {count}: {to_whom}" if recipients else "the minutes, sending no email",
            )
        )
    return changes
