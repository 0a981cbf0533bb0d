"""Text extractions: tab-separated lines first, then the layouts without tabs (:mod:`.plaintext`)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..columns import role_of
from ..grid import Cell, Document, Row, Table
from .common import _finish, _may_be_plan, _pad, _split_bullets, decode_text, labelled_blocks
from .delimited import delimited_text_table
from .gridtext import grid_blocks
from .web import _html_cell

if TYPE_CHECKING:
    from .aligned import Line

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
    and that text becomes the next table's heading. Without a tabbed plan table, a table
    drawn with ``+----+`` rules is read by its rules (:mod:`.gridtext`), and a
    spreadsheet saved with semicolons or commas between the cells is read by its
    delimiters (:func:`.delimited.delimited_text_table`); otherwise the columns are found
    from how the text lines up (:mod:`.aligned`) or the other layouts of :mod:`.plaintext`.
    """
    # Symbol-font bullets come out of PDF extractions as private-use characters.
    text = decode_text(data, filename).translate(_GLYPHS)
    doc = _read_tabbed(text, filename)
    if any(_may_be_plan(t) for t in doc.tables):
        return doc
    # A table drawn with "+----+" rules and "|" walls: the rules say where rows and cells
    # end, where the line shapes would make each wrapped line a row.
    grid = grid_blocks(text)
    if grid is not None:
        drawn = _finish(filename, grid)
        if any(_may_be_plan(t) for t in drawn.tables):
            return drawn
    # A spreadsheet saved as text with semicolons or commas between the cells: the
    # delimiters, and the quotes round cells that hold one, are the table's structure,
    # which a reading from line shapes would only guess at.
    table = delimited_text_table(text)
    if table is not None and _may_be_plan(table):
        return _finish(filename, [table])
    from .aligned import read_lines
    from .plaintext import cell_per_line_blocks, separated_blocks, text_lines

    # Each layout is tried and the reading that finds the most filled cells in plan tables
    # wins: a column of pdftotext output can look like a short cell-per-line transcript,
    # but read that way it holds a row or two, where the aligned reading holds the plan.
    lines = text_lines(text)
    aligned = _finish(filename, read_lines(lines, split=2, shifting=True))
    readings = [_finish(filename, blocks) for blocks in (separated_blocks(text), cell_per_line_blocks(text)) if blocks]
    readings.append(aligned)
    plans = [d for d in readings if any(_may_be_plan(t) for t in d.tables)]
    labelled = labelled_blocks(_plain_lines(text)) if not plans else None
    if plans:
        out = max(plans, key=_filled_cells)
    elif labelled is not None:
        out = _finish(filename, labelled)
    else:
        out = aligned if aligned.tables else doc
    out.unreadable = lambda: _too_narrow(lines)
    return out


def _too_narrow(lines: list[Line]) -> str | None:
    """Why the text could not be read, when its columns cut its words into pieces."""
    cut = _cut_words(lines)
    if cut < _CUT_WORDS:
        return None
    return (
        f"the text's columns are so narrow that {cut} words are cut into pieces over the lines "
        "(a table nested inside a cell prints like this); upload the PDF or Word version of the plan"
    )


# Words cut over two lines, at the same place, that say a table's columns are too narrow
# to read: a few are a narrow column's broken words, this many are a table of pieces.
_CUT_WORDS = 12


def _cut_words(lines: list[Line]) -> int:
    """How many words the text prints cut in two over consecutive lines, the rest right
    under the first piece ("Lau" / "nch")."""
    from . import broken_words

    known = broken_words.vocabulary(w.text for ln in lines for w in ln.words)
    cut = 0
    for above, here in itertools.pairwise(lines):
        if above.page != here.page or here.top - above.top > 1:
            continue
        for w in here.words:
            over = next((a for a in above.words if abs(a.x0 - w.x0) <= 1), None)
            if over is not None and len(over.text) <= 5 and broken_words.is_broken(over.text, w.text, known):
                cut += 1
    return cut


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
        elif rows and (spaced := _spaced_cells(line, rows[0])) is not None:
            rows.append(Row([_text_cell(f) for f in spaced], lineno))
        elif line.strip():
            flush()
            blocks.append(line)
    flush()
    return _finish(filename, blocks)


def _spaced_cells(line: str, first: Row) -> list[str] | None:
    """The cells of a line among tabbed rows that has runs of spaces where the tabs were
    (text copied out of a PDF viewer gives tabs for some rows, spaces for others); None
    for a line that is not such a row (a heading, a footnote).

    Two or more spaces part two cells, three or more if two split the line into more
    cells than the table has (two spaces after a full stop). A line holding every cell
    is a row; an indented line holding fewer (half or more) is a row whose empty
    first cells (a ref and recommendation given in the row above) the indent stands for,
    so its cells are the table's last ones.
    """
    from .plaintext import _fit

    width = len(first.cells)
    body = line.strip()
    pieces = re.split(r"\s{2,}", body)
    if len(pieces) > width:
        pieces = re.split(r"\s{3,}", body)
    if len(pieces) < max(2, width // 2):
        return None
    if len(pieces) > width:
        roles = [role_of(c.text) for c in first.cells]
        pieces = _fit(pieces, roles, " ")
    indented = len(line) - len(line.lstrip()) >= 2
    if indented and len(pieces) < width:
        return [""] * (width - len(pieces)) + pieces
    # Unindented, only a line with every cell: a key or a note under the table
    # ("Key:  R = Red   A = Amber") has fewer.
    return pieces if len(pieces) == width else None
