"""Portrait Word plan after an ILACS: cover page and contents, header in the table's first row."""

from __future__ import annotations

from ._kit import act, docx_bytes, fill_row, new_doc, page_break, plan, rec, shade

FILENAME = "KV ILACS improvement plan v1.3.docx"

HEAD = ["No.", "Ofsted finding", "Key actions", "Responsible", "Completion date", "Evidence of impact", "Status (RAG)"]

ROWS = [
    [
        "R1",
        "The quality and consistency of management oversight and supervision in the children in need service.",
        "Introduce a revised supervision policy with a standard recording template for all case supervision.",
        "Head of Service, Children in Need",
        "31.03.26",
        "Monthly supervision audit shows 90% compliance",
        "Green – on track",
    ],
    [
        "",
        "",
        "Deliver supervision training to all team managers and advanced practitioners.",
        "Principal Social Worker",
        "Apr 26",
        "Training attendance and feedback",
        "Amber",
    ],
    [
        "",
        "",
        "Team managers to record a management oversight note at every key decision point.",
        "Team Managers, CIN",
        "Complete",
        "Audit of oversight notes",
        "Complete (Blue)",
    ],
    [
        "R2",
        "Timeliness of initial health assessments for children coming into care.",
        "Agree a joint escalation protocol with the ICB for assessments not completed within 20 working days.",
        "Head of Service, Children in Care / Designated Nurse for Children in Care",
        "End Q1 2026-27",
        "IHAs completed in 20 working days rises to 75%",
        "G",
    ],
    [
        "",
        "",
        "Report timeliness of health assessments monthly to the Corporate Parenting Board.",
        "Performance and Intelligence Manager",
        "Spring term 2026",
        "Board minutes",
        "R",
    ],
    [
        "R3",
        "Care leavers' access to suitable accommodation at 18.",
        "Commission a supported lodgings scheme with 12 new placements.",
        "Head of Commissioning",
        "December 2026 – ongoing",
        "Number of supported lodgings placements",
        "Amber",
    ],
]


def build() -> bytes:
    """The document as the council would send it."""
    doc = new_doc()
    doc.add_paragraph("Kestrel Vale Council")
    doc.add_paragraph("Children's Services")
    doc.add_heading("ILACS Improvement Plan 2026", 0)
    doc.add_paragraph("Inspection of local authority children's services: 12 to 23 January 2026")
    doc.add_paragraph("Version 1.3 – March 2026")
    page_break(doc)
    doc.add_heading("Contents", 1)
    for line in ["1. Introduction\t2", "2. Governance of this plan\t3", "3. Action plan\t4"]:
        doc.add_paragraph(line)
    page_break(doc)
    doc.add_heading("1. Introduction", 1)
    doc.add_paragraph(
        "Ofsted inspected our services for children in January 2026 and judged them to require "
        "improvement to be good. This plan sets out what we will do about each finding."
    )
    doc.add_heading("2. Governance of this plan", 1)
    doc.add_paragraph(
        "Progress is reported monthly to the Children's Improvement Board, chaired by the Chief Executive."
    )
    page_break(doc)
    doc.add_heading("3. Action plan", 1)
    table = doc.add_table(rows=1 + len(ROWS), cols=len(HEAD))
    table.style = "Table Grid"
    fill_row(table.rows[0], HEAD, bold=True, fill="1F4E79")
    for row, values in zip(table.rows[1:], ROWS, strict=True):
        fill_row(row, values)
    # R1 spans three rows, as Word users merge the finding down the rows.
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(1, 1).merge(table.cell(3, 1))
    table.cell(4, 0).merge(table.cell(5, 0))
    table.cell(4, 1).merge(table.cell(5, 1))
    for cell in table.rows[1].cells[-1:]:
        shade(cell, "00B050")
    return docx_bytes(doc)


EXPECTED = plan(
    "ILACS Improvement Plan 2026",
    "Kestrel Vale Council",
    "ILACS",
    "2026-01-12",
    "2026-01-23",
    [
        rec(
            "R1",
            "The quality and consistency of management oversight and supervision in the children in need service.",
            [
                act(
                    "Introduce a revised supervision policy with a standard recording template for all case supervision.",
                    ["Head of Service, Children in Need"],
                    ("31.03.26", "2026-03-31"),
                    status="in_progress",
                    rag="green",
                    measures=["Monthly supervision audit shows 90% compliance"],
                ),
                act(
                    "Deliver supervision training to all team managers and advanced practitioners.",
                    ["Principal Social Worker"],
                    ("Apr 26", "2026-04-30"),
                    rag="amber",
                    measures=["Training attendance and feedback"],
                ),
                act(
                    "Team managers to record a management oversight note at every key decision point.",
                    ["Team Managers, CIN"],
                    ("Complete", None),
                    status="complete",
                    rag="blue",
                    measures=["Audit of oversight notes"],
                ),
            ],
        ),
        rec(
            "R2",
            "Timeliness of initial health assessments for children coming into care.",
            [
                act(
                    "Agree a joint escalation protocol with the ICB for assessments not completed within 20 working days.",
                    ["Head of Service, Children in Care", "Designated Nurse for Children in Care"],
                    ("End Q1 2026-27", "2026-06-30"),
                    rag="green",
                    measures=["IHAs completed in 20 working days rises to 75%"],
                ),
                act(
                    "Report timeliness of health assessments monthly to the Corporate Parenting Board.",
                    ["Performance and Intelligence Manager"],
                    ("Spring term 2026", "2026-05-31"),
                    rag="red",
                    measures=["Board minutes"],
                ),
            ],
        ),
        rec(
            "R3",
            "Care leavers' access to suitable accommodation at 18.",
            [
                # "– ongoing" says the work has no end, not how far it has got: no status
                # (plan-format.md; this answer said in progress until the rule was settled).
                act(
                    "Commission a supported lodgings scheme with 12 new placements.",
                    ["Head of Commissioning"],
                    ("December 2026 – ongoing", "2026-12-31"),
                    rag="amber",
                    measures=["Number of supported lodgings placements"],
                ),
            ],
        ),
    ],
)
