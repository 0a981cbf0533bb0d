"""Excel tracker after a focused visit: RAG is the first column, recommendations are lettered
("a."), the owner cell names partners after "Partners:", and there are two dated update
columns."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "FV tracker Jan 2026.xlsx"

HEAD = ["RAG", "Ref", "Area for development", "Action", "Owner", "Due", "Update March 2026", "Update May 2026"]

RA = "The early help offer is not well understood by partner agencies."
RB = "Step-down from social care to early help is not always timely."
ROWS = [
    [
        "G",
        "a.",
        RA,
        "Publish an early help guide for partners",
        "Head of Early Help\nPartners: Schools; Health visiting",
        "Apr 26",
        "Draft guide with partners for comment.",
        "Published 28 April.",
    ],
    [
        "A",
        None,
        None,
        "Train 200 partner staff in early help assessments",
        "Early Help Training Officer",
        "Autumn term 2026",
        "Training dates set.",
        "64 staff trained.",
    ],
    [
        "R",
        "b.",
        RB,
        "Introduce a step-down meeting within 5 working days of case closure",
        "Head of Early Help / Head of Service, CIN",
        "31.03.26",
        "Pilot in two teams.",
        "Delayed by staffing.",
    ],
    [
        "B",
        None,
        None,
        "Review all step-down cases closed in the last six months",
        "QA Manager",
        "Complete",
        "Review finished; findings to board.",
        None,
    ],
]


def build() -> bytes:
    """The workbook as the council would send it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws["A1"] = "Kestrel Vale Children's Services – focused visit improvement tracker"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:H1")
    ws["A2"] = "Focused visit 20–21 January 2026"
    ws.merge_cells("A2:H2")
    for col, head in enumerate(HEAD, start=1):
        ws.cell(row=3, column=col, value=head).font = Font(bold=True)
    for r, values in enumerate(ROWS, start=4):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=value)
    return xlsx_bytes(wb)


M, MAY = "2026-03-31", "2026-05-31"
EXPECTED = plan(
    "Kestrel Vale Children's Services – focused visit improvement tracker",
    "Kestrel Vale Council",
    "Focused visit",
    "2026-01-20",
    "2026-01-21",
    [
        rec(
            "a",
            RA,
            [
                act(
                    "Publish an early help guide for partners",
                    ["Head of Early Help"],
                    ("Apr 26", "2026-04-30"),
                    rag="green",
                    partners=["Schools", "Health visiting"],
                    updates=[(M, "Draft guide with partners for comment."), (MAY, "Published 28 April.")],
                ),
                act(
                    "Train 200 partner staff in early help assessments",
                    ["Early Help Training Officer"],
                    ("Autumn term 2026", "2026-11-30"),
                    rag="amber",
                    updates=[(M, "Training dates set."), (MAY, "64 staff trained.")],
                ),
            ],
        ),
        rec(
            "b",
            RB,
            [
                # Piloted, then "Delayed by staffing": begun and behind, so in progress (corrected).
                act(
                    "Introduce a step-down meeting within 5 working days of case closure",
                    ["Head of Early Help", "Head of Service, CIN"],
                    ("31.03.26", "2026-03-31"),
                    status="in_progress",
                    rag="red",
                    updates=[(M, "Pilot in two teams."), (MAY, "Delayed by staffing.")],
                ),
                act(
                    "Review all step-down cases closed in the last six months",
                    ["QA Manager"],
                    ("Complete", None),
                    status="complete",
                    rag="blue",
                    updates=[(M, "Review finished; findings to board.")],
                ),
            ],
        ),
    ],
)
