"""Layout step 1: find each plan table's header and what its columns mean.

A header row is found by its words (:mod:`.columns`), or as a two-row header (a group
cell over its sub-headers); a table without one is not part of the plan unless it
continues the plan table before it across a page break. A plan with no action header
gets the unnamed column with the most text as its action column, and one with no
recommendation header a first column of sentences as its recommendations.
"""

from __future__ import annotations

from .columns import ColumnMap, header_score, map_columns, role_of
from .deadlines import looks_like_due
from .grid import Row, Table
from .refs import looks_like_ref
from .text import norm as _norm


def trim_columns(table: Table) -> None:
    """Drop trailing columns that are empty in every row (stray tabs, empty Excel columns)."""
    width = max((len(r.cells) for r in table.rows), default=0)
    while width > 0 and all(len(r.cells) < width or r.cells[width - 1].is_empty for r in table.rows):
        width -= 1
    for r in table.rows:
        del r.cells[width:]


def find_header(table: Table) -> tuple[int, int, ColumnMap] | None:
    """Where the header starts, the index of the first row below it, and its column map.

    A header may take two rows: a group cell ("Delivery") spanning the cells below it
    ("Lead", "Partners", "By when"). Such a pair is read as one header when neither row
    names an action or recommendation with a lead or date on its own.
    """
    rows = table.rows[:_HEADER_SEARCH_ROWS]
    for idx, row in enumerate(rows):
        texts = [c.text for c in row.cells]
        if header_score(texts) >= 4:
            cmap = map_columns(texts)
            if is_plan_header(cmap):
                return idx, idx + 1, cmap
        if idx + 1 < len(table.rows) and not _is_header_row(table.rows[idx + 1]):
            combined = _combine_header_rows(row, table.rows[idx + 1])
            if combined is not None and header_score(combined) >= 4:
                cmap = map_columns(combined)
                if is_plan_header(cmap):
                    return idx, idx + 2, cmap
    return None


# Councils put a title, a key and instructions above an Excel plan's header; 30 rows
# is well beyond any such preamble and still cheap.
_HEADER_SEARCH_ROWS = 30


