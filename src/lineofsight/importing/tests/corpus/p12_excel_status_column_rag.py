"""Excel: plain-English headers ("Improvement area", "Key tasks", "Lead(s)", "Target"),
RAG written in a "Current status" column, several leads on lines of one cell, and no
recommendation numbers."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "southwick-improvement-tracker.xlsx"
HEADER = ["Improvement area", "Key tasks", "Lead(s)", "Target", "Current status", "Latest position"]
AREA_1 = "Thresholds for stepping cases up and down between early help and social care"
AREA_2 = "Permanence planning for children in care"
ROWS = [
    (
        AREA_1,
        "Refresh the threshold document with partners.",
        "Head of Early Help\nHead of MASH",
        "Nov-25",
        "Complete",
        "Published in November.",
    ),
    (
        None,
        "Hold a monthly step-up and step-down panel.",
        "Early Help Manager",
        "Jan-26",
        "Green",
        "Panel meets monthly.",
    ),
    (
        None,
        "Audit fifteen stepped-down cases each quarter.",
        "Quality Assurance Manager",
        "31/03/26",
        "Amber",
        "First audit planned.",
    ),
    (
        AREA_2,
        "Track every child's permanence plan at a monthly panel.",
        "Head of Children in Care",
        "Dec-25",
        "Blue – closed",
        "Panel established.",
    ),
    (
        None,
        "Train social workers in later life letters.",
        "Principal Social Worker",
        "Spring 2026",
        "Red",
        "Trainer not yet found.",
    ),
]


def build() -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(["Southwick Council children's services improvement tracker"])
    ws.append(["Updated monthly for the Improvement Board"])
    ws.append([])
    ws.append(HEADER)
    for c in range(1, len(HEADER) + 1):
        ws.cell(row=4, column=c).font = Font(bold=True)
    for row in ROWS:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True)
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    def a(row: tuple[Any, ...], date: str, status: str | None, rag: str) -> dict[str, Any]:
        return act(
            row[1], row[2].split("\n"), row[3], date, status=status, rag=rag, updates=[{"as_of": None, "text": row[5]}]
        )

    return plan(
        [
            rec(
                None,
                AREA_1,
                [
                    a(ROWS[0], "2025-11-30", "complete", None),
                    a(ROWS[1], "2026-01-31", None, "green"),
                    a(ROWS[2], "2026-03-31", None, "amber"),
                ],
            ),
            rec(None, AREA_2, [a(ROWS[3], "2025-12-31", "complete", "blue"), a(ROWS[4], "2026-05-31", None, "red")]),
        ]
    )
