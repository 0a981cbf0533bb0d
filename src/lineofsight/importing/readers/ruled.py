"""Tables read from their ruling lines: the grid of cells a PDF page draws.

Word and Excel print a bordered table as short stroked lines, one for each side of each
row and column. Where those lines cross they mark out a grid; where an inner line is
missing two grid positions are one merged cell. Each character is put in the cell whose
box holds it, so the columns come from the page's drawing, not from guessing how the
text lines up (which :mod:`.aligned` does for tables without rules).

Inside a cell a reader sees paragraphs: a line that starts with a bullet, a number or a
letter starts one, and so does a line after a line that ends well short of the cell's
right side (the writer pressed Enter; a wrapped line fills the width). A merged cell is
presented as python-docx presents it (and :mod:`.word` reads it): its text repeated in
every grid position it covers, the positions after the first marked ``merged``.

Pure functions of the page's objects (characters, rules and shaded boxes), no PDF
library here: :mod:`.pdf` collects those objects with PDFium.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..grid import Cell, Para, Row, Table, para_from_text, rag_colour
from . import broken_words

# Rules closer than this (points) are one line of the grid; a Word table nested in a
# cell sits about 5.4 pt (the cell's padding) inside the outer cell's sides.
_SNAP = 2.5
# A band of the grid narrower than this holding no text is the padding between an outer
# cell's side and a nested table's side, not a column or a row.
_SLIVER = 8.0
# How far a rule may stop short of a crossing line and still meet it.
_REACH = 3.0
# A plan's page draws tens of rules; a page drawing thousands (a chart, a hatched
# background, a hostile upload) is read from its text alignment instead, so the grid
# search (rules × rules) stays quick.
MAX_RULES = 2000
MAX_GRID_CELLS = 5000


@dataclass(slots=True)
class Glyph:
    """One character: baseline (points from the page top), left and right edges, size."""

    y: float
    x0: float
    x1: float
    size: float
    text: str
    bold: bool = False
    space_before: bool = False  # the PDF's text has a space before this character
    wraps: bool = False  # the character ends a line and a space follows it: the line wrapped

    @property
    def middle(self) -> tuple[float, float]:
        """A point well inside the character's box (x, y from the top)."""
        return (self.x0 + self.x1) / 2, self.y - 0.3 * self.size


@dataclass
class Rule:
    """A straight rule: horizontal when ``horizontal``, at ``at`` from ``start`` to ``end``
    (x for a horizontal rule, y from the top for a vertical one)."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass
class Shade:
    """A filled box behind text (cell shading), with its colour as RRGGBB hex."""

    x0: float
    top: float
    x1: float
    bottom: float
    colour: str


@dataclass
class RuledTable:
    """A table found on one page, with where it sits and its column edges."""

    table: Table
    top: float
    bottom: float
    columns: list[float]
    page: int


@dataclass
class _Region:
    rules: list[Rule] = field(default_factory=list)


def rules_from_boxes(boxes: list[tuple[float, float, float, float]]) -> list[Rule]:
    """Rules from the bounds (left, top, right, bottom; y from the page top) of thin
    drawn objects: a stroked line or a filled sliver is a rule along its long side."""
    out: list[Rule] = []
    for x0, top, x1, bottom in boxes:
        w, h = x1 - x0, bottom - top
        if h < 3 <= w:
            out.append(Rule(True, (top + bottom) / 2, x0, x1))
        elif w < 3 <= h:
            out.append(Rule(False, (x0 + x1) / 2, top, bottom))
    return out


def ruled_tables(
    glyphs: list[Glyph], rules: list[Rule], shades: list[Shade], page: int
) -> tuple[list[RuledTable], list[Glyph]]:
    """The page's ruled tables (top to bottom) and the characters outside them."""
    tables: list[RuledTable] = []
    if len(rules) > MAX_RULES:
        return tables, glyphs
    claimed: set[int] = set()
    middles = _anchors(glyphs)
    # Whether this page's text keeps the space where a line wrapped: then a line ending
    # without one was ended by the writer, whatever its length.
    # (LibreOffice and Word keep one on most wrapped lines; a page with only a few,
    # such as where a line ends at a space before a break, does not count.)
    trailing = 2 * sum(g.wraps for g in glyphs) >= len(_text_lines(glyphs)) > 0
    for region in _regions(rules):
        found = _grid_table(region, glyphs, middles, shades, page, trailing)
        if found is None:
            continue
        table, inside = found
        if not inside.isdisjoint(claimed):
            continue  # a table drawn inside another's cell is read as part of the outer one
        claimed |= inside
        tables.append(table)
    tables.sort(key=lambda t: t.top)
    outside = [g for i, g in enumerate(glyphs) if i not in claimed]
    return tables, outside


