"""Word without a table: each recommendation a heading, each action a block of labelled
lines ("Action:", "Lead:", "Timescale:", "RAG:"), one block with bulleted actions, and a
glossary table to ignore."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, plan, rec

FILENAME = "hetherley-monitoring-visit-actions.docx"
REC_1 = "Improve the consistency of return home interviews."
REC_2 = "Make sure that care leavers know their entitlements."
BLOCKS: list[tuple[str, Any]] = [
    ("heading", "Hetherley Council monitoring visit action plan"),
    ("para", "This plan answers the monitoring visit of 3 to 4 June 2025."),
    ("label", f"Recommendation 1: {REC_1}"),
    ("label", "Action: Commission an independent return home interview service."),
    ("label", "Lead: Head of Adolescent Services"),
    ("label", "Timescale: September 2025"),
    ("label", "RAG: Green"),
    ("label", "Action: Report completion rates to the missing children panel each month."),
    ("label", "Lead: Missing Children Coordinator"),
    ("label", "Timescale: Ongoing"),
    ("label", "RAG: Amber"),
    ("label", f"Recommendation 2: {REC_2}"),
    ("label", "Actions:"),
    ("bullet", "Publish a local offer for care leavers in plain English."),
    ("bullet", "Hold a yearly entitlements event with care leavers."),
    ("label", "Lead: Head of Leaving Care / Participation Lead"),
    ("label", "Timescale: December 2025"),
    ("label", "RAG: Red"),
]


def build() -> bytes:
    import docx

    d = docx.Document()
    for kind, text in BLOCKS:
        if kind == "heading":
            d.add_heading(text, level=1)
        elif kind == "bullet":
            d.add_paragraph(text, style="List Bullet")
        else:
            d.add_paragraph(text)
    d.add_paragraph("Glossary")
    glossary = d.add_table(rows=2, cols=2)
    for r, (term, meaning) in enumerate([("RHI", "Return home interview"), ("RAG", "Red, amber, green rating")]):
        glossary.cell(r, 0).text, glossary.cell(r, 1).text = term, meaning
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    leads = ["Head of Leaving Care", "Participation Lead"]
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(
                        "Commission an independent return home interview service.",
                        "Head of Adolescent Services",
                        "September 2025",
                        "2025-09-30",
                        rag="green",
                    ),
                    act(
                        "Report completion rates to the missing children panel each month.",
                        "Missing Children Coordinator",
                        "Ongoing",
                        None,
                        rag="amber",
                    ),
                ],
            ),
            rec(
                "2",
                REC_2,
                [
                    act(
                        "Publish a local offer for care leavers in plain English.",
                        leads,
                        "December 2025",
                        "2025-12-31",
                        rag="red",
                    ),
                    act(
                        "Hold a yearly entitlements event with care leavers.",
                        leads,
                        "December 2025",
                        "2025-12-31",
                        rag="red",
                    ),
                ],
            ),
        ],
        inspection={"kind": "Monitoring visit", "started": "2025-06-03", "ended": "2025-06-04"},
    )
