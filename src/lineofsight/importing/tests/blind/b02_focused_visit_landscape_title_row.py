"""Landscape Word plan after a focused visit: a merged title row, then a shaded header row.

The action column comes before the area for improvement; numbers are printed inside the
text ("1.", "a.").
"""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, plan, rec

FILENAME = "Focused visit action plan Oct 2025.docx"

HEAD = ["Action", "Area for improvement", "Lead", "Timescale", "RAG"]

REC1 = "1. The timeliness of strategy discussions when risks to children escalate out of hours."
REC2 = "2. The quality of recording of the rationale for threshold decisions at the front door."
ROWS = [
    [
        "a. Review the out-of-hours strategy discussion protocol with police and health partners.",
        REC1,
        "Service Manager, MASH",
        "31.12.25",
        "Green",
    ],
    [
        "b. Introduce a daily MASH huddle to track strategy discussions due within 24 hours.",
        None,
        "MASH Team Manager",
        "Jan 26",
        "Amber",
    ],
    [
        "a. Refresh the threshold document and deliver briefings to all front-door staff.",
        REC2,
        "Head of Service, Front Door",
        "End Q4 2025-26",
        "Green",
    ],
    [
        "b. Monthly dip sample of 20 contacts by the Practice Improvement Team.",
        None,
        "Practice Improvement Lead",
        "Monthly from November 2025",
        "Green",
    ],
    [
        "c. Add a mandatory threshold rationale field to the contact record in the case management system.",
        None,
        "Systems Development Manager",
        "Complete",
        "Blue",
    ],
]


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc(landscape=True)
    doc.add_paragraph("Kestrel Vale Council – Children's Services")
    doc.add_paragraph("Focused visit to the front door: 7 and 8 October 2025")
    table = doc.add_table(rows=2 + len(ROWS), cols=len(HEAD))
    table.style = "Table Grid"
    title = table.cell(0, 0).merge(table.cell(0, len(HEAD) - 1))
    title.text = "Focused visit action plan – front door and child protection enquiries"
    title.paragraphs[0].runs[0].bold = True
    fill_row(table.rows[1], HEAD, bold=True, fill="D9D9D9")
    for row, values in zip(table.rows[2:], ROWS, strict=True):
        fill_row(row, values)
    table.cell(2, 1).merge(table.cell(3, 1))
    table.cell(4, 1).merge(table.cell(6, 1))
    return docx_bytes(doc)


EXPECTED = plan(
    "Focused visit action plan – front door and child protection enquiries",
    "Kestrel Vale Council",
    "Focused visit",
    "2025-10-07",
    "2025-10-08",
    [
        rec(
            "1",
            REC1[3:],
            [
                act(
                    "Review the out-of-hours strategy discussion protocol with police and health partners.",
                    ["Service Manager, MASH"],
                    ("31.12.25", "2025-12-31"),
                    ref="a",
                    rag="green",
                ),
                act(
                    "Introduce a daily MASH huddle to track strategy discussions due within 24 hours.",
                    ["MASH Team Manager"],
                    ("Jan 26", "2026-01-31"),
                    ref="b",
                    rag="amber",
                ),
            ],
        ),
        rec(
            "2",
            REC2[3:],
            [
                act(
                    "Refresh the threshold document and deliver briefings to all front-door staff.",
                    ["Head of Service, Front Door"],
                    ("End Q4 2025-26", "2026-03-31"),
                    ref="a",
                    rag="green",
                ),
                # "from November" is a start, not a deadline (plan-format: "From 10th May 2021" -> null).
                act(
                    "Monthly dip sample of 20 contacts by the Practice Improvement Team.",
                    ["Practice Improvement Lead"],
                    ("Monthly from November 2025", None),
                    ref="b",
                    rag="green",
                ),
                act(
                    "Add a mandatory threshold rationale field to the contact record in the case management system.",
                    ["Systems Development Manager"],
                    ("Complete", None),
                    ref="c",
                    status="complete",
                    rag="blue",
                ),
            ],
        ),
    ],
)
