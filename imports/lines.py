"""The source text as lines of cells and blocks, the form every reader produces.

A line is a row; a tab divides its columns (minutes put actions in a right-hand column); within a
column, ``<p>`` marks divide paragraphs (as text copied from a web page holds them). Markdown bold,
tags and entities are dropped: what is left is the words.
"""

import html
import re
from dataclasses import dataclass

BLOCK_BREAK = re.compile(r"</p\s*>\s*<p\b[^>]*>|<br\s*/?>|</?p\b[^>]*>|</?div\b[^>]*>|</?li\b[^>]*>", re.I)
TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
MARKDOWN = re.compile(r"\*\*|__")


def plain(text):
    """Text without tags, entities or Markdown bold, its spaces as they were."""
    return html.unescape(TAG.sub("", MARKDOWN.sub("", text))).replace("\xa0", " ")


def squeezed(text):
    return " ".join(text.split())


@dataclass
class Line:
    number: int
    raw: str
    """The line's words, tags gone, tabs and runs of spaces kept (the register's columns)."""
    columns: list[list[str]]
    """The line's columns, each a list of its paragraphs' words."""

    @property
    def left(self):
        return self.columns[0] if self.columns else []

    @property
    def right(self):
        return [block for column in self.columns[1:] for block in column]

    @property
    def text(self):
        return squeezed(" ".join(block for column in self.columns for block in column))

    @property
    def is_blank(self):
        return not self.text


def read_lines(text):
    """The text's lines, numbered from 1."""
    lines = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        columns = []
        for cell in raw.split("\t"):
            blocks = [squeezed(plain(block)) for block in BLOCK_BREAK.split(cell)]
            columns.append([block for block in blocks if block])
        while len(columns) > 1 and not columns[-1]:
            columns.pop()
        lines.append(Line(number, plain(raw).rstrip(), columns))
    return lines
