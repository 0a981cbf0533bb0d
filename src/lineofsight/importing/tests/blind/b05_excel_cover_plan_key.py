"""Excel plan after an ILACS: a cover sheet, a plan sheet with a merged title, blank spacer
rows and real date cells, and a "Key" sheet explaining the RAG colours."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from ._kit import act, plan, rec, xlsx_bytes

FILENAME = "Improvement Plan 2025-26 (tracker).xlsx"

HEAD = ["Ref", "Recommendation", "Action", "Lead officer", "Target date", "RAG rating", "Progress update (Nov 2025)"]

R1 = "Improve the stability of placements for children in care through better matching."
R2 = "Ensure that return home interviews are offered and the information is used to reduce risk."

ROWS = [
    [
        1,
        R1,
        "Introduce a placement matching panel chaired by a service manager.",
        "Service Manager, Placements",
        datetime(2025, 9, 30),
        "Complete (Blue)",
        "Panel meeting weekly since August.",
    ],
    [
        None,
        None,
        "Recruit 15 additional foster carers through the regional fostering hub.",
        "Fostering Recruitment Manager",
        "Mar 26",
        "Amber",
        "7 carers approved so far.",
    ],
    [
        None,
        None,
        "Provide a stability meeting within 10 days of any placement disruption.",
        "IRO Service Manager",
        datetime(2025, 12, 31),
        "Green – on track",
        "Guidance issued to IROs.",
    ],
    None,
    [
        2,
        R2,
        "Bring the return home interview service back in house.",
        "Head of Adolescent Services",
        "Q4 2025/26",
        "Red",
        "Consultation with staff delayed.",
    ],
    [
        None,
        None,
        "Share themes from return interviews at the monthly exploitation panel.",
        "Exploitation Lead",
        "Monthly",
        "Green",
        "Standing agenda item from October.",
    ],
]


def build() -> bytes:
    """The workbook as the council would send it."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    cover["A1"] = "Kestrel Vale Council"
    cover["A1"].font = Font(bold=True, size=16)
    cover["A3"] = "Children's Services Improvement Plan"
    cover["A4"] = "Following the ILACS inspection, 2–13 June 2025"
    cover["A6"] = "Plan owner: Director of Children's Services"
    cover["A7"] = "Last updated: 14/11/2025"

    ws = wb.create_sheet("Action Plan")
    ws["A1"] = "ILACS Improvement Plan 2025–26"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    for col, head in enumerate(HEAD, start=1):
        cell = ws.cell(row=3, column=col, value=head)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    r = 4
    for values in ROWS:
        r += 1  # row 4 and the None entry stay blank: spacer rows, as in the council tracker
        if values is None:
            continue
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, datetime):
                cell.number_format = "dd/mm/yyyy"
    ws.merge_cells("A5:A7")
    ws.merge_cells("B5:B7")

    key = wb.create_sheet("Key")
    key["A1"] = "RAG Key"
    for i, (colour, meaning) in enumerate(
        [
            ("Red", "Off track, significant risk to delivery"),
            ("Amber", "Some slippage, recoverable"),
            ("Green", "On track"),
            ("Blue", "Complete and closed"),
        ],
        start=2,
    ):
        key.cell(row=i, column=1, value=colour)
        key.cell(row=i, column=2, value=meaning)
    return xlsx_bytes(wb)


UPD = "2025-11-30"
EXPECTED = plan(
    "ILACS Improvement Plan 2025–26",
    "Kestrel Vale Council",
    "ILACS",
    "2025-06-02",
    "2025-06-13",
    [
        rec(
            "1",
            R1,
            [
                act(
                    "Introduce a placement matching panel chaired by a service manager.",
                    ["Service Manager, Placements"],
                    ("30/09/2025", "2025-09-30"),
                    status="complete",
                    rag="blue",
                    updates=[(UPD, "Panel meeting weekly since August.")],
                ),
                act(
                    "Recruit 15 additional foster carers through the regional fostering hub.",
                    ["Fostering Recruitment Manager"],
                    ("Mar 26", "2026-03-31"),
                    rag="amber",
                    updates=[(UPD, "7 carers approved so far.")],
                ),
                act(
                    "Provide a stability meeting within 10 days of any placement disruption.",
                    ["IRO Service Manager"],
                    ("31/12/2025", "2025-12-31"),
                    status="in_progress",
                    rag="green",
                    updates=[(UPD, "Guidance issued to IROs.")],
                ),
            ],
        ),
        rec(
            "2",
            R2,
            [
                # A delayed consultation is work begun and behind: in progress (corrected).
                act(
                    "Bring the return home interview service back in house.",
                    ["Head of Adolescent Services"],
                    ("Q4 2025/26", "2026-03-31"),
                    status="in_progress",
                    rag="red",
                    updates=[(UPD, "Consultation with staff delayed.")],
                ),
                act(
                    "Share themes from return interviews at the monthly exploitation panel.",
                    ["Exploitation Lead"],
                    ("Monthly", None),
                    rag="green",
                    updates=[(UPD, "Standing agenda item from October.")],
                ),
            ],
        ),
    ],
)
