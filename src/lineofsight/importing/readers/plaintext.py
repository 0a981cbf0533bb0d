"""Plain-text plans without tabs: space-aligned columns, cell-per-line transcripts and
cells joined by a separator such as " / " or " | ".

Each is turned into the grid the layout step reads. Space-aligned text (``pdftotext
-layout``, copy-paste from a PDF) goes through :mod:`.aligned` with one character as the
unit of width: two or more spaces part two cells.
"""

from __future__ import annotations

import re

from ..columns import header_score, role_of
from ..grid import Cell, Para, Row, Table, para_from_text
from ..refs import looks_like_ref
from .aligned import _LEAD_IN, Line, Word

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


# --------------------------------------------------------------------------- separators

SEPARATORS = (" | ", " / ", " ; ", " ~ ")
# Columns whose cells may hold the separator themselves ("Head of A / Head of B"): when
# a line splits into more pieces than the header has columns, these take the extra.
_ROOMY = ("owner", "partners", "reported_to", "due", "action", "progress", "recommendation")


def separated_blocks(text: str) -> list[Table | str] | None:
    """Tables whose cells are joined by a separator such as " | " or " / ", one row a
    line; None when no line reads as a plan header split that way."""
    lines = text.splitlines()
    for sep in SEPARATORS:
        head = next((k for k, ln in enumerate(lines[:200]) if _header_cells(ln, sep)), None)
        if head is None:
            continue
        header = _header_cells(lines[head], sep)
        assert header is not None
        roles = [role_of(h) for h in header]
        blocks: list[Table | str] = [ln for ln in lines[:head] if ln.strip()]
        rows = [Row([Cell([Para(h, bold=True)]) for h in header], head + 1)]
        for number, line in enumerate(lines[head + 1 :], head + 2):
            body = line.strip().strip("|").strip()
            if not body or re.fullmatch(r"[-=|:+ ]+", body):
                continue
            pieces = [p.strip() for p in _split(line, sep)]
            if len(pieces) == 1:
                if rows[-1].number > head + 1 and len(body) < 160 and not _continues(rows[-1], body):
                    # A line on its own: a section heading across the table.
                    rows.append(Row([Cell([para_from_text(body)], colspan=len(header))]
                                    + [Cell(merged=True) for _ in header[1:]], number))  # fmt: skip
                elif rows[-1].number > head + 1:
                    last = next(c for c in reversed(rows[-1].cells) if c.paras or c is rows[-1].cells[0])
                    last.paras.append(para_from_text(body))
                continue
            if [p.lower() for p in pieces] == [h.lower() for h in header]:
                continue  # the header repeated
            cells = _fit(pieces, roles, sep)
            rows.append(Row([_cell_of(c) for c in cells], number))
        blocks.append(Table(rows, 0))
        return blocks
    return None


def _split(line: str, sep: str) -> list[str]:
    line = line.strip()
    if sep.strip() == "|":
        line = line.strip("|")
    return line.split(sep.strip()) if sep.strip() == "|" else line.split(sep)


def _header_cells(line: str, sep: str) -> list[str] | None:
    if sep.strip() not in line:
        return None
    cells = [c.strip() for c in _split(line, sep)]
    if len(cells) >= 3 and all(0 < len(c) <= 60 for c in cells) and header_score(cells) >= 5:
        return cells
    return None


def _continues(row: Row, text: str) -> bool:
    """True when a line without separators reads as the rest of the row above."""
    return text[:1].islower() or text[:1] in "•-–*▪"


def _fit(pieces: list[str], roles: list[str | None], sep: str) -> list[str]:
    """Make the pieces of a line fit the header: extra pieces are joined back, with the
    separator, into the column most likely to hold it; missing trailing ones are empty."""
    n = len(roles)
    pieces = list(pieces)
    while len(pieces) > n:
        best = None
        for role in _ROOMY:
            for k, r in enumerate(roles):
                if r == role and k + 1 < len(pieces):
                    best = k
                    break
            if best is not None:
                break
        if best is None:
            best = max(range(len(pieces) - 1), key=lambda k: len(pieces[k]))
        pieces[best : best + 2] = [f"{pieces[best]}{sep}{pieces[best + 1]}"]
    return pieces + [""] * (n - len(pieces))


def _cell_of(text: str) -> Cell:
    return Cell([para_from_text(text)] if text else [])


# --------------------------------------------------------------------------- cell per line


