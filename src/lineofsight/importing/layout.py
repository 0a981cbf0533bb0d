"""From a grid :class:`~.grid.Document` to a lineofsight/plan@1 dict.

The steps, each a rule that makes sense for a plan we have never seen:

1. Find each table's header row by its words (:mod:`.columns`), or a two-row header (a
   group cell over its sub-headers); tables without one are not plans (budgets,
   staffing, glossaries) unless they continue the plan table before them across a page
   break. A workbook's next sheet with the same header is the next part of the plan,
   titled by the lines above its header. With no action column, the unnamed column with
   the most text holds the actions, else each recommendation row is its own action.
2. Walk the rows: a filled number (or, with no number column, recommendation) cell starts
   a recommendation; a row with one filled or merged-across cell is a section heading;
   repeated headers are dropped; other rows continue the current recommendation. With no
   recommendation column, a bold paragraph heading a row's action cell starts one. Text
   split by a page break, or typed on into an otherwise empty row, is joined back when
   it starts in lower case.
3. Split each row's action cell into actions (one per bullet, lettered item or
   paragraph) and pair them, in order, with parallel lists in the lead, date, progress
   and RAG cells; a single lead or date applies to every action. Progress paragraphs
   that start with a date ("As of 30 April 2026: ...") are updates as of that date, and
   the latest update says the status. RAG comes from the RAG column's words or colour,
   else from RAG words or colour in the status, progress or date cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .columns import ColumnMap, header_score, map_columns, role_of
from .deadlines import find_dates, looks_like_due, normalise_due, split_due_list, status_from_text
from .grid import Cell, Document, Para, Row, Table
from .preamble import inspection_of, organisation_of, title_of
from .text import join_names_with_roles as _join_names_with_roles
from .text import norm as _norm
from .text import rag_of, split_flat_list, split_people, split_sentences
from .text import starts_lower as _starts_lower
from .text import tidy as _tidy

SCHEMA = "lineofsight/plan@1"


@dataclass
class ImportWarning:
    """Something odd in the source, pointing at where it is."""

    filename: str
    table: int | None
    row: int | None
    message: str

    def __str__(self) -> str:
        where = [self.filename]
        if self.table is not None:
            where.append(f"table {self.table}")
        if self.row is not None:
            where.append(f"row {self.row}")
        return f"{', '.join(where)}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.filename, "table": self.table, "row": self.row, "message": self.message}


# --------------------------------------------------------------------------- text helpers

_SEE_ALSO = re.compile(
    r"\b(?:see|refer to|as per|covered (?:by|in|under)|cross[- ]reference(?:d)? (?:to|with))\s+"
    r"(?:the\s+)?(?:action|recommendation|point|item|rec\.?|priority|row)s?\s*(?:point|no\.?)?\s*"
    r"(?P<ref>\d+(?:\.\d+)?[a-z]?)"
    r"|\brepetition of\s+(?:the\s+)?(?:action|recommendation|point|item)s?\s*(?:point\s*)?"
    r"(?P<ref2>\d+(?:\.\d+)?[a-z]?)",
    re.IGNORECASE,
)
# "Partners: ..." or "Partners RMCHS ..." in a lead cell; a job title ending in the word
# ("HR Business Partner") is no label.
_PARTNERS_SPLIT = re.compile(
    r"(?:^|(?<![Bb]usiness)\s)(?:Key\s+partners?|Partners?|KEY PARTNERS?|PARTNERS?)\b"
    r"(?:\s*[:\-–]\s*|\s+(?=\S))"
    r"|^\s*(?:Key\s+partners?|Partners?|KEY PARTNERS?|PARTNERS?)\s*$"
    r"|(?:^|\s)(?:Supported by|Support|With|Working with|Contributors?)\s*:\s*"
)
# --------------------------------------------------------------------------- structures


@dataclass
class DraftAction:
    text: str
    ref: str | None = None
    owners: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    due_text: str | None = None
    status: str | None = None
    rag: str | None = None
    measures: list[str] = field(default_factory=list)
    reported_to: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    status_text: str | None = None
    progress_items: list[str] = field(default_factory=list)
    completed: bool = False


@dataclass
class DraftRecommendation:
    ref: str | None
    text: str
    section: str | None
    outcomes: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    actions: list[DraftAction] = field(default_factory=list)
    source: tuple[int, int] | None = None


@dataclass
class PlanRow:
    """A source row with its table, ready for layout."""

    row: Row
    table: Table
    cmap: ColumnMap
    after_break: bool = False


# --------------------------------------------------------------------------- the builder


class PlanBuilder:
    """Builds plan@1 from a Document, collecting warnings as it goes."""

    def __init__(self, doc: Document, *, inspection_end: date | None = None) -> None:
        self.doc = doc
        self.warnings: list[ImportWarning] = []
        self.inspection_end = inspection_end
        self.default_year: int | None = inspection_end.year if inspection_end else None
        self.recs: list[DraftRecommendation] = []

    def warn(self, table: int | None, row: int | None, message: str) -> None:
        self.warnings.append(ImportWarning(self.doc.filename, table, row, message))

    # ----------------------------------------------------------------- tables

    def plan_rows(self) -> list[list[PlanRow]]:
        """Rows of every plan table, grouped per plan (a table plus its continuations)."""
        plans: list[list[PlanRow]] = []
        current: list[PlanRow] | None = None
        cmap: ColumnMap | None = None
        plan_table: Table | None = None
        for table in self.doc.tables:
            _trim_columns(table)
            found = _find_header(table)
            if found is not None:
                idx, end, new_map = found
                continuing = cmap is not None and current is not None and _same_header(cmap, new_map)
                # A workbook's next sheet with the same header is the next part of the
                # plan, never the rest of a row cut by a page break; the lines above its
                # header are its title.
                new_sheet = (
                    continuing and table.sheet is not None and (plan_table is None or plan_table.sheet != table.sheet)
                )
                if continuing and not new_sheet:
                    # The header repeated after a page break: rows above it (if any) and
                    # rows below it continue the plan.
                    rows = table.rows[:idx] + table.rows[end:]
                else:
                    if not continuing:
                        cmap = _spanned_number_column(
                            _with_recommendation_column(
                                _with_action_column(new_map, table.rows[end:]), table.rows[end:]
                            ),
                            table.rows[end:],
                        )
                        current = []
                        plans.append(current)
                        plan_table = table
                    rows = table.rows[end:]
                    if idx > 0:
                        table.text_before = table.text_before + [
                            r.cells[i].text for r in table.rows[:idx] for i in r.non_empty()
                        ]
                        table.heading = table.text_before[-1] if table.text_before else None
                assert current is not None and cmap is not None
                # A table under a heading of its own is a new part of the plan, not the
                # rest of a row split by a page break.
                split = (
                    continuing
                    and not new_sheet
                    and bool(current)
                    and (table.heading is None or table.heading == current[-1].table.heading)
                )
                for n, row in enumerate(rows):
                    current.append(PlanRow(row, table, cmap, after_break=(n == 0 and split)))
                continue
            if (
                cmap is not None
                and current is not None
                and plan_table is not None
                and _continues(table, cmap, plan_table)
            ):
                # A header in a table of its own, or the plan running on across a page
                # break in a new table without its header.
                for n, row in enumerate(table.rows):
                    current.append(PlanRow(row, table, cmap, after_break=(n == 0 and bool(current))))
                continue
            cmap, current, plan_table = None, None, None
            self.warn(
                table.index,
                None,
                "ignored: no header naming actions, leads or dates, so this table is not read as part of the plan",
            )
        return plans

    # ----------------------------------------------------------------- document

    def build(self) -> dict[str, Any]:
        plans = self.plan_rows()
        first_table = None
        for group in plans:
            if group:
                first_table = group[0].table
                break
        intro: list[str] = []
        for table in self.doc.tables:
            intro.extend(table.text_before)
            if table is first_table:
                break
        inspection = inspection_of(intro)
        if self.inspection_end is None and inspection and inspection.get("ended"):
            self.inspection_end = date.fromisoformat(inspection["ended"])
        if self.default_year is None:
            self.default_year = self._plan_year(plans)
        headings = {pr.table.heading for g in plans for pr in g if pr.table.heading}
        for group in plans:
            self._layout(group, table_sections=len(headings) > 1)
        self.recs = _merge_numbered_actions(self.recs)
        if not plans:
            self.warn(None, None, "no plan table was found (a header row naming actions and leads or dates)")
        return {
            "schema": SCHEMA,
            "title": title_of(intro, first_table),
            "organisation": organisation_of(intro),
            "inspection": inspection,
            "recommendations": [self._rec_dict(r) for r in self.recs],
        }

    def _plan_year(self, plans: list[list[PlanRow]]) -> int | None:
        years: Counter[int] = Counter()
        for group in plans:
            for pr in group:
                for i in pr.cmap.columns("due"):
                    if i < len(pr.row.cells):
                        for d, _ in find_dates(pr.row.cells[i].text):
                            years[d.year] += 1
        return years.most_common(1)[0][0] if years else None

    # ----------------------------------------------------------------- rows

    def _layout(self, group: list[PlanRow], *, table_sections: bool) -> None:
        rec: DraftRecommendation | None = None
        section: str | None = None
        heading = None
        last_actions: list[DraftAction] = []
        orphan: PlanRow | None = None
        pending_break = False
        prev_cells: list[Cell] | None = None
        remap: tuple[Table, ColumnMap] | None = None
        for pr in group:
            row, cmap, table = pr.row, pr.cmap, pr.table
            if remap is not None and remap[0] is table:
                cmap = pr.cmap = remap[1]
            if not row.non_empty():
                continue
            if _is_repeat_header(row, cmap):
                pending_break = True
                continue
            other = _header_map(row)
            if other is not None:
                # A different header inside the table: the columns mean new things below it.
                remap = (table, other)
                rec = None if other.first("recommendation") is None else rec
                continue
            if pending_break:
                pr.after_break = True
                pending_break = False
            num_i, rec_i = cmap.first("number"), cmap.first("recommendation")
            if table.heading and table.heading != heading:
                heading = table.heading
                if table_sections:
                    section = heading
                if rec_i is None:
                    rec = None  # each table heading is a recommendation of its own
            cells = row.cells
            sec = _section_text(row, cmap)
            if sec is not None:
                section = sec
                if rec_i is None:
                    rec = None
                continue
            theme = _cell(cells, cmap.first("section"))
            if theme is not None and theme.text and theme.text != section:
                section = theme.text
                if rec_i is None:
                    rec = None
            number = _cell(cells, num_i)
            rec_cell = _cell(cells, rec_i)
            number_text = "" if number is None or number.merged else number.text
            rec_text = "" if rec_cell is None or rec_cell.merged else rec_cell.text
            label_ref = None
            if rec_text and rec_cell is not None:
                # "Recommendation 1" on a line of its own above the text: the number.
                label_ref, rec_text = _label_paragraph(rec_cell, rec_text)
            if number_text and not _looks_like_ref(number_text) and not rec_text:
                # A number cell holding words alone is a section heading.
                section = number_text
                continue
            sub_ref = None
            if number_text and rec_i is None:
                # With no recommendation column, the number printed is the action's.
                sub_ref, number_text = _clean_ref(number_text), ""
            if number_text and rec is not None and rec.ref:
                same_rec = not rec_text or _norm(rec_text) == _norm(rec.text)
                if _ref_key(number_text) == _ref_key(rec.ref) and same_rec:
                    number_text = rec_text = ""  # the recommendation repeated on each row
                elif not rec_text and _is_sub_ref(number_text, rec.ref):
                    sub_ref = _clean_ref(number_text)  # "1.2" or "1b" under recommendation 1
                    number_text = ""
            letter = re.fullmatch(r"(\d{1,3})\s*\(?([a-z])\)?", number_text.strip().rstrip("."))
            if letter and rec_text:
                # "1a" on the row that states recommendation 1: its first action is "a".
                number_text, sub_ref = letter.group(1), _clean_ref(number_text)
            if rec is not None and rec_text and not number_text and _norm(rec_text) == _norm(rec.text):
                rec_text = ""
            starts_rec = bool(number_text)
            if not starts_rec and rec_text:
                if rec is not None and pr.after_break and _starts_lower(rec_text):
                    rec.text = _tidy(rec.text + " " + rec_text)  # split by a page break
                else:
                    starts_rec = True
            lead = _bold_lead(_cell(cells, cmap.first("action"))) if rec_i is None else None
            if lead is not None:
                # With no recommendation column, a bold paragraph heading the action cell
                # is the recommendation the row's actions (and the rows below) answer.
                # Like a heading in a plan without that column, its text is whole and its
                # ref null (plan-format.md), "Recommendation 1: ..." included.
                lead_text, rest = lead
                rec = DraftRecommendation(None, lead_text, section, source=(table.index, row.number))
                self.recs.append(rec)
                last_actions = []
                action_at = cmap.first("action")
                assert action_at is not None
                cells[action_at] = Cell(rest, fill=cells[action_at].fill)
            if rec_i is None and rec is None:
                title = section or table.heading or table.sheet or f"Table {table.index}"
                rec = DraftRecommendation(None, title, section, source=(table.index, row.number))
                self.recs.append(rec)
            if starts_rec:
                ref = _clean_ref(number_text) if number_text else label_ref
                if ref is None and rec_cell is not None and rec_cell.paras and (rec_cell.paras[0].kind == "number"):
                    ref = rec_cell.paras[0].marker  # "1. Improve ..." printed in the text
                if ref is None and rec_text and (m := _REF_IN_TEXT.match(rec_text)):
                    ref = m["ref"] or m["rref"] or m["bref"]  # "Recommendation 2: Improve ..."
                    if m["bref"]:
                        rec_text = rec_text[m.end() :]  # the bare number is only the ref
                rec = DraftRecommendation(
                    ref, rec_text or (rec_cell.text if rec_cell else ""), section, source=(table.index, row.number)
                )
                if not rec.text:
                    rec.text = ref or ""
                    self.warn(table.index, row.number, "a numbered row has no recommendation text")
                self.recs.append(rec)
                last_actions = []
            elif rec is None:
                self.warn(table.index, row.number, "row before the first recommendation ignored")
                continue
            for i in cmap.columns("outcome"):
                cell = _cell(cells, i)
                if cell is not None and cell.text and not cell.merged:
                    self._add_outcomes(rec, cell, after_break=pr.after_break)
            action_i = cmap.first("action")
            if action_i is None and rec_i is not None:
                # No action column: each recommendation row is the action itself.
                action_i = rec_i
            action_cell = _cell(cells, action_i)
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
            refs = _see_also(action_text)
            if refs and len(action_text) < 200:
                rec.see_also.extend(r for r in refs if r not in rec.see_also)
                continue
            if not action_text:
                if _has_detail(row, cmap):
                    orphan = pr
                continue
            if orphan is not None:
                _fill_from(pr, orphan)
                orphan = None
            if pr.after_break and not starts_rec and prev_cells is not None:
                _inherit_split_row(pr, prev_cells)
            prev_cells = pr.row.cells
            actions = self._actions(pr, action_cell)
            if sub_ref and len(actions) == 1 and not actions[0].ref:
                actions[0].ref = sub_ref
            # Text split by a page break, or typed on into the next spreadsheet row with
            # nothing else on it, continues the action above when it starts in lower case.
            runs_on = pr.after_break or _only_cell_filled(pr.row, action_i)
            if runs_on and not starts_rec and actions and last_actions and _starts_lower(actions[0].text):
                _join_actions(last_actions[-1], actions.pop(0))
            rec.actions.extend(actions)
            if actions:
                last_actions = actions
        if orphan is not None:
            self.warn(
                orphan.table.index,
                orphan.row.number,
                "a row with a lead or date but no action was not attached to any action",
            )

    @staticmethod
    def _add_outcomes(rec: DraftRecommendation, cell: Cell, *, after_break: bool) -> None:
        """One outcome per paragraph or bullet; a paragraph starting in lower case
        continues the one before (a wrapped line, or a page break inside the cell)."""
        first = True
        for p in cell.paras:
            text = _tidy(p.text)
            if not text:
                continue
            joins = _starts_lower(text) and rec.outcomes and (not first or after_break)
            if joins:
                rec.outcomes[-1] = _tidy(rec.outcomes[-1] + " " + text)
            elif len(cell.paras) > 1 and text.endswith(":") and len(text.split()) <= 6:
                continue  # a lead-in such as "Outcomes:" or "We want:"
            elif text not in rec.outcomes:
                rec.outcomes.append(text)
            first = False

    # ----------------------------------------------------------------- actions

    def _actions(self, pr: PlanRow, action_cell: Cell | None) -> list[DraftAction]:
        cmap, cells, row, table = pr.cmap, pr.row.cells, pr.row, pr.table
        due_cols = cmap.columns("due")
        measure_items: list[str] = []
        due_items: list[str] = []
        for i in cmap.columns("measure"):
            cell = _cell(cells, i)
            if cell is None:
                continue
            for text in _cell_items(cell, due=not due_cols):
                if not due_cols and looks_like_due(text):
                    due_items.append(text)
                else:
                    measure_items.append(text)
        for i in due_cols:
            cell = _cell(cells, i)
            if cell is not None:
                found = _cell_items(cell, due=True)
                dated = [t for t in found if looks_like_due(t)]
                due_items.extend(dated if dated else found)

        items = _action_items(action_cell, target=len(due_items))
        if not items:
            return []
        n = len(items)
        actions = [DraftAction(text=t, ref=ref) for ref, t in items]

        # Leads and partners
        owner_paras: list[str] = []
        partner_texts: list[str] = []
        for i in cmap.columns("owner"):
            cell = _cell(cells, i)
            if cell is None:
                continue
            owner_part, partner_part = _split_partners(cell)
            owner_paras.extend(owner_part)
            partner_texts.extend(partner_part)
        for i in cmap.columns("partners"):
            cell = _cell(cells, i)
            if cell is not None:
                partner_texts.extend(p.text for p in cell.paras if p.text)
        partners = _unique(p for t in partner_texts for p in split_people(t))
        if len(owner_paras) == n and n > 1:
            for a, text in zip(actions, owner_paras, strict=True):
                a.owners = split_people(text)
        else:
            everyone = _unique(p for t in owner_paras for p in split_people(t))
            for a in actions:
                a.owners = list(everyone)
        for a in actions:
            a.partners = list(partners)

        # Deadlines; with no timescale column, dates found in the evidence column serve.
        for a, due_text in zip(actions, _spread(due_items, n, table, row, self, "dates"), strict=True):
            a.due_text = due_text
        for a in actions:
            a.measures = list(measure_items)

        for i in cmap.columns("reported_to"):
            cell = _cell(cells, i)
            if cell is not None:
                bodies = []
                for p in cell.paras:
                    for b in split_people(p.text):
                        if b not in bodies:
                            bodies.append(b)
                for a in actions:
                    a.reported_to.extend(bodies)

        for i in cmap.columns("status"):
            cell = _cell(cells, i)
            if cell is not None and cell.text:
                texts = _paired(_cell_items(cell), n)
                for a, t in zip(actions, texts, strict=True):
                    a.status_text = t
                    if _COLOUR_WORD.search(t or ""):
                        a.rag = a.rag or rag_of(t or "")  # "Green" in a status column
                    elif cell.fill and not a.rag:
                        a.rag = cell.fill
        for i in cmap.columns("rag"):
            cell = _cell(cells, i)
            if cell is None:
                continue
            if cell.text:
                texts = _paired(_cell_items(cell), n)
                for a, t in zip(actions, texts, strict=True):
                    a.rag = rag_of(t or "") or cell.fill or a.rag
                    if not a.status_text and (a.rag is None or status_from_text(t or "")):
                        # "Complete" written in the RAG column, or "Amber: on track".
                        a.status_text = t
            elif cell.fill:
                for a in actions:
                    a.rag = cell.fill
        if not cmap.columns("rag"):
            # No RAG column: plans then colour the status, progress or date cell instead.
            for role in ("status", "progress", "due"):
                fills = [c.fill for i in cmap.columns(role) if (c := _cell(cells, i)) and c.fill]
                if fills:
                    for a in actions:
                        a.rag = a.rag or fills[0]
                    break
        for i in cmap.columns("completed"):
            cell = _cell(cells, i)
            if cell is not None and cell.text and not _not_completed_yet(cell.text):
                for a in actions:
                    a.completed = True
        ref_cell = _cell(cells, cmap.first("action_ref"))
        if ref_cell is not None and ref_cell.text:
            refs = [_clean_ref(t) for t in _cell_items(ref_cell)]
            if len(refs) == n:
                for a, r in zip(actions, refs, strict=True):
                    a.ref = a.ref or r
        for i in cmap.columns("progress"):
            cell = _cell(cells, i)
            if cell is None or not cell.text:
                continue
            items_p = _cell_items(cell)
            dated_updates = _dated_updates(items_p)
            if dated_updates is not None:
                # "As of 30 April 2026: ..." paragraphs: one update per date, for the row.
                for a in actions:
                    for as_of, text in dated_updates:
                        a.updates.append({"as_of": _iso(as_of or cmap.as_of.get(i)), "text": text})
                        a.progress_items.append(text)
                continue
            # A list of updates matching the actions is theirs one by one; narrative
            # paragraphs describe the whole row.
            listed = any(p.kind != "text" for p in cell.paras) or all(len(t.split()) <= 12 for t in items_p)
            paired = len(items_p) == n and n > 1 and listed
            for k, a in enumerate(actions):
                text = items_p[k] if paired else cell.text
                a.updates.append({"as_of": _iso(cmap.as_of.get(i)), "text": text})
                a.progress_items.append(text)
        return actions

    # ----------------------------------------------------------------- output

    def _rec_dict(self, rec: DraftRecommendation) -> dict[str, Any]:
        return {
            "ref": rec.ref,
            "text": rec.text,
            "section": rec.section,
            "outcomes": rec.outcomes,
            "see_also": rec.see_also,
            "actions": [self._action_dict(a) for a in rec.actions],
        }

    def _action_dict(self, a: DraftAction) -> dict[str, Any]:
        due = None
        status = None
        if a.due_text:
            d = normalise_due(a.due_text, default_year=self.default_year, relative_to=self.inspection_end)
            due = d.as_dict()
            status = d.status
        if status is None and a.status_text:
            status = status_from_text(a.status_text) or _status_word(a.status_text)
        if status is None:
            # The latest review says where an action is now: dated columns newest first.
            for _, text in sorted(enumerate(a.progress_items), key=lambda kv: (-_as_of_rank(a.updates, kv[0]), kv[0])):
                status = _progress_status(text)
                if status:
                    break
        if status is None and a.completed:
            status = "complete"
        rag = a.rag
        if status is None and rag == "blue":
            status = "complete"
        return {
            "ref": a.ref,
            "text": a.text,
            "owners": a.owners,
            "partners": a.partners,
            "due": due,
            "status": status,
            "rag": rag,
            "measures": a.measures,
            "reported_to": a.reported_to,
            # A "Progress" cell holding only "Complete" or "In progress" is the status
            # (read above), not a narrative update.
            "updates": [u for u in a.updates if u.get("as_of") or not _status_word(u.get("text") or "")],
        }


# --------------------------------------------------------------------------- row helpers


def _not_completed_yet(text: str) -> bool:
    """A completion-date cell that says it is not complete yet ("N/A", "not yet")."""
    return bool(re.match(r"^\s*(?:n/?a|no|not|-|tbc|ongoing)\b", text, re.I))


def _is_sub_ref(number: str, rec_ref: str) -> bool:
    """True for "1.2", "1b" or "1(b)" under recommendation "1"."""
    base = re.sub(r"\s+", "", rec_ref.lower()).rstrip(".")
    key = re.sub(r"\s+", "", _REF_LABEL.sub("", number.strip()).lower()).rstrip(".")
    if not base or not key.startswith(base):
        return False
    return bool(re.fullmatch(r"\.\d{1,2}|\.?[a-z]|\([a-z0-9]{1,2}\)", key[len(base) :]))


def _ref_key(ref: str | None) -> str:
    return re.sub(r"[\s.]+", "", _REF_LABEL.sub("", (ref or "").strip()).lower()).rstrip(")")


def _merge_numbered_actions(recs: list[DraftRecommendation]) -> list[DraftRecommendation]:
    """Rows numbered "1.1", "1.2" that repeat one recommendation's text are that
    recommendation's actions: one recommendation "1" whose actions keep "1.1", "1.2".

    Recommendations numbered "1.1" and "1.2" with different texts stay apart.
    """
    out: list[DraftRecommendation] = []
    merged = False
    for rec in recs:
        prev = out[-1] if out else None
        m = re.fullmatch(r"(\d{1,3})\.(\d{1,2})", rec.ref or "")
        if (
            prev is not None
            and m
            and _norm(prev.text) == _norm(rec.text)
            and prev.section == rec.section
            and (prev.ref == m.group(1) or re.fullmatch(rf"{m.group(1)}\.\d{{1,2}}", prev.ref or ""))
        ):
            if prev.ref != m.group(1):
                for a in prev.actions:
                    a.ref = a.ref or prev.ref
                prev.ref = m.group(1)
            for a in rec.actions:
                a.ref = a.ref or rec.ref
            prev.actions.extend(rec.actions)
            prev.outcomes.extend(o for o in rec.outcomes if o not in prev.outcomes)
            prev.see_also.extend(r for r in rec.see_also if r not in prev.see_also)
            merged = True
            continue
        out.append(rec)
    if merged:
        # The plan numbers its actions "1.1", "1.2": a recommendation with one action
        # numbered "2.1" is recommendation 2 all the same.
        for rec in out:
            m = re.fullmatch(r"(\d{1,3})\.(\d{1,2})", rec.ref or "")
            if m:
                for a in rec.actions:
                    a.ref = a.ref or rec.ref
                rec.ref = m.group(1)
    return out


def _only_cell_filled(row: Row, index: int | None) -> bool:
    """True when the row's only text is in the cell at ``index``."""
    return index is not None and row.non_empty() == [index]


