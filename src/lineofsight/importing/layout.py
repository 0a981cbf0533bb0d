"""From a grid :class:`~.grid.Document` to a lineofsight/plan@1 dict.

The steps, each a rule that makes sense for a plan we have never seen:

1. Find each table's header row by its words (:mod:`.columns`); tables without one are
   not plans (budgets, staffing, glossaries) unless they continue the plan table before
   them across a page break.
2. Walk the rows: a filled number (or, with no number column, recommendation) cell starts
   a recommendation; a row with one filled or merged-across cell is a section heading;
   repeated headers are dropped; other rows continue the current recommendation. Text
   split by a page break (the continuation starts in lower case) is joined back.
3. Split each row's action cell into actions (one per bullet, lettered item or
   paragraph) and pair them, in order, with parallel lists in the lead, date, progress
   and RAG cells; a single lead or date applies to every action.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .columns import ColumnMap, header_score, map_columns
from .deadlines import find_dates, looks_like_due, normalise_due, split_due_list, status_from_text
from .grid import Cell, Document, Para, Row, Table

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
        return {"file": self.filename, "table": self.table, "row": self.row,
                "message": self.message}


# --------------------------------------------------------------------------- text helpers

_ABBREVIATIONS = {"st", "dr", "mr", "mrs", "ms", "no", "e.g", "i.e", "etc", "vs", "cllr", "prof"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
_SEE_ALSO = re.compile(
    r"\b(?:see|refer to|as per|covered (?:by|in|under)|cross[- ]reference(?:d)? (?:to|with))\s+"
    r"(?:the\s+)?(?:action|recommendation|point|item|rec\.?|priority|row)s?\s*(?:point|no\.?)?\s*"
    r"(?P<ref>\d+(?:\.\d+)?[a-z]?)"
    r"|\brepetition of\s+(?:the\s+)?(?:action|recommendation|point|item)s?\s*(?:point\s*)?"
    r"(?P<ref2>\d+(?:\.\d+)?[a-z]?)",
    re.IGNORECASE,
)
_PARTNERS_SPLIT = re.compile(r"(?:^|\s)(?:Key\s+partners?|Partners?|KEY PARTNERS?|PARTNERS?)\b\s*[:\-–]?\s*")
_OWNER_SPLIT = re.compile(r"\s+/\s*|\s*/\s+|\s*;\s*|\s*\+\s*|\n")
_RAG = [
    ("blue", re.compile(r"\bblue\b|^b$|\bclosed\b", re.I)),
    ("red", re.compile(r"\bred\b|^r$", re.I)),
    ("amber", re.compile(r"\bamber\b|^a$|\byellow\b|^a/g$|^amber.?green$", re.I)),
    ("green", re.compile(r"\bgreen\b|^g$", re.I)),
]
_KINDS = [
    ("ILACS", r"\bILACS\b|inspection of local authority children'?s services"),
    ("JTAI", r"\bJTAI\b|joint targeted area inspection"),
    ("focused visit", r"\bfocused visit\b"),
    ("monitoring visit", r"\bmonitoring visit\b"),
    ("S&LAC", r"\bS\s?&\s?LAC\b|\bSLAC\b|safeguarding and looked after children"),
    ("SIF", r"\bSIF\b|single inspection"),
]
_ORGANISATION = re.compile(
    r"\b(?:London Borough of [A-Z][\w&' -]+?|Royal Borough of [A-Z][\w&' -]+?"
    r"|(?:City of )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)* (?:County |City |Borough |Metropolitan "
    r"Borough )?Council)(?=[,.;:)\s]|$)"
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip(" .:*†‡")


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def split_sentences(text: str) -> list[str]:
    """Split a run of sentences, leaving abbreviations such as "St." alone."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip(".!?").split()
        if before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if before and len(before[-1]) == 1 and before[-1].isupper():
            continue  # an initial, "J. Smith"
        parts.append(text[start:m.start()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def split_people(text: str) -> list[str]:
    """Split an owner or governance cell on ``/``, ``;``, ``+`` and line breaks.

    A slash inside initials ("LH/KB") is kept: only a slash with a space beside it
    separates people, so "Julian Watkins – Head of Service" and "MWS/NP" stay whole.
    """
    out = []
    for part in _OWNER_SPLIT.split(text or ""):
        part = part.strip(" ,.;:-–•*")
        if part and part.lower() not in ("and", "&", "n/a", "na", "none", "-"):
            out.append(part)
    return out


def rag_of(text: str) -> str | None:
    """red / amber / green / blue from a RAG cell, or ``None``."""
    clean = _norm(text)
    if not clean:
        return None
    for rag, pattern in _RAG:
        if pattern.search(clean):
            return rag
    return None


def _starts_lower(text: str) -> bool:
    text = text.lstrip(" \"'‘“(")
    return bool(text) and text[0].islower()


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
        for table in self.doc.tables:
            _trim_columns(table)
            found = _find_header(table)
            if found is not None:
                idx, new_map = found
                continuing = (
                    cmap is not None and current is not None and _same_header(cmap, new_map))
                if continuing:
                    # The header repeated after a page break: rows above it (if any) and
                    # rows below it continue the plan.
                    rows = table.rows[:idx] + table.rows[idx + 1:]
                else:
                    cmap = new_map
                    current = []
                    plans.append(current)
                    rows = table.rows[idx + 1:]
                    if idx > 0:
                        table.text_before = table.text_before + [
                            r.cells[i].text for r in table.rows[:idx] for i in r.non_empty()]
                        table.heading = table.text_before[-1] if table.text_before else None
                assert current is not None and cmap is not None
                for n, row in enumerate(rows):
                    current.append(PlanRow(row, table, cmap, after_break=(n == 0 and continuing)))
                continue
            if cmap is not None and current and _continues(table, cmap, current[0].table):
                for n, row in enumerate(table.rows):
                    current.append(PlanRow(row, table, cmap, after_break=(n == 0)))
                continue
            cmap, current = None, None
            self.warn(table.index, None, "ignored: no header naming actions, leads or dates, "
                      "so this table is not read as part of the plan")
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
        inspection = _inspection(intro)
        if self.inspection_end is None and inspection and inspection.get("ended"):
            self.inspection_end = date.fromisoformat(inspection["ended"])
        if self.default_year is None:
            self.default_year = self._plan_year(plans)
        headings = {g[0].table.heading for g in plans if g and g[0].table.heading}
        for group in plans:
            self._layout(group, table_sections=len(headings) > 1)
        if not plans:
            self.warn(None, None, "no plan table was found (a header row naming actions and "
                      "leads or dates)")
        return {
            "schema": SCHEMA,
            "title": _title(intro, first_table),
            "organisation": _organisation(intro),
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
        for pr in group:
            row, cmap, table = pr.row, pr.cmap, pr.table
            if not row.non_empty():
                continue
            if _is_repeat_header(row, cmap):
                pending_break = True
                continue
            if pending_break:
                pr.after_break = True
                pending_break = False
            if table.heading and table.heading != heading:
                heading = table.heading
                if table_sections:
                    section = heading
            cells = row.cells
            sec = _section_text(row, cmap)
            if sec is not None:
                section = sec
                if cmap.first("recommendation") is None:
                    rec = None
                continue
            num_i, rec_i = cmap.first("number"), cmap.first("recommendation")
            number = _cell(cells, num_i)
            rec_cell = _cell(cells, rec_i)
            number_text = "" if number is None or number.merged else number.text
            rec_text = "" if rec_cell is None or rec_cell.merged else rec_cell.text
            if number_text and not _looks_like_ref(number_text) and not rec_text:
                # A number cell holding words alone is a section heading.
                section = number_text
                continue
            starts_rec = bool(number_text)
            joined_rec = False
            if not starts_rec and rec_text:
                if rec is not None and pr.after_break and (
                    _starts_lower(rec_text) or (not re.search(r"[.!?]$", rec.text.strip())
                    and _starts_lower(rec_text))
                ):
                    rec.text = _tidy(rec.text + " " + rec_text)
                    joined_rec = True
                else:
                    starts_rec = True
            if rec_i is None and rec is None:
                title = section or table.heading or table.sheet or f"Table {table.index}"
                rec = DraftRecommendation(None, title, section, source=(table.index, row.number))
                self.recs.append(rec)
            if starts_rec:
                ref = _clean_ref(number_text) if number_text else None
                rec = DraftRecommendation(ref, rec_text or (rec_cell.text if rec_cell else ""),
                                          section, source=(table.index, row.number))
                if not rec.text:
                    rec.text = ref or ""
                    self.warn(table.index, row.number, "a numbered row has no recommendation text")
                self.recs.append(rec)
                last_actions = []
            elif rec is None:
                self.warn(table.index, row.number, "row before the first recommendation ignored")
                continue
            del joined_rec
            for i in cmap.columns("outcome"):
                cell = _cell(cells, i)
                if cell is not None and cell.text and not cell.merged:
                    text = cell.text
                    if pr.after_break and rec.outcomes and _starts_lower(text):
                        rec.outcomes[-1] = _tidy(rec.outcomes[-1] + " " + text)
                    elif text not in rec.outcomes:
                        rec.outcomes.append(text)
            action_cell = _cell(cells, cmap.first("action"))
            action_text = action_cell.text if action_cell is not None and not (
                action_cell.merged and not starts_rec) else ""
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
            if pr.after_break and not starts_rec and actions and last_actions and _starts_lower(
                actions[0].text
            ):
                _join_actions(last_actions[-1], actions.pop(0))
            rec.actions.extend(actions)
            if actions:
                last_actions = actions
        if orphan is not None:
            self.warn(orphan.table.index, orphan.row.number,
                      "a row with a lead or date but no action was not attached to any action")

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
        partners = [p for t in partner_texts for p in split_people(t)]
        if len(owner_paras) == n and n > 1:
            for a, text in zip(actions, owner_paras, strict=True):
                a.owners = split_people(text)
        else:
            everyone = [p for t in owner_paras for p in split_people(t)]
            for a in actions:
                a.owners = list(everyone)
        for a in actions:
            a.partners = list(partners)

        # Deadlines; with no timescale column, dates found in the evidence column serve.
        for a, text in zip(actions, _spread(due_items, n, table, row, self, "dates"), strict=True):
            a.due_text = text
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
        for i in cmap.columns("rag"):
            cell = _cell(cells, i)
            if cell is not None and cell.text:
                texts = _paired(_cell_items(cell), n)
                for a, t in zip(actions, texts, strict=True):
                    a.rag = rag_of(t or "")
        for i in cmap.columns("progress"):
            cell = _cell(cells, i)
            if cell is None or not cell.text:
                continue
            items_p = _cell_items(cell)
            # A list of updates matching the actions is theirs one by one; narrative
            # paragraphs describe the whole row.
            listed = any(p.kind != "text" for p in cell.paras) or all(
                len(t.split()) <= 12 for t in items_p)
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
            d = normalise_due(a.due_text, default_year=self.default_year,
                              relative_to=self.inspection_end)
            due = d.as_dict()
            status = d.status
        if status is None and a.status_text:
            status = status_from_text(a.status_text) or _status_word(a.status_text)
        if status is None:
            for text in a.progress_items:
                status = _progress_status(text)
                if status:
                    break
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
            "updates": a.updates,
        }


# --------------------------------------------------------------------------- row helpers


def _cell(cells: list[Cell], i: int | None) -> Cell | None:
    if i is None or i >= len(cells):
        return None
    return cells[i]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _trim_columns(table: Table) -> None:
    """Drop trailing columns that are empty in every row (stray tabs, empty Excel columns)."""
    width = max((len(r.cells) for r in table.rows), default=0)
    while width > 0 and all(
        len(r.cells) < width or r.cells[width - 1].is_empty for r in table.rows
    ):
        width -= 1
    for r in table.rows:
        del r.cells[width:]


def _find_header(table: Table) -> tuple[int, ColumnMap] | None:
    for idx, row in enumerate(table.rows[:8]):
        texts = [c.text for c in row.cells]
        if header_score(texts) < 4:
            continue
        cmap = map_columns(texts)
        roles = set(cmap.roles.values())
        if ("action" in roles or "recommendation" in roles) and roles & {"owner", "due"}:
            return idx, cmap
    return None


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
        if a and b and (a == b or (len(a) > 3 and len(b) > 3 and (a.startswith(b) or b.startswith(a)))):
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
        filled[0] + 1 < len(row.cells) and row.cells[filled[0] + 1].merged
        and row.cells[filled[0] + 1].text == text
    )
    if spans:
        return text
    role = cmap.roles.get(filled[0])
    if filled[0] == 0 and role in ("number", "recommendation", None) and len(text) < 120 and (
        cell.bold or (role == "number" and not _looks_like_ref(text))
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


def _clean_ref(text: str) -> str:
    text = _tidy(text)
    text = re.sub(r"[\s.\-–—:;,№#)]+$", "", text)
    return text or _tidy(text)


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
        if role in ("owner", "due", "progress", "rag", "status", "partners") and i < len(
            pr.row.cells
        ) and i < len(orphan.row.cells) and pr.row.cells[i].is_empty:
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
            if here.is_empty:
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


def _split_partners(cell: Cell) -> tuple[list[str], list[str]]:
    """Owner paragraphs, and partner text after a "Partners:" label in the same cell."""
    owners: list[str] = []
    partners: list[str] = []
    in_partners = False
    for p in cell.paras:
        text = p.text
        if not text:
            continue
        if in_partners:
            partners.append(text)
            continue
        m = _PARTNERS_SPLIT.search(text)
        if m:
            head, tail = text[:m.start()].strip(), text[m.end():].strip()
            if head:
                owners.append(head)
            if tail:
                partners.append(tail)
            in_partners = True
        else:
            owners.append(text)
    return owners, partners


# Words that start an action in English plans: imperatives and the usual subjects.
# Used only to split a list that an extraction flattened into one run of text, and only
# as far as a parallel list of dates says there are items.
ACTION_STARTS = frozenset([
    "achieve", "agree", "align", "appoint", "arrange", "assess", "assign", "audit", "build",
    "carry", "challenge", "check", "circulate", "clarify", "commission", "communicate",
    "complete", "conduct", "confirm", "consider", "consult", "continue", "coordinate",
    "co-ordinate", "create", "deliver", "design", "develop", "devise", "distribute", "draft",
    "embed", "enable", "encourage", "engage", "enhance", "ensure", "establish", "evaluate",
    "evidence", "expand", "explore", "extend", "facilitate", "finalise", "focus", "hold",
    "identify", "implement", "improve", "include", "increase", "introduce", "investigate",
    "issue", "launch", "lead", "maintain", "map", "meet", "monitor", "move", "offer",
    "organise", "plan", "prepare", "present", "produce", "promote", "provide", "publicise",
    "publish", "recruit", "reduce", "refresh", "relaunch", "report", "re-issue", "reissue",
    "review", "revise", "roll", "run", "secure", "set", "share", "strengthen", "submit",
    "support", "test", "track", "train", "undertake", "update", "use", "work", "write", "the",
    "all", "each", "every", "managers", "staff"
])
_DETERMINERS = frozenset({"the", "all", "each", "every"})
_FUNCTION_WORDS = frozenset(
    [
        "the", "of", "and", "to", "for", "with", "in", "on", "a", "an", "by", "at", "from", "or",
        "as", "into", "within", "under", "our", "their", "its", "is", "are", "be", "will"
    ]
)


def split_flat_list(text: str, target: int = 0) -> list[str]:
    """Split a bulleted list flattened into one run of text into its items.

    Sentences first; then, while fewer items than ``target`` (the length of a parallel
    list such as the dates), at the likeliest item starts: a capitalised action word
    ("Establish", "Publicise", "The") after a word that does not lead into it.
    """
    parts = split_sentences(text)
    need = target - len(parts)
    if need <= 0:
        return parts
    candidates: list[tuple[int, int, int]] = []  # (score, part index, token index)
    tokens_of = [p.split(" ") for p in parts]
    for pi, tokens in enumerate(tokens_of):
        for ti in range(2, len(tokens) - 1):
            word, prev = tokens[ti], tokens[ti - 1]
            if not word[:1].isupper() or word.isupper():
                continue
            if prev.lower().strip(",;:") in _FUNCTION_WORDS or prev.endswith((",", ":", "-")):
                continue
            low = word.lower().strip(",.;:")
            if low not in ACTION_STARTS:
                continue
            # An action word that opens an item is followed by its object in lower case
            # ("Establish formal ..."), or is a determiner ("The Corporate Parenting ...");
            # the word before it ends the previous item rather than a title ("Action Plan").
            score = int(tokens[ti + 1][:1].islower()) + int(low in _DETERMINERS)
            score += int(not prev[:1].isupper() or prev.isupper() or prev.endswith(")"))
            if score >= 1:
                candidates.append((score, pi, ti))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen = sorted(candidates[:need], key=lambda c: (c[1], c[2]))
    out: list[str] = []
    for pi, tokens in enumerate(tokens_of):
        cuts = [0, *[ti for _, p, ti in chosen if p == pi], len(tokens)]
        out.extend(" ".join(tokens[a:b]) for a, b in itertools.pairwise(cuts) if a < b)
    return out


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
    others = sum(1 for p in paras if not p.unsplit and (p.kind != "text" or len(p.text.split()) > 3))
    for k, p in enumerate(paras):
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


def _spread(items: list[str], n: int, table: Table, row: Row, builder: PlanBuilder,
            what: str) -> list[str | None]:
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
    builder.warn(table.index, row.number,
                 f"{len(items)} {what} for {n} actions; paired in order")
    # Lists that lost their alignment usually lost it at the top (a heading or an extra
    # line above the first bullet), so the values are aligned from the last one up.
    if len(items) > n:
        extra = len(items) - n
        return [" ".join(items[: extra + 1]), *items[extra + 1:]]
    return [*([None] * (n - len(items))), *items]


def _paired(items: list[str], n: int) -> list[str | None]:
    if len(items) == n:
        return list(items)
    joined = " ".join(items)
    return [joined] * n


_STATUS_WORDS = {
    "complete": "complete", "completed": "complete", "done": "complete", "closed": "complete",
    "achieved": "complete", "in progress": "in_progress", "started": "in_progress",
    "on track": "in_progress", "ongoing": "in_progress", "not started": "not_started",
    "not yet started": "not_started", "overdue": "in_progress", "delayed": "in_progress",
}


def _status_word(text: str) -> str | None:
    return _STATUS_WORDS.get(_norm(text))


def _progress_status(text: str) -> str | None:
    """Status from a progress narrative.

    "In place" inside a long narrative usually describes a supporting process rather
    than the action itself, so only a short update counts it.
    """
    if len(text.split()) > 25:
        text = re.sub(r"\bin place\b", " ", text, flags=re.I)
    return status_from_text(text)


# --------------------------------------------------------------------------- document text


def _title(lines: list[str], table: Table | None) -> str | None:
    candidates = [ln for ln in lines if "plan" in ln.lower() and len(ln) < 120]
    if table is not None and table.heading and "plan" in table.heading.lower():
        return table.heading
    if candidates:
        return candidates[-1]
    return lines[0] if lines and len(lines[0]) < 120 else None


def _organisation(lines: list[str]) -> str | None:
    for line in lines[:60]:
        m = _ORGANISATION.search(line)
        if m:
            return m.group(0).strip()
    return None


def _inspection(lines: list[str]) -> dict[str, Any] | None:
    text = "\n".join(lines[:80])
    kind = None
    for name, pattern in _KINDS:
        if re.search(pattern, text, re.I):
            kind = name
            break
    started = ended = None
    for line in lines[:80]:
        if re.search(r"inspect|visit|ofsted", line, re.I):
            m = re.search(
                r"(?P<d1>\d{1,2})(?:\s?(?:st|nd|rd|th))?(?P<m1>\s+[A-Za-z]+\.?)?(?:\s+\d{4})?"
                r"\s*(?:-|–|to|until)\s*"
                r"(?P<end>\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+[A-Za-z]+\.?\s+\d{4})",
                line,
            )
            if m:
                end = find_dates(m["end"])
                start_text = m.group(0)[: m.start("end") - m.start()]
                start = find_dates(start_text, default_year=end[0][0].year if end else None)
                if end and not start and not m["m1"]:
                    # "12 to 23 January 2026": the start shares the end's month and year.
                    start = [(end[0][0].replace(day=int(m["d1"])), 0)]
                if end and start:
                    started, ended = start[0][0].isoformat(), end[0][0].isoformat()
                    break
    if kind is None and started is None:
        return None
    return {"kind": kind, "started": started, "ended": ended}


def build_plan(doc: Document, *, inspection_end: date | None = None
               ) -> tuple[dict[str, Any], list[ImportWarning]]:
    """Lay out a grid Document as a plan@1 dict, with warnings pointing at the source."""
    builder = PlanBuilder(doc, inspection_end=inspection_end)
    plan = builder.build()
    return plan, builder.warnings


__all__ = ["ImportWarning", "Para", "build_plan", "rag_of", "split_people", "split_sentences"]
