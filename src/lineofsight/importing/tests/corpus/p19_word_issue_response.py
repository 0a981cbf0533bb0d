"""Word: a summary table of recommendations to ignore, then a plan headed "Issue |
Response | Lead officer(s) | Timescale | RAG" (no column called action), with a lead-in
line above bulleted actions and revised timescales."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "wexcombe-response-plan.docx"
HEADER = ["Issue", "Response", "Lead officer(s)", "Timescale", "RAG"]
ISSUE_1 = "Assessments of children in private fostering arrangements are not timely."
ISSUE_2 = "Managers do not always act on the findings of audits."
RESPONSE_1 = [
    "Create a private fostering duty rota in the assessment service.",
    "Send a monthly reminder about notifying private fostering to all schools.",
]
RESPONSE_2 = "Track audit actions to completion through the practice quality group."


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Wexcombe Council")
    d.add_paragraph("Response to the focused visit, 21 to 22 October 2025")
    d.add_paragraph("Summary of recommendations")
    summary = d.add_table(rows=3, cols=2)
    for r, row in enumerate([["No.", "Recommendation"], ["1", ISSUE_1], ["2", ISSUE_2]]):
        for c, text in enumerate(row):
            set_cell(summary.cell(r, c), text)
    d.add_paragraph("Our plan")
    t = d.add_table(rows=3, cols=len(HEADER))
    header_row(t, HEADER)
    set_cell(t.cell(1, 0), ISSUE_1)
    cell = t.cell(1, 1)
    set_cell(cell, "We will:")
    for text in RESPONSE_1:
        cell.add_paragraph(text, style="List Bullet")
    set_cell(t.cell(1, 2), "Head of Assessment")
    set_cell(t.cell(1, 3), ["Dec 2025 (revised to March 2026)", "Complete"])
    set_cell(t.cell(1, 4), "Amber")
    set_cell(t.cell(2, 0), ISSUE_2)
    set_cell(t.cell(2, 1), RESPONSE_2)
    set_cell(t.cell(2, 2), ["Jane Wood", "Head of Quality Assurance"])
    set_cell(t.cell(2, 3), "Within 6 months")
    set_cell(t.cell(2, 4), "Green")
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                None,
                ISSUE_1,
                [
                    act(
                        RESPONSE_1[0],
                        "Head of Assessment",
                        "Dec 2025 (revised to March 2026)",
                        "2026-03-31",
                        rag="amber",
                    ),
                    act(RESPONSE_1[1], "Head of Assessment", "Complete", None, status="complete", rag="amber"),
                ],
            ),
            rec(
                None,
                ISSUE_2,
                [
                    # A name on the line above its role is one owner.
                    act(
                        RESPONSE_2,
                        "Jane Wood – Head of Quality Assurance",
                        "Within 6 months",
                        "2026-04-22",
                        rag="green",
                    ),
                ],
            ),
        ],
        organisation="Wexcombe Council",
        inspection={"kind": "Focused visit", "started": "2025-10-21", "ended": "2025-10-22"},
    )
