"""Layout step 2: walk a plan's rows, starting recommendations and adding their actions.

A filled number (or, with no number column, recommendation) cell starts a
recommendation; a row with one filled or merged-across cell is a section heading;
repeated headers are dropped; other rows continue the current recommendation. With no
recommendation column, a bold paragraph heading a row's action cell starts one. Text
split by a page break, or typed on into an otherwise empty row, is joined back when it
starts in lower case. Each row's cells are read by the column handlers
(:mod:`.handlers`, registered in :data:`.columns.COLUMNS`): the walker splits the action
cell into actions and lets every handler fill them.
"""

from __future__ import annotations

import re

from .columns import COLUMNS, ColumnMap
from .drafts import DraftAction, DraftRecommendation, PlanRow
from .grid import Cell, Row, Table
from .handlers import (
    REF_IN_TEXT,
    ActionColumn,
    NumberColumn,
    RecommendationColumn,
    RowReading,
    SectionColumn,
    Warn,
    bold_lead,
    cell_at,
    see_also,
)
from .refs import clean_ref, is_sub_ref, looks_like_ref, ref_key
from .tables import header_map, is_repeat_header
from .text import norm as _norm
from .text import starts_lower as _starts_lower
from .text import tidy as _tidy


class RowWalker:
    """Walks one plan's rows (a table and its continuations) into recommendations.

    Holds what a reader keeps in mind going down the page: the current recommendation
    and section, the last actions (which a page break may have split), and a row of
    leads and dates still waiting for its action.
    """

    def __init__(self, recs: list[DraftRecommendation], warn: Warn, *, table_sections: bool) -> None:
        self.recs = recs
        self.warn = warn
        self.table_sections = table_sections
        self.handlers = [column() for column in COLUMNS.values()]
        self.rec: DraftRecommendation | None = None
        self.section: str | None = None
        self.heading: str | None = None
        self.last_actions: list[DraftAction] = []
        self.orphan: PlanRow | None = None
        self.pending_break = False
        self.prev_cells: list[Cell] | None = None
        self.remap: tuple[Table, ColumnMap] | None = None
        # The recommendation a lettered number started ("1a" read as 1, action a), and
        # that number as printed.
        self.lettered: tuple[DraftRecommendation, str] | None = None

    def walk(self, group: list[PlanRow]) -> None:
        """Lay out every row of the plan, appending recommendations to ``recs``."""
        for pr in group:
            self._row(pr)
        if self.orphan is not None:
            self.warn(
                self.orphan.table.index,
                self.orphan.row.number,
                "a row with a lead or date but no action was not attached to any action",
            )

    def _row(self, pr: PlanRow) -> None:
        row, cmap, table = pr.row, pr.cmap, pr.table
        if self.remap is not None and self.remap[0] is table:
            cmap = pr.cmap = self.remap[1]
        if not row.non_empty():
            return
        if is_repeat_header(row, cmap):
            self.pending_break = True
            return
        other = header_map(row)
        if other is not None:
            # A different header inside the table: the columns mean new things below it.
            self.remap = (table, other)
            self.rec = None if other.first("recommendation") is None else self.rec
            return
        if self.pending_break:
            pr.after_break = True
            self.pending_break = False
        if self._is_section_row(pr):
            return
        started = self._recommendation(pr)
        if started is None:
            return
        starts_rec, sub_ref, rec_cell = started
        self._actions(pr, starts_rec=starts_rec, sub_ref=sub_ref, rec_cell=rec_cell)

    def _is_section_row(self, pr: PlanRow) -> bool:
        """Follow table headings, section rows and the theme column; True for a row
        that is only a section heading."""
        row, cmap, table = pr.row, pr.cmap, pr.table
        rec_i = cmap.first("recommendation")
        if table.heading and table.heading != self.heading:
            self.heading = table.heading
            if self.table_sections:
                self.section = self.heading
            if rec_i is None:
                self.rec = None  # each table heading is a recommendation of its own
        sec = _section_text(row, cmap)
        if sec is not None:
            self.section = sec
            if rec_i is None:
                self.rec = None
            return True
        theme = SectionColumn.read(cell_at(row.cells, cmap.first("section")))
        if theme is not None and theme != self.section:
            self.section = theme
            if rec_i is None:
                self.rec = None
        return False

    def _recommendation(self, pr: PlanRow) -> tuple[bool, str | None, Cell | None] | None:
        """Start a recommendation when the row states one, or continue the current one.

        Returns whether the row started one, the action ref its number cell gave, and
        its recommendation cell; None when the row is not part of any recommendation.
        """
        row, cmap, table = pr.row, pr.cmap, pr.table
        cells = row.cells
        rec_i = cmap.first("recommendation")
        rec_cell = cell_at(cells, rec_i)
        number_text = NumberColumn.read(cell_at(cells, cmap.first("number")))
        # "Recommendation 1" on a line of its own above the text: the number.
        label_ref, rec_text = RecommendationColumn.read(rec_cell)
        if number_text and not looks_like_ref(number_text) and not rec_text:
            # A number cell holding words alone is a section heading.
            self.section = number_text
            return None
        rec = self.rec
        sub_ref = None
        if number_text and rec_i is None:
            # With no recommendation column, the number printed is the action's.
            sub_ref, number_text = clean_ref(number_text), ""
        if number_text and rec is not None and rec.ref:
            same_rec = not rec_text or _norm(rec_text) == _norm(rec.text)
            if ref_key(number_text) == ref_key(rec.ref) and same_rec:
                number_text = rec_text = ""  # the recommendation repeated on each row
            elif not rec_text and is_sub_ref(number_text, rec.ref):
                sub_ref = clean_ref(number_text)  # "1.2" or "1b" under recommendation 1
                number_text = ""
        letter = re.fullmatch(r"(\d{1,3})\s*\(?([a-z])\)?", number_text.strip().rstrip("."))
        lettered = None
        if letter and rec_text:
            before = self.lettered
            if (
                before is not None
                and before[0] is rec
                and ref_key(rec.ref) in (letter.group(1), ref_key(before[1]))
                and _norm(rec_text) != _norm(rec.text)
            ):
                # "3a" and then "3b", each stating a finding of its own: lettered
                # recommendations, not recommendation 3's actions a and b.
                rec.ref = clean_ref(before[1])
                for a in rec.actions:
                    a.ref = None if a.ref == rec.ref else a.ref
            else:
                # "1a" on the row that states recommendation 1: its first action is "a".
                lettered = clean_ref(number_text)
                number_text, sub_ref = letter.group(1), lettered
        if rec is not None and rec_text and not number_text and _norm(rec_text) == _norm(rec.text):
            rec_text = ""
        starts_rec = bool(number_text)
        if not starts_rec and rec_text:
            if rec is not None and pr.after_break and _starts_lower(rec_text):
                rec.text = _tidy(rec.text + " " + rec_text)  # split by a page break
            else:
                starts_rec = True
        lead = bold_lead(cell_at(cells, cmap.first("action"))) if rec_i is None else None
        if lead is not None:
            # With no recommendation column, a bold paragraph heading the action cell
            # is the recommendation the row's actions (and the rows below) answer.
            # Like a heading in a plan without that column, its text is whole and its
            # ref null (plan-format.md), "Recommendation 1: ..." included.
            lead_text, rest = lead
            rec = self._start(DraftRecommendation(None, lead_text, self.section, source=(table.index, row.number)))
            action_at = cmap.first("action")
            assert action_at is not None
            cells[action_at] = Cell(rest, fill=cells[action_at].fill)
        if rec_i is None and rec is None:
            title = self.section or table.heading or table.sheet or f"Table {table.index}"
            rec = DraftRecommendation(None, title, self.section, source=(table.index, row.number))
            self.recs.append(rec)
            self.rec = rec
        if starts_rec:
            ref = clean_ref(number_text) if number_text else label_ref
            if ref is None and rec_cell is not None and rec_cell.paras and (rec_cell.paras[0].kind == "number"):
                ref = rec_cell.paras[0].marker  # "1. Improve ..." printed in the text
            if ref is None and rec_text and (m := REF_IN_TEXT.match(rec_text)):
                ref = m["ref"] or m["rref"] or m["bref"]  # "Recommendation 2: Improve ..."
                if m["bref"]:
                    rec_text = rec_text[m.end() :]  # the bare number is only the ref
            rec = DraftRecommendation(
                ref, rec_text or (rec_cell.text if rec_cell else ""), self.section, source=(table.index, row.number)
            )
            if not rec.text:
                rec.text = ref or ""
                self.warn(table.index, row.number, "a numbered row has no recommendation text")
            self._start(rec)
            self.lettered = (rec, lettered or number_text) if letter and rec_text else None
        elif rec is None:
            self.warn(table.index, row.number, "row before the first recommendation ignored")
            return None
        return starts_rec, sub_ref, rec_cell

    def _start(self, rec: DraftRecommendation) -> DraftRecommendation:
        """Make ``rec`` the current recommendation, with no actions yet to run on from."""
        self.recs.append(rec)
        self.rec = rec
        self.last_actions = []
        return rec

    def _actions(self, pr: PlanRow, *, starts_rec: bool, sub_ref: str | None, rec_cell: Cell | None) -> None:
        """Add the row's outcomes and actions to the current recommendation."""
        rec = self.rec
        assert rec is not None
        row, cmap = pr.row, pr.cmap
        for handler in self.handlers:
            handler.fill_recommendation(rec, pr)
        rec_i = cmap.first("recommendation")
        action_i = cmap.first("action")
        if action_i is None and rec_i is not None:
            # No action column: each recommendation row is the action itself.
            action_i = rec_i
        action_cell = cell_at(row.cells, action_i)
        action_text = (
            action_cell.text if action_cell is not None and not (action_cell.merged and not starts_rec) else ""
        )
        if (
            action_text
            and action_i != rec_i
            and action_cell is not None
            and action_cell.merged
            and rec_cell is not None
            and action_text == rec_cell.text
        ):
            action_text = ""  # the recommendation's text merged across the row
        refs = see_also(action_text)
        if refs and len(action_text) < 200:
            rec.see_also.extend(r for r in refs if r not in rec.see_also)
            return
        if not action_text:
            if _has_detail(row, cmap):
                self.orphan = pr
            return
        if self.orphan is not None:
            _fill_from(pr, self.orphan)
            self.orphan = None
        if pr.after_break and not starts_rec and self.prev_cells is not None:
            _inherit_split_row(pr, self.prev_cells)
        self.prev_cells = pr.row.cells
        actions = self._split(pr, action_cell)
        if sub_ref and len(actions) == 1 and not actions[0].ref:
            actions[0].ref = sub_ref
        # Text split by a page break, or typed on into the next spreadsheet row with
        # nothing else on it, continues the action above when it starts in lower case.
        runs_on = pr.after_break or _only_cell_filled(pr.row, action_i)
        if runs_on and not starts_rec and actions and self.last_actions and _starts_lower(actions[0].text):
            _join_actions(self.last_actions[-1], actions.pop(0))
        rec.actions.extend(actions)
        if actions:
            self.last_actions = actions

    def _split(self, pr: PlanRow, action_cell: Cell | None) -> list[DraftAction]:
        """The row's actions, each filled by every column handler."""
        reading = RowReading(pr, self.warn)
        for handler in self.handlers:
            handler.gather(reading)
        items = ActionColumn.items(action_cell, target=len(reading.due_items))
        if not items:
            return []
        actions = [DraftAction(text=t, ref=ref) for ref, t in items]
        for handler in self.handlers:
            handler.fill(reading, actions)
        return actions


