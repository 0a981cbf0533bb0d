"""Tables from positioned words: the columns come from where the text is aligned.

A PDF page (words with their boxes) and a space-aligned text extraction (words at
character columns, what ``pdftotext -layout`` and copy-paste from a PDF give) are read
the same way:

1. a **header** is a band of one to three lines whose words name plan columns
   (:func:`~lineofsight.importing.columns.header_score`); its words give each column's
   left edge, moved left onto the white-space gap the body text leaves there;
2. every later word falls in the column whose band holds its left edge; a band of text
   wider than one column with nothing beside it is a **section row**;
3. a new **row** starts where the leftmost column used by the table (the reference or
   recommendation) starts a new paragraph: cells are top-aligned, so every cell of a
   row starts on the row's first line, while wrapped lines and later paragraphs of the
   same cell follow on;
4. inside a cell, a line that starts with a bullet, letter or number, or that follows a
   vertical gap, starts a new paragraph; other lines are where the text wrapped.

Lines repeated at the top or foot of most pages (a running title, "Page 3 of 9") and
repeated header bands are left out, so a table split across pages reads as one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..columns import header_score, role_of
from ..grid import Cell, Para, Row, Table, para_from_text
from . import broken_words

_BULLET = re.compile(r"[•●▪■◦‣∙✓✔➢►❖]")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)


@dataclass
class Word:
    """One word and where it sits: x from the left edge (points or character columns)."""

    x0: float
    x1: float
    text: str
    bold: bool = False
    # A vertical rule (a cell's side) follows the word: the next word is in another cell.
    walled_after: bool = False
    # Whether the line ends here with a space kept after the word (a line wrapped at a
    # space, not inside a word); None where the source does not say (text, OCR).
    wrapped: bool | None = None


@dataclass
class Line:
    """A line of words on one page, left to right."""

    words: list[Word]
    top: float
    page: int
    number: int  # 1-based position in the source, for messages
    # The page's normal distance from one line of text to the next (1 for text files):
    # a larger step down starts a new paragraph.
    pitch: float = 1.0
    # A horizontal rule (a table's row border) lies between this line and the one above.
    ruled_above: bool = False
    # Rules lie above and below the line on its page: it is inside a ruled table.
    boxed: bool = False

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class _Segment:
    x0: float
    x1: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def segments(line: Line, split: float) -> list[_Segment]:
    """Runs of words closer together than ``split``: the pieces of text in separate cells."""
    out: list[_Segment] = []
    for w in line.words:
        # A bullet stands a tab's width before its item's text, in the same cell.
        after_bullet = bool(out) and len(out[-1].words) == 1 and _BULLET.fullmatch(out[-1].words[0].text) is not None
        if out and (w.x0 - out[-1].x1 < split or after_bullet) and not out[-1].words[-1].walled_after:
            out[-1].words.append(w)
            out[-1].x1 = max(out[-1].x1, w.x1)
        else:
            out.append(_Segment(w.x0, w.x1, [w]))
    return out


@dataclass
class _Header:
    start: int  # index of the first header line
    end: int  # index after the last header line
    texts: list[str]
    lefts: list[float]
    rights: list[float]
    score: int


def _header_at(lines: list[Line], i: int, split: float) -> _Header | None:
    """The best header band starting at line ``i`` (one to three lines), if any.

    Header cells are short and often close together, so a finer split between words is
    tried as well; the reading that names more columns wins."""
    first = segments(lines[i], split)
    if len(first) < 2 or header_score([s.text for s in first]) < 2:
        return None  # a header band starts with a line that names columns itself
    wide = _header_split(lines, i, split)
    # Only a bold line (a printed header) is tried with the finer split: body text split
    # that finely names columns by chance.
    bold = all(w.bold for w in lines[i].words)
    fine = _header_split(lines, i, split * 0.6) if bold else None
    if fine is not None and (wide is None or fine.score > wide.score):
        return fine
    return wide


def _header_split(lines: list[Line], i: int, split: float) -> _Header | None:
    best: _Header | None = None
    best_spans: list[_Segment] = []
    for depth in (1, 2, 3):
        band = lines[i : i + depth]
        if len(band) < depth or any(ln.page != band[0].page for ln in band):
            break
        if depth > 1 and (band[-1].top - band[-2].top > 2.5 * band[-1].pitch or band[-1].ruled_above):
            break
        if depth > 1 and all(w.bold for w in band[0].words) and not all(w.bold for w in band[-1].words):
            break  # a bold header ends where the plain body text starts
        spans = _band_spans(band, split)
        if len(spans) < 3:
            continue
        texts = [_header_text(s.words) for s in spans]
        if any(len(t) > 60 for t in texts):
            break  # header cells are short; a long run of text is a body row
        score = header_score(texts)
        if score >= 5 and (best is None or score > best.score):
            best = _Header(i, i + depth, texts, [s.x0 for s in spans], [s.x1 for s in spans], score)
            best_spans = spans
    if best is not None:
        _extend_header(lines, best, best_spans, split)
        _sub_header(lines, best, split)
    return best


def _band_spans(band: list[Line], split: float) -> list[_Segment]:
    """The band's segments merged where they overlap across its lines (a header cell whose
    text wraps onto two or three lines is one span), left to right."""
    spans: list[_Segment] = []
    for ln in band:
        # Pieces of one line are separate cells however close: only a piece of a later
        # line (a wrapped header cell) joins a span.
        earlier = list(spans)
        for seg in segments(ln, split):
            near = [s for s in earlier if seg.x0 < s.x1 + split / 2 and s.x0 < seg.x1 + split / 2]
            hit = _most_overlap(seg, near)
            if hit is None:
                spans.append(_Segment(seg.x0, seg.x1, list(seg.words)))
            else:
                hit.words += seg.words
                hit.x0, hit.x1 = min(hit.x0, seg.x0), max(hit.x1, seg.x1)
    return sorted(spans, key=lambda s: s.x0)


def _most_overlap(seg: _Segment, spans: list[_Segment]) -> _Segment | None:
    """Of ``spans`` near ``seg``, the one it lies under most (the nearest when it lies
    under none): a wrapped header line sits under its own cell, though it may start
    within a split's width of the cell before."""
    if not spans:
        return None
    return max(spans, key=lambda s: (min(s.x1, seg.x1) - max(s.x0, seg.x0), -abs(s.x0 - seg.x0)))


def _sub_header(lines: list[Line], header: _Header, split: float) -> None:
    """Take in a second header row under one merged header cell ("Delivery" over Lead,
    Partners and By when), which the cell's padding may set a blank line below the first:
    two or more short pieces of text, all under that one cell, that name columns. The
    merged cell gives way to the columns under it."""
    if header.end >= len(lines):
        return
    bold = all(w.bold for w in lines[header.start].words)
    prev, first = lines[header.end - 1], lines[header.end]
    if first.page != prev.page or first.top - prev.top > 2.5 * first.pitch or first.ruled_above:
        return
    end = header.end
    while end < len(lines) and end - header.end < 3:
        ln = lines[end]
        if end > header.end and (ln.page != first.page or ln.top - lines[end - 1].top > 1.6 * ln.pitch):
            break
        if bold and not all(w.bold for w in ln.words):
            break
        end += 1
    spans = _band_spans(lines[header.end : end], split)
    if len(spans) < 2 or any(len(s.words) > 3 for s in spans):
        return
    homes = {max((k for k, x in enumerate(header.lefts) if x <= s.x0 + split / 2), default=-1) for s in spans}
    if len(homes) != 1 or -1 in homes:
        return
    k = homes.pop()
    texts = [_header_text(s.words) for s in spans]
    if header_score(texts) < 2:
        return
    header.texts[k : k + 1] = texts
    header.lefts[k : k + 1] = [min(spans[0].x0, header.lefts[k])] + [s.x0 for s in spans[1:]]
    header.rights[k : k + 1] = [s.x1 for s in spans]
    header.score = header_score(header.texts)
    header.end = end


