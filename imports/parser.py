"""Read the text of a set of minutes into a meeting's parts: header, register, items, paragraphs, actions.

Plain Python over the lines of ``imports.lines``; the departments on record come in as a
``Directory``. Whatever could be wrong is kept as a guess on the row it concerns, and every line
that went nowhere is listed in ``not_placed``.
"""

import re

from imports import dates
from imports.actions import complete_actions
from imports.lines import read_lines, squeezed
from imports.names import Directory
from imports.register import parse_register_line
from imports.structure import ActionEntry, ItemEntry, NotPlaced, ParagraphEntry, ParsedMinutes, Section

ATTENDEES_HEADING = re.compile(
    r"^(?:attendees|attendance|present|members present|in attendance|attending|those present)"
    r"\s*[:\-–]?\s*(?P<rest>.*)$",
    re.I,
)
APOLOGIES_HEADING = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received(?:\s+from)?)?|absent)\s*[:\-–]?\s*(?P<rest>.*)$",
    re.I,
)
ITEM_HEADING = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?P<word_number>\d{1,2})\s*[:.\-–)]?\s*|(?P<number>\d{1,2})\s*(?:[.):]|\s[-–])\s+|#+\s*)"
    r"(?P<title>\S.*)$",
    re.I,
)
PARAGRAPH_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<text>\S.*)$")
ACTIONS_LABEL = re.compile(r"^(?:agreed\s+)?actions?(?:\s+points?)?\s*[:\-–]\s*(?P<rest>.*)$|^actions?$", re.I)
NO_ACTIONS = re.compile(r"^(?:none\.?|no actions?\.?|n/?a\.?|-+)$", re.I)
NEXT_MEETING_LINE = re.compile(r"^(?:date\s+of\s+(?:the\s+)?)?next\s+meeting\s*[:\-–]\s*(?P<rest>.+)$", re.I)
NEXT_MEETING = re.compile(
    r"\bnext\s+(?:\w+\s+)?meeting\s+(?:will|is\s+to|shall|is\s+scheduled\s+to)\s+(?:be\s+held|take\s+place|be)\s+"
    r"(?:on\s+)?(?P<rest>.*)$",
    re.I,
)
PLACE = re.compile(r"\b(?:at|in)\s+(?P<place>[^,;]+?)\s*\.?$")
HEADER_FIELD = re.compile(r"^(?P<label>date|time|venue|place|location|where|when)\s*[:\-–]\s*(?P<value>.*)$", re.I)
IGNORED_HEADER = re.compile(r"^(?:minutes(?:\s+of\s+(?:the\s+)?meeting)?|draft|official(?:[-\s]sensitive)?)\.?$", re.I)
SPECIAL_HEADING = re.compile(r"^(?P<kind>next meeting|matters arising|corrections)\s*:?$", re.I)
ACTION_DETAILS = re.compile(
    r"^\S+(?: \S+)* \d{4}-\d{2} A\d+\.\s*Owners?:\s*(?P<owners>.*?)(?:\.\s*Due:\s*(?P<due>.+?))?\.?$"
)
REGISTER_HEADER = re.compile(r"^(?:department|dept\.?|organisation)\s+(?:name|who|person)\b", re.I)
TERMINATOR = (".", "!", "?", ":", ";", ".)", ".”", ".’", '."')

SHORT_FRAGMENT_WORDS, SHORT_FRAGMENT_CHARACTERS = 3, 25


def ends_sentence(text):
    return text.rstrip().endswith(TERMINATOR)


def joined(lines):
    """Lines of a paragraph as one text; a line broken after a slash joins the next without a space."""
    text = ""
    for line in lines:
        text = f"{text}{line}" if text.endswith("/") and line[:1].isalpha() else f"{text} {line}"
    return squeezed(text)


def item_heading(text):
    """(number or None, title) if the text is an item's heading."""
    if PARAGRAPH_NUMBER.match(text):
        return None
    match = ITEM_HEADING.match(text)
    if not match or len(match["title"]) > 200:
        return None
    number = match["number"] or match["word_number"]
    return (int(number) if number else None), match["title"].strip()


