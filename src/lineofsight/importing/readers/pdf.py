"""PDF plans: words with their positions from PDFium, tables from how the words line up.

PDFium (through ``pypdfium2``, Apache-2.0/BSD) reads a page's characters with their boxes
and font weight in milliseconds, where pdfminer-based readers take most of a second a
page; the table itself is found by :mod:`.aligned`, from text alignment, so ruled and
unruled tables, committee-paper PDFs printed from Word and 2-up prints read alike.

A scanned PDF has no text layer: its pages are rendered and read by Tesseract OCR when
the ``tesseract`` program is installed, and refused with the fix named when it is not.
"""

from __future__ import annotations

import bisect
import ctypes
import io
import itertools
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from typing import Any

from ..errors import ImportFailed
from ..grid import Document, Row, Table, rag_colour
from . import ruled
from .aligned import _PAGE_NUMBER, Line, Word, read_lines, running_lines

# A character: baseline from the page top, left, right, font size, text, bold.
_Char = tuple[float, float, float, float, str, bool]

# Private-use code points that Symbol and Wingdings bullets extract as.
_GLYPHS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0e0": "➢", "\u2022": "•"}
_BOLD_WEIGHT = 600
# A heading above a table wraps onto a few lines; a longer paragraph there is text.
_HEADING_LINES = 4
OCR_DPI = 200


def read_pdf(data: bytes, filename: str) -> Document:
    """Read the plan tables of a PDF; the text before the first table is the preamble."""
    import pypdfium2 as pdfium

    from .common import EXPECTED, _finish, _may_be_plan, labelled_blocks

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailed(filename, "the PDF is password-protected; upload an unlocked copy") from exc
        raise ImportFailed(filename, f"the PDF is damaged ({exc}); expected {EXPECTED}") from exc
    scanned = False
    ruled: Document | None = None
    try:
        pages = page_objects(pdf)
        lines: list[Line] = []
        if not any(page.chars for page in pages) and len(pdf) > 0:
            scanned = True
            lines = ocr_lines(pdf, filename)
        else:
            ruled = _ruled_document(filename, pages)
    finally:
        pdf.close()
    if ruled is not None and any(_may_be_plan(t) for t in ruled.tables):
        return ruled
    if not scanned:
        # No ruled plan table: the whole document is read from how its text lines up.
        starts: list[float] = []
        for page in pages:
            page_lines = page.lines(len(lines), starts=starts)
            starts = _header_starts(page_lines) or starts
            lines += page_lines
    doc = _finish(filename, read_lines(lines, split=_split(lines)))
    if not scanned:
        _shade_cells(doc.tables, lines, pages)
    if not any(_may_be_plan(t) for t in doc.tables):
        labelled = labelled_blocks(_plain_lines(lines), wrapped=True)
        if labelled is not None:
            doc = _finish(filename, labelled)
    if not doc.tables:
        how = " (it has no text layer, and OCR found no table in the scan)" if scanned else ""
        raise ImportFailed(
            filename,
            f"no table was found in the PDF{how}; expected a table whose header names the "
            "recommendation or action, the lead and the timescale",
        )
    return doc


