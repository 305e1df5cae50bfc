"""Department names as the minutes write them, matched to the departments on record.

Plain Python: the importer is given the names on record (``Directory``) and knows nothing of the
database, so it can be tested and measured alone.
"""

import re

# Places the minutes name when they mean the devolved government there ("Scotland to report back").
PLACE_NAMES = {
    "scotland": "Scottish Government",
    "wales": "Welsh Government",
    "northern ireland": "Northern Ireland Executive",
}


def squeezed(text):
    return " ".join(str(text).split())


class Directory:
    """The departments on record by their short and full names, looked up case-insensitively."""

    def __init__(self, departments=()):
        """``departments``: (short name, full name) pairs."""
        self.by_name = {}
        for short_name, name in departments:
            self.by_name.setdefault(squeezed(short_name).lower(), short_name)
            self.by_name.setdefault(squeezed(name).lower(), short_name)
        # Longest first, so "Home Office" wins over a department called "Home".
        self._names = sorted(self.by_name, key=len, reverse=True)

    def find(self, text):
        """The short name of the department called ``text``, or None."""
        return self.by_name.get(squeezed(text).lower())

    def find_place(self, text):
        """For "Scotland", the Scottish Government if it is on record, or None."""
        target = PLACE_NAMES.get(squeezed(text).lower())
        return self.find(target) if target else None

    def prefix(self, text):
        """The department whose name ``text`` starts with, and the rest: ("Home Office", "Damian Green MP")."""
        lowered = squeezed(text).lower()
        for name in self._names:
            if lowered.startswith(name) and (len(lowered) == len(name) or not lowered[len(name)].isalnum()):
                return self.by_name[name], squeezed(text)[len(name) :].strip()
        return None, text

    def ending(self, text):
        """The department whose name ``text`` ends with ("UKHTC" in "... trafficking. UKHTC"), or None."""
        lowered = squeezed(text).lower()
        for name in self._names:
            if lowered.endswith(name) and (len(lowered) == len(name) or not lowered[-len(name) - 1].isalnum()):
                return self.by_name[name]
        return None


OWNER_SEPARATORS = re.compile(r"\s*(?:,|/|&|\band\b)\s*", re.IGNORECASE)


def split_owner_names(phrase):
    """ "MOJ and AGO/CPS" → ["MOJ", "AGO", "CPS"]."""
    return [part for part in (squeezed(part) for part in OWNER_SEPARATORS.split(phrase)) if part]