def _unique(items: Iterable[str]) -> list[str]:
    """Items in order without repeats (a cell merged across two columns says it twice)."""
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _cell(cells: list[Cell], i: int | None) -> Cell | None:
    if i is None or i >= len(cells):
        return None
    return cells[i]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _trim_columns(table: Table) -> None:
    """Drop trailing columns that are empty in every row (stray tabs, empty Excel columns)."""
    width = max((len(r.cells) for r in table.rows), default=0)
    while width > 0 and all(len(r.cells) < width or r.cells[width - 1].is_empty for r in table.rows):
        width -= 1
    for r in table.rows:
        del r.cells[width:]


def _find_header(table: Table) -> tuple[int, int, ColumnMap] | None:
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
            if _is_plan_header(cmap):
                return idx, idx + 1, cmap
        if idx + 1 < len(table.rows) and not _is_header_row(table.rows[idx + 1]):
            combined = _combine_header_rows(row, table.rows[idx + 1])
            if combined is not None and header_score(combined) >= 4:
                cmap = map_columns(combined)
                if _is_plan_header(cmap):
                    return idx, idx + 2, cmap
    return None


# Councils put a title, a key and instructions above an Excel plan's header; 30 rows
# is well beyond any such preamble and still cheap.
_HEADER_SEARCH_ROWS = 30