def _shade_cells(tables: list[Table], lines: list[Line], pages: list[_Page]) -> None:
    """Give the cells of tables read from text alignment the RAG colour of the shading
    behind them: a plan printed without borders still colours its RAG cells.

    A row's cells start on the row's first line (cells are top-aligned), so each
    column's left edge is where its cells' text starts on those lines; a row reaches
    down to where the next one starts."""
    shades = {p.number: [sh for sh in p.shades if rag_colour(sh.colour)] for p in pages}
    if not any(shades.values()):
        return
    by_number = {ln.number: ln for ln in lines}
    for table in tables:
        lefts: dict[int, list[float]] = {}
        starts: list[tuple[Line, Row]] = []
        for r, row in enumerate(table.rows):
            ln = by_number.get(row.number)
            if ln is None:
                continue
            starts.append((ln, row))
            # A header of several lines is numbered by its last: its cells start on any.
            near = [by_number[n] for n in range(row.number - 3, row.number + 1) if n in by_number] if r == 0 else [ln]
            for c, cell in enumerate(row.cells):
                if cell.merged or not cell.text:
                    continue
                word = next((w for line in near for w in line.words if cell.text.startswith(w.text)), None)
                if word is not None:
                    lefts.setdefault(c, []).append(word.x0)
        if not lefts:
            continue
        edges = sorted((statistics.median(xs), c) for c, xs in lefts.items())
        for k, (ln, row) in enumerate(starts):
            following = starts[k + 1][0] if k + 1 < len(starts) else None
            top = ln.top - ln.pitch
            bottom = following.top - ln.pitch if following is not None and following.page == ln.page else float("inf")
            for sh in shades.get(ln.page, []):
                x, y = (sh.x0 + sh.x1) / 2, (sh.top + sh.bottom) / 2
                # A shade behind a row's first line is that row's, wherever its middle
                # falls (a tall cell's text sits at its top); else the row its middle is in.
                behind = [s for s, _ in starts if s.page == ln.page and sh.top <= s.top <= sh.bottom]
                if behind and behind[0] is not ln:
                    continue
                if not behind and not top <= y < bottom:
                    continue
                # The column whose text starts left of the shade's middle, nearest to it.
                column = next((c for x0, c in reversed(edges) if x0 <= x), None)
                if column is not None and column < len(row.cells) and row.cells[column].fill is None:
                    row.cells[column].fill = rag_colour(sh.colour)


def _plain_lines(lines: list[Line]) -> list[tuple[str, bool, bool]]:
    """Each line's text, whether a vertical gap comes before it, and whether it is set in
    from the left margin (an item of a list whose bullets are glyphs we cannot read)."""
    margin = min((ln.words[0].x0 for ln in lines if ln.words), default=0.0)
    out = []
    prev: Line | None = None
    for ln in lines:
        gap = prev is None or prev.page != ln.page or ln.top - prev.top > 1.6 * ln.pitch
        out.append((ln.text, gap, ln.words[0].x0 > margin + ln.pitch))
        prev = ln
    return out


def _split(lines: list[Line]) -> float:
    """The space between words that separates cells: a little over two word spaces."""
    sizes = [ln.pitch for ln in lines if ln.words]
    return 0.5 * (statistics.median(sizes) if sizes else 12.0)


@dataclass
class _Page:
    """What one page holds: its characters, drawn rules and shading."""

    number: int
    chars: list[_Char]
    spaced: set[int]  # the characters that follow a space in the page's text
    wrapped: set[int]  # the characters that end a line with a space after them
    boxes: list[tuple[float, float, float, float]]  # thin drawn objects: rules
    shades: list[ruled.Shade]
    rules: list[float]
    spans: list[tuple[float, float]]
    uprights: list[tuple[float, float, float]]

    def lines(self, before: int, chars: list[_Char] | None = None, *, starts: list[float] | None = None) -> list[Line]:
        """The page's lines of words (of ``chars``, by default all its characters).

        ``starts`` are the left edges of the columns of a header printed on an earlier
        page (see :func:`_header_starts`); a header on this page gives its own."""
        kept = list(self.chars if chars is None else chars)
        lines = _lines_of(list(kept), self.number, before, self.uprights)
        # Word and LibreOffice keep a space where a line wrapped; where most lines of the
        # page show it, a line without one ended inside a word or by Enter.
        marks = None
        if 2 * len(self.wrapped) >= len(lines) > 0:
            marks = {(self.chars[i][0], self.chars[i][2]) for i in self.wrapped}
        here = _header_starts(lines)
        if here or starts or marks is not None:
            top = next((ln.top for ln in lines if _header_starts([ln])), float("-inf")) if here else float("-inf")
            lines = _lines_of(kept, self.number, before, self.uprights, starts=(here or starts or [], top), marks=marks)
        _mark_rules(lines, self.rules, self.spans)
        return lines


