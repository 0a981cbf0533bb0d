"""Excel plan after an ILACS whose header sits under title rows, with named owners and roles
("Jane Doe (Head of Service, CIN)"), several owners on separate lines, and unnumbered
recommendations merged down their action rows."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "Kestrel Vale ILACS plan.xlsx"

HEAD = ["Ofsted recommendation", "What we will do", "Who", "When", "How we will know", "RAG"]

R1 = "Improve the timeliness of assessments for children in need of help and protection."
R2 = "Strengthen the quality of return home conversations for children who go missing."

ROWS = [
    [
        R1,
        "Recruit an additional assessment team for 12 months.",
        "Jane Doe (Head of Service, CIN)",
        "End Q1 2026-27",
        "Assessments completed within 45 days above 85%",
        "Amber",
    ],
    [
        None,
        "Introduce weekly performance clinics with team managers.",
        "Jane Doe (Head of Service, CIN)\nAmir Khan (Performance Lead)",
        "December 2025 – ongoing",
        "Weekly clinic notes",
        "Green",
    ],
    [
        R2,
        "Retrain the missing children's workers in trauma-informed conversations.",
        "Lucy Ward (Exploitation Manager)",
        "Spring term 2026",
        "Audit of return conversations",
        "Green",
    ],
    [
        None,
        "Include missing episodes in the weekly risk meeting agenda.",
        "Lucy Ward (Exploitation Manager)\nDS Tom Reid (Missing Persons Unit)",
        "Complete",
        "Risk meeting minutes",
        "Green",
    ],
]


def build() -> bytes:
    """The workbook as the council would send it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "ILACS plan"
    ws["A1"] = "Kestrel Vale Council"
    ws["A2"] = "Improvement plan following the inspection of local authority children's services (ILACS)"
    ws["A2"].font = Font(bold=True)
    ws["A3"] = "Inspection dates: 24 November to 5 December 2025"
    for col, head in enumerate(HEAD, start=1):
        ws.cell(row=5, column=col, value=head).font = Font(bold=True)
    for r, values in enumerate(ROWS, start=6):
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A6:A7")
    ws.merge_cells("A8:A9")
    return xlsx_bytes(wb)


EXPECTED = plan(
    "Improvement plan following the inspection of local authority children's services (ILACS)",
    "Kestrel Vale Council",
    "ILACS",
    "2025-11-24",
    "2025-12-05",
    [
        rec(
            None,
            R1,
            [
                # Q1 of the financial year 2026-27 is April to June 2026.
                act(
                    "Recruit an additional assessment team for 12 months.",
                    ["Jane Doe (Head of Service, CIN)"],
                    ("End Q1 2026-27", "2026-06-30"),
                    rag="amber",
                    measures=["Assessments completed within 45 days above 85%"],
                ),
                # "– ongoing" says the work has no end, not how far it has got: no status
                # (plan-format.md; this answer said in progress until the rule was settled).
                act(
                    "Introduce weekly performance clinics with team managers.",
                    ["Jane Doe (Head of Service, CIN)", "Amir Khan (Performance Lead)"],
                    ("December 2025 – ongoing", "2025-12-31"),
                    rag="green",
                    measures=["Weekly clinic notes"],
                ),
            ],
        ),
        rec(
            None,
            R2,
            [
                act(
                    "Retrain the missing children's workers in trauma-informed conversations.",
                    ["Lucy Ward (Exploitation Manager)"],
                    ("Spring term 2026", "2026-05-31"),
                    rag="green",
                    measures=["Audit of return conversations"],
                ),
                act(
                    "Include missing episodes in the weekly risk meeting agenda.",
                    ["Lucy Ward (Exploitation Manager)", "DS Tom Reid (Missing Persons Unit)"],
                    ("Complete", None),
                    status="complete",
                    rag="green",
                    measures=["Risk meeting minutes"],
                ),
            ],
        ),
    ],
)