def _with_action_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
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


def _with_recommendation_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
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


def _spanned_number_column(cmap: ColumnMap, rows: list[Row]) -> ColumnMap:
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
        if left and right and all(_looks_like_ref(t) for t in left):
            roles[i], roles[j] = number_role, role
    if roles == cmap.roles:
        return cmap
    return ColumnMap(roles, cmap.as_of, cmap.header)


def _is_header_row(row: Row) -> bool:
    texts = [c.text for c in row.cells]
    return header_score(texts) >= 4 and _is_plan_header(map_columns(texts))


def _is_plan_header(cmap: ColumnMap) -> bool:
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


def _header_map(row: Row) -> ColumnMap | None:
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
    return cmap if _is_plan_header(cmap) else None


def _same_header(a: ColumnMap, b: ColumnMap) -> bool:
    return [role for _, role in sorted(a.roles.items()) if role != "number"] == [
        role for _, role in sorted(b.roles.items()) if role != "number"
    ]


def _continues(table: Table, cmap: ColumnMap, plan_table: Table) -> bool:
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


def _is_repeat_header(row: Row, cmap: ColumnMap) -> bool:
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
        and (cell.bold or (role == "number" and not _looks_like_ref(text)))
    ):
        return text
    return None


_REF = re.compile(
    r"^(?:(?:rec(?:ommendation)?|page|p\.?|no\.?|priority|action|item)\s*)?"
    r"[\dA-Za-z]{1,3}(?:[.\-/]\d{1,3})*[a-z]?\.?(?:\s*(?:and|&|/|,)\s*\d{1,3}[a-z]?)*"
    r"(?:\s*[-–—:№#)])?$",
    re.IGNORECASE,
)