def _section_text(row: Row, cmap: ColumnMap) -> str | None:
    """The heading text when the row is a section row, else ``None``."""
    filled = row.non_empty()
    if len(filled) != 1:
        return None
    cell = row.cells[filled[0]]
    text = cell.text
    spans = cell.colspan > 1 or (
        filled[0] + 1 < len(row.cells) and row.cells[filled[0] + 1].merged and row.cells[filled[0] + 1].text == text
    )
    if spans:
        return text
    role = cmap.roles.get(filled[0])
    if (
        filled[0] == 0
        and role in ("number", "recommendation", None)
        and len(text) < 120
        and (cell.bold or (role == "number" and not looks_like_ref(text)))
    ):
        return text
    return None


def _has_detail(row: Row, cmap: ColumnMap) -> bool:
    """The row has a lead or a date of its own (not merged from the row above)."""
    return any(
        row.cells[i].text and not row.cells[i].merged
        for i, role in cmap.roles.items()
        if COLUMNS[role].waits_for_action and i < len(row.cells)
    )


def _fill_from(pr: PlanRow, orphan: PlanRow) -> None:
    """Give a row the leads and dates of a preceding row that had them but no action."""
    for i, role in orphan.cmap.roles.items():
        if (
            COLUMNS[role].carried_to_action
            and i < len(pr.row.cells)
            and i < len(orphan.row.cells)
            and pr.row.cells[i].is_empty
        ):
            pr.row.cells[i] = orphan.row.cells[i]


