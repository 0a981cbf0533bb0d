"""The whole plan as the landscape table councils send to Ofsted, in Word and Excel.

One header row with the columns of :data:`COLUMNS`, then one row per action. The
recommendation's number, text and outcomes sit in the first row of its group (the
rows below leave them blank, as councils' own tables do), a heading the plan groups
recommendations under is a row of its own, owners are separated by " / " with key
partners after "Partners:", and each progress update is a paragraph starting with the
date it speaks for ("As of 30 April 2026: ..."). That is the shape the importer reads,
so an exported plan imports back as the same plan.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lineofsight.reports.builder import long_date, visible_updates
from lineofsight.reports.exporters.cells import set_text
from lineofsight.reports.exporters.docx import add_table, landscape_document, set_cell, shade

if TYPE_CHECKING:
    from lineofsight.plans.models import Action, Plan

COLUMNS = [
    "No.",
    "Recommendation",
    "Outcome",
    "Action",
    "Lead",
    "Timescale",
    "Measure",
    "Reported to",
    "Progress",
    "RAG",
]
# Centimetres on landscape A4 (27 cm between margins), in COLUMNS order.
DOCX_WIDTHS = [1.2, 4.2, 3.0, 4.6, 2.6, 1.9, 2.6, 2.2, 3.5, 1.2]
XLSX_WIDTHS = [7, 45, 30, 50, 28, 18, 30, 26, 60, 9]
# Word breaks a word that does not fit its column mid-word ("Timesc-ale"), so each column
# is made at least as wide as its longest word. Arial 10 pt bold averages well under
# 0.22 cm a character; a cell's padding takes about 0.4 cm.
CM_PER_CHAR = 0.22
CELL_PADDING_CM = 0.4
TABLE_WIDTH_CM = 26.7
# A word longer than this (a URL, a file path) may break rather than widen its column.
LONGEST_WORD = 24


def docx_widths(cells: list[list[str]]) -> list[float]:
    """Column widths (cm) for the Word table: :data:`DOCX_WIDTHS`, widened so no word of
    the header or of ``cells`` breaks, then narrowed where there is room to spare so the
    table still fits the landscape page."""
    longest = [max(len(word) for word in header.split()) for header in COLUMNS]
    for row in cells:
        for k, text in enumerate(row):
            for word in text.split():
                longest[k] = max(longest[k], min(len(word), LONGEST_WORD))
    minimum = [n * CM_PER_CHAR + CELL_PADDING_CM for n in longest]
    widths = [max(base, least) for base, least in zip(DOCX_WIDTHS, minimum, strict=True)]
    excess = sum(widths) - TABLE_WIDTH_CM
    spare = [width - least for width, least in zip(widths, minimum, strict=True)]
    if excess > 0 and sum(spare) > 0:
        share = min(1.0, excess / sum(spare))
        widths = [width - room * share for width, room in zip(widths, spare, strict=True)]
    return [round(width, 2) for width in widths]


RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}


@dataclass
class TableRow:
    """One row of the Ofsted table: an action row, or a heading row (``heading`` set)."""

    cells: list[str]
    rag: str = ""
    heading: str = ""


def _action_cell(action: Action) -> str:
    return f"{action.ref}) {action.text}" if action.ref else action.text


def _progress_cell(action: Action) -> str:
    parts = []
    for update in visible_updates(action):
        parts.append(f"As of {long_date(update.as_of)}: {update.text}" if update.as_of else update.text)
    return "\n".join(parts)


def _lead_cell(action: Action) -> str:
    """Owners separated by " / ", then key partners on a line of their own, as councils
    write a combined "lead and key partners" cell."""
    lead = " / ".join(action.owner_names())
    if action.partners:
        lead += ("\n" if lead else "") + "Partners: " + " / ".join(action.partners)
    return lead


def _timescale(action: Action) -> str:
    if action.due_text:
        return action.due_text
    return long_date(action.due_date) if action.due_date else ""


def plan_rows(plan: Plan) -> list[TableRow]:
    """The plan as table rows (pass a plan from ``plan_queryset()`` to save queries)."""
    rows: list[TableRow] = []
    section = ""
    for recommendation in plan.recommendations.all():
        if recommendation.section and recommendation.section != section:
            section = recommendation.section
            rows.append(TableRow([section] + [""] * (len(COLUMNS) - 1), heading=section))
        first = [recommendation.ref, recommendation.text, "\n".join(recommendation.outcomes or [])]
        actions = list(recommendation.actions.all())
        if not actions:
            rows.append(TableRow(first + [""] * (len(COLUMNS) - 3)))
        for index, action in enumerate(actions):
            rag = action.effective_rag or ""
            rows.append(
                TableRow(
                    (first if index == 0 else ["", "", ""])
                    + [
                        _action_cell(action),
                        _lead_cell(action),
                        _timescale(action),
                        "\n".join(action.measures or []),
                        "\n".join(action.body_names()),
                        _progress_cell(action),
                        RAG_WORDS.get(rag, ""),
                    ],
                    rag=rag,
                )
            )
    return rows


def _with_everything(plan: Plan) -> Plan:
    """The plan with its recommendations, actions, owners, bodies and updates prefetched
    (as ``plan_queryset()`` gives it), fetching again only when the caller did not."""
    from lineofsight.plans.interchange import plan_queryset

    if "recommendations" in getattr(plan, "_prefetched_objects_cache", {}):
        return plan
    return plan_queryset().get(pk=plan.pk)


def _heading_lines(plan: Plan) -> list[str]:
    lines = [plan.title, plan.organisation_text or plan.organisation.name]
    inspection = plan.inspection
    if inspection:
        when = ""
        if inspection.started and inspection.ended:
            when = f": {long_date(inspection.started)} to {long_date(inspection.ended)}"
        elif inspection.ended:
            when = f": {long_date(inspection.ended)}"
        lines.append(f"Ofsted {inspection.kind_label} inspection{when}")
    return lines


def export_plan_docx(plan: Plan) -> bytes:
    """The plan as a landscape Word table, ready to send to Ofsted or edit."""
    plan = _with_everything(plan)
    rows = plan_rows(plan)
    document = landscape_document()
    document.core_properties.title = plan.title
    title, *rest = _heading_lines(plan)
    document.add_heading(title, level=1)
    for line in rest:
        document.add_paragraph(line)
    table = add_table(
        document,
        COLUMNS,
        [row.cells for row in rows],
        widths=docx_widths([row.cells for row in rows if not row.heading]),
        rag_column=COLUMNS.index("RAG"),
        rags=[row.rag for row in rows],
    )
    for row, table_row in zip(rows, table.rows[1:], strict=True):
        if row.heading:
            merged = table_row.cells[0].merge(table_row.cells[-1])
            set_cell(merged, row.heading, bold=True)
            shade(merged, "DEEAF6")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def export_plan_xlsx(plan: Plan) -> bytes:
    """The plan as one Excel sheet in the Ofsted table's columns, text guarded."""
    plan = _with_everything(plan)
    rows = plan_rows(plan)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    for index, line in enumerate(_heading_lines(plan), start=1):
        cell = set_text(sheet.cell(row=index, column=1), line)
        cell.font = Font(bold=index == 1, size=14 if index == 1 else 11)
    top = len(_heading_lines(plan)) + 2
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, title in enumerate(COLUMNS, start=1):
        cell = set_text(sheet.cell(row=top, column=column), title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F3F2F1")
        cell.alignment = wrap
        sheet.column_dimensions[get_column_letter(column)].width = XLSX_WIDTHS[column - 1]
    fills = {"red": "D4351C", "amber": "FFDD00", "green": "00703C", "blue": "1D70B8"}
    for offset, row in enumerate(rows, start=1):
        number = top + offset
        if row.heading:
            cell = set_text(sheet.cell(row=number, column=1), row.heading)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DEEAF6")
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(COLUMNS))
            continue
        for column, value in enumerate(row.cells, start=1):
            if value:
                set_text(sheet.cell(row=number, column=column), value).alignment = wrap
        if row.rag in fills:
            rag_cell = sheet.cell(row=number, column=len(COLUMNS))
            rag_cell.fill = PatternFill("solid", fgColor=fills[row.rag])
            rag_cell.font = Font(bold=True, color="0B0C0C" if row.rag == "amber" else "FFFFFF")
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.print_title_rows = f"{top}:{top}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