def _looks_like_ref(text: str) -> bool:
    return bool(_REF.match(text.strip())) and len(text) <= 20


# A word printed before the number in a number column ("Rec 3", "Recommendation 3",
# "No. 3"): the ref is the number. "Page 15" names a place, not a kind, and stays whole.
_REF_LABEL = re.compile(r"^(?:recommendation|rec|no|number|ref|reference|priority|item|area)\.?\s*(?=\d)", re.I)
# "Recommendation 2: ..." at the start of a recommendation's own text.
# "R1 The quality ..." keeps its "R", as printed (a number column gives "R1" too).
_REF_IN_TEXT = re.compile(
    r"^\s*(?:(?:recommendation|rec\.?|area for (?:improvement|development)|priority|finding)"
    r"\s*(?P<ref>\d{1,2}[a-z]?)|(?P<rref>(?-i:R)\d{1,2}[a-z]?))"
    r"(?:\s*[:.\-–—)]\s*\S|\s+(?-i:[A-Z]))"
    # "1 Reduce caseloads ...": a bare number before a capitalised word, as exports print it.
    r"|^\s*(?P<bref>\d{1,2})\s+(?=(?-i:[A-Z][a-z]+)\s)",
    re.I,
)


# A line that is only a numbered label ("Recommendation 1", "Area for improvement 2")
# above a finding in the recommendation column: the number is the recommendation's ref.
_LABELLED = re.compile(
    r"^\s*(?:recommendation|rec\.?|area for (?:improvement|development)|finding|R(?=\d))"
    r"\s*(?P<ref>\d{1,2}[a-z]?)\s*(?:[:.\-\u2013\u2014)]\s*(?P<text>\S.*)|$)",
    re.I | re.S,
)


