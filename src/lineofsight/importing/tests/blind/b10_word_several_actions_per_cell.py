"""Word plan after an ILACS where one row holds several actions as plain new lines (no
bullets), with matching lines of leads and dates; one row has a single lead for two actions."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, plan, rec

FILENAME = "Improvement plan ILACS March 2025.docx"

HEAD = ["Recommendation", "Actions", "Lead", "Timescale", "Progress"]

R1 = "Improve the consistency of direct work with children so that their wishes and feelings inform plans."
R2 = "Ensure that children who are privately fostered are identified and assessed promptly."
R3 = "Leaders should ensure that the quality of management oversight is consistent across teams."
A1 = [
    "Provide direct work toolkits to every social work team",
    "Add a 'child's voice' section to all assessment templates",
    "Audit the quality of direct work each quarter",
]
A2 = [
    "Run a private fostering awareness campaign with schools and GPs",
    "Report private fostering notifications to the Safeguarding Partnership twice a year",
]
A3 = "Introduce a management oversight standard and audit compliance monthly."


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc(landscape=True)
    doc.add_heading("Improvement plan – ILACS March 2025", 1)
    doc.add_paragraph("Kestrel Vale Council. Inspection of children's social care services, 3 to 14 March 2025.")
    table = doc.add_table(rows=4, cols=len(HEAD))
    table.style = "Table Grid"
    fill_row(table.rows[0], HEAD, bold=True, fill="FFF2CC")
    # Row 1: one paragraph per line in every cell.
    fill_row(
        table.rows[1],
        [
            "1. " + R1,
            A1,
            ["Principal Social Worker", "Systems Lead", "QA Manager"],
            ["May 2025", "June 2025", "Sept 25"],
            "Toolkits issued in April.",
        ],
    )
    # Row 2: lines separated by line breaks inside one paragraph; one lead for both actions.
    fill_row(
        table.rows[2],
        [
            "2. " + R2,
            "\n".join(A2),
            "Private Fostering Lead",
            "July 2025\nDecember 2025",
            "Campaign launched 1 July 2025.",
        ],
    )
    fill_row(table.rows[3], ["3. " + R3, A3, "Head of Quality and Practice", "31/10/2025", "Complete"])
    return docx_bytes(doc)


EXPECTED = plan(
    "Improvement plan – ILACS March 2025",
    "Kestrel Vale Council",
    "ILACS",
    "2025-03-03",
    "2025-03-14",
    [
        rec(
            "1",
            R1,
            [
                act(
                    A1[0],
                    ["Principal Social Worker"],
                    ("May 2025", "2025-05-31"),
                    updates=[(None, "Toolkits issued in April.")],
                ),
                act(
                    A1[1], ["Systems Lead"], ("June 2025", "2025-06-30"), updates=[(None, "Toolkits issued in April.")]
                ),
                act(A1[2], ["QA Manager"], ("Sept 25", "2025-09-30"), updates=[(None, "Toolkits issued in April.")]),
            ],
        ),
        rec(
            "2",
            R2,
            [
                act(
                    A2[0],
                    ["Private Fostering Lead"],
                    ("July 2025", "2025-07-31"),
                    updates=[(None, "Campaign launched 1 July 2025.")],
                ),
                act(
                    A2[1],
                    ["Private Fostering Lead"],
                    ("December 2025", "2025-12-31"),
                    updates=[(None, "Campaign launched 1 July 2025.")],
                ),
            ],
        ),
        rec(
            "3",
            R3,
            [
                act(
                    A3,
                    ["Head of Quality and Practice"],
                    ("31/10/2025", "2025-10-31"),
                    status="complete",
                    updates=[(None, "Complete")],
                ),
            ],
        ),
    ],
)