def with_action_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
    """Give a plan without an "action" header its action column: the unnamed column
    holding the most text ("Issue | Response | Lead | Timescale" answers in "Response").
    """
    if cmap.first("action") is not None:
        return cmap
    width = max((len(r.cells) for r in rows), default=0)
    best, best_len = None, 0.0
    for i in range(width):
        if i in cmap.roles:
            continue
        texts = [r.cells[i].text for r in rows if i < len(r.cells) and not r.cells[i].merged]
        filled = [t for t in texts if t]
        if len(filled) < max(1, len(rows) // 3):
            continue
        mean = sum(len(t) for t in filled) / len(filled)
        if mean > best_len:
            best, best_len = i, mean
    if best is None or best_len < 20:
        return cmap
    roles = dict(cmap.roles)
    roles[best] = "action"
    return ColumnMap(roles, cmap.as_of, cmap.header)


def with_recommendation_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
    """Give a plan without a recommendation header its recommendation column: the first
    column, left of the actions, under a header no synonym names ("Priority", "Area"),
    holding a sentence on most rows. A column of one-word ratings ("High") is not one.
    """
    action = cmap.first("action")
    if cmap.first("recommendation") is not None or action is None or action == 0:
        return cmap
    i = 0
    if i in cmap.roles or not cmap.header[i].strip():
        return cmap
    texts = [r.cells[i].text for r in rows if i < len(r.cells) and not r.cells[i].merged]
    filled = [t for t in texts if t]
    if not filled or len(filled) < max(1, len(rows) // 2):
        return cmap
    if sum(len(t.split()) >= 4 for t in filled) < len(filled) / 2:
        return cmap
    roles = dict(cmap.roles)
    roles[i] = "recommendation"
    return ColumnMap(roles, cmap.as_of, cmap.header)


def with_number_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
    """Give a plan without a number header its number column: the first column, left of
    the recommendation, under a header no synonym names ("Priority", "Key"), whose every
    filled cell is a printed ref with a digit ("P1", "2", "3a"). Ratings ("High") are not.
    """
    first = cmap.first("recommendation")
    if first is None:
        first = cmap.first("action")
    if "number" in cmap.roles.values() or not first or 0 in cmap.roles:
        return cmap
    filled = [r.cells[0].text for r in rows if r.cells and r.cells[0].text and not r.cells[0].merged]
    if not filled or not all(looks_like_ref(t) and any(ch.isdigit() for ch in t) for t in filled):
        return cmap
    return ColumnMap({**cmap.roles, 0: "number"}, cmap.as_of, cmap.header)


def spanned_number_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
    """A header cell spanning two columns ("Recommendation" over "1" and its text): the
    first column, holding only refs, is the number and the second the text."""
    roles = dict(cmap.roles)
    for i, role in cmap.roles.items():
        j = i + 1
        if role not in ("recommendation", "action") or j in roles or j >= len(cmap.header):
            continue
        if cmap.header[j] != cmap.header[i]:
            continue
        number_role = "number" if role == "recommendation" else "action_ref"
        if number_role in roles.values():
            continue
        left = [r.cells[i].text for r in rows if i < len(r.cells) and r.cells[i].text and not r.cells[i].merged]
        right = [r.cells[j].text for r in rows if j < len(r.cells) and r.cells[j].text and not r.cells[j].merged]
        if left and right and all(looks_like_ref(t) for t in left):
            roles[i], roles[j] = number_role, role
    if roles == cmap.roles:
        return cmap
    return ColumnMap(roles, cmap.as_of, cmap.header)


def _is_header_row(row: Row) -> bool:
    texts = [c.text for c in row.cells]
    return header_score(texts) >= 4 and is_plan_header(map_columns(texts))


def is_plan_header(cmap: ColumnMap) -> bool:
    """A plan header names actions or recommendations, and a lead or a date."""
    roles = set(cmap.roles.values())
    return ("action" in roles or "recommendation" in roles) and bool(roles & {"owner", "due"})


def _combine_header_rows(top: Row, sub: Row) -> list[str] | None:
    """One header from a group row and the row below it, or None when the lower row is
    not a header row (long text or a date in it means it is already the plan)."""
    sub_texts = [c.text for c in sub.cells]
    if not any(sub_texts) or any(len(t) > 60 or looks_like_due(t) for t in sub_texts):
        return None
    out: list[str] = []
    for k, cell in enumerate(top.cells):
        upper = cell.text
        lower = sub_texts[k] if k < len(sub_texts) else ""
        if not lower or lower == upper:
            out.append(upper)  # a cell merged down through both rows, or no sub-header
        elif role_of(lower) is not None or not upper:
            out.append(lower)  # the sub-header says what the column is
        else:
            out.append(f"{upper} {lower}")  # "Delivery" over "By when"
    return out


def header_map(row: Row) -> ColumnMap | None:
    """The column map when a row inside a table is a header of its own.

    Only short cells that mostly name roles count: a plan row whose words happen to
    include "oversight", "lead" and "finding" is not a header.
    """
    texts = [c.text for c in row.cells]
    filled = [t for t in texts if t]
    if any(len(t) > 60 for t in filled) or header_score(texts) < 5:
        return None
    named = sum(1 for t in filled if role_of(t) is not None)
    if named * 4 < len(filled) * 3 or any(looks_like_due(t) for t in filled):
        return None
    cmap = map_columns(texts)
    return cmap if is_plan_header(cmap) else None


def same_header(a: ColumnMap, b: ColumnMap) -> bool:
    """Two headers give their columns the same roles (a number column aside)."""
    return [role for _, role in sorted(a.roles.items()) if role != "number"] == [
        role for _, role in sorted(b.roles.items()) if role != "number"
    ]


def continues(table: Table, cmap: ColumnMap, plan_table: Table) -> bool:
    """A table without a header continues the plan across a page break.

    It must have about the plan's columns (an extraction may drop an empty one), and no
    heading of its own other than the plan's title repeated at the top of the page.
    """
    width = max((len(r.cells) for r in table.rows), default=0)
    if not len(cmap.header) - 2 <= width <= len(cmap.header) + 1:
        return False
    if table.heading is None:
        return True
    return table.heading == plan_table.heading or table.heading in plan_table.text_before


def is_repeat_header(row: Row, cmap: ColumnMap) -> bool:
    """The table's header printed again (after a page break), whole or as its sub-headers."""
    filled = [(i, c.text) for i, c in enumerate(row.cells) if c.text]
    if not filled:
        return False
    same = 0
    for i, text in filled:
        head = cmap.header[i] if i < len(cmap.header) else ""
        a, b = _norm(text), _norm(head)
        # A repeated two-row header shows its sub-headers alone ("By when" under
        # "Delivery By when"), hence the end as well as the start.
        if (
            a
            and b
            and (a == b or (len(a) > 3 and len(b) > 3 and (a.startswith(b) or b.startswith(a) or b.endswith(a))))
        ):
            same += 1
    return same >= max(2, (len(filled) + 1) // 2)