def _label_paragraph(cell: Cell, text: str) -> tuple[str | None, str]:
    """The ref of a recommendation cell whose first line is only its label
    ("Recommendation 1" above the finding), and the text without that line."""
    paras = [p for p in cell.paras if p.text]
    if len(paras) > 1:
        m = _LABELLED.match(paras[0].text)
        if m and not m["text"]:
            return m["ref"], _tidy(" ".join(p.text for p in paras[1:]))
    return None, text


def _bold_lead(cell: Cell | None) -> tuple[str, list[Para]] | None:
    """The bold paragraph(s) heading a cell whose other paragraphs are plain, when they
    read as a recommendation (numbered, or a sentence of eight words or more) rather
    than a lead-in ("We will:") or a sub-heading."""
    if cell is None or cell.merged:
        return None
    paras = [p for p in cell.paras if p.text]
    k = 0
    while k < len(paras) and paras[k].bold:
        k += 1
    if k == 0 or k == len(paras):
        return None
    text = _tidy(" ".join(p.text for p in paras[:k]))
    if text.endswith(":") or not (_LABELLED.match(text) or len(text.split()) >= 8):
        return None
    return text, paras[k:]


def _clean_ref(text: str) -> str:
    text = _REF_LABEL.sub("", _tidy(text))
    # "3 (page 12)": the page says where the report puts it; the number is the ref.
    text = _PAGE_AFTER_REF.sub("", text)
    if re.fullmatch(r"\([0-9A-Za-z]{1,4}\)\.?", text):
        return text.rstrip(".")  # "(iii)" is printed with both brackets
    text = re.sub(r"[\s.\-–—:;,№#)]+$", "", text)
    return text or _tidy(text)


