"""Word plan after a JTAI: RAG is the first column, findings numbered "(i)", partners in the
lead cell after "Partners:"."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, plan, rec

FILENAME = "JTAI domestic abuse written statement of action.docx"

HEAD = ["RAG", "Ref", "Recommendation", "Action", "Lead agency and officer", "Target date"]

R1 = "Partners should ensure that the voice of the child is recorded in all domestic abuse risk assessments."
R2 = "Leaders should strengthen the information shared with schools after police attend a domestic abuse incident."
R3 = "Commissioners should review the availability of programmes for perpetrators of domestic abuse."
ROWS = [
    [
        "G",
        "(i)",
        R1,
        "Revise the DASH risk assessment training to include direct work with children.",
        ["Domestic Abuse Coordinator", "Partners: Police; Health"],
        "30/04/2026",
    ],
    [
        "A",
        "",
        "",
        "Audit 30 MARAC cases for evidence of the child's voice.",
        "Safeguarding Partnership Business Manager",
        "June 2026",
    ],
    [
        "R",
        "(ii)",
        R2,
        "Extend Operation Encompass notifications to early years settings.",
        ["Head of Education Safeguarding", "Detective Chief Inspector, Safeguarding"],
        "Sept 2026",
    ],
    [
        "G",
        "(iii)",
        R3,
        "Complete a needs analysis for perpetrator interventions.",
        ["Public Health Consultant", "Partners: Probation Service / Office of the Police and Crime Commissioner"],
        "Q2 2026/27",
    ],
]


def build() -> bytes:
    """The document as the partnership would send it."""
    doc = new_doc(landscape=True)
    doc.add_heading("Joint Targeted Area Inspection – multi-agency response to children affected by domestic abuse", 1)
    doc.add_paragraph("Kestrel Vale Safeguarding Children Partnership – written statement of action")
    doc.add_paragraph("Inspection dates: 3 to 7 November 2025")
    table = doc.add_table(rows=1 + len(ROWS), cols=len(HEAD))
    table.style = "Table Grid"
    fill_row(table.rows[0], HEAD, bold=True, fill="BDD7EE")
    for row, values in zip(table.rows[1:], ROWS, strict=True):
        fill_row(row, values)
    return docx_bytes(doc)


EXPECTED = plan(
    "Joint Targeted Area Inspection – multi-agency response to children affected by domestic abuse",
    "Kestrel Vale Safeguarding Children Partnership",
    "JTAI",
    "2025-11-03",
    "2025-11-07",
    [
        rec(
            "(i)",
            R1,
            [
                act(
                    "Revise the DASH risk assessment training to include direct work with children.",
                    ["Domestic Abuse Coordinator"],
                    ("30/04/2026", "2026-04-30"),
                    rag="green",
                    partners=["Police", "Health"],
                ),
                act(
                    "Audit 30 MARAC cases for evidence of the child's voice.",
                    ["Safeguarding Partnership Business Manager"],
                    ("June 2026", "2026-06-30"),
                    rag="amber",
                ),
            ],
        ),
        rec(
            "(ii)",
            R2,
            [
                act(
                    "Extend Operation Encompass notifications to early years settings.",
                    ["Head of Education Safeguarding", "Detective Chief Inspector, Safeguarding"],
                    ("Sept 2026", "2026-09-30"),
                    rag="red",
                ),
            ],
        ),
        rec(
            "(iii)",
            R3,
            [
                # Q2 of the financial year 2026/27 is July to September 2026.
                act(
                    "Complete a needs analysis for perpetrator interventions.",
                    ["Public Health Consultant"],
                    ("Q2 2026/27", "2026-09-30"),
                    rag="green",
                    partners=["Probation Service", "Office of the Police and Crime Commissioner"],
                ),
            ],
        ),
    ],
)
