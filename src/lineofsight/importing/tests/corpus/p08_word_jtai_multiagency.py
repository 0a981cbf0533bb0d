"""Word: a JTAI partnership plan with lead agency, partners and accountable board columns,
and action numbers "1a", "1b" beside the recommendation they belong to."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, landscape, plan, rec, set_cell

FILENAME = "hollinsworth-jtai-plan.docx"
HEADER = ["Ref", "Area for development", "Action", "Lead agency", "Partners", "Timescale", "Accountable board", "RAG"]
REC_1 = "Partners' shared understanding of the risks to children who are criminally exploited."
REC_2 = "The quality of health information shared at strategy discussions."
BOARD = "Safeguarding Children Partnership Executive"
ROWS = [
    (
        "1a",
        REC_1,
        "Agree one partnership exploitation screening tool.",
        "Police",
        "Children's Social Care, Health, Education",
        "December 2024",
        BOARD,
        "Green",
    ),
    (
        "1b",
        "",
        "Train designated safeguarding leads in every secondary school in the tool.",
        "Education",
        "Police; Children's Social Care",
        "March 2025",
        BOARD,
        "Amber",
    ),
    (
        "1c",
        "",
        "Map children at risk of exploitation monthly at the multi-agency panel.",
        "Police / Children's Social Care",
        "Youth Justice Service",
        "Monthly from January 2025",
        "Exploitation Sub-Group",
        "Green",
    ),
    (
        "2a",
        REC_2,
        "Make sure a health professional attends every strategy discussion.",
        "Hollinsworth ICB",
        "Acute trust, Community health",
        "February 2025",
        BOARD,
        "Red",
    ),
    (
        "2b",
        "",
        "Audit health contributions to twenty strategy discussions.",
        "Designated Nurse (ICB)",
        "Children's Social Care",
        "April 2025",
        BOARD,
        "Amber",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    landscape(d)
    d.add_paragraph("Hollinsworth Safeguarding Children Partnership")
    d.add_paragraph(
        "Joint targeted area inspection (JTAI) of the multi-agency response to "
        "children at risk of criminal exploitation"
    )
    d.add_paragraph("Inspection: 2 to 6 December 2024")
    d.add_paragraph("Written statement of action")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, row in enumerate(ROWS, 1):
        for c, text in enumerate(row):
            if text:
                set_cell(t.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    dates = ["2024-12-31", "2025-03-31", None, "2025-02-28", "2025-04-30"]

    def a(k: int) -> dict[str, Any]:
        row = ROWS[k]
        owners = [o.strip() for o in row[3].split(" / ")]
        return act(row[2], owners, row[5], dates[k], rag=row[7].lower(), ref=row[0][1], reported_to=[row[6]])

    return plan(
        [rec("1", REC_1, [a(0), a(1), a(2)]), rec("2", REC_2, [a(3), a(4)])],
        inspection={"kind": "JTAI", "started": "2024-12-02", "ended": "2024-12-06"},
    )
