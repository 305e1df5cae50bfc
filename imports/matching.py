"""The names an import read, matched to the departments and people on record.

Departments are found by short or full name, case-insensitively; a department not on record is
marked with the closest one, "did you mean", as the recording page does, and must be confirmed as
new before the meeting is made.
"""

from dataclasses import dataclass

from imports.names import Directory
from meetings.models import Department, Person


def directory_for(user):
    """The departments the user may be offered, as the importer's directory."""
    return Directory(Department.objects.known_to(user).values_list("short_name", "name"))


@dataclass
class NewName:
    name: str
    suggestion: str = ""


def department_names(minutes):
    """Every department the minutes name, in the order they first appear."""
    names = [row.department for row in [*minutes.attendees, *minutes.apologies]]
    names += [owner for action in minutes.actions for owner in action.owners]
    return list(dict.fromkeys(name for name in names if name))


def new_departments(minutes, user):
    """The departments named that are not on record, each with a "did you mean" if there is one."""
    known = Department.objects.known_to(user)
    found = []
    for name in department_names(minutes):
        if Department.objects.named(name):
            continue
        closest = known.closest(name)
        found.append(NewName(name, str(closest) if closest else ""))
    return found


def new_people(minutes):
    """The people named who are not on record yet: they are added with the meeting."""
    names = [name for row in minutes.attendees for name in (row.person, row.deputising_for) if name]
    names += [row.person for row in minutes.apologies if row.person]
    names = list(dict.fromkeys(names))
    on_record = {name.lower() for name in Person.objects.filter(name__in=names).values_list("name", flat=True)}
    lowered = {person.name.lower() for person in Person.objects.only("name")} if len(on_record) < len(names) else set()
    return [name for name in names if name.lower() not in on_record | lowered]


def mark_new_names(minutes, user):
    """Mark each row whose department is not on record, saying which one it may be."""
    unknown = {entry.name: entry for entry in new_departments(minutes, user)}
    for row in [*minutes.attendees, *minutes.apologies]:
        if row.department in unknown:
            row.guesses.append(describe(unknown[row.department]))
    for action in minutes.actions:
        for owner in action.owners:
            if owner in unknown:
                action.guesses.append(describe(unknown[owner]))
    return list(unknown.values())


def describe(entry):
    guess = f": did you mean {entry.suggestion}?" if entry.suggestion else ""
    return f"“{entry.name}” is not a department on record{guess}"
