"""Word plan after an ILACS with full-width shaded section rows ("Priority 1: ...") and an
outcome column between the finding and the actions."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, plan, rec, set_cell, shade

FILENAME = "ILACS plan Sept 2025 - priorities.docx"

HEAD = ["Ref", "Ofsted finding", "Outcome we want", "Key actions", "Responsible", "Completion date", "Status"]

S1 = "Priority 1: Leadership and oversight"
S2 = "Priority 2: Children in care"
R1 = (
    "Leaders do not have a sufficiently clear understanding of the quality of practice in the "
    "disabled children's service."
)
O1 = "Leaders know the quality of practice across all services."
R2 = "Children in care do not always have up-to-date life story work."
O2 = "Every child in care understands their history."
R3 = "Personal education plans are not consistently of good quality."
O3 = "Every PEP is rated good or better."

LINES = [
    S1,
    [
        "1",
        R1,
        O1,
        "Extend the quality assurance framework to the disabled children's service.",
        "Assistant Director, Safeguarding",
        "Nov 2025",
        "Completed",
    ],
    [
        "",
        "",
        "",
        "Present quarterly practice reports to the Improvement Board.",
        "Assistant Director, Safeguarding",
        "January 2026 then quarterly",
        "In progress",
    ],
    S2,
    [
        "2",
        R2,
        O2,
        "Set a standard that every child in care for 6 months has started life story work.",
        "Head of Service, Children in Care",
        "28 February 2026",
        "On track",
    ],
    [
        "",
        "",
        "",
        "Commission specialist life story work training from a voluntary sector partner.",
        "Workforce Development Manager",
        "Spring 2026",
        "Not yet started",
    ],
    [
        "3",
        R3,
        O3,
        "Virtual School to quality assure every PEP each term.",
        "Virtual School Headteacher",
        "Each term",
        "In progress",
    ],
]


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc(landscape=True)
    doc.add_heading("Kestrel Vale Council: our response to the inspection of children's services", 1)
    doc.add_paragraph("Ofsted inspected Kestrel Vale's services for children from 15 to 26 September 2025.")
    table = doc.add_table(rows=1 + len(LINES), cols=len(HEAD))
    table.style = "Table Grid"
    fill_row(table.rows[0], HEAD, bold=True, fill="C5E0B3")
    for i, line in enumerate(LINES, start=1):
        row = table.rows[i]
        if isinstance(line, str):
            cell = row.cells[0].merge(row.cells[-1])
            set_cell(cell, line, bold=True)
            shade(cell, "E2EFD9")
        else:
            fill_row(row, line)
    return docx_bytes(doc)


EXPECTED = plan(
    "Kestrel Vale Council: our response to the inspection of children's services",
    "Kestrel Vale Council",
    "ILACS",
    "2025-09-15",
    "2025-09-26",
    [
        rec(
            "1",
            R1,
            [
                act(
                    "Extend the quality assurance framework to the disabled children's service.",
                    ["Assistant Director, Safeguarding"],
                    ("Nov 2025", "2025-11-30"),
                    status="complete",
                ),
                act(
                    "Present quarterly practice reports to the Improvement Board.",
                    ["Assistant Director, Safeguarding"],
                    ("January 2026 then quarterly", "2026-01-31"),
                    status="in_progress",
                ),
            ],
            section=S1,
            outcomes=[O1],
        ),
        rec(
            "2",
            R2,
            [
                act(
                    "Set a standard that every child in care for 6 months has started life story work.",
                    ["Head of Service, Children in Care"],
                    ("28 February 2026", "2026-02-28"),
                    status="in_progress",
                ),
                act(
                    "Commission specialist life story work training from a voluntary sector partner.",
                    ["Workforce Development Manager"],
                    ("Spring 2026", "2026-05-31"),
                    status="not_started",
                ),
            ],
            section=S2,
            outcomes=[O2],
        ),
        rec(
            "3",
            R3,
            [
                act(
                    "Virtual School to quality assure every PEP each term.",
                    ["Virtual School Headteacher"],
                    ("Each term", None),
                    status="in_progress",
                ),
            ],
            section=S2,
            outcomes=[O3],
        ),
    ],
)