def _extend_header(lines: list[Line], header: _Header, spans: list[_Segment], split: float) -> None:
    """Take in the header's wrapped last words ("Success measure /" above "impact"): a
    following line with a few words under header cells, none under the first, set in
    bold when the header is."""
    bold = all(w.bold for s in spans for w in s.words)
    while header.end < len(lines) and header.end - header.start < 6:
        ln = lines[header.end]
        prev = lines[header.end - 1]
        if ln.page != prev.page or ln.top - prev.top > 1.6 * ln.pitch or ln.ruled_above:
            return
        segs = segments(ln, split)
        if bold and not all(w.bold for w in ln.words):
            return
        if not bold and (any(len(s.words) > 3 for s in segs) or len(segs) * 2 > len(spans)):
            return
        homes = []
        for seg in segs:
            near = [s for s in spans if seg.x0 < s.x1 + split and s.x0 < seg.x1 + split]
            if sum(seg.x0 < s.x1 and s.x0 < seg.x1 for s in near) > 1:
                return  # text under two header cells: a section row, not a wrapped heading
            hit = _most_overlap(seg, near)
            home = None if hit is None else next(k for k, s in enumerate(spans) if s is hit)
            if home is None or (home == 0 and not bold):
                return
            if home + 1 < len(header.lefts) and seg.x1 > header.lefts[home + 1]:
                return  # a header's word never runs into the next column: a section row
            homes.append(home)
        for seg, home in zip(segs, homes, strict=True):
            spans[home].words += seg.words
            header.texts[home] = _header_text(spans[home].words)
            header.rights[home] = max(header.rights[home], seg.x1)
        header.end += 1


def _header_text(words: list[Word]) -> str:
    """A header cell's words; a word the column was too narrow for ("Recommend" /
    "ation") is joined back when only the joined form names a column."""
    texts = [w.text for w in words]
    # A month's name broken by a narrow column ("Progress Septe" / "mber 2025"): the
    # update column's date, joined back like a broken date in the body.
    k = 0
    while k + 1 < len(texts):
        if _broken_date(texts[k], texts[k + 1]):
            texts[k : k + 2] = [texts[k] + texts[k + 1]]
        k += 1
    spaced = " ".join(texts)
    if role_of(spaced) is not None or not 1 < len(texts) <= 8:
        return spaced
    # A narrow column breaks a word more than once ("Recom" / "menda" / "tion"): every way
    # of joining neighbouring pieces is tried, fewest joins first.
    gaps = range(len(texts) - 1)
    for joins in range(1, len(texts)):
        for chosen in itertools.combinations(gaps, joins):
            out = texts[0]
            for k in gaps:
                out += ("" if k in chosen else " ") + texts[k + 1]
            if role_of(out) is not None:
                return out
    return spaced