_PAGE_AFTER_REF = re.compile(r"(?<=\S)\s*[(\[]\s*(?:page|pages|pp?\.?|para(?:graph)?\.?)\s*[\d\s,\-–]+[)\]]?$", re.I)


def _see_also(text: str) -> list[str]:
    return [m["ref"] or m["ref2"] for m in _SEE_ALSO.finditer(text or "")]


def _has_detail(row: Row, cmap: ColumnMap) -> bool:
    return any(
        row.cells[i].text and not row.cells[i].merged
        for i, role in cmap.roles.items()
        if role in ("owner", "due") and i < len(row.cells)
    )


def _fill_from(pr: PlanRow, orphan: PlanRow) -> None:
    """Give a row the leads and dates of a preceding row that had them but no action."""
    for i, role in orphan.cmap.roles.items():
        if (
            role in ("owner", "due", "progress", "rag", "status", "partners")
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
        here, before = cells[i], prev[i]
        if role in ("owner", "partners", "reported_to", "rag", "status"):
            if here.is_empty and not here.fill:
                cells[i] = before
            elif role == "owner" and _split_partners(before)[1]:
                cells[i] = Cell(before.paras + here.paras)
        elif role == "due" and not any(looks_like_due(p.text) for p in here.paras):
            cells[i] = before


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


# "Lead: Sam Okafor" (case-system exports label the lead): the label is not the name.
_LEAD_LABEL = re.compile(
    r"^\s*(?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|accountable(?:\s+officer)?)\s*:\s*(?=\S)", re.I
)


def _split_partners(cell: Cell) -> tuple[list[str], list[str]]:
    """Owner paragraphs, and partner text after a "Partners:" label in the same cell."""
    owners: list[str] = []
    partners: list[str] = []
    in_partners = False
    for p in cell.paras:
        text = _LEAD_LABEL.sub("", p.text)
        if not text:
            continue
        if in_partners:
            partners.append(text)
            continue
        m = _PARTNERS_SPLIT.search(text)
        if m:
            head, tail = text[: m.start()].strip(), text[m.end() :].strip()
            if head:
                owners.append(head)
            if tail:
                partners.append(tail)
            in_partners = True
        else:
            owners.append(text)
    return _join_names_with_roles(owners), partners


def _action_items(cell: Cell | None, target: int = 0) -> list[tuple[str | None, str]]:
    """One (ref, text) per action: list items, lettered items, else paragraphs.

    ``target`` is the length of the row's parallel date list, which tells how many
    items a flattened list held.
    """
    if cell is None:
        return []
    paras = [p for p in cell.paras if p.text]
    if not paras:
        return []
    out: list[tuple[str | None, str]] = []
    listed = any(p.kind != "text" for p in paras)
    top = min((p.level for p in paras if p.kind != "text"), default=0)
    others = sum(1 for p in paras if not p.unsplit and (p.kind != "text" or len(p.text.split()) > 3))
    for k, p in enumerate(paras):
        if p.kind != "text" and p.level > top and out:
            ref, prev = out[-1]
            joiner = " " if prev.endswith(":") else "; "
            out[-1] = (ref, _tidy(f"{prev}{joiner}{p.text}"))
            continue  # a sub-bullet is part of the action above it
        if p.unsplit:
            want = target - others - len(out)
            out.extend((None, s) for s in split_flat_list(p.text, want))
            continue
        if p.kind == "letter":
            out.append((p.marker, p.text))
            continue
        if p.kind in ("bullet", "number"):
            out.append((p.marker if p.kind == "number" else None, p.text))
            continue
        words = len(p.text.split())
        if len(paras) > 1 and (p.text.endswith(":") or (listed and words <= 3)):
            continue  # a lead-in or sub-heading inside the cell ("SENDIS", "We will:")
        if out and k > 0 and _starts_lower(p.text) and not listed:
            ref, prev = out[-1]
            out[-1] = (ref, _tidy(prev + " " + p.text))  # a wrapped line, not a new action
            continue
        out.append((None, p.text))
    return out


def _cell_items(cell: Cell, *, due: bool = False) -> list[str]:
    """The list items of a non-action cell; a flattened list is split by its meaning."""
    items: list[str] = []
    for p in cell.paras:
        if not p.text:
            continue
        if due:
            parts = split_due_list(p.text)
            items.extend(parts if parts else [p.text])
        elif p.unsplit and len(p.text) > 80:
            items.extend(split_sentences(p.text))
        else:
            items.append(p.text)
    return items


def _spread(items: list[str], n: int, table: Table, row: Row, builder: PlanBuilder, what: str) -> list[str | None]:
    """Pair a parallel list with n actions, in order.

    One value applies to every action; otherwise values are paired from the last action
    up, the first action taking any extras and the first actions going without when
    there are fewer values than actions.
    """
    if not items:
        return [None] * n
    if len(items) == 1:
        return [items[0]] * n
    if len(items) == n:
        return list(items)
    builder.warn(table.index, row.number, f"{len(items)} {what} for {n} actions; paired in order")
    # Lists that lost their alignment usually lost it at the top (a heading or an extra
    # line above the first bullet), so the values are aligned from the last one up.
    if len(items) > n:
        extra = len(items) - n
        return [" ".join(items[: extra + 1]), *items[extra + 1 :]]
    return [*([None] * (n - len(items))), *items]


def _paired(items: list[str], n: int) -> list[str | None]:
    if len(items) == n:
        return list(items)
    joined = " ".join(items)
    return [joined] * n


_COLOUR_WORD = re.compile(r"\b(?:red|amber|green|blue)\b|^\s*[rag]\s*$", re.I)

_STATUS_WORDS = {
    "complete": "complete",
    "completed": "complete",
    "done": "complete",
    "closed": "complete",
    "achieved": "complete",
    "in progress": "in_progress",
    "started": "in_progress",
    "on track": "in_progress",
    "ongoing": "in_progress",
    "not started": "not_started",
    "not yet started": "not_started",
    "overdue": "in_progress",
    "delayed": "in_progress",
}


def _status_word(text: str) -> str | None:
    return _STATUS_WORDS.get(_norm(text))


_DATED_UPDATE = re.compile(
    r"^\s*(?:(?:as (?:of|at)|update[d]?(?: on)?|position (?:at|as at)|progress(?: at| as at)?"
    r"|review(?:ed)?(?: on)?)\s+)?"
    r"(?P<date>\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"\s*(?:[:\-\u2013\u2014]|\s-)\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.S,
)


def _dated_updates(paras: list[str]) -> list[tuple[date | None, str]] | None:
    """Split a progress cell whose paragraphs start with the date they speak for
    ("As of 30 April 2026: ...", "12/05/2026 – ...") into (as-of, text) updates.

    Paragraphs without a date continue the update above them. Returns None when no
    paragraph starts with a date, so the cell is read as one narrative.
    """
    out: list[tuple[date | None, str]] = []
    found = False
    for text in paras:
        m = _DATED_UPDATE.match(text)
        dates = find_dates(m["date"]) if m else []
        if m and dates:
            found = True
            out.append((dates[0][0], m["text"].strip()))
        elif out:
            as_of, before = out[-1]
            out[-1] = (as_of, f"{before}\n{text}")
        else:
            out.append((None, text))
    return out if found else None


def _as_of_rank(updates: list[dict[str, Any]], k: int) -> int:
    """An update's as-of date as a number for ordering (undated ones rank lowest)."""
    if k < len(updates) and updates[k].get("as_of"):
        return date.fromisoformat(updates[k]["as_of"]).toordinal()
    return 0


def _progress_status(text: str) -> str | None:
    """Status from a progress narrative.

    "In place" inside a long narrative usually describes a supporting process rather
    than the action itself, so only a short update counts it.
    """
    if len(text.split()) > 25:
        text = re.sub(r"\bin place\b", " ", text, flags=re.I)
    return status_from_text(text)


def build_plan(doc: Document, *, inspection_end: date | None = None) -> tuple[dict[str, Any], list[ImportWarning]]:
    """Lay out a grid Document as a plan@1 dict, with warnings pointing at the source."""
    builder = PlanBuilder(doc, inspection_end=inspection_end)
    plan = builder.build()
    return plan, builder.warnings


__all__ = ["ImportWarning", "build_plan", "rag_of", "split_people", "split_sentences"]
