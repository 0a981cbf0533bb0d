"""Text extractions: tab-separated lines first, then the layouts without tabs (:mod:`.plaintext`)."""

from __future__ import annotations

import re

from ..grid import Cell, Document, Row, Table
from .common import _finish, _may_be_plan, _pad, _split_bullets, decode_text, labelled_blocks
from .web import _html_cell

_GLYPHS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0e0": "➢"})


def _text_cell(raw: str) -> Cell:
    if "<" in raw and re.search(r"</?(?:p|ul|ol|li|b|strong|br|div)\b", raw, re.I):
        import lxml.html

        try:
            frag = lxml.html.fragment_fromstring(raw, create_parent="div")
            return _html_cell(frag)
        except Exception:  # noqa: S110 - fall back to the raw text of a broken fragment
            pass
    return Cell(_split_bullets(raw))


def read_text(data: bytes, filename: str) -> Document:
    """Read a text extraction: tab-separated lines, or else space-aligned columns.

    With tabs, tables are runs of lines holding tabs. Blank lines do not end a table; any
    other untabbed line does (a title repeated at a page break, a footnote, a heading),
    and that text becomes the next table's heading. Without a tabbed plan table, the
    columns are found from how the text lines up (:mod:`.aligned`).
    """
    # Symbol-font bullets come out of PDF extractions as private-use characters.
    text = decode_text(data, filename).translate(_GLYPHS)
    doc = _read_tabbed(text, filename)
    if any(_may_be_plan(t) for t in doc.tables):
        return doc
    from .aligned import read_lines
    from .plaintext import cell_per_line_blocks, separated_blocks, text_lines

    # Each layout is tried and the reading that finds the most filled cells in plan tables
    # wins: a column of pdftotext output can look like a short cell-per-line transcript,
    # but read that way it holds a row or two, where the aligned reading holds the plan.
    aligned = _finish(filename, read_lines(text_lines(text), split=2, shifting=True))
    readings = [_finish(filename, blocks) for blocks in (separated_blocks(text), cell_per_line_blocks(text)) if blocks]
    readings.append(aligned)
    plans = [d for d in readings if any(_may_be_plan(t) for t in d.tables)]
    if plans:
        return max(plans, key=_filled_cells)
    labelled = labelled_blocks(_plain_lines(text))
    if labelled is not None:
        return _finish(filename, labelled)
    return aligned if aligned.tables else doc


def _filled_cells(doc: Document) -> int:
    """How many cells with text the plan tables of a reading hold."""
    return sum(1 for t in doc.tables if _may_be_plan(t) for r in t.rows for c in r.cells if c.paras and not c.merged)


def _plain_lines(text: str) -> list[tuple[str, bool, bool]]:
    """Each line with whether a blank line came before it and whether it is indented."""
    out = []
    blank = True
    for line in text.splitlines():
        if not line.strip():
            blank = True
            continue
        out.append((line, blank, len(line) - len(line.lstrip()) >= 2))
        blank = False
    return out


def _read_tabbed(text: str, filename: str) -> Document:
    blocks: list[Table | str] = []
    rows: list[Row] = []

    def flush() -> None:
        if rows:
            blocks.append(Table(_pad(list(rows)), 0))
            rows.clear()

    for lineno, line in enumerate(text.splitlines(), 1):
        if "\t" in line:
            fields = line.split("\t")
            if all(re.fullmatch(r"\s*[-=:|]*\s*", f) for f in fields):
                continue  # a ruled separator line
            rows.append(Row([_text_cell(f) for f in fields], lineno))
        elif line.strip():
            flush()
            blocks.append(line)
    flush()
    return _finish(filename, blocks)
