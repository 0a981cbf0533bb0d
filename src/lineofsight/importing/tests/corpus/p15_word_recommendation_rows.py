"""Word: each recommendation printed as a row spanning the table above its numbered
actions, with no recommendation column (the heading row is the recommendation)."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "thornbury-written-statement.docx"
HEADER = ["Ref", "Action", "Lead", "Target date", "Progress", "RAG"]
REC_1 = "Recommendation 1: The effectiveness of multi-agency responses to domestic abuse."
REC_2 = "Recommendation 2: The sufficiency of local placements for older children."
ROWS: list[tuple[str, ...]] = [
    ("heading", REC_1),
    (
        "1.1",
        "Add children's social care to the daily domestic abuse triage meeting.",
        "Head of MASH",
        "30/11/2025",
        "Started in October.",
        "Green",
    ),
    (
        "1.2",
        "Commission a perpetrator programme with the police and crime commissioner.",
        "Head of Commissioning + Police Partnership Lead",
        "Summer 2026",
        "Tender drafted.",
        "Amber",
    ),
    ("heading", REC_2),
    (
        "2.1",
        "Approve a sufficiency strategy with a local children's homes programme.",
        "Director of Children's Services",
        "January 2026",
        "Completed – approved by Cabinet.",
        "Blue",
    ),
    (
        "2.2",
        "Recruit specialist foster carers for teenagers.",
        "Fostering Service Manager",
        "September 2026",
        "Campaign launched.",
        "Amber",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Thornbury City Council")
    d.add_paragraph("Written statement of action")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, row in enumerate(ROWS, 1):
        if row[0] == "heading":
            band = t.cell(r, 0).merge(t.cell(r, len(HEADER) - 1))
            set_cell(band, row[1], bold=True)
            continue
        for c, text in enumerate(row):
            set_cell(t.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    def a(k: int, date: str, status: str | None, owners: list[str]) -> dict[str, Any]:
        row = ROWS[k]
        return act(
            row[1],
            owners,
            row[3],
            date,
            status=status,
            rag=row[5].lower(),
            ref=row[0],
            updates=[{"as_of": None, "text": row[4]}],
        )

    return plan(
        [
            rec(
                None,
                REC_1,
                [
                    a(1, "2025-11-30", "in_progress", ["Head of MASH"]),
                    a(2, "2026-08-31", None, ["Head of Commissioning", "Police Partnership Lead"]),
                ],
                section=REC_1,
            ),
            rec(
                None,
                REC_2,
                [
                    a(4, "2026-01-31", "complete", ["Director of Children's Services"]),
                    a(5, "2026-09-30", None, ["Fostering Service Manager"]),
                ],
                section=REC_2,
            ),
        ],
        organisation="Thornbury City Council",
    )
