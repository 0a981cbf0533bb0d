"""Word: each recommendation's number in the first column with its text merged across the
rest of the row, and its actions on the rows below."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "fordham-ilacs-plan.docx"
HEADER = ["No.", "Recommendation", "Action", "Lead", "Timescale", "RAG"]
REC_1 = "Improve the response to children who are privately fostered."
REC_2 = "Strengthen the quality assurance of commissioned placements."
ROWS: list[tuple[str, ...]] = [
    ("1", REC_1),
    (
        "",
        "",
        "Publish a private fostering leaflet for schools and GPs.",
        "Head of Safeguarding",
        "November 2025",
        "Green",
    ),
    (
        "",
        "",
        "Visit every notified arrangement within seven working days.",
        "Assessment Team Manager",
        "Ongoing",
        "Amber",
    ),
    ("2", REC_2),
    (
        "",
        "",
        "Visit every residential placement outside the county at least yearly.",
        "Placements Manager",
        "March 2026",
        "Red",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Fordham County Council")
    d.add_paragraph("ILACS action plan")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, row in enumerate(ROWS, 1):
        if len(row) == 2:
            set_cell(t.cell(r, 0), row[0], bold=True)
            span = t.cell(r, 1).merge(t.cell(r, len(HEADER) - 1))
            set_cell(span, row[1], bold=True)
            continue
        for c, text in enumerate(row):
            if text:
                set_cell(t.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(ROWS[1][2], "Head of Safeguarding", "November 2025", "2025-11-30", rag="green"),
                    act(ROWS[2][2], "Assessment Team Manager", "Ongoing", None, rag="amber"),
                ],
            ),
            rec("2", REC_2, [act(ROWS[4][2], "Placements Manager", "March 2026", "2026-03-31", rag="red")]),
        ],
        organisation="Fordham County Council",
    )