class MinutesReader:
    """One pass over the lines, section by section."""

    def __init__(self, text, directory):
        self.lines = read_lines(text)
        self.directory = directory
        self.minutes = ParsedMinutes()
        self.section = None
        self.register = None
        self.item = None
        self.paragraph_lines = []
        self.action = None
        self.listing_actions = False
        self.table = None
        self.rest = None
        self.after_table = False
        self.next_meeting_lines = []
        self.action_details = None
        self.wrapped = self.is_wrapped()
        self.fragments = self.column_fragments() if self.wrapped else set()

    # What kind of text this is.

    def body_blocks(self):
        started = False
        for line in self.lines:
            for block in line.left:
                if item_heading(block):
                    started = True
                elif started:
                    yield block

    def is_wrapped(self):
        """Whether the text has hard line breaks inside its paragraphs (as text taken from a PDF has)."""
        blocks = list(self.body_blocks())
        if len(blocks) < 5:
            return False
        return sum(not ends_sentence(block) for block in blocks) / len(blocks) >= 0.4

    def column_fragments(self):
        """Runs of three or more very short lines: a narrow column (the actions) the extraction
        interleaved with the paragraphs."""
        fragments, run, previous = set(), [], ""

        def close():
            if len(run) >= 3:
                fragments.update(run)
            run.clear()

        for line in self.lines:
            if line.is_blank:
                continue
            text = line.text
            short = len(line.columns) == 1 and len(text.split()) <= SHORT_FRAGMENT_WORDS
            # A short line after an unfinished sentence is that paragraph's last line.
            starts = run or ends_sentence(previous)
            if short and starts and len(text) <= SHORT_FRAGMENT_CHARACTERS and not item_heading(text):
                run.append(line.number)
            else:
                close()
            previous = text
        close()
        return fragments

    # Sections.

    def open_section(self, kind, line, item=None):
        if self.section is not None:
            self.section.last = line - 1
        self.section = Section(kind=kind, first=line, last=line, item=item)
        self.minutes.sections.append(self.section)

    def not_placed(self, line, text):
        self.minutes.not_placed.append(NotPlaced(line=line, text=text))

    def read(self):
        self.open_section("header", 1)
        for line in self.lines:
            if line.is_blank:
                continue
            self.read_line(line)
        self.close_paragraph()
        if self.section is not None:
            self.section.last = len(self.lines)
        found = NEXT_MEETING.search(" ".join(self.next_meeting_lines))
        if not (found and self.read_next_meeting(found["rest"])):
            self.find_next_meeting()
        return self.minutes

    def read_line(self, line):
        first = line.left[0] if line.left else ""
        heading = self.register_heading(first)
        if heading:
            kind, rest = heading
            self.close_paragraph()
            self.register, self.item, self.table = kind, None, None
            self.open_section(kind, line.number)
            if rest:
                self.read_register_row(line.number, rest)
            return
        special = SPECIAL_HEADING.match(first)
        if special and len(line.columns) == 1:
            self.close_paragraph()
            self.register, self.item, self.table, self.rest = None, None, None, special["kind"].lower()
            self.open_section("rest", line.number)
            return
        if first and item_heading(first) and not (self.table and len(line.columns) > 1):
            self.register, self.rest = None, None
            self.read_body(line)
            return
        if self.is_unnumbered_heading(line):
            self.register, self.rest = None, None
            self.start_item(line.number, None, line.text)
            return
        if self.rest == "next meeting" and (self.next_meeting_lines or NEXT_MEETING.search(line.text)):
            self.next_meeting_lines.append(line.text)
        elif self.rest:
            self.not_placed(line.number, line.text)
        elif self.register:
            self.read_register_row(line.number, line.raw)
        elif self.item is None and self.table is None:
            self.read_header(line)
        else:
            self.read_body(line)

    def is_unnumbered_heading(self, line):
        """A short line on its own, after a blank line and before a paragraph: an item's title
        written without a number (as text copied from headings in Word is)."""
        text = line.text
        if self.wrapped or self.table or len(line.columns) != 1 or len(line.left) != 1:
            return False
        if self.section is None or self.section.kind == "header" or self.rest:
            return False
        if len(text) > 80 or len(text.split()) > 10 or ends_sentence(text) or not text[:1].isupper():
            return False
        if self.directory.prefix(text)[0] or "\t" in line.raw or re.search(r"\s{2,}", line.raw.strip()):
            return False
        if any(pattern.match(text) for pattern in (ACTIONS_LABEL, NO_ACTIONS, SPECIAL_HEADING, HEADER_FIELD)):
            return False
        if self.paragraph_lines and not ends_sentence(self.paragraph_lines[-1]):
            return False
        before = self.lines[line.number - 2] if line.number >= 2 else None
        if before is not None and not before.is_blank:
            return False
        following = next((other for other in self.lines[line.number :] if not other.is_blank), None)
        if following is None or len(following.columns) != 1:
            return False
        return bool(PARAGRAPH_NUMBER.match(following.text)) or len(following.text) > 80 or ends_sentence(following.text)

    @staticmethod
    def register_heading(text):
        for kind, pattern in (("attendees", ATTENDEES_HEADING), ("apologies", APOLOGIES_HEADING)):
            match = pattern.match(text)
            if match and len(text) < 200:
                return kind, match["rest"].strip()
        return None

    # Header: the group, date, time and place.

    def read_header(self, line):
        text = line.text
        minutes = self.minutes
        field = HEADER_FIELD.match(text)
        if field:
            label, value = field["label"].lower(), field["value"]
            if label in ("date", "when") and dates.find_date(value):
                minutes.date = minutes.date or dates.find_date(value).isoformat()
                self.read_times(value)
            elif label == "time":
                self.read_times(value) or self.read_time(value)
            else:
                minutes.place = minutes.place or value.strip()
            return
        found = dates.find_date(text)
        if found and not minutes.date and len(text.split()) <= 16:
            minutes.date = found.isoformat()
            self.read_times(text)
            place = PLACE.search(text[dates.TIME_RANGE.search(text).end() :]) if dates.TIME_RANGE.search(text) else None
            if place:
                minutes.place = place["place"]
            return
        if IGNORED_HEADER.match(text) or text == "DRAFT: NOT YET APPROVED":
            return
        if minutes.date and self.read_times(text):
            times = dates.TIME_RANGE.search(text)
            place = PLACE.search(text[times.end() :])
            minutes.place = minutes.place or (place["place"] if place else "")
            return
        if not minutes.title and not minutes.date:
            minutes.title = text
            return
        if not minutes.attendees and not minutes.date:
            self.not_placed(line.number, text)
            return
        self.not_placed(line.number, text)

    def read_times(self, text):
        start, end = dates.find_time_range(text)
        if start:
            self.minutes.start_time = self.minutes.start_time or start.isoformat(timespec="minutes")
        if end:
            self.minutes.end_time = self.minutes.end_time or end.isoformat(timespec="minutes")
        return bool(start)

    def read_time(self, text):
        start = dates.parse_time(text.strip())
        if start:
            self.minutes.start_time = start.isoformat(timespec="minutes")

    # The register.

    def read_register_row(self, number, text):
        if REGISTER_HEADER.match(squeezed(text)):
            return
        row = parse_register_line(text, self.directory, line=number)
        if row is None:
            self.not_placed(number, squeezed(text))
            return
        if self.register == "apologies":
            if not row.person:
                row.guesses.append("An apology names no one: give the person's name, or remove the row")
            if row.deputising_for or row.role or row.remote:
                row.guesses.append("This could be an attendee rather than an apology")
                row.deputising_for, row.role, row.remote = "", "", False
            self.minutes.apologies.append(row)
        else:
            self.minutes.attendees.append(row)

    # The body: items, their paragraphs and their actions.

    def read_body(self, line):
        if self.read_table_row(line):
            return
        if line.number in self.fragments:
            self.read_action_block(line.number, line.text, fragment=True)
            return
        for block in line.left:
            self.read_left_block(line.number, block)
        for block in line.right:
            self.read_action_block(line.number, block)

    def read_table_row(self, line):
        """A row of an actions table with owner and due columns: header, then one action a row."""
        cells = [" ".join(column) for column in line.columns]
        lowered = [cell.lower().strip(" :") for cell in cells]
        if len(cells) >= 2 and any(cell in ("owner", "owners", "lead", "who", "by whom") for cell in lowered):
            self.table = {
                "text": next((i for i, cell in enumerate(lowered) if cell.startswith("action")), 0),
                "owner": next(
                    i for i, cell in enumerate(lowered) if cell in ("owner", "owners", "lead", "who", "by whom")
                ),
                "due": next(
                    (i for i, cell in enumerate(lowered) if cell in ("due", "due date", "deadline", "by when", "when")),
                    None,
                ),
                "item": next(
                    (i for i, cell in enumerate(lowered) if cell in ("item", "agenda item", "ref", "no", "no.")), None
                ),
            }
            self.close_paragraph()
            self.listing_actions = False
            return True
        if self.table is None:
            return False
        if len(cells) < 2:
            self.table, self.after_table = None, True
            return False
        self.read_table_action(line.number, cells)
        return True

    def read_table_action(self, number, cells):
        table = self.table

        def cell(name):
            index = table.get(name)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        text = cell("text")
        if not text:
            self.not_placed(number, " | ".join(cells))
            return
        item = self.item
        if cell("item"):
            match = re.match(r"\d+", cell("item"))
            item = next((entry for entry in self.minutes.items if match and entry.number == int(match[0])), item)
        if item is None:
            self.not_placed(number, " | ".join(cells))
            return
        action = ActionEntry(text=text, line=number)
        action.owner_text = cell("owner")
        self.read_due(action, cell("due"))
        item.actions.append(action)

    @staticmethod
    def read_due(action, due):
        if re.search(r"next\s+(?:\w+\s+)?meeting", due, re.I):
            action.due_at_next_meeting = True
        elif dates.find_date(due):
            action.due_date = dates.find_date(due).isoformat()
        elif due and not NO_ACTIONS.match(due):
            action.guesses.append(f"Due “{due}” was not understood as a date")

    def read_left_block(self, number, block):
        heading = item_heading(block)
        if heading:
            self.start_item(number, *heading)
            return
        next_meeting = NEXT_MEETING_LINE.match(block)
        if next_meeting and dates.find_date(next_meeting["rest"]):
            self.close_paragraph()
            self.read_next_meeting(next_meeting["rest"])
            return
        label = ACTIONS_LABEL.match(block)
        if label and self.item is not None:
            self.close_paragraph()
            rest = (label["rest"] or "").strip()
            self.action = None
            if rest and not NO_ACTIONS.match(rest):
                self.add_action(number, rest)
                self.listing_actions = False
            else:
                self.listing_actions = not rest
            return
        if self.item is None or not any(character.isalnum() for character in block):
            self.not_placed(number, block)
            return
        if self.wrapped and block[:1].islower() and not self.item.paragraphs and not self.item.actions:
            # A title too long for its line goes on to the next.
            self.item.title = f"{self.item.title} {block}"
            return
        numbered = PARAGRAPH_NUMBER.match(block)
        if numbered:
            self.close_paragraph()
            self.listing_actions = False
            self.item.paragraphs.append(ParagraphEntry(number=numbered["number"], text="", line=number))
            self.paragraph_lines = [block]
            return
        if self.listing_actions or self.after_table:
            sentence = NEXT_MEETING.search(block)
            if sentence and self.read_next_meeting(sentence["rest"]):
                return
        if self.listing_actions:
            if not NO_ACTIONS.match(block):
                self.read_action_block(number, block)
            return
        if self.paragraph_lines and self.continues_paragraph(block):
            self.paragraph_lines.append(block)
            return
        self.close_paragraph()
        paragraph = ParagraphEntry(number="", text="", line=number)
        if self.item.paragraphs:
            paragraph.guesses.append("Read as an unnumbered paragraph: check it is not part of the one before")
        self.item.paragraphs.append(paragraph)
        self.paragraph_lines = [block]

    def continues_paragraph(self, block):
        """Whether a line without a number carries on the paragraph before it."""
        previous = self.paragraph_lines[-1]
        if not ends_sentence(previous):
            return True
        if not self.wrapped:
            return False
        # A line is broken where the next word would not fit: if it would have, the paragraph ended.
        width = max(len(line) for line in self.paragraph_lines)
        first_word = block.split()[0]
        return len(previous) + 1 + len(first_word) > width and len(block) <= width + 2

    def close_paragraph(self):
        if self.paragraph_lines and self.item is not None and self.item.paragraphs:
            self.item.paragraphs[-1].text = joined(self.paragraph_lines)
            text = self.item.paragraphs[-1].text
            numbered = PARAGRAPH_NUMBER.match(text)
            if numbered:
                self.item.paragraphs[-1].text = numbered["text"]
        self.paragraph_lines = []

    def start_item(self, number, item_number, title):
        self.close_paragraph()
        self.action, self.listing_actions, self.table = None, False, None
        item = ItemEntry(number=item_number or 0, title=title, line=number)
        if item_number is None:
            item.number = (self.minutes.items[-1].number if self.minutes.items else 0) + 1
            item.guesses.append(f"The item had no number: numbered {item.number}")
        self.minutes.items.append(item)
        self.item = item
        self.open_section("item", number, item=len(self.minutes.items) - 1)

    def read_action_block(self, number, block, fragment=False):
        label = ACTIONS_LABEL.match(block)
        if label:
            block = (label["rest"] or "").strip()
            if not block:
                self.action = None
                return
        if NO_ACTIONS.match(block):
            self.action = None
            return
        if self.action_details is not None and self.continues_details(block):
            # The app's own line under an action, broken across lines: "Owners: MOJ (lead)," "AGO, CPS".
            block = f"{self.action_details} {block}"
        self.action_details = None
        details = ACTION_DETAILS.match(block)
        if details and self.action is not None:
            self.action.owner_text = details["owners"]
            self.action.due_at_next_meeting, self.action.due_date = False, ""
            self.read_due(self.action, details["due"] or "")
            self.action_details = block
            return
        if self.item is None:
            self.not_placed(number, block)
            return
        # The app's own details line ends its action: what follows is the next one.
        finished = self.action is None or ends_sentence(self.action.text) or getattr(self.action, "owner_text", "")
        unfinished = not finished
        if unfinished and (block[:1].islower() or self.wrapped):
            self.action.text = f"{self.action.text} {block}"
            return
        self.add_action(number, block)
        if fragment:
            self.action.guesses.append("Read as an action from the narrow column beside the paragraphs")

    def continues_details(self, block):
        return self.action_details.endswith(",") or "(lead)" in block or block.startswith(("(", "Due:"))

    def add_action(self, number, text):
        self.action = ActionEntry(text=text, line=number)
        self.item.actions.append(self.action)

    # The next meeting.

    def read_next_meeting(self, text):
        found = dates.find_date(text)
        if not found:
            return False
        minutes = self.minutes
        minutes.next_meeting_date = found.isoformat()
        start, end = dates.find_time_range(text)
        minutes.next_meeting_start_time = start.isoformat(timespec="minutes") if start else ""
        minutes.next_meeting_end_time = end.isoformat(timespec="minutes") if end else ""
        times = dates.TIME_RANGE.search(text)
        after = (
            text[times.end() :]
            if times
            else text[dates.WRITTEN_DATE.search(text).end() :]
            if dates.WRITTEN_DATE.search(text)
            else ""
        )
        place = PLACE.search(after)
        minutes.next_meeting_place = place["place"].strip() if place else ""
        return True

    def find_next_meeting(self):
        if self.minutes.next_meeting_date:
            return
        for paragraph in reversed(self.minutes.paragraphs):
            match = NEXT_MEETING.search(paragraph.text)
            if match and self.read_next_meeting(match["rest"]):
                return


