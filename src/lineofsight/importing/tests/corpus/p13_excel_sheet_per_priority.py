"""Excel: one sheet per priority, each titled by its priority above the header; a summary
sheet of counts to ignore."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "brackley-priorities.xlsx"
HEADER = ["Action", "Action owner", "Completion by", "Evidence of impact", "RAG status"]
SHEETS = [
    (
        "Priority 1",
        "Priority 1: Improve the timeliness of child protection conferences",
        [
            (
                "Book initial conferences within 15 working days of the strategy discussion.",
                "Child Protection Conference Manager",
                "Oct-25",
                "Timeliness above 85%",
                "Green",
            ),
            (
                "Report late conferences to the Assistant Director every week.",
                "Business Support Manager",
                "Ongoing",
                "Weekly report",
                "Green",
            ),
        ],
    ),
    (
        "Priority 2",
        "Priority 2: Make sure children in care have up-to-date health plans",
        [
            (
                "Agree a shared tracker of review health assessments with the ICB.",
                "Head of Children in Care / Designated Nurse",
                "December 2025",
                "Tracker in use",
                "Amber",
            ),
            (
                "Escalate any review health assessment overdue by a month.",
                "Designated Nurse",
                "Q4 2025/26",
                "Escalations logged",
                "Red",
            ),
        ],
    ),
]


def build() -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary.append(["Priority", "Actions", "Complete", "RAG"])
    summary.append(["Priority 1", 2, 0, "Green"])
    summary.append(["Priority 2", 2, 0, "Amber"])
    for name, title, rows in SHEETS:
        ws = wb.create_sheet(name)
        ws["A1"] = title
        ws["A1"].font = Font(bold=True)
        ws.append([])
        ws.append(HEADER)
        for row in rows:
            ws.append(list(row))
    return xlsx_bytes(wb)


_DATES = {"Oct-25": "2025-10-31", "Ongoing": None, "December 2025": "2025-12-31", "Q4 2025/26": "2026-03-31"}


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                None,
                title,
                [
                    act(
                        text,
                        owner.split(" / "),
                        due,
                        _DATES[due],
                        rag=rag.lower(),
                        measures=[measure],
                    )
                    for text, owner, due, measure, rag in rows
                ],
            )
            for _, title, rows in SHEETS
        ]
    )
