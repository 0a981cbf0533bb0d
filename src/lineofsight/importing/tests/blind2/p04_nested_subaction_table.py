"""Word plan whose action cell holds a nested table of sub-actions with their own owner and date."""

from __future__ import annotations

from ._docx import add_table, fill_table, new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "Harrowfield JTAI action plan.docx"


def build() -> bytes:
    """Outer table: number, recommendation, actions (nested), RAG."""
    doc = new_document()
    doc.add_heading("Harrowfield Council – Joint targeted area inspection action plan", 1)
    doc.add_paragraph("This plan responds to the JTAI letter published in February 2025.")
    outer = add_table(
        doc,
        [
            ["No", "Recommendation", "Actions", "RAG"],
            ["1", "Partners should improve the quality of referrals about neglect.", None, "Amber"],
            ["2", "Leaders should evaluate the impact of the neglect strategy.", None, "Green"],
        ],
    )
    subs = {
        1: [
            ["Action", "Owner", "By when"],
            ["Launch a multi-agency neglect referral guide.", "Partnership Manager", "May 2025"],
            ["Train designated safeguarding leads in using the guide.", "Education Safeguarding Lead", "July 2025"],
        ],
        2: [
            ["Action", "Owner", "By when"],
            ["Commission an independent review of the neglect strategy.", "Assistant Director", "October 2025"],
        ],
    }
    for row, sub_rows in subs.items():
        cell = outer.cell(row, 2)
        inner = cell.add_table(rows=len(sub_rows), cols=3)
        inner.style = "Table Grid"
        fill_table(inner, sub_rows)
    return to_bytes(doc)


EXPECTED = plan(
    "Harrowfield Council – Joint targeted area inspection action plan",
    [
        recommendation(
            "1",
            "Partners should improve the quality of referrals about neglect.",
            [
                action(
                    "Launch a multi-agency neglect referral guide.",
                    ["Partnership Manager"],
                    "May 2025",
                    "2025-05-31",
                    rag="amber",
                ),
                action(
                    "Train designated safeguarding leads in using the guide.",
                    ["Education Safeguarding Lead"],
                    "July 2025",
                    "2025-07-31",
                    rag="amber",
                ),
            ],
        ),
        recommendation(
            "2",
            "Leaders should evaluate the impact of the neglect strategy.",
            [
                action(
                    "Commission an independent review of the neglect strategy.",
                    ["Assistant Director"],
                    "October 2025",
                    "2025-10-31",
                    rag="green",
                ),
            ],
        ),
    ],
    kind="JTAI",
)
