"""Word: several bullets in one action cell, with matching line lists of leads and dates,
one lead and date for all bullets, and bullets typed by hand with line breaks."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell, set_lines

FILENAME = "fenwick-improvement-plan.docx"
HEADER = ["Rec", "Area for improvement", "Actions", "Responsible officer", "Deadline", "RAG"]
REC_1 = "The quality of return home conversations for children who go missing."
ACTIONS_1 = [
    "Recommission the return home conversation service with a single provider.",
    "Share every return home conversation with the allocated social worker within 72 hours.",
    "Report themes from conversations to the exploitation panel each month.",
]
LEADS_1 = ["Head of Commissioning", "Adolescent Services Manager", "Exploitation Lead"]
DUES_1 = ["30 September 2025", "October 2025", "November 2025"]
REC_2 = "Early help assessments do not always lead to timely support."
ACTIONS_2 = [
    "Set up a weekly early help allocation meeting.",
    "Track the time from request to first visit on the early help dashboard.",
    "Give schools a named early help contact.",
]
REC_3 = "Disabled children's plans are not reviewed often enough."
ACTIONS_3 = [
    "Schedule a review for every disabled child's plan at least every six months.",
    "Train the disabled children's team in writing outcome-focused plans.",
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Fenwick Metropolitan Borough Council")
    d.add_paragraph("ILACS improvement plan 2025–26")
    d.add_paragraph("Inspection dates: 12 – 23 May 2025")
    t = d.add_table(rows=4, cols=len(HEADER))
    header_row(t, HEADER)
    set_cell(t.cell(1, 0), "1")
    set_cell(t.cell(1, 1), REC_1)
    set_cell(t.cell(1, 2), ACTIONS_1, style="List Bullet")
    set_cell(t.cell(1, 3), LEADS_1)
    set_cell(t.cell(1, 4), DUES_1)
    set_cell(t.cell(1, 5), "Amber")
    set_cell(t.cell(2, 0), "2")
    set_cell(t.cell(2, 1), REC_2)
    set_cell(t.cell(2, 2), ACTIONS_2, style="List Bullet")
    set_cell(t.cell(2, 3), "Head of Early Help")
    set_cell(t.cell(2, 4), "March 2026")
    set_cell(t.cell(2, 5), "Green")
    set_cell(t.cell(3, 0), "3")
    set_cell(t.cell(3, 1), REC_3)
    set_lines(t.cell(3, 2), [f"• {text}" for text in ACTIONS_3])
    set_lines(t.cell(3, 3), ["Disabled Children's Team Manager", "Principal Social Worker"])
    set_lines(t.cell(3, 4), ["Dec-25", "Feb-26"])
    set_cell(t.cell(3, 5), "Red")
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(ACTIONS_1[0], LEADS_1[0], DUES_1[0], "2025-09-30", rag="amber"),
                    act(ACTIONS_1[1], LEADS_1[1], DUES_1[1], "2025-10-31", rag="amber"),
                    act(ACTIONS_1[2], LEADS_1[2], DUES_1[2], "2025-11-30", rag="amber"),
                ],
            ),
            rec(
                "2",
                REC_2,
                [act(text, "Head of Early Help", "March 2026", "2026-03-31", rag="green") for text in ACTIONS_2],
            ),
            rec(
                "3",
                REC_3,
                [
                    act(ACTIONS_3[0], "Disabled Children's Team Manager", "Dec-25", "2025-12-31", rag="red"),
                    act(ACTIONS_3[1], "Principal Social Worker", "Feb-26", "2026-02-28", rag="red"),
                ],
            ),
        ],
        organisation="Fenwick Metropolitan Borough Council",
        inspection={"kind": "ILACS", "started": "2025-05-12", "ended": "2025-05-23"},
    )
