"""Excel: status said in words in the timescale and progress columns ("Completed",
"Complete – evidence in folder", "Achieved", "Not yet started", "Delayed"); "Ongoing" there
gives no status (plan-format.md)."""

from __future__ import annotations

from typing import Any

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "greyhaven-monitoring-visit-tracker.xlsx"
HEADER = ["Rec no", "Recommendation", "Action", "Lead", "Timescale", "Progress to date"]
REC_1 = "Children in care do not always see their social worker alone."
REC_2 = "Leaders' quality assurance does not always identify weak practice."
ROWS = [
    # (rec no, recommendation, action, lead, timescale, progress, date, status)
    (
        "1",
        REC_1,
        "Record whether the child was seen alone on every visit form.",
        "Head of Children in Care",
        "Completed",
        "Form changed in June.",
        None,
        "complete",
    ),
    (
        "",
        "",
        "Report seen-alone rates to team managers every month.",
        "Performance Manager",
        "Complete – evidence in folder",
        "",
        None,
        "complete",
    ),
    (
        "",
        "",
        "Ask children about their visits in the annual survey.",
        "Participation Officer",
        "Achieved",
        "",
        None,
        "complete",
    ),
    # plan-format.md: "Ongoing" gives a null date and, unlike "Implemented", no status.
    ("", "", "Discuss seen-alone visits in supervision.", "Team Managers", "Ongoing", "", None, None),
    (
        "2",
        REC_2,
        "Moderate a sample of audits each month with an external auditor.",
        "Head of Quality Assurance",
        "Not yet started – planned for May 2026",
        "",
        "2026-05-31",
        "not_started",
    ),
    (
        "",
        "",
        "Rewrite the quality assurance framework.",
        "Head of Quality Assurance",
        "Delayed – now June 2026",
        "Draft with legal.",
        "2026-06-30",
        "in_progress",
    ),
    (
        "",
        "",
        "Publish a learning briefing after each audit cycle.",
        "Principal Social Worker",
        "April 2026",
        "On track",
        "2026-04-30",
        "in_progress",
    ),
    (
        "",
        "",
        "Run a practice week for senior leaders.",
        "Assistant Director",
        "March 2026",
        "Not yet started",
        "2026-03-31",
        "not_started",
    ),
]


def build() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MV tracker"
    ws.append(["Greyhaven Council: monitoring visit action tracker"])
    ws.append([])
    ws.append(HEADER)
    for row in ROWS:
        ws.append([v or None for v in row[:6]])
    return xlsx_bytes(wb)


def expected() -> dict[str, Any]:
    def a(row: tuple[str | None, ...]) -> dict[str, Any]:
        return act(
            row[2], row[3], row[4], row[6], status=row[7], updates=[{"as_of": None, "text": row[5]}] if row[5] else []
        )

    return plan([rec("1", REC_1, [a(r) for r in ROWS[:4]]), rec("2", REC_2, [a(r) for r in ROWS[4:]])])