def pdf_lines(pdf: Any) -> list[Line]:
    """Every page's lines of words, top to bottom (pages in order)."""
    out: list[Line] = []
    for page in page_objects(pdf):
        out.extend(page.lines(len(out)))
    return out


def page_objects(pdf: Any) -> list[_Page]:
    """Every page's characters (with their boxes and weight) and drawn objects."""
    import pypdfium2.raw as raw

    out: list[_Page] = []
    font_name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    # FPDFText_GetTextObject returning a plain address: a cheap key for the font cache.
    address = ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
    object_of = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)
    for page_no in range(len(pdf)):
        page = pdf[page_no]
        height = page.get_height()
        textpage = page.get_textpage()
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n else ""
        chars: list[_Char] = []
        spaced: set[int] = set()
        wrapped: set[int] = set()
        tp = textpage.raw
        handle = ctypes.cast(tp, ctypes.c_void_p)
        last_key: int | None = -1
        bold = False
        box = raw.FS_RECTF()
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(min(n, len(text))):
            ch = text[i]
            if ch == " " and chars and text[i + 1 : i + 2] in ("\r", "\n"):
                # A space kept at the end of a line: the line wrapped there (Word and
                # LibreOffice keep it; a line ended by Enter has none).
                wrapped.add(len(chars) - 1)
            if ch.isspace():
                # The aligned reader splits words by the gaps between characters; the
                # ruled reader also keeps where the text itself has a space (narrow
                # spaces in justified or condensed text).
                spaced.add(len(chars))
                continue
            # The loose box spans the glyph's advance, so letters of a word touch and the
            # gap between two words is the width of the space.
            raw.FPDFText_GetLooseCharBox(tp, i, box)
            raw.FPDFText_GetCharOrigin(tp, i, x, y)
            size = raw.FPDFText_GetFontSize(tp, i) or (box.top - box.bottom) or 10.0
            key = object_of(handle, i)
            if key != last_key:  # a new run of text: look its font up once
                last_key = key
                weight = raw.FPDFText_GetFontWeight(tp, i)
                raw.FPDFText_GetFontInfo(tp, i, font_name, len(font_name), flags)
                name = font_name.value.lower()
                bold = weight >= _BOLD_WEIGHT or b"bold" in name or b"black" in name or b"heavy" in name
            chars.append((height - y.value, box.left, box.right, size, _GLYPHS.get(ch, ch), bool(bold)))
        textpage.close()
        rules, spans, uprights, boxes, shades = _rules(page, height, page.get_width())
        page.close()
        out.append(_Page(page_no + 1, chars, spaced, wrapped, boxes, shades, rules, spans, uprights))
    return out


