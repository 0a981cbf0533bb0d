"""Excel tracker: one row per action with the recommendation repeated on every row, real
Excel dates, RAG as words or as fill colour, a frozen title row and a lookups sheet."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ._kit import AMBER, GREEN, RED, act, plan, rec, xlsx_bytes

FILENAME = "eastbrook-ilacs-tracker.xlsx"
HEADER = ["Ref", "Ofsted recommendation", "Action", "Owner", "Due date", "Status", "RAG", "Latest update (Oct 2025)"]
REC_1 = "Improve the quality and timeliness of child protection visits."
REC_2 = "Increase the stability of placements for children in care."
REC_3 = "Strengthen the voice of children in their child protection conferences."
ROWS = [
    (
        "1",
        REC_1,
        "Send team managers a weekly list of overdue child protection visits.",
        "Head of Child Protection",
        datetime(2025, 9, 30),
        "Complete",
        "Green",
        "List issued every Monday since August.",
    ),
    (
        "1",
        REC_1,
        "Audit the quality of visit records in every child protection team.",
        "Head of Quality Assurance",
        datetime(2025, 12, 31),
        "In progress",
        GREEN,
        "Two teams audited.",
    ),
    (
        "2",
        REC_2,
        "Recruit twenty new foster carers through the regional hub.",
        "Fostering Service Manager",
        datetime(2026, 3, 31),
        "In progress",
        "Amber",
        "Nine carers approved.",
    ),
    (
        "2",
        REC_2,
        "Hold a stability meeting for every child with two moves in a year.",
        "Head of Children in Care",
        datetime(2025, 11, 28),
        "Not started",
        RED,
        "Terms of reference drafted.",
    ),
    (
        "3",
        REC_3,
        "Offer every child an advocate before their initial conference.",
        "Safeguarding and Quality Manager",
        datetime(2026, 1, 15),
        "On track",
        AMBER,
        "Advocacy contract extended.",
    ),
    (
        "3",
        REC_3,
        "Use a child-friendly conference report template.",
        "Child Protection Chair Lead",
        datetime(2025, 10, 1),
        "Completed",
        "Blue",
        "Template in use since 1 October.",
    ),
]


# Rows whose RAG is a fill with no word: a text copy of the plan cannot carry those.
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = tuple(row[2] for row in ROWS if row[6] in (GREEN, AMBER, RED))


def build() -> bytes:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Action tracker"
    ws["A1"] = "Eastbrook Council – ILACS improvement tracker"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    for c, text in enumerate(HEADER, 1):
        ws.cell(row=2, column=c, value=text).font = Font(bold=True)
    ws.freeze_panes = "A3"
    for r, row in enumerate(ROWS, 3):
        for c, value in enumerate(row, 1):
            if c == 7 and value in (GREEN, AMBER, RED):
                ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor=value)
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy"
    lookups = wb.create_sheet("Lookups")
    lookups.append(["Status", "RAG"])
    for pair in (["Not started", "Red"], ["In progress", "Amber"], ["Complete", "Green"], ["", "Blue"]):
        lookups.append(pair)
    return xlsx_bytes(wb)


_STATUS = {
    "Complete": "complete",
    "Completed": "complete",
    "In progress": "in_progress",
    "On track": "in_progress",
    "Not started": "not_started",
}
_RAG = {"Green": "green", "Amber": "amber", "Blue": "blue", GREEN: "green", AMBER: "amber", RED: "red"}


def expected() -> dict[str, Any]:
    recs = []
    for ref, text in (("1", REC_1), ("2", REC_2), ("3", REC_3)):
        recs.append(
            rec(
                ref,
                text,
                [
                    act(
                        row[2],
                        row[3],
                        f"{row[4].day} {row[4]:%B %Y}",
                        row[4].date().isoformat(),
                        status=_STATUS[row[5]],
                        rag=_RAG[row[6]],
                        updates=[{"as_of": "2025-10-31", "text": row[7]}],
                    )
                    for row in ROWS
                    if row[0] == ref
                ],
            )
        )
    return plan(recs)