def _anchors(glyphs: list[Glyph]) -> list[tuple[float, float]]:
    """Where each character is placed: the middle of its word's first character.

    A browser or WeasyPrint does not break a word too long for its cell: the word runs
    on over the cell's side, across the next cell's text ("Recommend" + "ation" over
    "Action"), where Word and LibreOffice break it inside the cell. A word belongs to
    the cell it starts in. The word is the run of characters the PDF writes one after
    another on one baseline with no space or gap between them."""
    out: list[tuple[float, float]] = []
    for k, g in enumerate(glyphs):
        prev = glyphs[k - 1] if k else None
        if (
            prev is not None
            and not g.space_before
            and abs(g.y - prev.y) <= 0.1 * g.size
            and prev.x0 - 0.5 <= g.x0 <= prev.x1 + 0.12 * g.size  # a ligature's letters share a box
        ):
            out.append(out[-1])
        else:
            out.append(g.middle)
    return out


def _regions(rules: list[Rule]) -> list[_Region]:
    """Groups of rules that cross or touch one another: one group a table."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    flat = [k for k, r in enumerate(rules) if r.horizontal]
    upright = [k for k, r in enumerate(rules) if not r.horizontal]
    for i in flat:
        h = rules[i]
        for j in upright:
            v = rules[j]
            if (
                h.start - _REACH <= v.at <= h.end + _REACH
                and v.start - _REACH <= h.at <= v.end + _REACH
                and find(i) != find(j)
            ):
                parent[find(i)] = find(j)
    # A side drawn in pieces, one a grid row (HTML printers draw each cell's border),
    # is one line: beside a cell merged down several rows the middle pieces cross no
    # rule, yet they are that cell's side, not a separate drawing.
    for same in (flat, upright):
        lines: list[list[int]] = []
        for k in sorted(same, key=lambda k: rules[k].at):
            if lines and rules[k].at - rules[lines[-1][-1]].at <= _SNAP:
                lines[-1].append(k)
            else:
                lines.append([k])
        for line in lines:
            line.sort(key=lambda k: rules[k].start)
            reach, last = float("-inf"), -1
            for k in line:
                if rules[k].start <= reach + _REACH and find(k) != find(last):
                    parent[find(k)] = find(last)
                if rules[k].end > reach:
                    reach, last = rules[k].end, k
    groups: dict[int, _Region] = {}
    for k, r in enumerate(rules):
        groups.setdefault(find(k), _Region()).rules.append(r)
    return sorted(groups.values(), key=lambda g: min(r.at if r.horizontal else r.start for r in g.rules))


def _lines_at(positions: list[tuple[float, float]]) -> list[float]:
    """Positions closer than the snap distance as one, weighted by length."""
    out: list[list[tuple[float, float]]] = []
    for at, length in sorted(positions):
        if out and at - out[-1][-1][0] <= _SNAP:
            out[-1].append((at, length))
        else:
            out.append([(at, length)])
    return [sum(a * w for a, w in run) / max(sum(w for _, w in run), 1e-9) for run in out]


def _drop_slivers(edges: list[float], used: list[float], rules: list[Rule]) -> list[float]:
    """Leave out the edge of each narrow band holding no text (``used``: the sorted
    positions of the text), keeping of its two edges the one drawn longer (the outer
    table's side rather than a nested table's)."""
    edges = list(edges)
    k = 0
    while k < len(edges) - 1:
        lo, hi = edges[k], edges[k + 1]
        empty = bisect.bisect_right(used, lo) >= bisect.bisect_left(used, hi)
        if hi - lo < _SLIVER and empty and len(edges) > 2:
            drop = k if _drawn(edges[k], rules) < _drawn(edges[k + 1], rules) else k + 1
            del edges[drop]
            continue
        k += 1
    return edges


def _drawn(at: float, rules: list[Rule]) -> float:
    return sum(r.end - r.start for r in rules if abs(r.at - at) <= _SNAP)


def _covers(rules: list[Rule], at: float, point: float) -> bool:
    """Whether a rule lies along ``at`` over ``point``."""
    return any(abs(r.at - at) <= _SNAP and r.start - _REACH <= point <= r.end + _REACH for r in rules)


def _grid_table(
    region: _Region,
    glyphs: list[Glyph],
    middles: list[tuple[float, float]],
    shades: list[Shade],
    page: int,
    trailing: bool = False,
) -> tuple[RuledTable, set[int]] | None:
    flat = [r for r in region.rules if r.horizontal]
    upright = [r for r in region.rules if not r.horizontal]
    if len(flat) < 2 or len(upright) < 2:
        return None
    xs = _lines_at([(r.at, r.end - r.start) for r in upright])
    ys = _lines_at([(r.at, r.end - r.start) for r in flat])
    # Where the table's sides run on past its last (or before its first) horizontal
    # rule, a row broken by the page has no border drawn at the break: the sides' ends
    # close it.
    sides_top, sides_bottom = min(r.start for r in upright), max(r.end for r in upright)
    for end in (sides_top, sides_bottom):
        if end < ys[0] - _SLIVER or end > ys[-1] + _SLIVER:
            flat = [*flat, Rule(True, end, xs[0], xs[-1])]
            ys = sorted([*ys, end])
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    inside = {i for i, (x, y) in enumerate(middles) if left - 1 <= x <= right + 1 and top - 1 <= y <= bottom + 1}
    if not inside:
        return None
    xs = _drop_slivers(xs, sorted({middles[i][0] for i in inside}), upright)
    ys = _drop_slivers(ys, sorted({middles[i][1] for i in inside}), flat)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 2 or n_rows * n_cols > MAX_GRID_CELLS:
        return None  # a box around text (a frame, a callout) is not a table
    # Grid positions joined where the rule between them is missing: merged cells.
    owner = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    def join(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            owner[max(ra, rb)] = min(ra, rb)

    for r in range(n_rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols - 1):
            if not _covers(upright, xs[c + 1], mid_y):
                join(r * n_cols + c, r * n_cols + c + 1)
    for r in range(n_rows - 1):
        for c in range(n_cols):
            if not _covers(flat, ys[r + 1], (xs[c] + xs[c + 1]) / 2):
                join(r * n_cols + c, (r + 1) * n_cols + c)
    spans: dict[int, list[int]] = {}  # cell -> [first row, last row, first column, last column]
    for pos in range(n_rows * n_cols):
        r, c = divmod(pos, n_cols)
        box = spans.setdefault(find(pos), [r, r, c, c])
        box[0], box[1], box[2], box[3] = min(box[0], r), max(box[1], r), min(box[2], c), max(box[3], c)
    content: dict[int, list[Glyph]] = {}
    for i in inside:
        x, y = middles[i]
        c = min(max(bisect.bisect_right(xs, x) - 1, 0), n_cols - 1)
        r = min(max(bisect.bisect_right(ys, y) - 1, 0), n_rows - 1)
        content.setdefault(find(r * n_cols + c), []).append(glyphs[i])
    whole_words = _overprinted(content, {key: xs[box[3] + 1] for key, box in spans.items()})
    cells: dict[int, Cell] = {}
    for key, (r0, r1, c0, c1) in spans.items():
        x0, x1 = xs[c0], xs[c1 + 1]
        paras = cell_paras(content.get(key, []), x0, x1, trailing=trailing, whole_words=whole_words)
        cell = Cell(paras, colspan=c1 - c0 + 1)
        cell.fill = _fill(shades, x0, ys[r0], x1, ys[r1 + 1])
        cells[key] = cell
    rows: list[Row] = []
    for r in range(n_rows):
        out: list[Cell] = []
        own_text = False
        for c in range(n_cols):
            key = find(r * n_cols + c)
            r0, _, c0, _ = spans[key]
            cell = cells[key]
            if (r0, c0) == (r, c):
                out.append(cell)
                own_text = own_text or bool(cell.text)
            else:
                span = cell.colspan if c == c0 else 1
                out.append(Cell(list(cell.paras), colspan=span, merged=True, fill=cell.fill))
        if own_text:  # a band only merged cells cross (a stray rule in one cell) is no row
            rows.append(Row(out, len(rows) + 1))
    rows = _unfold_sub_headers(_drop_spacers(rows))
    if not rows:
        return None
    for n, row in enumerate(rows, 1):
        row.number = n
    table = Table(rows, 0, page=page)
    return RuledTable(table, top, bottom, xs, page), inside


def _overprinted(content: dict[int, list[Glyph]], rights: dict[int, float]) -> bool:
    """Whether a word runs on over its cell's right side across the next cell's text.

    Only a printer that breaks no word does that (see :func:`_anchors`): a short line in
    such a table ended at a space, never inside a word. (A spreadsheet's text running
    into an empty cell beside it says nothing of how wrapped cells break.)"""
    over = [(key, g) for key, held in content.items() for g in held if g.x1 > rights[key] + 1]
    if not over:
        return False
    return any(
        o.x0 < g.x1 and g.x0 < o.x1 and abs(o.y - g.y) <= 0.3 * o.size
        for key, o in over
        for other, held in content.items()
        if other != key
        for g in held
    )


def _drop_row(rows: list[Row], k: int) -> None:
    """Leave out row ``k``: a merged cell it starts then starts in the row below."""
    if k + 1 < len(rows):
        for here, below in zip(rows[k].cells, rows[k + 1].cells, strict=True):
            if not here.merged and below.merged and below.paras == here.paras:
                below.merged = False
                below.colspan = here.colspan
    del rows[k]


def _drop_spacers(rows: list[Row]) -> list[Row]:
    """Leave out bands with no text of their own: a table nested in a cell leaves the
    cell's padding above it, which the outer cells beside it cross."""
    k = 0
    while k < len(rows) - 1:
        below = rows[k + 1].cells
        if all(
            c.merged or not c.text or (below[i].merged and below[i].paras == c.paras)
            for i, c in enumerate(rows[k].cells)
        ):
            _drop_row(rows, k)
            continue
        k += 1
    return rows


