"""The board pack as an Excel workbook: a sheet per section, every text cell guarded."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lineofsight.indicators.charts import to_png
from lineofsight.reports import charts
from lineofsight.reports.builder import BoardPackContent
from lineofsight.reports.exporters.cells import set_text

RAG_FILLS = {
    "red": ("D4351C", "FFFFFF"),
    "amber": ("FFDD00", "0B0C0C"),
    "green": ("00703C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
}
HEADER_FILL = PatternFill("solid", fgColor="F3F2F1")
WRAP = Alignment(wrap_text=True, vertical="top")


def write_row(sheet: Worksheet, row: int, values: Sequence[Any], *, bold: bool = False) -> None:
    """Write one row of values, text guarded against formula injection."""
    for column, value in enumerate(values, start=1):
        cell = set_text(sheet.cell(row=row, column=column), value)
        cell.alignment = WRAP
        if bold:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL


def write_table(
    sheet: Worksheet,
    top: int,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    rag_column: int | None = None,
    rags: Sequence[str] | None = None,
) -> int:
    """A header and rows from ``top``; returns the next free row."""
    write_row(sheet, top, header, bold=True)
    for index, values in enumerate(rows, start=1):
        write_row(sheet, top + index, values)
        if rag_column is not None and rags is not None and rags[index - 1] in RAG_FILLS:
            fill, colour = RAG_FILLS[rags[index - 1]]
            cell = sheet.cell(row=top + index, column=rag_column + 1)
            cell.fill = PatternFill("solid", fgColor=fill)
            cell.font = Font(bold=True, color=colour)
    return top + len(rows) + 2


def widths(sheet: Worksheet, values: Sequence[float]) -> None:
    for index, width in enumerate(values, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def export_xlsx(pack: BoardPackContent) -> bytes:
    """The pack as a workbook: Summary, Changes, Exceptions, Progress, then optional sections."""
    workbook = Workbook()
    labels = [label for _rag, label, _count in pack.overall.items()]

    summary = workbook.active
    summary.title = "Summary"
    write_row(summary, 1, [pack.title], bold=True)
    write_row(summary, 2, [f"{pack.organisation} · {'; '.join(pack.plans)}"])
    write_row(summary, 3, [f"Changes are compared with {pack.baseline.description}."])
    row = write_table(
        summary,
        5,
        ["RAG", "Actions"],
        [[label, count] for _r, label, count in pack.overall.items()] + [["Total", pack.overall.total]],
    )
    row = write_table(
        summary,
        row,
        ["Theme", *labels, "Total"],
        [[t.theme, *(c for _r, _l, c in t.counts.items()), t.counts.total] for t in pack.by_theme],
    )
    write_table(
        summary,
        row,
        ["Recommendation", *labels, "Total"],
        [[b.heading, *(c for _r, _l, c in b.counts.items()), b.counts.total] for b in pack.by_recommendation],
    )
    widths(summary, [60, 10, 10, 10, 10, 10, 10])
    if pack.overall.total:
        image = Image(io.BytesIO(to_png(charts.rag_summary_chart(pack))))
        image.width, image.height = image.width / 2, image.height / 2
        summary.add_image(image, "I5")

    changes = workbook.create_sheet("Changes")
    write_row(changes, 1, [f"Compared with {pack.baseline.description}"], bold=True)
    write_table(
        changes,
        3,
        ["Change", "Action", "Action text", "Was", "Now"],
        [[c.kind_label, c.action_label, c.action_text, c.before, c.after] for c in pack.changes],
    )
    widths(changes, [22, 10, 60, 30, 60])

    exceptions = workbook.create_sheet("Exceptions")
    write_table(
        exceptions,
        1,
        ["Action", "Action text", "Lead", "Timescale", "RAG", "Why it is here", "Why this RAG"],
        [
            [
                e.action.label,
                e.action.text,
                " / ".join(e.action.owners),
                e.action.due,
                e.action.rag_label,
                "; ".join(e.reasons),
                e.action.rag_reason,
            ]
            for e in pack.exceptions
        ],
        rag_column=4,
        rags=[e.action.rag for e in pack.exceptions],
    )
    widths(exceptions, [10, 60, 30, 20, 10, 40, 40])

    progress = workbook.create_sheet("Progress")
    rows = []
    rags = []
    for block in pack.by_recommendation:
        updates: dict[str, list[str]] = {}
        for update in block.updates:
            when = f"{update.as_of:%d/%m/%Y}: " if update.as_of else ""
            updates.setdefault(update.action_label, []).append(when + update.text)
        for line in block.actions:
            rows.append(
                [
                    block.ref,
                    block.text,
                    block.theme,
                    line.label,
                    line.text,
                    " / ".join(line.owners),
                    line.due,
                    line.status_label,
                    line.rag_label,
                    "\n\n".join(updates.get(line.label, [])),
                ]
            )
            rags.append(line.rag)
    write_table(
        progress,
        1,
        ["No.", "Recommendation", "Theme", "Action", "Action text", "Lead", "Timescale", "Status", "RAG", "Progress"],
        rows,
        rag_column=8,
        rags=rags,
    )
    widths(progress, [8, 40, 18, 8, 50, 28, 16, 14, 10, 60])
    progress.freeze_panes = "A2"

    for section in pack.sections:
        sheet = workbook.create_sheet(section.title[:31])
        write_row(sheet, 1, [section.intro], bold=True)
        row = write_table(sheet, 3, section.columns, section.rows)
        for series in section.series:
            row = write_table(
                sheet, row, [series.title, series.unit or "Value"], [[p.label, p.value] for p in series.points]
            )
        widths(sheet, [40] + [14] * (len(section.columns) - 1))
        anchor_row = 3
        for series in section.series:
            image = Image(io.BytesIO(to_png(charts.trend_chart(series))))
            image.width, image.height = image.width / 2, image.height / 2
            sheet.add_image(image, f"{get_column_letter(len(section.columns) + 2)}{anchor_row}")
            anchor_row += 14

    for sheet in workbook.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
