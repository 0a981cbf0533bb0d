"""Word: no RAG column (the progress cell is shaded instead), recommendations numbered
inside their own text ("R1 – ..."), "Supported by:" inside the lead cell, and timescales
counted from a two-day visit ("Within 3 months")."""

from __future__ import annotations

from typing import Any

from ._kit import AMBER, BLUE, GREEN, RED, act, docx_bytes, header_row, plan, rec, set_cell, shade

FILENAME = "ellerby-focused-visit-plan.docx"

# The RAG is a cell's colour with no word, so a text copy of the plan cannot carry it
# (test_rendered_corpus scores text renderings without it).
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = True
HEADER = ["Recommendation", "Action", "Lead", "Timescale", "Progress"]
REC_1 = "R1 – Children's plans in the disabled children's service are not reviewed on time."
REC_2 = "R2 – Supervision does not always record the reasons for decisions."
ROWS = [
    (
        REC_1,
        "Book every review before the previous one ends.",
        ["Head of Disabled Children", "Supported by: Business Support Manager"],
        "Within 3 months",
        "Reviews booked.",
        GREEN,
    ),
    (
        "",
        "Add overdue reviews to the weekly performance report.",
        ["Performance Lead"],
        "End of January 2026",
        "Report drafted.",
        AMBER,
    ),
    (
        REC_2,
        "Revise the supervision template to record reasons for decisions.",
        ["Principal Social Worker"],
        "Completed",
        "Template live.",
        BLUE,
    ),
    ("", "Audit supervision records every quarter.", ["Head of Quality Assurance"], "Q4 2025/26", "Not started.", RED),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Ellerby Borough Council")
    d.add_paragraph("Action plan following the Ofsted focused visit 14 and 15 October 2025")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, (recommendation, action, lead, due, progress, fill) in enumerate(ROWS, 1):
        if recommendation:
            set_cell(t.cell(r, 0), recommendation)
        set_cell(t.cell(r, 1), action)
        set_cell(t.cell(r, 2), lead)
        set_cell(t.cell(r, 3), due)
        set_cell(t.cell(r, 4), progress)
        shade(t.cell(r, 4), fill)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    def a(k: int, date: str | None, status: str | None, rag: str, partners: list[str] | None = None) -> dict[str, Any]:
        row = ROWS[k]
        return act(
            row[1],
            row[2][0],
            row[3],
            date,
            status=status,
            rag=rag,
            partners=partners,
            updates=[{"as_of": None, "text": row[4]}],
        )

    # The ref is "R1" as printed, the same as a number column printing "R1" gives
    # (plan-format.md keeps "Page 15" whole); was "1" before the blind review.
    return plan(
        [
            rec(
                "R1",
                REC_1,
                [a(0, "2026-01-15", None, "green", ["Business Support Manager"]), a(1, "2026-01-31", None, "amber")],
            ),
            rec("R2", REC_2, [a(2, None, "complete", "blue"), a(3, "2026-03-31", "not_started", "red")]),
        ],
        organisation="Ellerby Borough Council",
        inspection={"kind": "Focused visit", "started": "2025-10-14", "ended": "2025-10-15"},
    )