def _unfold_sub_headers(rows: list[Row]) -> list[Row]:
    """Read a table nested in the plan's action cell as :mod:`.word` does: where a
    header cell spans several columns ("Actions") and the rows under it start with the
    nested table's own header ("Action | Owner | By when"), those names become the
    header's and the nested headers repeated under each recommendation are left out."""
    from ..columns import role_of

    if len(rows) < 2:
        return rows
    header = rows[0].cells
    for c0, cell in enumerate(header):
        span = range(c0, c0 + cell.colspan)
        if cell.merged or cell.colspan < 2 or span.stop > len(header):
            continue
        names: list[str] | None = None
        k = 1
        while k < len(rows):
            own = [rows[k].cells[c] for c in span]
            texts = [c.text for c in own]
            named = sum(role_of(t) is not None for t in texts) >= 2
            if all(not c.merged and c.text for c in own) and (texts == names or (names is None and named)):
                names = texts
                _drop_row(rows, k)
                continue
            k += 1
        if names is not None:
            for c, text in zip(span, names, strict=True):
                header[c] = Cell([para_from_text(text, bold=cell.bold)])
    return rows


def _fill(shades: list[Shade], x0: float, top: float, x1: float, bottom: float) -> str | None:
    """The RAG colour of the shading that fills most of the cell, if any."""
    area = (x1 - x0) * (bottom - top)
    best: tuple[float, str] | None = None
    for s in shades:
        w = min(s.x1, x1) - max(s.x0, x0)
        h = min(s.bottom, bottom) - max(s.top, top)
        if w > 0 and h > 0 and w * h >= 0.5 * area and (best is None or w * h > best[0]):
            best = (w * h, s.colour)
    return rag_colour(best[1]) if best else None


