"""Plain-text plans without tabs: space-aligned columns, cell-per-line transcripts and
cells joined by a separator such as " / " or " | ".

Each is turned into the grid the layout step reads. Space-aligned text (``pdftotext
-layout``, copy-paste from a PDF) goes through :mod:`.aligned` with one character as the
unit of width: two or more spaces part two cells.
"""

from __future__ import annotations

import re

from .aligned import Line, Word

_WORD = re.compile(r"\S+")


def text_lines(text: str) -> list[Line]:
    """Lines of words at character columns; a form feed starts a new page."""
    out: list[Line] = []
    number = 0
    for page_no, page in enumerate(text.split("\f"), 1):
        for row, raw in enumerate(page.splitlines()):
            number += 1
            raw = raw.expandtabs(8)
            words = [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(raw)]
            if words:
                out.append(Line(words, float(row), page_no, number))
    return out
