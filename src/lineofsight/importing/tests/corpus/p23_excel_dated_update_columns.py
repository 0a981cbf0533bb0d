"""Excel: a tracker whose monthly update columns are headed by the review date itself
(real Excel dates), with the latest update saying where each action is."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "kelsall-jtai-tracker.xlsx"
HEADER = [
    "Action ref",
    "JTAI area for improvement",
    "Action",
    "Lead agency",
    "Due",
    datetime(2025, 9, 30),
    datetime(2025, 11, 28),
    "Overall RAG",
]
AREA_1 = "Information sharing between schools and the front door about children at risk."
AREA_2 = "Recognition of neglect by universal services."
ROWS = [
    (
        "1.1",
        AREA_1,
        "Agree a schools referral form with the education safeguarding team.",
        "Local authority",
        "Oct-25",
        "Draft agreed.",
        "Completed.",
        "Blue",
    ),
    (
        "1.2",
        AREA_1,
        "Train school designated leads in the new referral route.",
        "Education / Local authority",
        "Dec-25",
        "Not started.",
        "Started: two sessions held.",
        "Green",
    ),
    (
        "2.1",
        AREA_2,
        "Roll out a neglect screening tool to health visitors.",
        "ICB",
        "Jan-26",
        "Not started.",
        "Delayed by tool licensing.",
        "Red",
    ),
]


def build() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "JTAI tracker"
    ws.append(["Kelsall Safeguarding Children Partnership – JTAI improvement tracker"])
    ws.append(HEADER)
    for c in (6, 7):
        ws.cell(row=2, column=c).number_format = "dd/mm/yyyy"
    for row in ROWS:
        ws.append(list(row))
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    dates = {"Oct-25": "2025-10-31", "Dec-25": "2025-12-31", "Jan-26": "2026-01-31"}
    status = ["complete", "in_progress", "in_progress"]

    def a(k: int) -> dict[str, Any]:
        row = ROWS[k]
        return act(
            row[2],
            row[3].split(" / "),
            row[4],
            dates[row[4]],
            status=status[k],
            rag=row[7].lower(),
            ref=row[0],
            updates=[{"as_of": "2025-09-30", "text": row[5]}, {"as_of": "2025-11-28", "text": row[6]}],
        )

    return plan([rec(None, AREA_1, [a(0), a(1)]), rec(None, AREA_2, [a(2)])])