_MARKER = re.compile(r"^\s*(?:[•●▪■◦‣∙·\-*–✓✔➢►]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2}(?:\.\d{1,2})*)[).])\s")


def cell_paras(
    glyphs: list[Glyph], left: float, right: float, *, trailing: bool = False, whole_words: bool = False
) -> list[Para]:
    """The paragraphs of one cell from its characters: lines by baseline, words by the
    gaps between characters, paragraphs where a reader sees one start. ``trailing``:
    the page marks wrapped lines by a space at their end (:attr:`Glyph.wraps`).
    ``whole_words``: the printer breaks no word across lines ("Target" / "date" are two
    words however full the line)."""
    if not glyphs:
        return []
    lines = _text_lines(glyphs)
    indent = min(ln[0].x0 for ln in lines) - left
    # The cell's padding is the same on both sides; a line is full when the next line's
    # first word would not have fitted after it.
    limit = right - max(indent, 1.0)
    paras: list[tuple[list[str], list[bool]]] = []
    prev: list[Glyph] | None = None
    for ln in lines:
        text = _line_text(ln)
        bolds = [g.bold for g in ln]
        if prev is None or _MARKER.match(text) is not None:
            paras.append(([text], bolds))
            prev = ln
            continue
        if (
            not whole_words
            and " " not in _line_text(prev)
            and prev[-1].x1 + ln[0].x1 - ln[0].x0 > limit - 1
            and text[:1].islower()
            and not broken_words.is_whole(_line_text(prev))  # "By" / "when"
        ):
            # A word too long for the column is broken where the line is full, with no
            # hyphen ("Recommendati" / "on"): the pieces are one word.
            paras[-1][0][-1] += "\u200b" + text
            paras[-1][1].extend(bolds)
            prev = ln
            continue
        size = max(g.size for g in ln)
        last, first = _line_text(prev).rsplit(" ", 1)[-1], text.split(" ", 1)[0]
        if not whole_words and prev[-1].x1 + size >= limit and broken_words.is_broken(last, first):
            # A narrow column broke a word after a full line ("Assistant Dire" / "ctor",
            # "May 202" / "5"): the rest is no word of its own.
            paras[-1][0][-1] += "\u200b" + text
            paras[-1][1].extend(bolds)
            prev = ln
            continue
        if trailing:
            # The writer ended the line above, unless it breaks after a hyphen or slash
            # or it is full to the cell's side (where no space is kept either).
            full = prev[-1].x1 + 0.3 * size >= limit - 1
            starts = not prev[-1].wraps and prev[-1].text not in "-/–" and not full
        else:
            width = _word_width(ln, len(text.split(" ", 1)[0]))
            # The line above ended short, so the next word would have fitted: a line
            # break, not a wrap.
            starts = prev[-1].x1 + 0.3 * size + width < limit - 1
        starts = (
            starts
            or ln[0].y - prev[0].y > 1.7 * size  # a blank line between
            # a bold heading line, then the text under it
            or (all(g.bold for g in prev) and not any(bolds))
        )
        if starts:
            paras.append(([text], bolds))
        else:
            paras[-1][0].append(text)
            paras[-1][1].extend(bolds)
        prev = ln
    out = []
    for texts, bolds in paras:
        joined = _join_wrapped(texts)
        out.append(para_from_text(joined, bold=sum(bolds) * 2 > len(bolds)))
    for p in out:
        p.text = p.text.replace("\u200b", "")
    return [p for p in out if p.text]


