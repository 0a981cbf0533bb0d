"""Word: no recommendation column; each recommendation is a bold paragraph above its own
table, so its text is that heading and its ref is null."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "riverside-focused-visit-plan.docx"
HEADER = ["No.", "Action", "Lead", "Timescale", "RAG"]
SECTIONS = [
    (
        "Make sure that assessments for children in need consider the views of every parent, "
        "including fathers who do not live with the child.",
        [
            (
                "1",
                "Add a prompt about absent parents to the assessment form.",
                "Head of Assessment",
                "November 2025",
                "Green",
            ),
            (
                "2",
                "Run workshops on working with fathers for all assessment teams.",
                "Principal Social Worker",
                "January 2026",
                "Amber",
            ),
        ],
    ),
    (
        "Strengthen the oversight of children placed in unregistered children's homes.",
        [
            (
                "1",
                "Hold a weekly senior review of every child placed in an unregistered home.",
                "Assistant Director, Children in Care",
                "Immediately",
                "Green",
            ),
            (
                "2",
                "Notify Ofsted of every unregistered placement within one working day.",
                "Head of Placements",
                "Ongoing",
                "Green",
            ),
            ("3", "Open two new local children's homes.", "Head of Commissioning", "Summer 2026", "Red"),
        ],
    ),
    (
        "Improve the timeliness of pathway plans for care leavers.",
        [
            (
                "1",
                "Set a 28-day standard for completing pathway plans after a child's 16th birthday.",
                "Head of Leaving Care",
                "By 1st December 2025",
                "Amber",
            ),
        ],
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Riverside City Council")
    d.add_paragraph("Focused visit action plan")
    d.add_paragraph("Focused visit: 11 to 12 September 2025")
    for heading, rows in SECTIONS:
        d.add_paragraph().add_run(heading).bold = True
        t = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
        header_row(t, HEADER)
        for r, row in enumerate(rows, 1):
            for c, text in enumerate(row):
                set_cell(t.cell(r, c), text)
    d.add_paragraph("Signed off by the Director of Children's Services, October 2025.")
    return docx_bytes(d)


_DATES = {
    "November 2025": "2025-11-30",
    "January 2026": "2026-01-31",
    "Immediately": None,
    "Ongoing": None,
    "Summer 2026": "2026-08-31",
    "By 1st December 2025": "2025-12-01",
}


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                None,
                heading,
                [act(text, lead, due, _DATES[due], rag=rag.lower(), ref=num) for num, text, lead, due, rag in rows],
            )
            for heading, rows in SECTIONS
        ],
        organisation="Riverside City Council",
        inspection={"kind": "Focused visit", "started": "2025-09-11", "ended": "2025-09-12"},
    )
