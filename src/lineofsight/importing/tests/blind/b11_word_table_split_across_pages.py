"""Landscape Word plan whose table was split in two at a page break: the header row is
repeated and the second table starts with a row that continues the previous recommendation.
The recommendation cell carries its label on its own line ("Recommendation 1")."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, page_break, plan, rec, repeat_header

FILENAME = "ILACS action plan Aug 2025 (final).docx"

HEAD = ["Recommendation", "Action", "Owner", "Due date", "Status"]

R1 = "Joint housing assessments for 16- and 17-year-olds who present as homeless are not always completed."
R2 = "Children in care placed at a distance do not always see their social worker as often as they should."
R3 = "Sufficiency planning does not yet address the shortage of homes for children with complex needs."

TABLE1 = [
    [
        ["Recommendation 1", R1],
        "Agree a joint protocol with housing for homeless 16 and 17 year olds.",
        "Head of Adolescent Services / Housing Options Manager",
        "30.11.25",
        "Complete",
    ],
    [
        "",
        "Place a housing officer in the adolescent team two days a week.",
        "Housing Options Manager",
        "TBC",
        "Not started",
    ],
    [
        ["Recommendation 2", R2],
        "Produce a weekly report of visits due for children placed over 20 miles away.",
        "Performance Manager",
        "Dec 25",
        "Complete",
    ],
]
TABLE2 = [
    [
        "",
        "Pay travel time for visits to children placed outside the region.",
        "Head of Service, Children in Care",
        "Ongoing",
        "In progress",
    ],
    [
        ["Recommendation 3", R3],
        "Refresh the sufficiency strategy with a costed plan for two new children's homes.",
        "Head of Commissioning",
        "Jan 26",
        "In progress",
    ],
    ["", "Open the first council-run children's home.", "Head of Residential Services", "Summer 2027", "Not started"],
]


def _table(doc, rows) -> None:
    table = doc.add_table(rows=1 + len(rows), cols=len(HEAD))
    table.style = "Table Grid"
    fill_row(table.rows[0], HEAD, bold=True, fill="D9E2F3")
    repeat_header(table.rows[0])
    for row, values in zip(table.rows[1:], rows, strict=True):
        fill_row(row, values)


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc(landscape=True)
    doc.add_heading("Kestrel Vale Council – ILACS Action Plan", 1)
    doc.add_paragraph("Following the inspection of 4 to 15 August 2025")
    _table(doc, TABLE1)
    page_break(doc)
    _table(doc, TABLE2)
    doc.add_paragraph("Plan owner: Director of Children's Services. Next review: February 2026.")
    return docx_bytes(doc)


EXPECTED = plan(
    "Kestrel Vale Council – ILACS Action Plan",
    "Kestrel Vale Council",
    "ILACS",
    "2025-08-04",
    "2025-08-15",
    [
        rec(
            "1",
            R1,
            [
                act(
                    "Agree a joint protocol with housing for homeless 16 and 17 year olds.",
                    ["Head of Adolescent Services", "Housing Options Manager"],
                    ("30.11.25", "2025-11-30"),
                    status="complete",
                ),
                act(
                    "Place a housing officer in the adolescent team two days a week.",
                    ["Housing Options Manager"],
                    ("TBC", None),
                    status="not_started",
                ),
            ],
        ),
        rec(
            "2",
            R2,
            [
                act(
                    "Produce a weekly report of visits due for children placed over 20 miles away.",
                    ["Performance Manager"],
                    ("Dec 25", "2025-12-31"),
                    status="complete",
                ),
                act(
                    "Pay travel time for visits to children placed outside the region.",
                    ["Head of Service, Children in Care"],
                    ("Ongoing", None),
                    status="in_progress",
                ),
            ],
        ),
        rec(
            "3",
            R3,
            [
                act(
                    "Refresh the sufficiency strategy with a costed plan for two new children's homes.",
                    ["Head of Commissioning"],
                    ("Jan 26", "2026-01-31"),
                    status="in_progress",
                ),
                act(
                    "Open the first council-run children's home.",
                    ["Head of Residential Services"],
                    ("Summer 2027", "2027-08-31"),
                    status="not_started",
                ),
            ],
        ),
    ],
)
