"""Word: priority bands spanning the table; numbered actions 1.1, 1.2 under recommendation 1."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "kingsmere-monitoring-visit-plan.docx"
HEADER = ["Ref", "Recommendation", "Actions", "Lead", "Target date", "Status"]
BAND_1 = "Priority 1 – within 3 months"
BAND_2 = "Priority 2 – within 6 months"
REC_1 = "Strategy discussions do not always include all relevant partners."
REC_2 = "Children's plans are not always specific about who will do what and by when."
REC_3 = "Leaders do not have a clear enough picture of the quality of practice."
ROWS: list[tuple[str, ...]] = [
    ("band", BAND_1),
    ("1", REC_1),
    ("1.1", "", "Issue joint guidance on who attends a strategy discussion.", "Head of MASH", "May 2025", "Complete"),
    (
        "1.2",
        "",
        "Add police and health attendance to the weekly front door report.",
        "MASH Manager",
        "June 2025",
        "In progress",
    ),
    ("2", REC_2),
    (
        "2.1",
        "",
        "Launch a plan template with SMART outcomes for every child in need.",
        "Principal Social Worker",
        "Within 3 months",
        "In progress",
    ),
    (
        "2.2",
        "",
        "Dip sample ten plans a month and feed findings back to teams.",
        "Head of Quality Assurance",
        "July 2025",
        "Not started",
    ),
    ("band", BAND_2),
    ("3", REC_3),
    (
        "3.1",
        "",
        "Publish a quarterly practice quality report to the Improvement Board.",
        "Director of Children's Services",
        "September 2025",
        "Not started",
    ),
    (
        "3.2",
        "",
        "Hold practice weeks in which senior leaders observe practice.",
        "Assistant Director, Social Care",
        "Autumn 2025",
        "Not started",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Kingsmere Borough Council")
    d.add_paragraph("Children's services improvement plan following the monitoring visit")
    d.add_paragraph("Monitoring visit: 4 – 5 March 2025")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, row in enumerate(ROWS, 1):
        if row[0] == "band":
            band = t.cell(r, 0).merge(t.cell(r, len(HEADER) - 1))
            set_cell(band, row[1], bold=True)
            continue
        for c, text in enumerate(row):
            if text:
                set_cell(t.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    def a(k: int, date: str | None, status: str) -> dict[str, Any]:
        row = ROWS[k]
        return act(row[2], row[3], row[4], date, status=status, ref=row[0])

    return plan(
        [
            rec("1", REC_1, [a(2, "2025-05-31", "complete"), a(3, "2025-06-30", "in_progress")], section=BAND_1),
            rec("2", REC_2, [a(5, "2025-06-05", "in_progress"), a(6, "2025-07-31", "not_started")], section=BAND_1),
            rec("3", REC_3, [a(9, "2025-09-30", "not_started"), a(10, "2025-11-30", "not_started")], section=BAND_2),
        ],
        organisation="Kingsmere Borough Council",
        inspection={"kind": "Monitoring visit", "started": "2025-03-04", "ended": "2025-03-05"},
    )
