"""Word: one progress column per review month; the latest review says where an action is."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "harrowdene-plan-with-reviews.docx"
HEADER = ["No", "Recommendation", "Actions", "Lead", "Due", "Progress September 2025", "Progress December 2025", "RAG"]
REC_1 = "Supervision of social workers is not regular or reflective enough."
REC_2 = "Children's voices are not always heard in their plans."
ROWS = [
    (
        "1",
        REC_1,
        "Introduce a supervision standard and recording template.",
        "Head of Service",
        "October 2025",
        "Started: draft template shared.",
        "Completed and in use.",
        "Blue",
    ),
    (
        "",
        "",
        "Audit supervision quality every quarter.",
        "Quality Assurance Manager",
        "December 2025",
        "Not started.",
        "On track: first audit done.",
        "Green",
    ),
    (
        "2",
        REC_2,
        "Make direct work tools available to every team.",
        "Principal Social Worker",
        "November 2025",
        "In progress.",
        "Delayed by the new case system.",
        "Amber",
    ),
    (
        "",
        "",
        "Report children's feedback to the Corporate Parenting Board.",
        "Participation Lead",
        "February 2026",
        "Not started.",
        "Not started.",
        "Red",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Harrowdene Council")
    d.add_paragraph("Improvement plan with review updates")
    t = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    header_row(t, HEADER)
    for r, row in enumerate(ROWS, 1):
        for c, text in enumerate(row):
            if text:
                set_cell(t.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    dates = ["2025-10-31", "2025-12-31", "2025-11-30", "2026-02-28"]
    status = ["complete", "in_progress", "in_progress", "not_started"]

    def a(k: int) -> dict[str, Any]:
        row = ROWS[k]
        return act(
            row[2],
            row[3],
            row[4],
            dates[k],
            status=status[k],
            rag=row[7].lower(),
            updates=[{"as_of": "2025-09-30", "text": row[5]}, {"as_of": "2025-12-31", "text": row[6]}],
        )

    return plan([rec("1", REC_1, [a(0), a(1)]), rec("2", REC_2, [a(2), a(3)])], organisation="Harrowdene Council")
