"""Word: a focused-visit plan in plain words ("Area for improvement", "What we will do",
"Who", "When", "How we will know") whose last column is a progress update with its RAG."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "oakfield-focused-visit-plan.docx"
HEADER = ["Area for improvement", "What we will do", "Who", "When", "How we will know", "Progress update (RAG)"]
AREA_1 = "The quality of practice with children in need of help and protection."
DO_1 = [
    "Publish practice standards for children in need visits.",
    "Hold monthly practice clinics led by the Principal Social Worker.",
]
AREA_2 = "Management oversight is not always recorded on children's files."
DO_2 = "Add a management oversight record to the case management system."
AREA_3 = "Children wait too long for an independent return home interview."
DO_3 = "Bring the return home interview service in house."
AREA_4 = "Case supervision does not always challenge drift."
DO_4 = "Introduce a drift and delay tracker reviewed at every supervision."


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Oakfield District Council")
    d.add_paragraph("Our response to the Ofsted focused visit")
    d.add_paragraph("Focused visit to Oakfield children's services: 8 to 9 July 2025")
    t = d.add_table(rows=5, cols=len(HEADER))
    header_row(t, HEADER)
    rows = [
        (
            AREA_1,
            DO_1,
            ["Head of Safeguarding"],
            ["September 2025", "From October 2025"],
            ["Audits show visits are purposeful"],
            "Green – standards launched in September",
        ),
        (
            AREA_2,
            [DO_2],
            ["Systems Lead"],
            ["November 2025"],
            ["Audit findings"],
            "Amber: on track but the system change is awaiting testing",
        ),
        (
            AREA_3,
            [DO_3],
            ["Adolescent Services Manager"],
            ["March 2026"],
            ["90% of interviews within 72 hours"],
            "Red – not yet started",
        ),
        (AREA_4, [DO_4], ["Head of Safeguarding"], ["August 2025"], ["Tracker in use"], "Complete (Blue)"),
    ]
    for r, (area, actions, who, when, know, progress) in enumerate(rows, 1):
        set_cell(t.cell(r, 0), area)
        set_cell(t.cell(r, 1), actions, style="List Bullet" if len(actions) > 1 else None)
        set_cell(t.cell(r, 2), who)
        set_cell(t.cell(r, 3), when)
        set_cell(t.cell(r, 4), know)
        set_cell(t.cell(r, 5), progress)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                None,
                AREA_1,
                [
                    act(DO_1[0], "Head of Safeguarding", "September 2025", "2025-09-30", rag="green"),
                    act(DO_1[1], "Head of Safeguarding", "From October 2025", None, rag="green"),
                ],
            ),
            rec(
                None,
                AREA_2,
                [act(DO_2, "Systems Lead", "November 2025", "2025-11-30", status="in_progress", rag="amber")],
            ),
            rec(
                None,
                AREA_3,
                [act(DO_3, "Adolescent Services Manager", "March 2026", "2026-03-31", status="not_started", rag="red")],
            ),
            rec(
                None,
                AREA_4,
                [act(DO_4, "Head of Safeguarding", "August 2025", "2025-08-31", status="complete", rag="blue")],
            ),
        ],
        organisation="Oakfield District Council",
        inspection={"kind": "Focused visit", "started": "2025-07-08", "ended": "2025-07-09"},
    )
