"""Word: a two-row header (a merged "Delivery" group over Lead, Partners and By when),
with a budget table before the plan and a glossary after it, both to be ignored."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, plan, rec, set_cell

FILENAME = "marshfield-ilacs-plan.docx"
TOP = ["Ref", "Recommendation", "Action", "Delivery", "", "", "Impact"]
SUB = ["", "", "", "Lead", "Partners", "By when", ""]
REC_1 = "Social workers' caseloads are too high in the children in need teams."
REC_2 = "The local authority's response to 16- and 17-year-olds who are homeless."
ROWS = [
    (
        "1",
        REC_1,
        "Recruit eight permanent social workers through the overseas programme.",
        "Head of Workforce",
        "HR Business Partner",
        "April 2026",
        "Average caseload below 18",
    ),
    (
        "",
        "",
        "Create a second children in need team in the north locality.",
        "Assistant Director, Social Care",
        "Finance",
        "June 2026",
        "Caseloads monitored weekly",
    ),
    (
        "2",
        REC_2,
        "Agree a joint protocol for homeless 16- and 17-year-olds with housing.",
        "Head of Adolescent Services",
        "Housing Options; Youth Service",
        "End of January 2026",
        "Every young person offered an assessment",
    ),
    (
        "",
        "",
        "Provide emergency accommodation that is not bed and breakfast.",
        "Head of Commissioning",
        "Housing Options",
        "Spring 2026",
        "No 16- or 17-year-old in B&B",
    ),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Marshfield Borough Council")
    d.add_paragraph("Post-inspection action plan")
    d.add_paragraph("Following the inspection of children's services, 3 to 14 November 2025")
    d.add_paragraph("Resources")
    b = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["Budget line", "2025/26", "2026/27"],
            ["Overseas recruitment", "£90,000", "£40,000"],
            ["Total", "£90,000", "£40,000"],
        ]
    ):
        for c, text in enumerate(row):
            set_cell(b.cell(r, c), text)
    d.add_paragraph("Action plan")
    t = d.add_table(rows=len(ROWS) + 2, cols=len(TOP))
    for c, text in enumerate(TOP):
        if text:
            set_cell(t.cell(0, c), text, bold=True)
    for c, text in enumerate(SUB):
        if text:
            set_cell(t.cell(1, c), text, bold=True)
    t.cell(0, 3).merge(t.cell(0, 5))
    for r, row in enumerate(ROWS, 2):
        for c, text in enumerate(row):
            if text:
                set_cell(t.cell(r, c), text)
    d.add_paragraph("Glossary")
    g = d.add_table(rows=3, cols=2)
    for r, row in enumerate(
        [
            ["Term", "Meaning"],
            ["B&B", "Bed and breakfast accommodation"],
            ["Lead", "The officer accountable for the action"],
        ]
    ):
        for c, text in enumerate(row):
            set_cell(g.cell(r, c), text)
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(
                        ROWS[0][2],
                        ROWS[0][3],
                        ROWS[0][5],
                        "2026-04-30",
                        partners=["HR Business Partner"],
                        measures=[ROWS[0][6]],
                    ),
                    act(ROWS[1][2], ROWS[1][3], ROWS[1][5], "2026-06-30", partners=["Finance"], measures=[ROWS[1][6]]),
                ],
            ),
            rec(
                "2",
                REC_2,
                [
                    act(
                        ROWS[2][2],
                        ROWS[2][3],
                        ROWS[2][5],
                        "2026-01-31",
                        partners=["Housing Options", "Youth Service"],
                        measures=[ROWS[2][6]],
                    ),
                    act(
                        ROWS[3][2],
                        ROWS[3][3],
                        ROWS[3][5],
                        "2026-05-31",
                        partners=["Housing Options"],
                        measures=[ROWS[3][6]],
                    ),
                ],
            ),
        ],
        organisation="Marshfield Borough Council",
        inspection={"kind": "ILACS", "started": "2025-11-03", "ended": "2025-11-14"},
    )
