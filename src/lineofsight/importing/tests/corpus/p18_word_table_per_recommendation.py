"""Word: one table per recommendation, the recommendation in a merged first row above the
header, start and end dates, and a status column with a RAG column beside it."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell, shade

FILENAME = "quarrydale-plan.docx"

# The RAG is a cell's colour with no word, so a text copy of the plan cannot carry it
# (test_rendered_corpus scores text renderings without it).
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = True
HEADER = ["Action", "Owner", "Start date", "End date", "Status", "RAG"]
TABLES = [
    (
        "Improve the consistency of decision-making at the front door.",
        [
            (
                "Run weekly threshold moderation with police and health.",
                "MASH Team Manager",
                "September 2025",
                "November 2025",
                "Completed",
                "0070C0",
            ),
            (
                "Publish front door performance to the partnership every month.",
                "Head of MASH; Performance Lead",
                "October 2025",
                "December 2025",
                "Started",
                "00B050",
            ),
        ],
    ),
    (
        "Make sure children at risk of harm outside the home have a plan that reduces risk.",
        [
            (
                "Adopt a contextual safeguarding conference model.",
                "Exploitation Lead",
                "January 2026",
                "April 2026",
                "Not started",
                "FF0000",
            ),
        ],
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Quarrydale Council")
    d.add_paragraph("Monitoring visit action plan")
    for title, rows in TABLES:
        t = d.add_table(rows=len(rows) + 2, cols=len(HEADER))
        top = t.cell(0, 0).merge(t.cell(0, len(HEADER) - 1))
        set_cell(top, title, bold=True)
        header_row(t, HEADER, row=1)
        for r, (text, owner, start, end, status, fill) in enumerate(rows, 2):
            for c, value in enumerate((text, owner, start, end, status)):
                set_cell(t.cell(r, c), value)
            shade(t.cell(r, 5), fill)
        d.add_paragraph("")
    return docx_bytes(d)


_DATES = {"November 2025": "2025-11-30", "December 2025": "2025-12-31", "April 2026": "2026-04-30"}
_STATUS = {"Completed": "complete", "Started": "in_progress", "Not started": "not_started"}
_RAG = {"0070C0": "blue", "00B050": "green", "FF0000": "red"}


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                None,
                title,
                [
                    act(text, owner.split("; "), end, _DATES[end], status=_STATUS[status], rag=_RAG[fill])
                    for text, owner, start, end, status, fill in rows
                ],
            )
            for title, rows in TABLES
        ]
    )
