"""A document as the readers see it: paragraphs and tables of rows of cells.

Every reader (docx, xlsx, csv, pdf, html, markdown, text extraction) produces this one
shape, keeping only the hints the layout step needs: the lines of a cell, whether they
were bullets or lettered items, bold, merged spans, page boundaries, the heading text seen
before each table and where each row came from (for warnings a plan manager can follow).
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

ParaKind = Literal["text", "bullet", "number", "letter"]

_LETTERED = re.compile(r"^\s*\(?(?P<ref>[a-z]|[ivx]{1,4})[).]\s+(?P<text>\S.*)$", re.S)
_NUMBERED = re.compile(r"^\s*\(?(?P<ref>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[).])\s+(?P<text>[A-Za-z\"'‘“(].*)$", re.S)
_BULLETED = re.compile(r"^\s*[•●▪■◦‣∙·\-*–✓✔➢►>]\s*(?P<text>\S.*)$", re.S)


@dataclass
class Para:
    """One line or paragraph inside a cell."""

    text: str
    kind: ParaKind = "text"
    marker: str | None = None  # the printed letter or number of a list item ("a", "3")
    bold: bool = False
    # A list whose items were flattened into one run of text by an extraction
    # (an HTML <ul> without <li>); layout splits it by the column's meaning.
    unsplit: bool = False
    level: int = 0  # list nesting level; deeper items are details of the item above
    # Where in ``text`` each printed line after the first began (character offsets), for
    # a paragraph joined from wrapped lines: a flattened list's items start lines.
    line_starts: tuple[int, ...] = ()


@dataclass
class Cell:
    """One table cell: its paragraphs plus merge hints."""

    paras: list[Para] = field(default_factory=list)
    colspan: int = 1
    # True when this grid position is covered by a merged cell started above or to the left.
    merged: bool = False
    # A solid background colour, named when it reads as a RAG rating ("red", "amber",
    # "green", "blue"): many plans colour the RAG cell instead of writing in it.
    fill: str | None = None

    @property
    def text(self) -> str:
        """The whole cell as one line of text."""
        return " ".join(p.text for p in self.paras if p.text).strip()

    @property
    def is_empty(self) -> bool:
        return not self.text

    @property
    def bold(self) -> bool:
        return bool(self.paras) and all(p.bold for p in self.paras if p.text)


@dataclass
class Row:
    """A table row with the position it came from."""

    cells: list[Cell]
    number: int  # 1-based row number in the source table (sheet row, docx row, line)
    page_break_before: bool = False

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def non_empty(self) -> list[int]:
        """Indexes of the cells holding text (a merged span counts once)."""
        return [i for i, c in enumerate(self.cells) if c.text and not c.merged]


@dataclass
class Table:
    """A table and the text seen just before it (its heading)."""

    rows: list[Row]
    index: int  # 1-based position among the document's tables
    heading: str | None = None
    page: int | None = None
    sheet: str | None = None
    text_before: list[str] = field(default_factory=list)


@dataclass
class Document:
    """The readers' output: tables in order plus the text outside them."""

    filename: str
    tables: list[Table] = field(default_factory=list)
    # Lines before the first table: title, council, inspection dates.
    preamble: list[str] = field(default_factory=list)
    # Whether the format can show a cell's colour at all: text, Markdown and CSV cannot,
    # so a RAG a plan shows only as a colour is lost before it reaches the importer.
    shows_colour: bool = True
    # Why no plan came of the document, for the message: worked out only when none did,
    # as it costs a further pass over the text.
    unreadable: Callable[[], str | None] | None = None


def para_from_text(text: str, *, bold: bool = False, list_hint: bool = False) -> Para:
    """Make a paragraph, recognising a printed bullet, letter "a)" or number "3." prefix."""
    text = re.sub(r"\s+", " ", text or "").strip()
    m = _LETTERED.match(text)
    if m:
        return Para(m["text"].strip(), "letter", m["ref"], bold)
    m = _BULLETED.match(text)
    if m:
        return Para(m["text"].strip(), "bullet", None, bold)
    m = _NUMBERED.match(text)
    if m:
        return Para(m["text"].strip(), "number", m["ref"].rstrip(".)"), bold)
    if list_hint:
        return Para(text, "bullet", None, bold)
    return Para(text, "text", None, bold)


def cell_from_lines(lines: list[str], *, bold: bool = False) -> Cell:
    """A cell from plain lines of text (csv, xlsx, pdf, markdown)."""
    return Cell([para_from_text(line, bold=bold) for line in lines if line and line.strip()])


_NAMED_COLOURS = {
    "red": "red",
    "darkred": "red",
    "crimson": "red",
    "orange": "amber",
    "amber": "amber",
    "gold": "amber",
    "yellow": "amber",
    "green": "green",
    "lime": "green",
    "limegreen": "green",
    "forestgreen": "green",
    "blue": "blue",
    "lightblue": "blue",
    "dodgerblue": "blue",
}


def rag_colour(value: str | None) -> str | None:
    """Name a cell background as a RAG colour: "FF0000" → "red", "FFC000" → "amber".

    Accepts RRGGBB or AARRGGBB hex (with or without "#") and CSS colour names; colours
    that do not read as red, amber, green or blue (greys, pastels for headers) give None.
    """
    if not value:
        return None
    text = value.strip().lower().lstrip("#")
    if text in _NAMED_COLOURS:
        return _NAMED_COLOURS[text]
    if len(text) == 8:
        text = text[2:]
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if not re.fullmatch(r"[0-9a-f]{6}", text):
        return None
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    # By hue, so darker and lighter shades from a palette or theme read alike; greys,
    # pale tints (header shading) and near-black read as no rating.
    hue, sat, val = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
    if sat < 0.4 or val < 0.4:
        return None
    degrees = hue * 360
    if degrees < 15 or degrees >= 340:
        return "red"
    if degrees < 62:
        return "amber"
    if 70 <= degrees < 170:
        return "green"
    if 185 <= degrees < 250:
        return "blue"
    return None