def _ruled_document(filename: str, pages: list[_Page]) -> Document | None:
    """The document read from its ruled tables (text outside them read as before), or
    None when no page draws a ruled table."""
    from .common import _finish

    found: list[ruled.RuledTable] = []
    loose: list[list[Line]] = []  # per page: the lines outside its tables
    count = 0
    for page in pages:
        glyphs = [
            ruled.Glyph(*c, space_before=i in page.spaced, wraps=i in page.wrapped) for i, c in enumerate(page.chars)
        ]
        for g in glyphs:
            if g.text == "\ufffe":  # PDFium's mark for a hyphen where a line broke
                g.text = "-"
        tables, outside = ruled.ruled_tables(glyphs, ruled.rules_from_boxes(page.boxes), page.shades, page.number)
        found += tables
        kept = [(g.y, g.x0, g.x1, g.size, g.text, g.bold) for g in outside]
        lines = page.lines(count, kept) if kept else []
        count += len(lines)
        loose.append(lines)
    if not found:
        return None
    running = running_lines([ln for page in loose for ln in page])
    # What lies on the page between one table and the next, and around them.
    placed: list[tuple[int, float, int, Table | Line]] = []
    for t in found:
        placed.append((t.page, t.top, 1, t.table))
    for page_lines in loose:
        for ln in page_lines:
            if ln.text not in running and not _PAGE_NUMBER.match(ln.text):
                placed.append((ln.page, ln.top, 0, ln))
    placed.sort(key=lambda p: (p[0], p[1], p[2]))
    between: dict[tuple[int, int], bool] = {}
    last_table: int | None = None
    text_since = False
    for _, _, _, item in placed:
        if isinstance(item, Table):
            k = next(i for i, t in enumerate(found) if t.table is item)
            if last_table is not None:
                between[(last_table, k)] = text_since
            last_table, text_since = k, False
        else:
            text_since = True
    joined = {id(t.table) for t in ruled.join_pages(found, between)}
    blocks: list[Table | str] = []
    run: list[Line] = []
    for _, _, _, item in placed:
        if isinstance(item, Line):
            run.append(item)
            continue
        if id(item) not in joined:
            continue  # continued from the previous page: its rows are in that table
        # The short paragraph right above a table is its heading, however many lines
        # it wrapped onto ("Recommendation 1: Partners should improve ... pre-" /
        # "school children ..."): kept as one piece of text.
        start = len(run) - _heading_lines(run)
        blocks += read_lines(run[:start], split=_split(run[:start])) if run[:start] else []
        blocks += [" ".join(ln.text for ln in run[start:])] if run[start:] else []
        run = []
        blocks.append(item)
    blocks += read_lines(run, split=_split(run)) if run else []
    return _finish(filename, blocks)


def _heading_lines(run: list[Line]) -> int:
    """How many lines at the end of ``run`` make the short paragraph just above a table:
    lines at one even spacing and in one weight (a bold heading), up to a wider gap, a
    change of weight or the start of the text. 0 when it is one line, or longer than a
    heading."""
    n = 1
    step: float | None = None
    while n < len(run):
        above, here = run[-n - 1], run[-n]
        gap = here.top - above.top
        weight = all(w.bold for w in here.words)
        if above.page != here.page or all(w.bold for w in above.words) != weight:
            break
        if step is not None and abs(gap - step) > 0.3 * step:
            break
        step = step or gap
        n += 1
        if n > _HEADING_LINES:
            return 0
    return n if n > 1 else 0


def _rules(
    page: Any, height: float, width: float
) -> tuple[
    list[float],
    list[tuple[float, float]],
    list[tuple[float, float, float]],
    list[tuple[float, float, float, float]],
    list[ruled.Shade],
]:
    """The page's drawn objects: heights (from the top) of its horizontal rules (thin
    lines, and the top and bottom edges of boxes, kept where together they run across a
    fifth of the page or more), the spans and sides of boxes, the bounds of each thin
    object (a ruling line) and the filled boxes with their colour (cell shading)."""
    import pypdfium2.raw as raw

    edges: list[tuple[float, float]] = []  # (y from the top, length)
    spans: list[tuple[float, float]] = []  # (top, bottom) of cell boxes and vertical rules
    uprights: list[tuple[float, float, float]] = []  # (x, top, bottom) of vertical edges
    thin: list[tuple[float, float, float, float]] = []
    shades: list[ruled.Shade] = []
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h > 0.8 * height:
            continue
        if (w < 3) != (h < 3):
            thin.append((left, height - top, right, height - bottom))
        elif w >= 3 and h >= 3:
            raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke))
            if mode.value != 0 and raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) and a.value > 0:
                colour = f"{r.value:02X}{g.value:02X}{b.value:02X}"
                shades.append(ruled.Shade(left, height - top, right, height - bottom, colour))
        if h >= 3:
            spans.append((height - top, height - bottom))
            # A cell's box or a vertical rule: text never runs across its sides.
            uprights.append((left, height - top, height - bottom))
            if w >= 3:
                uprights.append((right, height - top, height - bottom))
        if w < 3:
            continue
        if h < 3:
            edges.append((height - (top + bottom) / 2, w))
        else:
            edges += [(height - top, w), (height - bottom, w)]
    edges.sort()
    rules: list[float] = []
    run: list[tuple[float, float]] = []
    for edge in [*edges, (float("inf"), 0.0)]:
        if run and edge[0] - run[0][0] > 2:
            if sum(length for _, length in run) >= 0.2 * width:
                rules.append(sum(y for y, _ in run) / len(run))
            run = []
        run.append(edge)
    return rules, spans, uprights, thin, shades


