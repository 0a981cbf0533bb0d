"""Word: question-style headers, actions as a Word numbered list with a matching list of
timescales, one owner naming two posts with "and", and a BRAG column of single letters."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "lowfield-action-plan.docx"
HEADER = [
    "What needs to improve",
    "What are we going to do?",
    "Who is responsible",
    "By when",
    "How will we know it has worked?",
    "BRAG",
]
NEED_1 = "Children's records do not always show why decisions were made."
DO_1 = [
    "Add a management decision box to every assessment and plan.",
    "Remind managers of the recording policy at the managers' forum.",
    "Audit management decisions in twenty records.",
]
WHEN_1 = ["Completed", "October 2025", "January 2026"]
NEED_2 = "Private fostering arrangements are not always identified."
DO_2 = [
    "Run a private fostering awareness campaign with schools and GPs.",
    "Publish an annual private fostering report.",
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Lowfield Borough Council")
    d.add_paragraph("Action plan in response to the ILACS inspection, 2 to 13 June 2025")
    t = d.add_table(rows=3, cols=len(HEADER))
    header_row(t, HEADER)
    set_cell(t.cell(1, 0), NEED_1)
    set_cell(t.cell(1, 1), DO_1, style="List Number")
    set_cell(t.cell(1, 2), "Assistant Director Social Care and Head of Quality Assurance")
    set_cell(t.cell(1, 3), WHEN_1)
    set_cell(t.cell(1, 4), "Audits show decisions recorded")
    set_cell(t.cell(1, 5), "A")
    set_cell(t.cell(2, 0), NEED_2)
    set_cell(t.cell(2, 1), DO_2, style="List Number")
    set_cell(t.cell(2, 2), ["Private Fostering Lead", "Head of Safeguarding"])
    set_cell(t.cell(2, 3), "March 2026")
    set_cell(t.cell(2, 5), "G")
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    owner_1 = "Assistant Director Social Care and Head of Quality Assurance"
    measures_1 = ["Audits show decisions recorded"]
    return plan(
        [
            rec(
                None,
                NEED_1,
                [
                    act(
                        DO_1[0], owner_1, WHEN_1[0], None, status="complete", rag="amber", ref="1", measures=measures_1
                    ),
                    act(DO_1[1], owner_1, WHEN_1[1], "2025-10-31", rag="amber", ref="2", measures=measures_1),
                    act(DO_1[2], owner_1, WHEN_1[2], "2026-01-31", rag="amber", ref="3", measures=measures_1),
                ],
            ),
            rec(
                None,
                NEED_2,
                [
                    # Two leads on two lines for two actions: each action has its own lead.
                    act(DO_2[0], "Private Fostering Lead", "March 2026", "2026-03-31", rag="green", ref="4"),
                    act(DO_2[1], "Head of Safeguarding", "March 2026", "2026-03-31", rag="green", ref="5"),
                ],
            ),
        ],
        organisation="Lowfield Borough Council",
        inspection={"kind": "ILACS", "started": "2025-06-02", "ended": "2025-06-13"},
    )
