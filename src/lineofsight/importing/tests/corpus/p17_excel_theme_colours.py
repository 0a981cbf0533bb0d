"""Excel: RAG as fill picked from Excel's theme and standard palettes (no words), refs
printed as "Recommendation 1", and dates typed as "03/2026", "31-03-2026" or "onwards"."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "pellow-ilacs-tracker.xlsx"

# The RAG is a cell's colour with no word, so a text copy of the plan cannot carry it
# (test_rendered_corpus scores text renderings without it).
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = True
HEADER = ["Rec", "Recommendation", "Action", "Responsible officer", "Target date", "Status", "RAG"]
REC_1 = "Children's experiences of moving between social workers are not well managed."
REC_2 = "Too few children have an up-to-date life story."
# (rec, recommendation, action, officer, target, status, fill) with fill as
# ("theme", index, tint) or ("indexed", index). openpyxl writes the Office theme, whose
# accent 3 (index 6) is green, accent 6 (index 9) orange and indexed colour 10 red.
ROWS = [
    (
        "Recommendation 1",
        REC_1,
        "Introduce a transfer meeting with the child for every change of social worker.",
        "Head of Service, Locality Teams",
        "03/2026",
        "Started",
        ("theme", 6, 0.0),
    ),
    (
        "Recommendation 1",
        REC_1,
        "Report the number of social worker changes per child to the Improvement Board.",
        "Performance Manager",
        "September 2025 onwards",
        "Started",
        ("theme", 6, -0.25),
    ),
    (
        "Recommendation 2",
        REC_2,
        "Train two life story workers in every children in care team.",
        "Head of Children in Care",
        "31-03-2026",
        "Not Started",
        ("indexed", 10),
    ),
    (
        "Recommendation 2",
        REC_2,
        "Audit life story work for children placed for adoption.",
        "Adoption Manager",
        "12/2025",
        "Started",
        ("theme", 9, 0.4),
    ),
]


def build() -> bytes:
    import openpyxl
    from openpyxl.styles import Color, Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ILACS"
    ws.append(["Pellow Borough Council – ILACS improvement tracker"])
    ws.append(HEADER)
    for c in range(1, len(HEADER) + 1):
        ws.cell(row=2, column=c).font = Font(bold=True)
    for row in ROWS:
        ws.append(list(row[:6]))
        fill = row[6]
        colour = Color(theme=fill[1], tint=fill[2]) if fill[0] == "theme" else Color(indexed=fill[1])
        ws.cell(row=ws.max_row, column=7).fill = PatternFill("solid", fgColor=colour)
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    dates = ["2026-03-31", None, "2026-03-31", "2025-12-31"]
    status = ["in_progress", "in_progress", "not_started", "in_progress"]
    rags = ["green", "green", "red", "amber"]

    def a(k: int) -> dict[str, Any]:
        row = ROWS[k]
        return act(row[2], row[3], row[4], dates[k], status=status[k], rag=rags[k])

    return plan([rec("1", REC_1, [a(0), a(1)]), rec("2", REC_2, [a(2), a(3)])])