def cell_per_line_blocks(text: str) -> list[Table | str] | None:
    """A transcript with every cell on its own line (a table copied out of a web page):
    the header is a run of short lines each naming a column; then each row's cells follow
    one a line with a blank line between rows, or one cell a paragraph, row after row, or
    one a line with rows running on (:func:`_run_on_rows`)."""
    lines = [ln.strip() for ln in text.splitlines()]
    start = None
    width = 0
    for k in range(len(lines)):
        run = 0
        while k + run < len(lines) and _names_column(lines[k + run]):
            run += 1
        if run >= 3 and header_score(lines[k : k + run]) >= 5:
            start, width = k, run
            break
    if start is None:
        return None
    header = lines[start : start + width]
    chunks: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[start + width :], start + width + 1):
        if not line:
            if chunks and chunks[-1][1]:
                chunks.append((number + 1, []))
            continue
        if not chunks:
            chunks.append((number, []))
        chunks[-1][1].append(line)
    chunks = [c for c in chunks if c[1]]
    rows = [Row([Cell([Para(h, bold=True)]) for h in header], start + 1)]
    if chunks and sum(len(c[1]) == width for c in chunks) * 2 >= len(chunks):
        for number, chunk in chunks:  # a row a paragraph, a cell a line
            if len(chunk) == 1 and len(chunks) > 1:
                rows.append(Row([Cell([para_from_text(chunk[0])], colspan=width)]
                                + [Cell(merged=True) for _ in header[1:]], number))  # fmt: skip
                continue
            cells = [_cell_of(t) for t in chunk[:width]] + [Cell() for _ in range(width - len(chunk))]
            if len(chunk) > width:
                cells[-1].paras += [para_from_text(t) for t in chunk[width:]]
            rows.append(Row(cells, number))
    elif any(len(chunk) > width for _, chunk in chunks) and (
        run_on := _run_on_rows(lines, start + width, header, rows)
    ):
        # Rows running on without blank lines between them, a cell a line.
        return [*(ln for ln in lines[:start] if ln), *run_on]
    else:
        for k in range(0, len(chunks), width):  # a cell a paragraph
            group = chunks[k : k + width]
            cells = [Cell([para_from_text(t) for t in chunk]) for _, chunk in group]
            rows.append(Row(cells + [Cell() for _ in range(width - len(cells))], group[0][0]))
    return [*(ln for ln in lines[:start] if ln), Table(rows, 0)]


# "Lead officer: Business Systems Manager": a label with its value, a line of a labelled
# block, where a column heading is the label alone.
_LABEL_AND_VALUE = re.compile(r"^[^:]{1,40}:\s*\S")


def _names_column(line: str) -> bool:
    """True for a line that can be a column heading of a cell-per-line header."""
    return bool(line) and len(line) <= 40 and role_of(line) is not None and not _LABEL_AND_VALUE.match(line)


def _run_on_rows(lines: list[str], first: int, header: list[str], header_rows: list[Row]) -> list[Table | str] | None:
    """The table of a cell-per-line transcript whose rows follow one another with no
    blank line between them, from ``lines[first:]``, and the text after it; None when
    the lines do not fall into rows that way.

    Rows are counted off a header's width of lines at a time; a blank line inside a row
    is an empty cell. A line opening a row that cannot open one (a recommendation
    lead-in, or anything but a ref under a "No." column) is a row across the table: the
    recommendation or section heading the rows below answer. Counting lines is only
    trusted where something shows where rows start: refs opening every row, or lead-ins
    with whole rows between them. Lines after the last row that fit no row (two headings
    together, a short row) are the page's text, not the plan's; before a row, they show
    the lines are not such a table.
    """
    width = len(header)
    numbered = role_of(header[0]) in ("number", "action_ref")
    out = list(header_rows)
    last_row = len(out)
    counted = headings = 0
    loose = 0  # headings other than lead-ins since the last row
    misfit: int | None = None  # where lines stopped fitting rows
    k = first
    while k < len(lines):
        line = lines[k]
        if not line:
            k += 1
            continue
        lead_in = _LEAD_IN.match(line) is not None
        if lead_in or (numbered and not looks_like_ref(line)):
            loose = 0 if lead_in else loose + 1
            if loose > 1 and counted and misfit is None:
                misfit = len(out) - 1
            out.append(Row([Cell([para_from_text(line)], colspan=width)]
                           + [Cell(merged=True) for _ in header[1:]], k + 1))  # fmt: skip
            headings += 1
            k += 1
            continue
        end = min(k + width, len(lines))
        cut = next((j for j in range(k + 1, end) if _LEAD_IN.match(lines[j])), end)
        if not numbered and (cut - k < width or not all(lines[k:cut])):
            # Rows told apart by lead-ins alone must be whole.
            misfit = len(out) if misfit is None else misfit
            out += [Row([Cell([para_from_text(t)])], j + 1) for j, t in enumerate(lines[k:cut], k) if t]
            k = cut
            continue
        if misfit is not None:
            return None
        cells = [_cell_of(t) for t in lines[k:cut]]
        out.append(Row(cells + [Cell() for _ in range(width - len(cells))], k + 1))
        last_row = len(out)
        counted += 1
        loose = 0
        k = cut
    if counted < 2 or (not numbered and not headings):
        return None
    after = [r.cells[0].text for r in out[last_row:]]
    return [Table(out[:last_row], 0), *after]
