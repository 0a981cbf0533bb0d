"""Word plan with one table per theme under a Heading 2, recommendation refs restarting per theme."""

from __future__ import annotations

from ._docx import add_table, new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "Harrowfield themed improvement plan.docx"
HEADER = ["Ref", "Recommendation", "Action", "Lead", "Date"]


def build() -> bytes:
    """Two themes, each a Heading 2 and a table."""
    doc = new_document()
    doc.add_heading("Children's Services Improvement Plan 2025-26", 1)
    doc.add_heading("Care leavers", 2)
    add_table(
        doc,
        [
            HEADER,
            [
                "CL1",
                "Improve the range of suitable accommodation for care leavers.",
                "Open a staying-close scheme with two registered providers.",
                "Leaving Care Manager",
                "October 2025",
            ],
            [
                "CL2",
                "Make sure care leavers know their entitlements.",
                "Publish a new local offer written with care leavers.",
                "Participation Officer",
                "July 2025",
            ],
        ],
    )
    doc.add_heading("Children in care", 2)
    add_table(
        doc,
        [
            HEADER,
            [
                "CIC1",
                "Strengthen the oversight of children placed at a distance.",
                "Hold a monthly distant placements review meeting.",
                "Head of Corporate Parenting",
                "May 2025",
            ],
            [
                "CIC2",
                "Improve the timeliness of permanence planning.",
                "Hold a permanence planning meeting by the second review for every child.",
                "IRO Service Manager",
                "September 2025",
            ],
        ],
    )
    return to_bytes(doc)


EXPECTED = plan(
    "Children's Services Improvement Plan 2025-26",
    [
        recommendation(
            "CL1",
            "Improve the range of suitable accommodation for care leavers.",
            [
                action(
                    "Open a staying-close scheme with two registered providers.",
                    ["Leaving Care Manager"],
                    "October 2025",
                    "2025-10-31",
                )
            ],
            section="Care leavers",
        ),
        recommendation(
            "CL2",
            "Make sure care leavers know their entitlements.",
            [
                action(
                    "Publish a new local offer written with care leavers.",
                    ["Participation Officer"],
                    "July 2025",
                    "2025-07-31",
                )
            ],
            section="Care leavers",
        ),
        recommendation(
            "CIC1",
            "Strengthen the oversight of children placed at a distance.",
            [
                action(
                    "Hold a monthly distant placements review meeting.",
                    ["Head of Corporate Parenting"],
                    "May 2025",
                    "2025-05-31",
                )
            ],
            section="Children in care",
        ),
        recommendation(
            "CIC2",
            "Improve the timeliness of permanence planning.",
            [
                action(
                    "Hold a permanence planning meeting by the second review for every child.",
                    ["IRO Service Manager"],
                    "September 2025",
                    "2025-09-30",
                )
            ],
            section="Children in care",
        ),
    ],
    organisation=None,
)
