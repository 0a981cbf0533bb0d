"""Excel: recommendation cells merged down their actions; deadlines typed as text in the
forms councils use (financial quarters, week commencing, "End of", "Mar-26", dd/mm/yyyy)."""

from __future__ import annotations

from typing import Any

from ._kit import AMBER, GREEN, act, plan, rec, xlsx_bytes

FILENAME = "westholme-action-plan.xlsx"
HEADER = ["Rec No.", "Recommendation", "Action", "Lead Officer", "Timescale", "RAG"]
REC_1 = "Children subject to pre-proceedings do not always have timely plans."
REC_2 = "The virtual school's oversight of personal education plans is not strong enough."
ROWS = [
    (
        "1",
        REC_1,
        "Track every pre-proceedings case at the legal gateway panel.",
        "Head of Service, Court and Permanence",
        "Q3 2025/26",
        "G",
    ),
    (
        "",
        "",
        "Write a practice standard for letters before proceedings.",
        "Principal Social Worker",
        "w/c 5 Jan 2026",
        GREEN,
    ),
    (
        "",
        "",
        "Review every case in pre-proceedings for longer than 16 weeks.",
        "Head of Legal Services / Head of Service, Court and Permanence",
        "End of March 2026",
        "A",
    ),
    (
        "2",
        REC_2,
        "Quality assure every personal education plan each term.",
        "Virtual School Headteacher",
        "Mar-26",
        AMBER,
    ),
    (
        "",
        "",
        "Publish a termly report on attendance of children in care.",
        "Virtual School Headteacher",
        "31/03/2026",
        "R",
    ),
    (
        "",
        "",
        "Train designated teachers in writing personal education plan targets.",
        "Virtual School Deputy Headteacher",
        "Q4 25/26",
        "Amber",
    ),
]


# Rows whose RAG is a fill with no word: a text copy of the plan cannot carry those.
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = tuple(row[2] for row in ROWS if row[5] in (GREEN, AMBER))


def build() -> bytes:
    import openpyxl
    from openpyxl.styles import Font, PatternFill

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Westholme Council"
    ws["A2"] = "Improvement plan following the ILACS inspection, 1 to 12 September 2025"
    for c, text in enumerate(HEADER, 1):
        ws.cell(row=4, column=c, value=text).font = Font(bold=True)
    for r, row in enumerate(ROWS, 5):
        for c, value in enumerate(row, 1):
            if c == 6 and value in (GREEN, AMBER):
                ws.cell(row=r, column=c).fill = PatternFill("solid", fgColor=value)
            elif value:
                ws.cell(row=r, column=c, value=value)
    ws.merge_cells("A5:A7")
    ws.merge_cells("B5:B7")
    ws.merge_cells("A8:A10")
    ws.merge_cells("B8:B10")
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    dates = ["2025-12-31", "2026-01-11", "2026-03-31", "2026-03-31", "2026-03-31", "2026-03-31"]
    rags = ["green", "green", "amber", "amber", "red", "amber"]

    def a(k: int) -> dict[str, Any]:
        row = ROWS[k]
        owners = [o.strip() for o in row[3].split(" / ")]
        return act(row[2], owners, row[4], dates[k], rag=rags[k])

    return plan(
        [rec("1", REC_1, [a(0), a(1), a(2)]), rec("2", REC_2, [a(3), a(4), a(5)])],
        organisation="Westholme Council",
        inspection={"kind": "ILACS", "started": "2025-09-01", "ended": "2025-09-12"},
    )
