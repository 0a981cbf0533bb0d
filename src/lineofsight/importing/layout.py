"""Layout step: from a grid :class:`~.grid.Document` to a lineofsight/plan@1 dict.

The steps, each a rule that makes sense for a plan we have never seen, each a module:

1. :mod:`.tables` finds each table's header row by its words (:mod:`.columns`), or a
   two-row header (a group cell over its sub-headers); tables without one are not plans
   (budgets, staffing, glossaries) unless they continue the plan table before them
   across a page break. A workbook's next sheet with the same header is the next part
   of the plan, titled by the lines above its header. With no action column, the
   unnamed column with the most text holds the actions, else each recommendation row is
   its own action.
2. :mod:`.walker` walks the rows: a filled number (or, with no number column,
   recommendation) cell starts a recommendation; a row with one filled or merged-across
   cell is a section heading; repeated headers are dropped; other rows continue the
   current recommendation.
3. :mod:`.handlers`, one per column type and registered next to the column synonyms in
   :data:`.columns.COLUMNS`, fill each row's actions from its cells: the action cell
   split into actions (one per bullet, lettered item or paragraph) and paired, in order,
   with parallel lists in the lead, date, progress and RAG cells.

This module groups the plan tables (:class:`PlanBuilder`) and turns the drafts
(:mod:`.drafts`) into plan@1: deadlines normalised, and the status from the date cell,
the status cell or the latest progress update.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from .columns import ColumnMap
from .deadlines import find_dates, normalise_due, status_from_text
from .drafts import DraftAction, DraftRecommendation, ImportWarning, PlanRow
from .grid import Document, Table
from .preamble import inspection_of, organisation_of, title_of
from .tables import (
    continues,
    find_header,
    same_header,
    spanned_number_column,
    trim_columns,
    with_action_column,
    with_number_column,
    with_recommendation_column,
)
from .text import norm as _norm
from .text import rag_of, split_people, split_sentences
from .walker import RowWalker

SCHEMA = "lineofsight/plan@1"


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
            trim_columns(table)
            found = find_header(table)
            if found is not None:
                idx, end, new_map = found
                continuing = cmap is not None and current is not None and same_header(cmap, new_map)
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
                        body = table.rows[end:]
                        cmap = with_action_column(new_map, body)
                        cmap = with_number_column(with_recommendation_column(cmap, body), body)
                        cmap = spanned_number_column(cmap, body)
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
                and continues(table, cmap, plan_table)
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
            RowWalker(self.recs, self.warn, table_sections=len(headings) > 1).walk(group)
        self.recs = _merge_numbered_actions(self.recs)
        self._warn_of_lost_colours(plans)
        if not plans:
            self.warn(None, None, "no plan table was found (a header row naming actions and leads or dates)")
        return {
            "schema": SCHEMA,
            "title": title_of(intro, first_table),
            "organisation": organisation_of(intro),
            "inspection": inspection,
            "recommendations": [self._rec_dict(r) for r in self.recs],
        }

    def _warn_of_lost_colours(self, plans: list[list[PlanRow]]) -> None:
        """Say so when a RAG column is empty for some actions of a plan read from text:
        the original may show those RAGs only as a colour, which text cannot carry."""
        if self.doc.shows_colour or not any(pr.cmap.columns("rag") for group in plans for pr in group):
            return
        places = [
            f"{rec.ref or n + 1}.{k + 1}"
            for n, rec in enumerate(self.recs)
            for k, action in enumerate(rec.actions)
            if action.rag is None
        ]
        if not places:
            return
        total = sum(len(rec.actions) for rec in self.recs)
        shown = ", ".join(places[:8]) + (", ..." if len(places) > 8 else "")
        self.warn(
            None,
            None,
            f"the RAG column is empty for {len(places)} of {total} actions (recommendation.action: {shown}); "
            "text keeps no cell colours, so if the original shows RAG as a colour, upload the Word, Excel "
            "or PDF version, or set each RAG in the preview",
        )

    def _plan_year(self, plans: list[list[PlanRow]]) -> int | None:
        years: Counter[int] = Counter()
        for group in plans:
            for pr in group:
                for i in pr.cmap.columns("due"):
                    if i < len(pr.row.cells):
                        for d, _ in find_dates(pr.row.cells[i].text):
                            years[d.year] += 1
        return years.most_common(1)[0][0] if years else None

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


# --------------------------------------------------------------------------- output rules


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


__all__ = [
    "DraftAction",
    "DraftRecommendation",
    "ImportWarning",
    "PlanBuilder",
    "build_plan",
    "rag_of",
    "split_people",
    "split_sentences",
]
