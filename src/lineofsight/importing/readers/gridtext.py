"""Text tables drawn with rule lines: ``+----+----+`` between rows, ``|`` between cells.

Reporting systems, database consoles (``psql``, MySQL), Pandoc and reStructuredText
"grid tables" and Python's ``tabulate`` print a table this way, each cell wrapped over as
many lines as it needs inside its row; box-drawing characters (``┌─┬─┐``, ``│``) are the
same drawing. The rules say where each row and cell starts and ends, so they are read
rather than guessed from how the words line up:

- the columns are where the ``+`` junctions of the rules stand;
- the header is the lines above the ``+====+`` rule (or above the first rule under
  the top one), its wrapped words joined;
- with rules between the body's rows, a row is everything between two rules, each
  cell's lines joined into paragraphs as in any other text table (a bullet or a blank
  line starts one); without them (a console's output), each line is a row;
- a row whose lines cross no inner ``|`` is a heading across the table.
"""

from __future__ import annotations

import itertools
import re

from ..columns import header_score, role_of
from ..grid import Cell, Para, Row, Table, para_from_text
from . import broken_words
from .aligned import _ONE_VALUE_ROLES, Line, Word, _cell

# Box drawing (U+2500-U+257F) as the ASCII a grid is read in: double horizontals as
# "=", the header rule of a "fancy" grid, other horizontals "-", verticals "|", and
# every corner and junction "+".
_BOX = {chr(c): "+" for c in range(0x2500, 0x2580)}
_BOX.update(dict.fromkeys("─━┄┅┈┉╌╍╴╶╸╺╼╾", "-"))
_BOX.update(dict.fromkeys("═", "="))
_BOX.update(dict.fromkeys("│┃┆┇┊┋╎╏║╵╷╹╻╽╿", "|"))
_ASCII = str.maketrans(_BOX)

# A rule: junctions and runs of "-" or "=" (":" marks a Pandoc column's alignment).
_RULE = re.compile(r"\s*[+|][-=:+|]*[-=]{3}[-=:+|]*[+|]\s*")
_WORD = re.compile(r"\S+")


def _is_rule(line: str) -> bool:
    return "+" in line and _RULE.fullmatch(line) is not None


def _is_content(line: str) -> bool:
    body = line.strip()
    return len(body) >= 2 and body[0] == "|" and body[-1] == "|"


def grid_blocks(text: str) -> list[Table | str] | None:
    """The grid tables of ``text`` with the lines around them; None when it has none
    whose header names plan columns."""
    lines = [ln.expandtabs(8).translate(_ASCII).rstrip() for ln in text.splitlines()]
    blocks: list[Table | str] = []
    found = False
    k = 0
    while k < len(lines):
        if not _is_rule(lines[k]):
            blocks.append(lines[k])
            k += 1
            continue
        end = k + 1
        while end < len(lines) and (_is_rule(lines[end]) or _is_content(lines[end])):
            end += 1
        table = _grid_table(lines, k, end)
        if table is None:
            blocks += lines[k:end]
        else:
            blocks.append(table)
            found = True
        k = end
    return blocks if found else None


def _grid_table(lines: list[str], start: int, end: int) -> Table | None:
    """The table drawn by ``lines[start:end]`` (a rule first), or None when its header
    does not name plan columns."""
    rules = [k for k in range(start, end) if _is_rule(lines[k])]
    # A rule under a cell merged across columns leaves out junctions; the one with the
    # most of them draws every column.
    widest = max((lines[k] for k in rules), key=lambda ln: ln.count("+") + ln.count("|"))
    edges = [m.start() for m in re.finditer(r"[+|]", widest)]
    if len(edges) < 3:
        return None
    below = [k for k in rules if k > start]
    heavy = next((k for k in below if "=" in lines[k]), None)
    header_end = heavy if heavy is not None else (below[0] if below else end)
    head = [k for k in range(start + 1, header_end) if _is_content(lines[k])]
    if not head or header_end == end:
        return None
    header = [" ".join(w.text for k in head for w in _cells(lines[k], edges)[c]) for c in range(len(edges) - 1)]
    if sum(1 for h in header if h) < 3 or header_score(header) < 5:
        return None
    width = len(header)
    rows = [Row([Cell([Para(h, bold=True)]) for h in header], head[0] + 1)]
    body_rules = [k for k in rules if k > header_end]
    content = [k for k in range(header_end + 1, end) if _is_content(lines[k])]
    # Rules between the rows mark them; a console prints one line a row and rules only
    # round the table.
    if any(content and content[0] < k < content[-1] for k in body_rules):
        groups: list[list[int]] = [[]]
        for k in range(header_end + 1, end):
            if k in body_rules:
                groups.append([])
            else:
                groups[-1].append(k)
        groups = [g for g in groups if g]
    else:
        groups = [[k] for k in content]
    known = broken_words.vocabulary(w.text for k in content for ws in _cells(lines[k], edges) for w in ws)
    roles = [role_of(h) for h in header]
    for group in groups:
        per_line = [_cells(lines[k], edges) for k in group]
        if all(_spans(lines[k], edges) for k in group):
            text = " ".join(w.text for cells in per_line for ws in cells for w in ws)
            if text:
                rows.append(Row([Cell([para_from_text(text)], colspan=width)]
                                + [Cell(merged=True) for _ in header[1:]], group[0] + 1))  # fmt: skip
            continue
        cells = []
        for c in range(width):
            # Lines keep their place, so a blank line inside the cell starts a paragraph.
            parts = [(Line(on[c], float(k), 1, k + 1), on[c]) for k, on in zip(group, per_line, strict=True) if on[c]]
            cells.append(
                _cell(
                    parts,
                    1.6,
                    float("inf"),
                    known,
                    owners=roles[c] == "owner",
                    grid=roles[c] not in _ONE_VALUE_ROLES,
                )
            )
        if any(c.paras for c in cells):
            rows.append(Row(cells, group[0] + 1))
    return Table(rows, 0)


def _spans(line: str, edges: list[int]) -> bool:
    """True when the line crosses every inner column edge: a cell across the table."""
    return all(e >= len(line) or line[e] != "|" for e in edges[1:-1])


def _cells(line: str, edges: list[int]) -> list[list[Word]]:
    """The words of each column on a grid line. Text running over an edge with no "|"
    there (a cell merged across columns) belongs to the column it starts in."""
    out: list[list[Word]] = [[] for _ in edges[:-1]]
    walls = [e for e in edges if e < len(line) and line[e] == "|"]
    if len(walls) < len(edges) and line.count("|") == len(edges):
        # The cells' walls drifted off the rule's junctions (a wide character in a cell):
        # they are still one a column, in order.
        walls = [m.start() for m in re.finditer(r"\|", line)]
        bounds = list(itertools.pairwise(walls))
        columns = list(range(len(bounds)))
    else:
        inner = [e for e in edges[1:-1] if e < len(line) and line[e] == "|"]
        # The right wall where the rule puts it, or wherever the line ends.
        last = edges[-1] if edges[-1] < len(line) and line[edges[-1]] == "|" else len(line.rstrip().rstrip("|"))
        cuts = [edges[0], *inner, last]
        bounds = list(itertools.pairwise(cuts))
        columns = [edges.index(a) if a in edges else 0 for a, _ in bounds]
    for (a, b), c in zip(bounds, columns, strict=True):
        piece = line[a + 1 : b]
        out[c] += [Word(a + 1 + m.start(), a + 1 + m.end(), m.group(0)) for m in _WORD.finditer(piece)]
    return out