def _mark_rules(lines: list[Line], rules: list[float], spans: list[tuple[float, float]]) -> None:
    """Flag each line that has a horizontal rule between it and the line above, and each
    line that sits inside a cell's box or beside a vertical rule."""
    for prev, ln in itertools.pairwise(lines):
        ln.ruled_above = any(prev.top < y < ln.top - 0.55 * ln.pitch for y in rules)
    for ln in lines:
        middle = ln.top - 0.3 * ln.pitch
        ln.boxed = any(top <= middle <= bottom for top, bottom in spans)


def _header_starts(lines: list[Line]) -> list[float]:
    """The left edges of the columns of the first header line (three or more short
    pieces of text naming plan columns), or none.

    A cell's text starts where its column's header starts (both keep the cell's left
    padding), which tells two cells apart where nothing else does: a right-aligned date
    in a spreadsheet printed without gridlines ends a hair before the next column's text
    ("30/09/2025Complete"), closer than two words of one cell."""
    from ..columns import header_score

    for ln in lines:
        if len(ln.words) < 3 or any(len(w.text) > 40 for w in ln.words):
            continue  # header cells are short
        # A plain line must name more columns than a bold one to count as the header.
        if header_score([w.text for w in ln.words]) >= (4 if all(w.bold for w in ln.words) else 5):
            return [w.x0 for w in ln.words]
    return []


def _lines_of(
    chars: list[_Char],
    page: int,
    before: int,
    uprights: list[tuple[float, float, float]],
    starts: tuple[list[float], float] | None = None,
    marks: set[tuple[float, float]] | None = None,
) -> list[Line]:
    """Group characters into lines by baseline and into words by spacing; ``starts`` (the
    columns' left edges and the header's baseline) split words below the header where a
    character after a space starts exactly at a column's edge. ``marks`` are the
    (baseline, right) of the characters a wrapped line ends with, when the page keeps them."""
    runs = _runs(chars)
    placed = sorted(zip(chars, runs, strict=True), key=lambda cr: (cr[0][0], cr[0][1]))
    grouped: list[list[tuple[_Char, tuple[float, int]]]] = []
    for c, run in placed:
        if grouped and abs(c[0] - grouped[-1][0][0][0]) <= 0.3 * max(c[3], grouped[-1][0][0][3]):
            grouped[-1].append((c, run))
        else:
            grouped.append([(c, run)])
    lines: list[Line] = []
    for members in grouped:
        # Left to right by where each run of text starts, so a word running on over
        # the next cell's text stays whole instead of interleaving with it.
        members.sort(key=lambda cr: (cr[1], cr[0][1]))
        row = [c for c, _ in members]
        run_ids = [run[1] for _, run in members]
        y = row[0][0]
        walls = sorted({round(x, 1) for x, top, bottom in uprights if top - 1 <= y - 0.3 * row[0][3] <= bottom + 1})
        edges = sorted(starts[0]) if starts is not None and y > starts[1] + 0.5 else []
        words = _words_of(row, walls, edges, marks, run_ids)
        if words:
            lines.append(Line(words, row[0][0], page, before + len(lines) + 1))
    _set_pitch(lines, [c[3] for c in chars])
    return lines


def _runs(chars: list[_Char]) -> list[tuple[float, int]]:
    """For each character, where its run starts and the run's number: a run is the
    characters the PDF writes one after another on one baseline, each touching the last
    (a word, or its letters' share of one). A browser or WeasyPrint lets a word too long
    for its cell run on over the next cell's text; ordered by run, its letters and that
    text no longer interleave."""
    out: list[tuple[float, int]] = []
    for k, c in enumerate(chars):
        prev = chars[k - 1] if k else None
        # Touching: starting no further left than the last character (a ligature's
        # letters share its box) and no further right than a hair past its end.
        if prev is not None and abs(c[0] - prev[0]) <= 0.1 * c[3] and prev[1] - 0.5 <= c[1] <= prev[2] + 0.12 * c[3]:
            out.append(out[-1])
        else:
            out.append((c[1], k))
    return out