def check_numbers(minutes):
    """Flag item and paragraph numbers that do not follow: they are kept as written, but checked."""
    previous = None
    for item in minutes.items:
        if previous is not None and item.number <= previous:
            item.guesses.append(f"Item {item.number} comes after item {previous}: check the number")
        elif previous is None and item.number != 1 and not item.guesses:
            item.guesses.append(f"The first item is numbered {item.number}: check no item is missing")
        elif previous is not None and item.number != previous + 1:
            item.guesses.append(f"Item {item.number} does not follow item {previous}: check no item is missing")
        previous = item.number
        expected = f"{item.number}.1"
        for paragraph in item.paragraphs:
            if not paragraph.number:
                continue
            head, _, tail = paragraph.number.partition(".")
            if head != str(item.number):
                paragraph.guesses.append(f"Paragraph {paragraph.number} is not numbered as part of item {item.number}")
            elif paragraph.number != expected:
                paragraph.guesses.append(f"Paragraph {paragraph.number} does not follow: {expected} was expected")
            if tail.isdigit():
                expected = f"{head}.{int(tail) + 1}"


def parse_minutes(text, directory=None):
    """The minutes the text holds, as ``ParsedMinutes``; ``directory`` holds the departments on record."""
    directory = directory or Directory()
    minutes = MinutesReader(text, directory).read()
    check_numbers(minutes)
    complete_actions(minutes, directory)
    for number, row in enumerate(minutes.attendees):
        if row.person and any(apology.person.lower() == row.person.lower() for apology in minutes.apologies):
            minutes.attendees[number].guesses.append(f"{row.person} also sent apologies: check which is right")
    return minutes