def _inherit_split_row(pr: PlanRow, prev: list[Cell]) -> None:
    """A row a page break split off its first half takes that half's leads, bodies and RAG.

    Cells left empty on the new page belong to the row above the break; a lead cell
    whose "Partners:" list ran over the break continues that list.
    """
    cells = pr.row.cells
    for i, role in pr.cmap.roles.items():
        if i >= len(cells) or i >= len(prev):
            continue
        cells[i] = COLUMNS[role].across_break(cells[i], prev[i])


def _join_actions(into: DraftAction, tail: DraftAction) -> None:
    """Join an action split by a page break back together."""
    into.text = _tidy(into.text + " " + tail.text)
    for name in ("owners", "partners", "measures", "reported_to"):
        have = getattr(into, name)
        have.extend(x for x in getattr(tail, name) if x not in have)
    if tail.due_text and tail.due_text != into.due_text:
        into.due_text = _tidy(f"{into.due_text or ''} {tail.due_text}")
    into.updates.extend(u for u in tail.updates if u not in into.updates)
    into.progress_items.extend(tail.progress_items)
    into.rag = into.rag or tail.rag
    into.status_text = into.status_text or tail.status_text


def _only_cell_filled(row: Row, index: int | None) -> bool:
    """True when the row's only text is in the cell at ``index``."""
    return index is not None and row.non_empty() == [index]
