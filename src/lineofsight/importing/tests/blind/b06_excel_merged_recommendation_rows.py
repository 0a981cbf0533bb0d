"""Excel plan after a monitoring visit: each recommendation is a merged full-width coloured
row, and numbered actions ("1.1") follow it."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "MV action plan March 2026.xlsx"

HEAD = ["No.", "Action", "Responsible", "Deadline", "Status", "Comments"]

R1 = "Strengthen the response to children at risk of criminal exploitation."
R2 = "Improve the timeliness of pre-proceedings work so that children do not experience delay."
R3 = "Senior leaders should ensure that the local offer for care leavers is published and understood."

LINES = [
    "Recommendation 1: " + R1,
    [
        "1.1",
        "Launch a contextual safeguarding panel with police and youth justice.",
        "Head of Youth Justice",
        "30/06/2026",
        "Not started",
        "",
    ],
    [
        "1.2",
        "Map all children open to the service who are missing from education.",
        "Virtual School Head / Education Welfare Manager",
        "May 2026",
        "In progress",
        "Data match with schools agreed.",
    ],
    "Recommendation 2: " + R2,
    [
        "2.1",
        "Introduce a legal gateway tracker reviewed fortnightly by the Head of Service.",
        "Head of Service, Court and Permanence",
        "Apr 2026",
        "Complete",
        "",
    ],
    [
        "2.2",
        "Set a 16-week target for completing pre-proceedings.",
        "Legal Services Manager + Head of Service, Court and Permanence",
        "End Q2 2026-27",
        "In progress",
        "",
    ],
    [
        "2.3",
        "Train social workers on letters before proceedings written for parents.",
        "Principal Social Worker",
        "By September",
        "Not started",
        "Trainer commissioned.",
    ],
    "Recommendation 3: " + R3,
    [
        "3.1",
        "Publish an updated local offer co-produced with the Children in Care Council.",
        "Head of Leaving Care",
        "Jul 26",
        "In progress",
        "",
    ],
]


def build() -> bytes:
    """The workbook as the council would send it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "Kestrel Vale – post monitoring visit action plan (visit 3–4 March 2026)"
    ws["A1"].font = Font(bold=True, size=14)
    for col, head in enumerate(HEAD, start=1):
        ws.cell(row=3, column=col, value=head).font = Font(bold=True)
    r = 4
    for line in LINES:
        if isinstance(line, str):
            ws.cell(row=r, column=1, value=line).font = Font(bold=True)
            ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor="FCE4D6")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(HEAD))
        else:
            for col, value in enumerate(line, start=1):
                ws.cell(row=r, column=col, value=value or None)
        r += 1
    return xlsx_bytes(wb)


EXPECTED = plan(
    "Kestrel Vale – post monitoring visit action plan (visit 3–4 March 2026)",
    "Kestrel Vale Council",
    "Monitoring visit",
    "2026-03-03",
    "2026-03-04",
    [
        # No recommendation column, so each full-width row is a heading that becomes a
        # recommendation "whose text is that heading and whose ref is null" (plan-format.md).
        # First written as ref "1" with the label stripped; corrected to the format's rule.
        rec(
            None,
            "Recommendation 1: " + R1,
            [
                act(
                    "Launch a contextual safeguarding panel with police and youth justice.",
                    ["Head of Youth Justice"],
                    ("30/06/2026", "2026-06-30"),
                    ref="1.1",
                    status="not_started",
                ),
                act(
                    "Map all children open to the service who are missing from education.",
                    ["Virtual School Head", "Education Welfare Manager"],
                    ("May 2026", "2026-05-31"),
                    ref="1.2",
                    status="in_progress",
                    updates=[(None, "Data match with schools agreed.")],
                ),
            ],
        ),
        rec(
            None,
            "Recommendation 2: " + R2,
            [
                act(
                    "Introduce a legal gateway tracker reviewed fortnightly by the Head of Service.",
                    ["Head of Service, Court and Permanence"],
                    ("Apr 2026", "2026-04-30"),
                    ref="2.1",
                    status="complete",
                ),
                act(
                    "Set a 16-week target for completing pre-proceedings.",
                    ["Legal Services Manager", "Head of Service, Court and Permanence"],
                    ("End Q2 2026-27", "2026-09-30"),
                    ref="2.2",
                    status="in_progress",
                ),
                # A month without a year takes the plan's year (the visit was in March 2026).
                act(
                    "Train social workers on letters before proceedings written for parents.",
                    ["Principal Social Worker"],
                    ("By September", "2026-09-30"),
                    ref="2.3",
                    status="not_started",
                    updates=[(None, "Trainer commissioned.")],
                ),
            ],
        ),
        rec(
            None,
            "Recommendation 3: " + R3,
            [
                act(
                    "Publish an updated local offer co-produced with the Children in Care Council.",
                    ["Head of Leaving Care"],
                    ("Jul 26", "2026-07-31"),
                    ref="3.1",
                    status="in_progress",
                ),
            ],
        ),
    ],
)