def _words_of(
    row: list[tuple[float, float, float, float, str, bool]],
    walls: list[float],
    edges: list[float] | None = None,
    marks: set[tuple[float, float]] | None = None,
    runs: list[int] | None = None,
) -> list[Word]:
    """Split one line's characters into runs of words at gaps wider than a space (a
    narrower gap is the space between two words), at vertical rules (``walls``), at a
    space where the next character starts on a column's left edge (``edges``), and
    where a run of text (``runs``: each character's, see :func:`_runs`) starts over
    the one before."""
    words: list[Word] = []
    current: list[tuple[float, float, float, float, str, bool]] = []
    text: list[str] = []
    for n, c in enumerate([*row, (0.0, float("inf"), 0.0, 1.0, " ", False)]):
        gap = c[1] - current[-1][2] if current else 0.0
        # A run starting well left of the last character's end is text printed over
        # it: the word that ran on over its cell's side ends there. (Within a run, a
        # ligature's letters share one box.)
        over = runs is not None and 0 < n < len(runs) and runs[n] != runs[n - 1] and gap < -0.3 * c[3]
        walled = False
        if current and walls:
            k = bisect.bisect_left(walls, current[-1][2] - 1)
            walled = k < len(walls) and walls[k] <= c[1] + 1
        if current and edges and gap > 0.3 and not walled:
            # Text that already runs across a column's edge (a section row spanning the
            # table) is one piece, wherever its spaces fall.
            k = bisect.bisect_left(edges, c[1] - 0.5)
            within = k == 0 or current[0][1] >= edges[k - 1] - 0.5
            walled = within and k < len(edges) and edges[k] <= c[1] + 0.5
        walled = walled or over  # text printed over a word's end is another cell's
        if current and (gap > 0.45 * c[3] or walled):
            bold = sum(k[5] for k in current) * 2 > len(current)
            wrapped = None if marks is None else (current[-1][0], current[-1][2]) in marks
            words.append(Word(current[0][1], current[-1][2], "".join(text), bold, walled_after=walled, wrapped=wrapped))
            current, text = [], []
        elif current and gap > 0.12 * c[3]:
            text.append(" ")  # the space between two words of one cell
        current.append(c)
        text.append(c[4])
    return words


def _set_pitch(lines: list[Line], sizes: list[float] | None = None) -> None:
    """Give the page's lines its usual line spacing: the median step between lines, but
    never less than the type allows (1.1 × the median font size), as the lines of cells
    side by side interleave when their text sits at different heights."""
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    pitch = statistics.median(steps) if steps else 12.0
    if sizes:
        pitch = max(pitch, 1.1 * statistics.median(sizes))
    for ln in lines:
        ln.pitch = pitch


