"""Excel plan: header on row 6 under a title block, a hidden helper column, a totals row,
and a second plan table lower on the same sheet under its own heading."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook

from ._expect import action, plan, recommendation

FILENAME = "Harrowfield ILACS improvement plan v3.xlsx"
HEADER = ["Ref", "Recommendation", "What we will do", "Lead officer", "lookup", "Target date", "RAG"]


def build() -> bytes:
    """The workbook as a council would save it."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws["A1"] = "HARROWFIELD COUNCIL"
    ws["A2"] = "Children's Services"
    ws["A3"] = "Improvement plan following the ILACS inspection, March 2025"
    ws["A4"] = "Version 3 – updated by the Quality Assurance team"
    ws.append([])
    ws.append(HEADER)  # row 6
    rows = [
        [
            "1",
            "Strengthen management oversight of children in need plans so that drift is identified early.",
            "Introduce a monthly team manager audit of every CIN plan open longer than nine months.",
            "Head of Service, Children in Need",
            "x1",
            datetime(2025, 6, 30),
            "Green",
        ],
        [
            None,
            None,
            "Report audit findings to the practice improvement group each quarter.",
            "Principal Social Worker",
            "x1",
            datetime(2025, 9, 30),
            "Amber",
        ],
        [
            "2",
            "Improve the timeliness of return home interviews for children who go missing.",
            "Recommission the return home interview service with a 72-hour standard.",
            "Commissioning Manager",
            "x2",
            datetime(2025, 10, 31),
            "Red",
        ],
        [
            "3",
            "Ensure care plans for disabled children are reviewed within timescales.",
            "Add disabled children's reviews to the independent reviewing officer tracker.",
            "IRO Service Manager",
            "x3",
            datetime(2025, 5, 31),
            "Green",
        ],
    ]
    for r in rows:
        ws.append(r)
    ws.append(["Total actions", None, 4, None, None, None, None])
    ws.append([])
    ws.append([])
    ws.append(["Part B: Multi-agency partnership actions"])
    ws.append(HEADER)
    for r in [
        [
            "4",
            "Partners should share information about domestic abuse notifications within 24 hours.",
            "Agree a joint notification protocol with the police and health.",
            "Safeguarding Partnership Business Manager",
            "x4",
            datetime(2025, 12, 31),
            "Amber",
        ],
        [
            "5",
            "Strengthen the voice of the child in strategy discussions.",
            "Add a mandatory child's-view section to the strategy discussion record.",
            "Head of Front Door",
            "x5",
            datetime(2025, 7, 31),
            "Green",
        ],
    ]:
        ws.append(r)
    ws.append(["Total actions", None, 2, None, None, None, None])
    ws.column_dimensions["E"].hidden = True
    for row in ws.iter_rows(min_col=6, max_col=6):
        row[0].number_format = "d mmmm yyyy"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


REC1 = "Strengthen management oversight of children in need plans so that drift is identified early."
EXPECTED = plan(
    "Improvement plan following the ILACS inspection, March 2025",
    [
        recommendation(
            "1",
            REC1,
            [
                action(
                    "Introduce a monthly team manager audit of every CIN plan open longer than nine months.",
                    ["Head of Service, Children in Need"],
                    "30 June 2025",
                    "2025-06-30",
                    rag="green",
                ),
                action(
                    "Report audit findings to the practice improvement group each quarter.",
                    ["Principal Social Worker"],
                    "30 September 2025",
                    "2025-09-30",
                    rag="amber",
                ),
            ],
        ),
        recommendation(
            "2",
            "Improve the timeliness of return home interviews for children who go missing.",
            [
                action(
                    "Recommission the return home interview service with a 72-hour standard.",
                    ["Commissioning Manager"],
                    "31 October 2025",
                    "2025-10-31",
                    rag="red",
                ),
            ],
        ),
        recommendation(
            "3",
            "Ensure care plans for disabled children are reviewed within timescales.",
            [
                action(
                    "Add disabled children's reviews to the independent reviewing officer tracker.",
                    ["IRO Service Manager"],
                    "31 May 2025",
                    "2025-05-31",
                    rag="green",
                ),
            ],
        ),
        recommendation(
            "4",
            "Partners should share information about domestic abuse notifications within 24 hours.",
            [
                action(
                    "Agree a joint notification protocol with the police and health.",
                    ["Safeguarding Partnership Business Manager"],
                    "31 December 2025",
                    "2025-12-31",
                    rag="amber",
                ),
            ],
            section="Part B: Multi-agency partnership actions",
        ),
        recommendation(
            "5",
            "Strengthen the voice of the child in strategy discussions.",
            [
                action(
                    "Add a mandatory child's-view section to the strategy discussion record.",
                    ["Head of Front Door"],
                    "31 July 2025",
                    "2025-07-31",
                    rag="green",
                ),
            ],
            section="Part B: Multi-agency partnership actions",
        ),
    ],
    kind="ILACS",
)