def running_lines(lines: list[Line]) -> set[str]:
    """Texts printed at the top or foot of most pages: running titles and page numbers."""
    pages: dict[int, list[Line]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page_lines in pages.values():
        # Short lines outside any ruled table: a running title or footer, not a table row.
        edge = {
            _norm_digits(ln.text)
            for ln in page_lines[:3] + page_lines[-3:]
            if len(ln.text) <= 100 and not ln.boxed and header_score([ln.text]) < 2
        }
        seen.update(edge)
    return {t for t, n in seen.items() if n >= max(2, len(pages) // 2 + 1)}


def _norm_digits(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text).strip().lower())


class _Columns:
    """Column bands from the header's left edges, moved onto the body's white space."""

    def __init__(self, header: _Header, body: list[Line], split: float) -> None:
        self.header = header
        words = [w for ln in body for w in ln.words]
        counted = Counter(s.x0 for ln in body for s in segments(ln, split))
        # Words, not pieces of text: a right-aligned date runs up to the next column with
        # one space ("30/09/2025 Complete"), so that column's text starts mid-piece.
        word_starts = Counter(w.x0 for w in words)
        starts = sorted(counted)
        edges = [float("-inf")]
        for k in range(1, len(header.lefts)):
            lo, hi = header.rights[k - 1], header.lefts[k]
            candidates = [x for x in starts if lo - split < x <= hi + split / 2] + [hi]

            def crossing(x: float) -> int:
                return sum(1 for w in words if w.x0 < x - 0.01 and w.x1 > x + 0.01)

            # Fewest words cut; of those, the header's own left edge when pieces of
            # text start right there too (a column's text starts where its header
            # does; what starts further left is the column before, right-aligned),
            # then where most pieces of text start (a column's left edge), then the
            # leftmost.
            # (Within half a point: a PDF places the same left edge a hair apart.)
            near = [x for x in word_starts if abs(x - hi) <= 0.5]
            own = min(near) if sum(word_starts[x] for x in near) >= 2 else None

            def rank(x: float, own: float | None = own) -> tuple[int, bool, int, float]:
                return (crossing(x), x != own, -counted[x], x)

            edges.append(min(candidates, key=rank) - 0.01)
        self.edges = edges

    def of(self, x: float) -> int:
        """The column holding a word that starts at ``x``."""
        k = 0
        for i, e in enumerate(self.edges):
            if x >= e:
                k = i
        return k

    def spans(self, seg: _Segment, *, from_first: bool = False) -> bool:
        """True when a piece of text runs well across the next column's edge; one in the
        first column only with ``from_first`` (the first column has no left edge)."""
        k = self.of(seg.x0)
        if k + 1 >= len(self.edges):
            return False
        left = min(self.header.lefts[0], seg.x0) if k == 0 and from_first else self.edges[k]
        return seg.x1 > self.edges[k + 1] + (self.edges[k + 1] - left) * 0.5


def read_lines(lines: list[Line], *, split: float, gap: float = 1.6, shifting: bool = False) -> list[Table | str]:
    """Tables found in the lines, with the text around them as strings (for
    :func:`~lineofsight.importing.readers.common._finish`). ``split`` is the space between two
    words that marks separate cells; ``gap`` the line spacing that ends a paragraph.

    ``shifting`` says the columns may sit at different places from one block of lines
    to the next, as in ``pdftotext -layout`` output, which lays each block out on its
    own: each block's columns are then found from its own white space and matched to
    the header's in order."""
    running = running_lines(lines)
    # A page's first and last lines, where a bare number is the page's, not a reference.
    edges = {
        id(a) for a, b in itertools.pairwise([None, *lines, None]) if a is not None and (b is None or b.page != a.page)
    }
    edges |= {id(b) for a, b in itertools.pairwise([None, *lines]) if b is not None and (a is None or a.page != b.page)}
    blocks: list[Table | str] = []
    headings: set[int] = set()
    text_at: dict[int, int] = {}  # the block holding each line of text outside tables
    previous_end = -1
    i = 0
    while i < len(lines):
        header = _header_at(lines, i, split)
        if header is None:
            if _norm_digits(lines[i].text) not in running:
                if i in headings and i - 1 in headings and isinstance(blocks[-1], str):
                    blocks[-1] = f"{blocks[-1]} {lines[i].text}"  # the heading's next line
                else:
                    blocks.append(lines[i].text)
                    text_at[i] = len(blocks) - 1
            i += 1
            continue
        if shifting:
            header = _split_number_header(header, lines[header.end : header.end + 30], split)
        first = _heading_start(lines, previous_end, i, split)
        if first < i and first in text_at and all(isinstance(b, str) for b in blocks[text_at[first] :]):
            # The paragraph right above the table, apart from the text above it: its heading.
            blocks[text_at[first] :] = [" ".join(str(b) for b in blocks[text_at[first] :])]
        end = _table_end(lines, header, split, headings)
        previous_end = end
        if sum(ln.boxed for ln in lines[header.end : end]) * 2 > end - header.end:
            # A ruled table ends at its bottom border: what follows is text or another table.
            end = next(
                (
                    j
                    for j in range(header.end, end)
                    if not lines[j].boxed and _norm_digits(lines[j].text) not in running
                ),
                end,
            )
        body = [
            ln
            for ln in lines[header.end : end]
            if _norm_digits(ln.text) not in running and not (id(ln) in edges and _PAGE_NUMBER.match(ln.text.strip()))
        ]
        table, trailing = _table(header, body, split, gap, shifting)
        blocks.append(table)
        blocks.extend(trailing)
        i = end
    return blocks


def _same_texts(a: list[str], b: list[str]) -> bool:
    """True when two header bands name the same columns, however their cells were cut."""
    return " ".join(a).lower() == " ".join(b).lower()


def _split_number_header(header: _Header, body: list[Line], split: float) -> _Header:
    """A narrow reference column's header run into the next one with one space ("Ref
    Recommendation"), as pdftotext prints it: split where the rows below start a column
    under the second word, so the refs and the text each keep a column of their own."""
    for i, text in enumerate(header.texts):
        first, _, rest = text.partition(" ")
        if not rest or role_of(first) != "number" or role_of(rest) in (None, "number"):
            continue
        x = header.lefts[i] + len(first) + 1  # text is laid out a character a column
        filled = [ln for ln in body if ln.words]
        under = sum(any(abs(sg.x0 - x) <= 2 for sg in segments(ln, split)) for ln in filled)
        if filled and 2 * under >= len(filled):
            return _Header(
                header.start,
                header.end,
                [*header.texts[:i], first, rest, *header.texts[i + 1 :]],
                [*header.lefts[:i], header.lefts[i], x, *header.lefts[i + 1 :]],
                [*header.rights[:i], header.lefts[i] + len(first), header.rights[i], *header.rights[i + 1 :]],
                header.score,
            )
    return header


def _text_step(body: list[Line], column: Callable[[Word], int]) -> float:
    """The step from one line of a cell's text to the next: the least step between
    lines holding text in one column on one page that is common (a tenth of them, at
    least three, within a tenth of it); the others step over a row's padding or over
    empty cells, and a lone tighter step is a line set a little off its row. A page's
    pitch is never less than the type's size, so a row's padding may stay under it."""
    last: dict[int, Line] = {}
    steps: list[float] = []
    for ln in body:
        for c in {column(w) for w in ln.words}:
            before = last.get(c)
            if before is not None and before.page == ln.page and ln.top > before.top:
                steps.append(ln.top - before.top)
            last[c] = ln
    steps.sort()
    enough = max(3, len(steps) // 10)
    for k, x in enumerate(steps):
        if bisect.bisect_right(steps, 1.1 * x) - k >= enough:
            return x
    # Too few lines for any step to be common (a short table): its least.
    return steps[0] if steps else (body[0].pitch if body else 1.0)


def _table_end(lines: list[Line], header: _Header, split: float, headings: set[int]) -> int:
    """Where the table that ``header`` opens stops: at the next different header, or at
    the heading above the same header repeated on one page (its lines go in ``headings``,
    to be read as one line of text)."""
    j = header.end
    bold = all(w.bold for w in lines[header.start].words)
    while j < len(lines):
        other = _header_at(lines, j, split)
        if other is not None and bold and not all(w.bold for w in lines[j].words):
            other = None  # a plain body line that happens to name columns
        if other is not None and other.score * 4 < header.score * 3:
            other = None  # body text naming a few columns by chance, not a new table's header
        if other is not None:
            if not _same_texts(other.texts, header.texts):
                return j
            if j > header.end and lines[j - 1].page == lines[j].page:
                # The same header again on the same page, not carried over a page break:
                # another table, with the paragraph above it as its heading.
                start = _heading_start(lines, header.end, j, split)
                headings.update(range(start, j))
                return start
            j = other.end
            continue
        j += 1
    return j


def _heading_start(lines: list[Line], start: int, j: int, split: float) -> int:
    """Where the paragraph of single-piece lines just above line ``j`` starts, when a
    vertical gap sets it apart from the table above; else ``j``."""
    k = j
    while k - 1 > start and k > 0 and len(segments(lines[k - 1], split)) == 1:
        k -= 1
        if k == 0:
            return 0  # the paragraph opens the text
        above = lines[k - 1]
        if above.page != lines[k].page or lines[k].top - above.top > 1.6 * lines[k].pitch:
            return k
    return j


def _same_header(lines: list[Line], k: int, header: _Header, split: float) -> int:
    """The number of lines of a repeated header band starting at ``k`` (0 if none)."""
    first = lines[k].words[0].text.lower() if lines[k].words else ""
    if not first or not any(t.lower().startswith(first.split(" ", 1)[0]) for t in header.texts):
        return 0  # the line does not start with a header word: not worth a full look
    other = _header_at(lines, k, split)
    if other is not None and _same_texts(other.texts, header.texts):
        return other.end - other.start
    return 0


def _table(header: _Header, body: list[Line], split: float, gap: float, shifting: bool) -> tuple[Table, list[str]]:
    cols = _Columns(header, body, split)
    column_of = _block_columns(header, body, split, cols) if shifting else {}
    # How far right each column's text reaches: a word broken at that edge went on below.
    rights: dict[int, float] = {}
    for ln in body:
        for w in ln.words:
            c = cols.of(w.x0)
            rights[c] = max(rights.get(c, 0.0), w.x1)
    # The words the table prints, for telling a broken word's pieces from real words.
    known = broken_words.vocabulary(w.text for ln in body for w in ln.words)
    width = len(header.texts)
    rows: list[Row] = [Row([Cell([Para(t, bold=True)]) for t in header.texts], body[0].number - 1 if body else 1)]
    # Per column, the lines of the current row: (line, words).
    current: list[list[tuple[Line, list[Word]]]] | None = None
    current_line: Line | None = None
    last_in_col: dict[int, Line] = {}
    key_text: dict[int, dict[int, str]] = {}  # each column's text on each line
    row_pages = [body[0].page if body else 1]  # the page each row starts on
    previous_line: Line | None = None
    prev_placed: dict[int, list[Word]] = {}
    key: int | None = None
    page = body[0].page if body else 1

    # Each row's lines per column, for lifting a vertically centred cell into its row.
    parts_of: dict[int, list[list[tuple[Line, list[Word]]]]] = {}

    def make_cell(c: int, parts: list[tuple[Line, list[Word]]]) -> Cell:
        # Text files place words to the character, too coarse to tell a broken word.
        return _cell(
            parts,
            gap,
            float("inf") if shifting else rights.get(c, 0.0),
            known,
            owners=role_of(header.texts[c]) == "owner",
            over_break=over_break,
            grid=shifting and role_of(header.texts[c]) not in _ONE_VALUE_ROLES,
        )

    def flush() -> None:
        nonlocal current
        if current is not None and any(current):
            cells = [make_cell(c, parts) for c, parts in enumerate(current)]
            assert current_line is not None
            first_on_page = current_line.page != row_pages[-1]
            previous = rows[-1] if len(rows) > 1 and not rows[-1].cells[0].colspan > 1 else None
            # Only a row opening its page goes on from the row above: one lower down
            # follows a row that already went on over the break.
            # (A PDF's rows may open below the repeated header; one starting further down,
            # after a row that went on at the page's top, is a row of its own.)
            opens_page = id(current_line) in first_on_pages or id(current_line) in page_firsts
            if first_on_page and opens_page and previous is not None and key is not None and not cells[key].paras:
                # The first row on a page with no reference: the row above, cut by the
                # page break, goes on here.
                for cell, more in zip(previous.cells, cells, strict=True):
                    cell.paras += more.paras
                parts_of.pop(id(previous), None)  # its cells are no longer its lines'
            else:
                rows.append(Row(cells, current_line.number, page_break_before=first_on_page))
                row_pages.append(current_line.page)
                parts_of[id(rows[-1])] = current
        current = None

    def column(w: Word) -> int:
        return column_of[id(w)] if id(w) in column_of else cols.of(w.x0)

    step = _text_step(body, column)
    lo = min([header.lefts[0], *(ln.words[0].x0 for ln in body)])
    hi = max([header.rights[-1], *(ln.words[-1].x1 for ln in body)])

    def title(ln: Line, segs: list[_Segment], previous: Line | None, following: Line | None = None) -> bool:
        """True when the line is one piece of text across the columns, or centred on the
        table (a theme row printed without borders sits inside one column's band), away
        from where any column's text starts, and set apart: bold, shaded or after a gap."""
        if len(segs) != 1 or not _is_section(segs[0], ln):
            return False
        seg = segs[0]
        # From the first column only a whole bold sentence: a plain first cell's long
        # line may be its text running on, and a heading wrapped onto two lines is read
        # as the first column's cell, but one bold line across the columns is a heading.
        whole = all(w.bold for w in seg.words) and seg.text[:1].isupper() and seg.text.rstrip()[-1:] in ".!?"
        if cols.spans(seg, from_first=whole):
            return True
        char = _char_width(seg.words[0])
        at = cols.of(seg.x0)
        if (
            all(w.bold for w in seg.words)
            and seg.text[:1].isupper()
            and at + 1 < len(cols.edges)
            and seg.x1 > cols.edges[at + 1] + 2 * char
            and (ln.ruled_above or previous is None or ln.top - previous.top > 1.3 * step)
            and not (
                following is not None
                and following.page == ln.page
                and following.top - ln.top <= 1.3 * step
                and abs(following.words[0].x0 - seg.x0) <= char
            )
        ):
            # One bold line run on over the next column, set off by shading or a gap and
            # not wrapped onto the next: a theme heading, as no cell's text crosses into
            # the next column.
            return True
        centred = abs((seg.x0 + seg.x1) / 2 - (lo + hi) / 2) <= max(2 * char, 0.03 * (hi - lo))
        at_column = any(abs(seg.x0 - x) <= char for x in [*header.lefts, *cols.edges[1:]])
        apart = all(w.bold for w in seg.words) or ln.boxed or previous is None or ln.top - previous.top > 1.3 * step
        return centred and not at_column and apart and seg.text[:1].isupper()

    # Row borders, where the table has them, say where rows start; else the key column.
    # The rule under the header on each page (its border or shading) and the edges of a
    # shaded section row say nothing of where the rows between them start: a table
    # printed without borders keeps its header's and theme rows' shading.
    unsaid: set[int] = set()
    page_firsts: set[int] = set()  # each page's first line of rows, below any header
    titles: set[int] = set()  # the lines that read as headings across the columns
    seen_pages: set[int] = set()
    k, before_k = 0, None
    while k < len(body):
        repeat = _same_header(body, k, header, split)
        if repeat:
            k += repeat
            continue
        ln = body[k]
        if ln.page not in seen_pages:
            page_firsts.add(id(ln))
        segs = segments(ln, split)
        titled = title(ln, segs, before_k, body[k + 1] if k + 1 < len(body) else None)
        at = cols.of(segs[0].x0)
        if titled or (len(segs) == 1 and at + 1 < len(cols.edges) and segs[0].x1 > cols.edges[at + 1]):
            # A lone piece running into the next column is no cell's text (a heading).
            titles.add(id(ln))
        if ln.page not in seen_pages or titled:
            unsaid.add(id(ln))
            if k + 1 < len(body) and ln.page in seen_pages:
                unsaid.add(id(body[k + 1]))
        seen_pages.add(ln.page)
        before_k = ln
        k += 1
    ruled = sum(ln.ruled_above and id(ln) not in unsaid for ln in body) >= 2
    floating = _floating([ln for ln in body if id(ln) not in titles], column, step)
    spill: dict[int, list[tuple[Line, list[Word]]]] = {}
    spill_row: Row | None = None
    rag_col = next((c for c, t in enumerate(header.texts) if c and role_of(t) == "rag"), None)
    last_on_page = {id(ln) for ln, nxt in itertools.pairwise(body) if nxt.page != ln.page}
    first_on_pages = {id(nxt) for ln, nxt in itertools.pairwise(body) if nxt.page != ln.page}
    page_top: dict[int, float] = {}  # where each page's rows begin, below a repeated header
    page_bottom: dict[int, float] = {}
    for ln in body:
        page_bottom[ln.page] = max(page_bottom.get(ln.page, ln.top), ln.top)

    def over_break(before: Line, ln: Line) -> bool:
        """True when a cell's line on a new page starts a paragraph of its own: it is not
        at the top of the page's rows or, in text, the line above ended well before its
        page did. (A PDF's cells end a page at different heights, so only text says so.)"""
        if shifting and page_bottom[before.page] - before.top > gap * before.pitch:
            return True
        return ln.top - page_top.get(ln.page, ln.top) > gap * ln.pitch

    k = 0
    while k < len(body):
        ln = body[k]
        repeat = _same_header(body, k, header, split)
        if repeat:
            k += repeat
            continue
        page_top.setdefault(ln.page, ln.top)
        segs = segments(ln, split)
        # In pdftotext output a wrapped line can drift across columns; a section row
        # stands apart (a blank line above) or is a capitalised title over two columns.
        alone = (
            not shifting
            or previous_line is None
            or ln.top - previous_line.top > ln.pitch
            or (segs[0].text[:1].isupper() and sum(segs[0].x0 < e < segs[0].x1 for e in cols.edges[1:]) >= 2)
        )
        if title(ln, segs, previous_line, body[k + 1] if k + 1 < len(body) else None) and alone:
            flush()
            rows.append(_section_row(segs[0].text, width, ln.number, bold=all(w.bold for w in segs[0].words)))
            last_in_col.clear()
            k += 1
            continue
        lead_in = _lead_in_row(body, k, cols, split) if alone and shifting and previous_line is not None else 0
        if lead_in:
            # "Recommendation 2: ..." on a line of its own from the left margin, over the
            # columns and perhaps wrapped onto the next line: the recommendation heading
            # the rows below, as the bold section row it was in the original.
            flush()
            text = " ".join(w.text for line in body[k : k + lead_in] for w in line.words)
            rows.append(_section_row(text, width, ln.number))
            last_in_col.clear()
            k += lead_in
            continue
        placed: dict[int, list[Word]] = {}
        for w in ln.words:
            placed.setdefault(column_of[id(w)] if id(w) in column_of else cols.of(w.x0), []).append(w)
        # pdftotext keeps one space where a right-aligned cell (a date) runs up to the
        # RAG beside it: "30 June 2025 Green". A rating word ending the cell before an
        # empty RAG column is that column's.
        before_rag = placed.get(rag_col - 1, []) if rag_col is not None and rag_col not in placed else []
        if rag_col is not None and len(before_rag) > 1 and before_rag[-1].text.strip(".").lower() in _RAG_WORDS:
            placed[rag_col] = [before_rag.pop()]
        if key is None and len(placed) > 1:
            # The row's key is its reference, recommendation or action, whichever comes
            # first among the columns the first rows use; a RAG or status column printed
            # first says nothing about rows.
            used = {column_of.get(id(w), cols.of(w.x0)) for early in body[k : k + 12] for w in early.words}
            telling = [c for c in sorted(used) if role_of(header.texts[c]) in _KEY_ROLES]
            # A column set in the middle of cells merged down (a ref centred beside its
            # actions) starts its text between rows, so it cannot say where they start.
            steady = [c for c in telling if c not in floating]
            key = min(steady or telling or placed)
        starts_row = False
        if ruled:
            starts_row = ln.ruled_above
        elif key in placed:
            before = last_in_col.get(key)
            starts_row = (
                before is None
                or _paragraph_gap(before, ln, gap, last_on_page)
                or para_from_text(" ".join(w.text for w in placed[key])).kind in ("number", "letter")
                or (
                    _follows_on(key_text.get(id(before), {}).get(key, ""), " ".join(w.text for w in placed[key]))
                    # A recommendation lead-in ("Recommendation 1: ...") heads the first
                    # action of its row in the same cell: a sentence under it alone, with
                    # no other cell starting beside it, is that action, not a new row.
                    and not (len(placed) == 1 and current is not None and _leads_in(current[key]))
                )
            )
        if not ruled and not starts_row and previous_line is not None:
            # Three or more cells starting on one line, each empty on the line above:
            # a new row whose key cell is merged with the row above (or left empty).
            # A cell whose text ended on the line above but a row's padding away (more
            # than a text step) is as empty there: an unruled PDF's rows are set apart
            # only by that space, and a wrapped lead ends level with the next row's top.
            fresh = [
                c
                for c in placed
                if c != key
                and (
                    last_in_col.get(c) is not previous_line
                    or (not shifting and ln.page == previous_line.page and ln.top - previous_line.top > 1.3 * step)
                )
            ]
            # Cells going on in lower case after a blank line (half of them or more) are
            # the same row's text, split by the space between paragraphs.
            # The action column says so when it goes on: a merged recommendation cell
            # goes on in lower case beside a new action.
            above = [c for c in fresh if c in last_in_col]
            acting = [c for c in above if role_of(header.texts[c]) == "action"]
            above = acting or above
            lower = bool(above) and 2 * sum(_continues_lower(placed[c]) for c in above) >= len(above)
            starts_row = len(fresh) >= 3 and key not in placed and not (shifting and lower)
            # Single-line rows back to back: three or more cells that all start like a new
            # cell (a capital or a digit) right under cells that ended a sentence.
            others = [c for c in placed if c != key]
            capital = all(_cell_start(placed[c]) for c in others)
            ended = any(" ".join(w.text for w in prev_placed.get(c, [])).endswith(".") for c in others)
            if key not in placed and len(others) >= 3 and capital and ended:
                starts_row = True
        if current is None or starts_row:
            # A recommendation cell merged down beside the next row goes on there in lower
            # case, in mid sentence: those lines stay in the row above.
            spill = {
                c: current[c]
                for c in placed
                if current is not None
                and shifting
                and role_of(header.texts[c]) == "recommendation"
                and current[c]
                and _continues_lower(placed[c])
                and current[c][-1][1][-1].text[-1:] not in ".!?:;"
            }
            count = len(rows)
            flush()
            spill_row = rows[-1] if spill and len(rows) > count else None
            if spill_row is None:
                spill = {}
            current = [[] for _ in range(width)]
            current_line = ln
            page = ln.page if not rows[1:] else page
        previous_line = ln
        prev_placed = placed
        # Kept for every column: the key is only known once a line fills two columns.
        key_text[id(ln)] = {c: " ".join(w.text for w in words) for c, words in placed.items()}
        for c, words in placed.items():
            last_in_col[c] = ln
            if c in spill and spill_row is not None:
                spill[c].append((ln, words))
                spill_row.cells[c] = _cell(spill[c], gap, float("inf"), over_break=over_break)
                if words[-1].text[-1:] in ".!?":
                    del spill[c]  # the merged cell's sentence ended
                continue
            current[c].append((ln, words))
        for c in [c for c in spill if c not in placed]:
            del spill[c]  # a merged cell goes on without a break
        k += 1
    flush()
    for row, c in _lift_centred(rows, parts_of, floating, step):
        row.cells[c] = make_cell(c, parts_of[id(row)][c])
    return Table(rows, 0, page=body[0].page if body else None), []


def _floating(body: list[Line], column: Callable[[Word], int], step: float) -> set[int]:
    """The columns whose text is set in the middle of its cells: their blocks of lines
    (lines a text step apart) mostly start on a line where no other column's block
    starts. Cells are top-aligned in most plans, so their text starts together on the
    row's first line; a cell merged down several rows and centred starts between them.
    Only a block starting among the page's lines of several cells counts: one below
    them (a key to the ratings under the table) is not in the table's rows."""
    last: dict[int, Line] = {}
    starts: list[tuple[int, set[int]]] = []  # a line's index: the columns starting a block there
    inside: dict[int, list[int]] = {}  # each page's first and last line of several cells
    for k, ln in enumerate(body):
        here = {column(w) for w in ln.words}
        if len(here) > 1:
            inside.setdefault(ln.page, [k, k])[1] = k
        opened = set()
        for c in here:
            before = last.get(c)
            if before is None or before.page != ln.page or ln.top - before.top > 1.3 * step:
                opened.add(c)
            last[c] = ln
        starts.append((k, opened))
    out = set()
    for c in last:
        shared = sum(1 for _, cs in starts if c in cs and len(cs) > 1)
        alone = 0
        for k, cs in starts:
            bounds = inside.get(body[k].page)
            alone += cs == {c} and bounds is not None and bounds[0] < k < bounds[1]
        if alone >= 2 and alone > shared:
            out.add(c)
    return out


def _lift_centred(
    rows: list[Row],
    parts_of: dict[int, list[list[tuple[Line, list[Word]]]]],
    floating: set[int],
    step: float,
) -> list[tuple[Row, int]]:
    """Move each block of a centred column's text into the first row of the cell it is
    centred in, and say which cells changed.

    A cell merged down rows R to S with its text vertically centred has its lines' middle
    halfway between R's first line and S's last: of the runs of rows on the block's page
    around it, with nothing else in that column, the one whose middle is the block's
    (within half a line) is the merged cell's, and the text is R's, as a Word table's
    merged cell reads; the rows below it hold the continuation actions."""
    if not floating:
        return []
    order = [k for k, row in enumerate(rows) if id(row) in parts_of]
    changed: list[tuple[Row, int]] = []
    for c in sorted(floating):
        # The column's lines in order, with the row holding each; a section row between
        # two lines ends a block.
        seq = [(k, ln) for k in order for ln, _ in parts_of[id(rows[k])][c]]
        blocks: list[list[tuple[int, Line]]] = []
        for k, ln in seq:
            if blocks:
                pk, before = blocks[-1][-1]
                apart = before.page != ln.page or ln.top - before.top > 1.3 * step
                between = any(id(rows[j]) not in parts_of for j in range(pk + 1, k))
                if not apart and not between:
                    blocks[-1].append((k, ln))
                    continue
            blocks.append([(k, ln)])
        for block in blocks:
            held = {k for k, _ in block}
            first, last = min(held), max(held)
            middle = (block[0][1].top + block[-1][1].top) / 2
            page = block[0][1].page
            ups = _rows_around(rows, parts_of, c, first, -1, held, page, floating)
            downs = _rows_around(rows, parts_of, c, last, 1, held, page, floating)
            if first not in ups or last not in downs:
                continue
            fits = []
            for r in ups:
                top = min(ln.top for ln in _steady_lines(parts_of[id(rows[r])], floating))
                for s in downs:
                    bottom = max(ln.top for ln in _steady_lines(parts_of[id(rows[s])], floating))
                    fits.append((abs((top + bottom) / 2 - middle), r, s))
            # Centred on the middle row of three is centred on that row alone too: the
            # merged cell is the widest run of rows the text sits in the middle of.
            near = [f for f in fits if f[0] <= 0.5 * step]
            if not near:
                continue
            _, home, _ = max(near, key=lambda f: (f[2] - f[1], -f[0]))
            if home == first and first == last:
                continue
            ids = {id(ln) for _, ln in block}
            moved: list[tuple[Line, list[Word]]] = []
            for k in sorted(held | {home}):
                ps = parts_of[id(rows[k])][c]
                moved += [p for p in ps if id(p[0]) in ids]
                ps[:] = [p for p in ps if id(p[0]) not in ids]
                changed.append((rows[k], c))
            parts_of[id(rows[home])][c][:] = sorted(
                parts_of[id(rows[home])][c] + moved, key=lambda p: (p[0].page, p[0].top)
            )
    return changed


def _steady_lines(parts: list[list[tuple[Line, list[Word]]]], floating: set[int]) -> list[Line]:
    """A row's lines in its top-aligned columns."""
    return [ln for col, ps in enumerate(parts) if col not in floating for ln, _ in ps]


def _rows_around(
    rows: list[Row],
    parts_of: dict[int, list[list[tuple[Line, list[Word]]]]],
    c: int,
    start: int,
    way: int,
    held: set[int],
    page: int,
    floating: set[int],
) -> list[int]:
    """The rows from ``start`` on (``way`` 1) or back (-1) that a cell of column ``c``
    holding the rows ``held`` may be merged over: rows of one page, with text in the
    top-aligned columns and no other text in ``c``, up to a section row."""
    out, k = [], start
    while 0 <= k < len(rows) and id(rows[k]) in parts_of:
        parts = parts_of[id(rows[k])]
        if k not in held and parts[c]:
            break
        mine = _steady_lines(parts, floating)
        if not mine or any(ln.page != page for ln in mine):
            break
        out.append(k)
        k += way
    return out


def _block_columns(header: _Header, body: list[Line], split: float, cols: _Columns) -> dict[int, int]:
    """The header column of each word, block by block (runs of lines without a blank
    line). A block whose words all sit inside the header's columns keeps them; otherwise
    its columns are the stretches its text covers, matched in order to the header
    columns nearest them, leaving out the columns the block leaves empty."""
    out: dict[int, int] = {}
    blocks: list[list[Line]] = []
    for ln in body:
        if blocks and ln.page == blocks[-1][-1].page and ln.top - blocks[-1][-1].top <= ln.pitch:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    refs = list(header.lefts)
    # The line each column last had text on: the cells still open at a page's foot.
    last_in_col: dict[int, tuple[Line, str]] = {}
    previous: Line | None = None
    for block in blocks:
        pieces = [segments(ln, split) for ln in block]
        # A line that is one piece of text across the columns is a title (a section row).
        titles = {id(p[0]) for p in pieces if len(p) == 1 and not _MARKER.fullmatch(p[0].words[0].text)}
        # A totals line ("Total actions ... 4") prints its figures where the counts go, not
        # where the block's columns are: it takes no part in finding them.
        counted = [p for p in pieces if not _is_total(p)] or pieces
        spans = _stretches([sg for p in counted for sg in p], titles)
        homes = _shifted_page(block, spans, previous, last_in_col, cols, len(header.lefts))
        if previous is not None and block[0].page != previous.page:
            refs = list(header.lefts)
        if homes is not None:
            # Each page is laid out afresh: the columns after the ones matched move with them.
            refs = _moved(header.lefts, spans, homes)
        previous = block[-1]
        if homes is None and len(spans) == 1 and len(block) == 1:
            for w in block[0].words:
                last_in_col[cols.of(w.x0)] = (block[0], w.text)
            continue  # one stretch of text: a section row or one cell, placed by position
        edges = cols.edges[1:]
        if homes is None and not any(w.x0 < e < w.x1 for ln in block for w in ln.words for e in edges):
            for ln in block:
                for w in ln.words:
                    last_in_col[cols.of(w.x0)] = (ln, w.text)
            continue  # the block lines up with the header: placed by position
        if homes is None:
            homes = _match([sp[0] for sp in spans], refs)
        # pdftotext moves a whole stretch of the table together: the next block is
        # matched against where this one put each column.
        for sp, home in zip(spans, homes, strict=True):
            refs[home] = sp[0]
        for ln, line_pieces in zip(block, pieces, strict=True):
            title = len(line_pieces) == 1 and id(line_pieces[0]) in titles and ln.words[0].x0 <= spans[0][0]
            moved = {} if title else _run_up_cells(line_pieces, [sp[0] for sp in spans])
            for w in ln.words:
                # A word just before a stretch was pushed left by the word before it; a
                # title stays whole, in the cell it starts in.
                x = ln.words[0].x0 if title else moved.get(id(w), w.x0)
                k = max((i for i, sp in enumerate(spans) if sp[0] <= x + 1), default=0)
                out[id(w)] = homes[k]
                last_in_col[homes[k]] = (ln, w.text)
    return out


def _run_up_cells(pieces: list[_Segment], starts: list[float]) -> dict[int, float]:
    """Where the words of a cell run up against the cell before it belong: pdftotext keeps
    one space after a long sentence ("... 72-hour standard. Commissioning Manager"). A
    piece running over a stretch's start, breaking a few characters before it between a
    sentence's end and a capital, goes on from there in the next stretch."""
    out: dict[int, float] = {}
    for sg in pieces:
        for x in starts:
            if not sg.x0 < x < sg.x1:
                continue
            at = [
                j
                for j in range(1, len(sg.words))
                if x - 8 <= sg.words[j].x0 <= x + 1
                and sg.words[j - 1].text[-1:] in ".;:!?"
                and sg.words[j].text[:1].isupper()
            ]
            if at:
                for w in sg.words[at[-1] :]:
                    if w.x0 < x:
                        out[id(w)] = x
    return out


_TOTAL = re.compile(r"^(?:grand\s+)?totals?\b", re.I)


def _is_total(pieces: list[_Segment]) -> bool:
    """True for a line of a label such as "Total actions" and figures only."""
    return (
        len(pieces) > 1
        and _TOTAL.match(pieces[0].text) is not None
        and all(re.fullmatch(r"[\d.,%]+", sg.text) for sg in pieces[1:])
    )


def _shifted_page(
    block: list[Line],
    spans: list[list[float]],
    previous: Line | None,
    last_in_col: dict[int, tuple[Line, str]],
    cols: _Columns,
    width: int,
) -> list[int] | None:
    """The columns of a page's first block when pdftotext moved them to the left margin.

    With the first columns empty on a page, pdftotext prints the rest from the margin,
    where position alone cannot tell which columns they are. A row cut by the page break
    goes on in the cells still open at the foot of the page above: when the leftmost cell
    that reached the page's last line stopped in mid sentence, the block's stretches are
    the columns from that one on, in order.
    None when the block does not start a page, or sits where the header puts it."""
    if previous is None or block[0].page == previous.page:
        return None
    open_cols = sorted(c for c, (ln, _) in last_in_col.items() if ln is previous)
    if not open_cols or open_cols[0] == 0 or open_cols[0] + len(spans) > width:
        return None
    first = open_cols[0]
    if _BULLET.fullmatch(block[0].words[0].text):
        # The page opens with the next bullet of an open cell's list: the action cell's,
        # when it is open, as lists of actions are what plans bullet.
        first = next((c for c in open_cols if role_of(cols.header.texts[c]) == "action"), first)
    elif last_in_col[first][1][-1:] in ".!?;:":
        return None  # the first cell at the page's foot ended its sentence: a new row
    if first + len(spans) > width:
        return None
    if block[0].words[0].x0 > spans[0][0] + 1:
        return None  # the page's first line is not at the block's left: not moved to the margin
    if _match([sp[0] for sp in spans], cols.header.lefts)[0] >= first:
        return None  # by position the page's first line is in the open cell already
    return list(range(first, first + len(spans)))


def _moved(lefts: list[float], spans: list[list[float]], homes: list[int]) -> list[float]:
    """Where each header column sits on a page whose matched columns moved to ``spans``:
    the others move by as much as the nearest matched column."""
    at = {home: sp[0] for sp, home in zip(spans, homes, strict=True)}
    out = []
    for j, left in enumerate(lefts):
        near = min(at, key=lambda h: abs(h - j))
        out.append(at[j] if j in at else left + at[near] - lefts[near])
    return out


def _merged(segs: list[_Segment]) -> list[list[float]]:
    spans: list[list[float]] = []
    for seg in sorted(segs, key=lambda sg: sg.x0):
        if spans and seg.x0 < spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], seg.x1)
        else:
            spans.append([seg.x0, seg.x1])
    return spans


def _stretches(segs: list[_Segment], titles: set[int]) -> list[list[float]]:
    """The stretches of a block's width its text covers, left to right, one a column.

    pdftotext keeps only one space where a long word of one column runs up to the next
    column's text ("understanding services."), which bridges the two columns. So a
    stretch is split where two or more pieces of text start and the pieces running
    across that place break between two words there (bridges), but for titles (lines of
    one piece, ``titles``) and the odd line across the columns, and none is a list
    marker with its item's text indented under it."""
    # First the pieces whose removal alone splits a stretch.
    kept = list(segs)
    spans = _merged(kept)
    for seg in sorted(segs, key=lambda sg: sg.x0 - sg.x1):
        if len(seg.words) < 2:
            continue  # one word cannot reach from one column into the next
        others = [sg for sg in kept if sg is not seg]
        split = _merged(others)
        if len(split) > len(spans) and sum(seg.x0 < sp[1] and sp[0] < seg.x1 for sp in split) >= 2:
            kept, spans = others, split
    # Then places several bridges (and at most one title across the columns) run over.
    out: list[list[float]] = []
    for span in spans:
        inside = [sg for sg in kept if span[0] <= sg.x0 < span[1]]
        starts = Counter(sg.x0 for sg in inside if sg.x0 > span[0])
        cuts = []
        for x, n in sorted(starts.items()):
            crossing = [sg for sg in inside if sg.x0 < x < sg.x1]
            kinds = [_bridges(sg, x) for sg in crossing if id(sg) not in titles]
            if n >= 2 and len(crossing) <= n and "item" not in kinds and kinds.count("through") * 4 <= n:
                cuts.append(x)
        left = span[0]
        for x in cuts:
            out.append([left, x - 1])
            left = x
        out.append([left, span[1]])
    return out


def _bridges(seg: _Segment, x: float) -> str:
    """How ``seg`` runs across ``x``: "bridge" when it breaks between two words there (or
    one place before it, where the word was pushed left), "item" when what comes before
    the break is a list marker (an item's text indented under its number), else "through"
    (a title or a word across the place)."""
    for k in range(1, len(seg.words)):
        if seg.words[k].x0 in (x, x - 1):
            before = " ".join(w.text for w in seg.words[:k])
            return "item" if k == 1 and _MARKER.fullmatch(before) else "bridge"
    return "through"


_MARKER = re.compile(r"[•●▪■◦‣∙✓✔➢►❖\-–*]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivx]{1,4}[.)]")


def _match(starts: list[float], lefts: list[float]) -> list[int]:
    """Match a block's columns to header columns in order, each to its own, so the sum of
    distances between their left edges is least (the block's empty columns are skipped)."""
    m, n = len(starts), len(lefts)
    if m > n:
        # More stretches than columns: give each the header column its left edge is in.
        return [max((j for j in range(n) if lefts[j] <= x + 1), default=0) for x in starts]
    inf = float("inf")
    # best[i][j]: least cost of placing the first i stretches within the first j columns.
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    for j in range(n + 1):
        best[0][j] = 0.0
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            here = best[i - 1][j - 1] + abs(starts[i - 1] - lefts[j - 1])
            best[i][j] = min(best[i][j - 1], here)
    homes = [0] * m
    i, j = m, n
    while i > 0:
        if j > i and best[i][j] == best[i][j - 1]:
            j -= 1
            continue
        homes[i - 1] = j - 1
        i -= 1
        j -= 1
    return homes


_RAG_WORDS = {"red", "amber", "green", "blue", "grey", "gray", "black"}
_KEY_ROLES = {"number", "recommendation", "action", "action_ref", "section", "outcome"}
_REF = re.compile(r"^\(?(?:[A-Za-z]{1,4}\s?)?\d{1,3}(?:\.\d{1,3})*[.)]?$|^\(?[a-z][.)]$")


def _follows_on(above: str, here: str) -> bool:
    """True when the key column's line ``here`` is a new cell, not the wrapped rest of
    ``above``: a reference ("3", "2.1", "R4") never wraps onto a second line, and a new
    capitalised sentence after one that ended starts a new row of a spreadsheet."""
    above, here = above.strip(), here.strip()
    if not above or not here:
        return False
    if _REF.match(above) or _REF.match(here):
        return True
    return above[-1] in ".!?" and (here[0].isupper() or here[0].isdigit())


def _continues_lower(words: list[Word]) -> bool:
    """True when a cell's line starts in lower case: the rest of a sentence above."""
    first = words[0].text[:1] if words else ""
    return first.islower()


def _cell_start(words: list[Word]) -> bool:
    first = words[0].text[:1] if words else ""
    return first.isupper() or first.isdigit()


def _is_section(seg: _Segment, ln: Line) -> bool:
    text = seg.text.strip()
    return 0 < len(text) < 160 and not _PAGE_NUMBER.match(text)


def _paragraph_gap(before: Line, ln: Line, gap: float, last_on_page: set[int]) -> bool:
    """True when ``ln`` follows ``before`` after a vertical gap; on a new page, unless
    ``before`` was the last line of its page (a cell going on over the page break)."""
    if ln.page != before.page:
        return id(before) not in last_on_page
    return ln.top - before.top > gap * ln.pitch


def _cell(
    parts: list[tuple[Line, list[Word]]],
    gap: float,
    right: float,
    known: Counter[str] | None = None,
    *,
    owners: bool = False,
    over_break: Callable[[Line, Line], bool] | None = None,
    grid: bool = False,
) -> Cell:
    """A cell's paragraphs from its lines: markers and vertical gaps start paragraphs,
    other lines continue the paragraph they wrapped from. In a lead column (``owners``)
    a line opening with a post's title ("Head of", "Director") starts the next lead.
    ``over_break`` says whether a line on the next page starts a paragraph. On a text
    ``grid`` (for a column of prose) a row's lines are spaced by its tallest cell, so a
    blank line inside a sentence going on in lower case is not a paragraph's end."""
    paras: list[Para] = []
    wrapped: list[bool] = []
    prev: Line | None = None
    prev_words: list[Word] | None = None
    # Where the paragraph's first line and its next line start: items set with a hanging
    # indent go on to the right of where they began, and the next item starts back there.
    first_x: float | None = None
    next_x: float | None = None
    for ln, words in parts:
        text = " ".join(w.text for w in words).strip()
        if not text:
            continue
        bold = all(w.bold for w in words)
        x = words[0].x0
        if prev is not None and ln.page != prev.page:
            first_x = next_x = None  # each page is laid out on its own
        hanging = (
            first_x is not None
            and next_x is not None
            and prev is not None
            and ln.page == prev.page
            and next_x - first_x >= 0.8 * _char_width(words[0])
            and x <= first_x + 0.3 * _char_width(words[0])
        )
        if (
            paras
            and prev_words
            and (_broken_date(prev_words[-1].text, words[0].text) or _broken_label(prev_words[-1].text, words[0].text))
        ):
            paras[-1].text += text  # "30/11/202" over "5", "Septembe" over "r 2025"
            wrapped[-1] = True
            prev, prev_words = ln, words
            continue
        para = para_from_text(text, bold=bold)
        new = (
            not paras
            or para.kind != "text"
            or prev is None
            or (
                ln.page == prev.page
                and ln.top - prev.top > gap * ln.pitch
                and not (grid and _goes_on(paras[-1].text, text))
            )
            or (ln.page != prev.page and over_break is not None and over_break(prev, ln))
            or (paras[-1].bold and not bold)  # a bold lead-in ("Recommendation 2:") ended
            # Text loses the lead-in's bold: it ends with its sentence.
            or (len(paras) == 1 and _LEAD_IN.match(paras[0].text) is not None and paras[0].text.endswith("."))
            or (owners and _next_post(paras[-1].text, text))
            or hanging
        )
        if new:
            paras.append(para)
            wrapped.append(False)
            first_x, next_x = x, None
        else:
            next_x = x if next_x is None else next_x
            last = prev_words[-1] if prev_words else None
            # A PDF that keeps the space where a line wrapped says outright whether the
            # word went on below; elsewhere a lone word up to the column's edge did.
            broken = (
                last is not None
                and len(prev_words or []) == 1
                and " " not in last.text
                and (not last.wrapped if last.wrapped is not None else _reaches(last, right))
            )
            # A word too long for a narrow column, broken near the cell's widest line
            # (within three letters: text extraction puts proportional letters on a grid).
            edge = max(w.x1 for _, line_words in parts for w in line_words)
            broken = broken or (
                known is not None
                and prev_words is not None
                and prev_words[-1].x1 >= edge - 3 * _char_width(prev_words[-1])
                and broken_words.is_broken(prev_words[-1].text, words[0].text, known)
            )
            joins = broken and (text[:1].islower() or text[:1].isdigit())
            paras[-1].text = paras[-1].text + text if joins else _join(paras[-1].text, text)
            if not joins:
                paras[-1].line_starts += (len(paras[-1].text) - len(text),)
            paras[-1].bold = paras[-1].bold and bold
            wrapped[-1] = True
        prev = ln
        prev_words = words
    for para, was_wrapped in zip(paras, wrapped, strict=True):
        if was_wrapped and para.kind == "text":
            para.unsplit = True
    if len(paras) > 1 and paras[0].kind == "text" and _LEAD_IN.match(paras[0].text) and paras[0].text.endswith("."):
        # "Recommendation 1: ..." heading a cell over its actions is printed in bold as a
        # lead-in; a text extraction drops the bold, so it is given back.
        paras[0].bold = True
    return Cell(paras)


_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip


# Columns holding one short value a line (a status, a date): their lines are not prose.
_ONE_VALUE_ROLES = {"status", "rag", "due", "number", "action_ref", "completed", "start"}


def _goes_on(above: str, here: str) -> bool:
    """True when ``here`` carries on the sentence ``above`` left open, in lower case:
    words, not a date or a code ("Q3 2025/26" over "w/c 5 Jan")."""
    return above[-1:].isalpha() and re.match(r"[a-z]{2,}(?:\s|$)", here) is not None


def _broken_date(piece: str, following: str) -> bool:
    """True when a narrow column broke a date's word: a month's name ("Septembe" / "r")
    or a numeric date's year ("30/11/202" / "5"). Month names and dates are a closed set,
    so joining them back cannot run two real words together."""
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{1,3}", piece) and re.fullmatch(r"\d{1,3}", following):
        return len(re.split(r"[/.]", piece)[-1] + following) in (2, 4)
    head, tail = piece.lower(), following.lower().rstrip(".,;")
    return head.isalpha() and tail.isalpha() and head not in _MONTHS and head + tail in _MONTHS


# "Recommendation 1:" / "Recommendation 2 –" opening a cell: a lead-in naming the
# recommendation the cell's actions answer.
_LEAD_IN = re.compile(r"^Recommendation\s+\d{1,2}[a-z]?\s*[:\u2013\u2014-]\s*\S", re.I)
# Words a narrow column breaks that are safe to join back: a closed set, like dates.
_LABEL_WORDS = {"recommendation", "recommendations"}


def _section_row(text: str, width: int, number: int, *, bold: bool = False) -> Row:
    """A row spanning the table, as a merged Word row reads: one cell, copied into the
    cells it covers."""
    section = Cell([para_from_text(text, bold=bold)], colspan=width)
    return Row([section] + [Cell(list(section.paras), merged=True) for _ in range(width - 1)], number)


def _lead_in_row(body: list[Line], k: int, cols: _Columns, split: float) -> int:
    """How many lines, from ``body[k]``, make a recommendation lead-in printed across the
    columns from the left margin ("Recommendation 2: Improve ... so that children do
    not experience delay."), else 0. It ends with its sentence, before a blank line, and
    holds no wide gap (cells side by side)."""
    first = body[k]
    if not _LEAD_IN.match(first.text) or len(cols.edges) < 2 or first.words[0].x0 >= cols.edges[1]:
        return 0
    n = 0
    while k + n < len(body):
        ln = body[k + n]
        if n:
            apart = ln.page != first.page or ln.top - body[k + n - 1].top > ln.pitch
            if apart or ln.words[0].x0 > first.words[0].x0 + 1:
                return 0
        if len(segments(ln, split)) > 1:
            return 0
        n += 1
        if ln.text.rstrip().endswith("."):
            nxt = body[k + n] if k + n < len(body) else None
            ended = nxt is None or nxt.page != ln.page or nxt.top - ln.top > ln.pitch
            # One line of it must run on past the first column: a short "Recommendation
            # 1: ..." that fits the first column is that column's cell.
            wide = any(line.words[-1].x1 > cols.edges[1] for line in body[k : k + n])
            return n if ended and wide and n <= 3 else 0
        if n >= 3:
            return 0
    return 0


def _leads_in(parts: list[tuple[Line, list[Word]]]) -> bool:
    """True when a cell's lines so far are one recommendation lead-in sentence that has
    ended: "Recommendation 1: Improve the plans." """
    text = " ".join(w.text for _, words in parts for w in words)
    broken = re.match(r"(\w+) (\w+)", text)
    if broken and _broken_label(broken[1], broken[2]):
        text = broken[1] + text[broken.end(1) + 1 :]
    return _LEAD_IN.match(text) is not None and text.endswith(".") and text.count(". ") == 0


# The words a post's title opens with: in a lead cell, a line starting with one after a
# whole title is the next lead (Word's paragraphs, run together by the text's wrapping).
_POST = re.compile(r"^(?:Head of|Director\b|Assistant\b|Deputy\b|Executive\b|Principal\b|Chief\b)")
# A title going on over the line: "Deputy" / "Director", "Head of Service and" / "Head of".
_POST_GOES_ON = re.compile(r"(?:\b(?:and|&|of|for|to|Deputy|Assistant|Executive|Interim|Acting|Senior)|[,/+(-])$", re.I)


def _next_post(above: str, line: str) -> bool:
    """True when a lead cell's ``line`` opens a second post's title after ``above``."""
    return _POST.match(line) is not None and len(above.split()) >= 2 and not _POST_GOES_ON.search(above)


def _broken_label(piece: str, following: str) -> bool:
    """True when a narrow column broke "Recommendation" ("Recommendati" / "on 1:")."""
    return piece.isalpha() and following.isalpha() and (piece + following).lower() in _LABEL_WORDS


def _char_width(word: Word) -> float:
    return (word.x1 - word.x0) / max(len(word.text), 1)


def _reaches(word: Word, right: float) -> bool:
    """True when a word ends at its column's right edge (within a character's width)."""
    char = (word.x1 - word.x0) / max(len(word.text), 1)
    return word.x1 >= right - 0.6 * char


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left[:-1] + right
    return f"{left} {right}"
