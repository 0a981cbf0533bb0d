"""Word, landscape: a recommendation merged down its action rows; RAG by shading only."""

from __future__ import annotations

from typing import Any

from ._kit import AMBER, GREEN, RED, act, docx_bytes, header_row, landscape, plan, rec, set_cell, shade

FILENAME = "ashdown-ilacs-plan.docx"

# The RAG is a cell's colour with no word, so a text copy of the plan cannot carry it
# (test_rendered_corpus scores text renderings without it).
RAG_SHOWN_AS_COLOUR_ONLY: bool | tuple[str, ...] = True
HEADER = ["No.", "Recommendation", "Action", "Lead officer", "Timescale", "Success measure / impact", "RAG"]
ROWS = [
    # (number, recommendation, action, lead, timescale, measure, fill)
    (
        "1.",
        "The consistency of management oversight and supervision in the assessment teams.",
        "Introduce a monthly supervision dashboard for team managers.",
        "Head of Assessment",
        "End of September 2025",
        "95% of supervisions recorded on time",
        GREEN,
    ),
    (
        None,
        None,
        "Run reflective supervision training for every assessment team manager.",
        "Principal Social Worker",
        "December 2025",
        "All managers trained",
        AMBER,
    ),
    (
        None,
        None,
        "Audit twenty supervision records each quarter and report themes to the senior leadership team.",
        "Head of Quality Assurance / Head of Assessment",
        "October 2025 then quarterly",
        "Audit grades improve",
        RED,
    ),
    (
        "2.",
        "The timeliness of initial health assessments for children coming into care.",
        "Agree an escalation route with the designated nurse for any assessment not booked within ten working days.",
        "Head of Children in Care; Designated Nurse",
        "31 October 2025",
        "90% of assessments within 20 working days",
        GREEN,
    ),
    (
        None,
        None,
        "Report health assessment timeliness to every Corporate Parenting Board.",
        "Head of Children in Care",
        "Ongoing",
        "Board minutes",
        GREEN,
    ),
    (
        "3.",
        "Care leavers' access to suitable accommodation.",
        "Open a joint housing pathway panel with the district councils.",
        "Head of Leaving Care",
        "January 2026",
        "No care leaver in bed and breakfast",
        AMBER,
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    landscape(d)
    d.add_heading("Ashdown County Council", level=1)
    d.add_paragraph("Improving services for children: post-ILACS action plan")
    d.add_paragraph("Inspection of local authority children's services: 9 to 20 June 2025")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, (num, recommendation, action, lead, due, measure, fill) in enumerate(ROWS, 1):
        if num:
            set_cell(t.cell(r, 0), num)
            set_cell(t.cell(r, 1), recommendation)
        set_cell(t.cell(r, 2), action)
        set_cell(t.cell(r, 3), lead)
        set_cell(t.cell(r, 4), due)
        set_cell(t.cell(r, 5), measure)
        shade(t.cell(r, 6), fill)
    for top, bottom in ((1, 3), (4, 5)):
        for c in (0, 1):
            t.cell(top, c).merge(t.cell(bottom, c))
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                ROWS[0][1],
                [
                    act(ROWS[0][2], "Head of Assessment", "End of September 2025", "2025-09-30", rag="green"),
                    act(ROWS[1][2], "Principal Social Worker", "December 2025", "2025-12-31", rag="amber"),
                    act(
                        ROWS[2][2],
                        ["Head of Quality Assurance", "Head of Assessment"],
                        "October 2025 then quarterly",
                        "2025-10-31",
                        rag="red",
                    ),
                ],
            ),
            rec(
                "2",
                ROWS[3][1],
                [
                    act(
                        ROWS[3][2],
                        ["Head of Children in Care", "Designated Nurse"],
                        "31 October 2025",
                        "2025-10-31",
                        rag="green",
                    ),
                    # "Ongoing" gives no status (plan-format.md).
                    act(ROWS[4][2], "Head of Children in Care", "Ongoing", None, rag="green"),
                ],
            ),
            rec(
                "3",
                ROWS[5][1],
                [
                    act(ROWS[5][2], "Head of Leaving Care", "January 2026", "2026-01-31", rag="amber"),
                ],
            ),
        ],
        organisation="Ashdown County Council",
        inspection={"kind": "ILACS", "started": "2025-06-09", "ended": "2025-06-20"},
    )