def _join_wrapped(texts: list[str]) -> str:
    """Lines of one paragraph as one text; a word hyphenated across lines stays one."""
    out = texts[0]
    for t in texts[1:]:
        # "year-" + "olds": a word hyphenated at the wrap keeps its hyphen, not a space.
        hyphenated = out.endswith("-") and not out.endswith(" -") and t[:1].islower()
        out = out + t if hyphenated else f"{out} {t}"
    return out


def _text_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Characters grouped into lines by baseline, each left to right, top to bottom."""
    rows: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x0)):
        if rows and abs(g.y - rows[-1][0].y) <= 0.3 * max(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    for row in rows:
        row.sort(key=lambda g: g.x0)
    return rows


def _line_text(line: list[Glyph]) -> str:
    """A line's text, with a space wherever the gap between characters is a space's."""
    parts: list[str] = []
    prev: Glyph | None = None
    for g in line:
        if prev is not None and (g.space_before or g.x0 - prev.x1 > 0.2 * g.size):
            parts.append(" ")
        parts.append(g.text)
        prev = g
    return "".join(parts).strip()


def _word_width(line: list[Glyph], letters: int) -> float:
    """The printed width of the first ``letters`` characters of a line (its first word)."""
    word = line[: max(letters, 1)]
    return word[-1].x1 - word[0].x0


def join_pages(found: list[RuledTable], between: dict[tuple[int, int], bool]) -> list[RuledTable]:
    """One table for a table continued on the next page: the same column edges, with
    nothing but running lines between the end of one and the start of the other
    (``between[(i, j)]`` is True when text lies between tables ``i`` and ``j``).

    A row the page break cut in two is read as one row: the continuation's first row
    has no rule above it on the new page, only the table's top border, so when its
    leading cell is empty its text is added to the row above."""
    out: list[RuledTable] = []
    for k, t in enumerate(found):
        if out:
            last = out[-1]
            same = len(last.columns) == len(t.columns) and all(
                abs(a - b) <= 2 * _SNAP for a, b in zip(last.columns, t.columns, strict=True)
            )
            if same and t.page == last.page + 1 and not between.get((k - 1, k), True):
                _continue(last.table, t.table)
                last.page = t.page
                continue
        out.append(t)
    return out


def _continue(table: Table, more: Table) -> None:
    """Add the rows of the table's continuation on the next page.

    Word and LibreOffice let a row break across a page, so the first row on the new
    page may be the rest of the last row: it then holds text in only a few of the
    columns the row above fills (the long cells that ran over), and its text is added
    to those cells. Otherwise it is a new row, and its empty leading cells are a merged
    cell (a recommendation over several actions) carried over the page break."""
    rows = list(more.rows)
    if rows and table.rows and len(table.rows) > 1 and rows[0].texts == table.rows[0].texts:
        # The header printed again at the top of the page (a repeated header row) says
        # nothing new, and stands between the row the break cut and its rest.
        rows = rows[1:]
    if not rows:
        return
    above, first = table.rows[-1], rows[0]
    filled = [c for c, cell in enumerate(above.cells) if cell.text]
    carried = [c for c, cell in enumerate(first.cells) if cell.text]
    # A cell whose text starts in lower case is the rest of a sentence.
    run_on = any(first.cells[c].text[:1].islower() for c in carried)
    if carried and set(carried) <= set(filled) and (2 * len(carried) <= len(filled) or run_on):
        for c in carried:
            _run_on(above.cells[c], first.cells[c].paras)
        rows = rows[1:]
    elif rows:
        for c, cell in enumerate(first.cells):
            if cell.text or not above.cells[c].text:
                break
            first.cells[c] = Cell(list(above.cells[c].paras), merged=True, fill=above.cells[c].fill)
    for i, row in enumerate(rows):
        row.number = len(table.rows) + 1
        row.page_break_before = i == 0
        table.rows.append(row)


def _run_on(cell: Cell, paras: list[Para]) -> None:
    """Add text carried over a page break to a cell: its first line continues the
    cell's last paragraph unless it starts a paragraph of its own."""
    if not paras:
        return
    last = cell.paras[-1] if cell.paras else None
    head = paras[0]
    if last is not None and head.kind == "text" and not re.search(r"[.;:!?]$", last.text):
        # A word a narrow column broke at the page's foot ("Dire" / "ctor") is one word.
        broken = broken_words.is_broken(last.text.rsplit(" ", 1)[-1], head.text.split(" ", 1)[0])
        last.text = f"{last.text}{head.text}" if broken else f"{last.text} {head.text}"
        paras = paras[1:]
    cell.paras = [*cell.paras, *paras]
