"""Word plan after a focused visit with no recommendation column: each area is a heading
followed by its own small table of actions."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, plan, rec

FILENAME = "FV plan Feb 2026.docx"

HEAD = ["Action", "Lead", "Date", "RAG"]

H1 = "Care planning for children on child protection plans"
H2 = "Supervision and management oversight"
H3 = "Workforce stability"
TABLES = [
    (
        H1,
        [
            [
                "Every child protection plan to name the three most important changes needed.",
                "Head of Child Protection",
                "31.05.26",
                "G",
            ],
            [
                "Core groups to review plans against those changes at every meeting.",
                "Child Protection Chairs Manager",
                "31.05.26",
                "G",
            ],
            ["Dip sample 25 plans per quarter and report findings.", "QA Manager", "Jul 26", "A"],
        ],
    ),
    (
        H2,
        [
            [
                "Move to a monthly supervision standard for all social workers.",
                "Head of Service, Assessment",
                "April 2026",
                "G",
            ],
            [
                "Introduce reflective group supervision for newly qualified workers.",
                "ASYE Coordinator",
                "Autumn 2026",
                "A",
            ],
        ],
    ),
    (
        H3,
        [
            [
                "Reduce agency social worker use to below 15%.",
                "Head of Workforce / HR Business Partner",
                "March 2027",
                "R",
            ],
            [
                "Launch a retention payment for experienced social workers.",
                "Director of Children's Services",
                "Complete",
                "B",
            ],
        ],
    ),
]


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc()
    doc.add_heading("Action plan following the focused visit of 4 and 5 February 2026", 0)
    doc.add_paragraph("Kestrel Vale Council Children's Services")
    doc.add_paragraph("RAG: R = not on track, A = at risk, G = on track, B = complete")
    for heading, rows in TABLES:
        doc.add_heading(heading, 2)
        table = doc.add_table(rows=1 + len(rows), cols=len(HEAD))
        table.style = "Table Grid"
        fill_row(table.rows[0], HEAD, bold=True)
        for row, values in zip(table.rows[1:], rows, strict=True):
            fill_row(row, values)
        doc.add_paragraph("")
    return docx_bytes(doc)


EXPECTED = plan(
    "Action plan following the focused visit of 4 and 5 February 2026",
    "Kestrel Vale Council",
    "Focused visit",
    "2026-02-04",
    "2026-02-05",
    [
        rec(
            None,
            H1,
            [
                act(
                    "Every child protection plan to name the three most important changes needed.",
                    ["Head of Child Protection"],
                    ("31.05.26", "2026-05-31"),
                    rag="green",
                ),
                act(
                    "Core groups to review plans against those changes at every meeting.",
                    ["Child Protection Chairs Manager"],
                    ("31.05.26", "2026-05-31"),
                    rag="green",
                ),
                act(
                    "Dip sample 25 plans per quarter and report findings.",
                    ["QA Manager"],
                    ("Jul 26", "2026-07-31"),
                    rag="amber",
                ),
            ],
        ),
        rec(
            None,
            H2,
            [
                act(
                    "Move to a monthly supervision standard for all social workers.",
                    ["Head of Service, Assessment"],
                    ("April 2026", "2026-04-30"),
                    rag="green",
                ),
                act(
                    "Introduce reflective group supervision for newly qualified workers.",
                    ["ASYE Coordinator"],
                    ("Autumn 2026", "2026-11-30"),
                    rag="amber",
                ),
            ],
        ),
        rec(
            None,
            H3,
            [
                act(
                    "Reduce agency social worker use to below 15%.",
                    ["Head of Workforce", "HR Business Partner"],
                    ("March 2027", "2027-03-31"),
                    rag="red",
                ),
                act(
                    "Launch a retention payment for experienced social workers.",
                    ["Director of Children's Services"],
                    ("Complete", None),
                    status="complete",
                    rag="blue",
                ),
            ],
        ),
    ],
)