def ocr_lines(pdf: Any, filename: str) -> list[Line]:
    """Lines of words read by Tesseract from the rendered pages of a scanned PDF."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise ImportFailed(
            filename,
            "the PDF is a scan with no text in it; install Tesseract OCR (Debian: apt-get install "
            "tesseract-ocr tesseract-ocr-eng) so it can be read, or upload the Word or Excel version",
        )
    out: list[Line] = []
    scale = OCR_DPI / 72
    # Each page goes to Tesseract on its standard input: an import runs where it may write
    # no file at all (importing/sandbox.py), so there is no temporary image on disk.
    for page_no in range(len(pdf)):
        image = _without_rules(pdf[page_no].render(scale=scale).to_pil())
        png = io.BytesIO()
        image.save(png, format="PNG")
        result = subprocess.run(  # noqa: S603 - our own arguments, no shell
            [binary, "stdin", "-", "--psm", "6", "tsv"],
            input=png.getvalue(),
            capture_output=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise ImportFailed(filename, f"OCR of page {page_no + 1} failed: {result.stderr[:200]!r}")
        out.extend(_tsv_lines(result.stdout.decode("utf-8", "replace"), page_no + 1, scale, len(out)))
    return out


def _without_rules(image: Any) -> Any:
    """The page image with a table's ruling lines painted out: Tesseract reads a rule
    beside a word as letters ("[Ref", "|Lead", "__Lead"). A rule is a straight run of
    dark pixels longer than any letter draws (about 5 mm), across or down the page."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(image.convert("L"))
    dark = grey < 200
    run = max(int(OCR_DPI / 5), 8)

    def along(mask: Any, axis: int) -> Any:
        # Pixels inside a window of ``run`` dark pixels in a row along ``axis``.
        m = np.moveaxis(mask, axis, -1).astype(np.int32)
        width = m.shape[-1]
        if width < run:
            return np.zeros_like(mask)
        c = np.pad(np.cumsum(m, axis=-1), [(0, 0), (1, 0)])
        full = (c[:, run:] - c[:, :-run]) == run  # window [x, x + run) all dark
        # A pixel is covered when a full window starts within ``run`` before it.
        f = np.pad(np.cumsum(np.pad(full, [(0, 0), (run - 1, run - 1)]), axis=-1), [(0, 0), (1, 0)])
        covered = (f[:, run : run + width] - f[:, :width]) > 0
        return np.moveaxis(covered, -1, axis)

    rules = along(dark, 1) | along(dark, 0)
    if not rules.any():
        return image
    # A scanned rule's edges are grey, not dark: paint out two pixels either side too.
    for axis in (0, 1):
        for shift in (1, 2):
            rules = rules | np.roll(rules, shift, axis) | np.roll(rules, -shift, axis)
    clean = grey.copy()
    clean[rules] = 255
    # What is left of a rule is faint grey, which Tesseract still reads as marks
    # ("pee ae"); letters are dark, so light grey goes to white.
    clean[clean > 200] = 255
    return Image.fromarray(clean)


# What OCR makes of a ruling line: bars, brackets and underscores at a word's ends, or a
# run of them and long dashes alone.
_RULE_MARKS = re.compile(r"^[|\[\]_—‘`~]+(?=\S)|(?<=\S)[|\[\]_—`~]+$|^[|\[\]_—‘’`~]+$")


def _tsv_lines(tsv: str, page: int, scale: float, before: int) -> list[Line]:
    """Tesseract's TSV (one word a row, with its block, line and box) as lines."""
    import csv

    grouped: dict[tuple[str, str, str], list[tuple[float, float, float, str]]] = {}
    words = [
        (rec, text)
        for rec in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
        # A cell's side too short to paint out reads as "|", "[" or "—_" against a word.
        if rec.get("level") == "5" and (text := _RULE_MARKS.sub("", (rec.get("text") or "").strip()))
    ]
    # Specks a few pixels tall (what is left of a rule) are read as "er" or "."; no word
    # is under two-fifths the height of the page's typical one.
    typical = statistics.median(float(rec["height"]) for rec, _ in words) if words else 0.0
    for rec, text in words:
        if float(rec["height"]) < 0.4 * typical and text not in ("-", "–", "—", "•", "▪", "*"):
            continue  # a list's dash or bullet is short too, and kept
        left, top, width, h = (float(rec[k]) / scale for k in ("left", "top", "width", "height"))
        grouped.setdefault((rec["block_num"], rec["par_num"], rec["line_num"]), []).append(
            (top + h, left, left + width, _GLYPHS.get(text, text))
        )
    lines = [
        Line([Word(w[1], w[2], w[3]) for w in sorted(ws, key=lambda w: w[1])], max(w[0] for w in ws), page, 0)
        for ws in grouped.values()
    ]
    lines.sort(key=lambda ln: ln.top)
    for n, ln in enumerate(lines, before + 1):
        ln.number = n
    _set_pitch(lines)
    return lines
