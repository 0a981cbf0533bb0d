"""Excel: one "Ref" column numbering actions 1.1, 1.2 with the recommendation's text
repeated on each of its rows, an action typed on into the next row, and a hidden sheet."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "ashworth-action-tracker.xlsx"
HEADER = ["Ref", "Recommendation", "Action", "Responsible", "Deadline", "Status"]
REC_1 = "Improve the quality of child protection plans."
REC_2 = "Improve the sufficiency of foster carers for sibling groups."
ROWS = [
    ("1.1", REC_1, "Introduce a child protection plan template that says", "Head of CP", "Jan 2026", "In progress"),
    (None, None, "what will change for the child and by when.", None, None, None),
    ("1.2", REC_1, "Audit ten child protection plans a month.", "QA Manager", "Feb 2026", "Not started"),
    (
        "2.1",
        REC_2,
        "Launch a recruitment campaign for carers of sibling groups.",
        "Fostering Manager",
        "Mar 2026",
        "Complete",
    ),
]


def build() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    hidden = wb.create_sheet("Old version")
    hidden.append(HEADER)
    hidden.append(["9.9", "An old recommendation.", "An old action.", "Nobody", "Jan 2020", ""])
    hidden.sheet_state = "hidden"
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(
                        "Introduce a child protection plan template that says what will change for "
                        "the child and by when.",
                        "Head of CP",
                        "Jan 2026",
                        "2026-01-31",
                        status="in_progress",
                        ref="1.1",
                    ),
                    act(ROWS[2][2], "QA Manager", "Feb 2026", "2026-02-28", status="not_started", ref="1.2"),
                ],
            ),
            # The plan numbers actions, so "2.1" is action 1 of recommendation 2.
            rec(
                "2",
                REC_2,
                [act(ROWS[3][2], "Fostering Manager", "Mar 2026", "2026-03-31", status="complete", ref="2.1")],
            ),
        ]
    )
