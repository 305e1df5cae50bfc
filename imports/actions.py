"""An action's owners and due date, read from its text as minutes write them.

"MOJ and AGO/CPS to undertake …" (owners before "to", the first leading), "… best practice
(Home Office)" (owner in brackets at the end), "Scotland to report back …" (the Scottish
Government), "… at the next IDMG meeting" (due at the next meeting), "… by 30 June 2013".
An action that names no owner takes one from its item ("UKHTC agreed to provide …") or the
chair's department, and says so.
"""

import re

from imports import dates
from imports.names import Directory, split_owner_names, squeezed

ACTION_PREFIX = re.compile(r"^(?:action(?:\s+point)?s?\s*[:\-–]\s*)", re.I)
OWNER_BEFORE_TO = re.compile(r"^(?P<owners>[^.;:()]{1,120}?)\s+(?:to|will|should)\s+(?P<verb>\w+)", re.I)
OWNER_IN_BRACKETS = re.compile(
    r"\(\s*(?:(?:action|owner|lead|by)\s*[:\-–]?\s*)?(?P<owners>[^()]+?)\s*\)\s*\.?\s*$", re.I
)
OWNER_LABEL = re.compile(r"\s*[-–—]?\s*(?:owner|lead|action\s+by)\s*[:\-–]\s*(?P<owners>[^.;]+?)\s*\.?\s*$", re.I)
DUE_AT_NEXT = re.compile(r"\b(?:at|by|for|before)\s+the\s+next\s+(?:[\w-]+\s+){0,2}meeting\b", re.I)
DUE_BY = re.compile(
    r"\bby\s+(?:the\s+end\s+of\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})", re.I
)


def resolve_owners(names, directory: Directory):
    """The departments named, and the guesses made: None if a name is not plausibly a department."""
    owners, guesses = [], []
    for name in names:
        found = directory.find(name)
        if found is None:
            found = directory.find_place(name)
            if found:
                guesses.append(f"“{name}” read as {found}")
        if found is None:
            words = name.split()
            if not words or len(words) > 4 or not name[0].isupper():
                return None, []
            found = name
        if found not in owners:
            owners.append(found)
    return owners, guesses


def owners_in_text(text, directory):
    """(owners, guesses) named by the action's own text, or ([], [])."""
    match = OWNER_BEFORE_TO.match(text)
    if match:
        owners, guesses = resolve_owners(split_owner_names(match["owners"]), directory)
        if owners and all(directory.find(owner) for owner in owners):
            return owners, guesses
        if owners:
            return owners, guesses
    for pattern in (OWNER_IN_BRACKETS, OWNER_LABEL):
        match = pattern.search(text)
        if match:
            owners, guesses = resolve_owners(split_owner_names(match["owners"]), directory)
            if owners and all(directory.find(owner) for owner in owners):
                return owners, guesses
    return [], []


def owner_from_item(action_text, item, directory):
    """For "provide further information …", the department that "agreed to provide" in the item."""
    verb = action_text.split()[0].lower() if action_text.split() else ""
    if not verb.isalpha():
        return None, None
    for paragraph in reversed(item.paragraphs):
        for sentence in re.split(r"(?<=[.;])\s+", paragraph.text):
            match = re.search(
                rf"^(?P<subject>.*?)\s+(?:agreed|undertook|offered|was asked|were asked)\s+to\s+{verb}\b",
                sentence,
                re.I,
            )
            if match:
                owner = directory.ending(match["subject"])
                if owner:
                    return owner, paragraph.number or "the item's opening paragraph"
    return None, None


def owners_written(written, directory):
    """Owners from an owner column or the app's own "Owners: Home Office (lead), FCO"."""
    if "(lead)" in written:
        names = [squeezed(name) for name in written.split(",") if name.strip()]
        lead_names = [name.replace("(lead)", "").strip() for name in names if "(lead)" in name]
        owners, guesses = resolve_owners([name.replace("(lead)", "").strip() for name in names], directory)
        lead_owner, _ = resolve_owners(lead_names[:1], directory)
        return owners or [], guesses, (lead_owner or [""])[0]
    owners, guesses = resolve_owners(split_owner_names(written), directory)
    return owners or [squeezed(written)], guesses, ""


def chair_department(minutes):
    return next((row.department for row in minutes.attendees if row.role == "chair"), None)


def complete_action(action, item, minutes, directory):
    action.text = squeezed(ACTION_PREFIX.sub("", action.text))
    written, lead = getattr(action, "owner_text", ""), ""
    if written:
        owners, guesses, lead = owners_written(written, directory)
    else:
        owners, guesses = owners_in_text(action.text, directory)
    if not owners:
        owner, where = owner_from_item(action.text, item, directory)
        if owner:
            owners = [owner]
            action.text = f"{owner} to {action.text[0].lower()}{action.text[1:]}"
            guesses.append(f"No owner was named: {owner} taken from paragraph {where}, and “{owner} to” added")
        elif chair_department(minutes):
            owners = [chair_department(minutes)]
            guesses.append(f"No owner was named: the chair's department, {owners[0]}, was assumed")
        else:
            guesses.append("No owner was named: choose the owning department")
    action.owners, action.lead = owners, lead or (owners[0] if owners else "")
    action.guesses.extend(guesses)
    if not action.due_at_next_meeting and not action.due_date:
        if DUE_AT_NEXT.search(action.text):
            action.due_at_next_meeting = True
        else:
            match = DUE_BY.search(action.text)
            found = dates.find_date(match["date"]) if match else None
            if found:
                action.due_date = found.isoformat()


def complete_actions(minutes, directory):
    """Fill in each action's owners, lead and due date from what the minutes say."""
    for item in minutes.items:
        for action in item.actions:
            complete_action(action, item, minutes, directory)
