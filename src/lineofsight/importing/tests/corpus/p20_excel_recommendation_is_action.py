"""Excel: a short monitoring plan with no action column; each recommendation row is
itself the action, with its lead, deadline, progress and RAG."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "bramley-recommendations-tracker.xlsx"
HEADER = ["No", "Recommendation", "Lead", "Deadline", "Progress", "RAG"]
ROWS = [
    (
        "1",
        "Improve the quality of written plans for care leavers.",
        "Head of Leaving Care",
        "Jan-26",
        "New template in use.",
        "Green",
    ),
    (
        "2",
        "Increase the take-up of independent visitors.",
        "Participation Manager",
        "Apr-26",
        "Recruitment under way.",
        "Amber",
    ),
    (
        "3",
        "Make sure every child in care has an up-to-date dental check.",
        "Designated Nurse / Head of Children in Care",
        "Mar-26",
        "Not started.",
        "Red",
    ),
]


def build() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in ROWS:
        ws.append(list(row))
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    dates = {"Jan-26": "2026-01-31", "Apr-26": "2026-04-30", "Mar-26": "2026-03-31"}
    status = {"New template in use.": None, "Recruitment under way.": "in_progress", "Not started.": "not_started"}
    return plan(
        [
            rec(
                num,
                text,
                [
                    act(
                        text,
                        lead.split(" / "),
                        due,
                        dates[due],
                        status=status[progress],
                        rag=rag.lower(),
                        updates=[{"as_of": None, "text": progress}],
                    )
                ],
            )
            for num, text, lead, due, progress, rag in ROWS
        ]
    )
