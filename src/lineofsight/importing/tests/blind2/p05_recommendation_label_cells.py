"""Landscape Word plan: first cell 'Recommendation N (page P)', continuation rows with empty first cells."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from ._docx import add_table, new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "ILACS recommendations plan (landscape).docx"


def build() -> bytes:
    """A landscape page and a five-column table."""
    doc = new_document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    doc.add_paragraph("Harrowfield Council Children's Services: ILACS improvement plan")
    add_table(
        doc,
        [
            ["", "What Ofsted said", "Our action", "Lead", "Completion date"],
            [
                "Recommendation 1 (page 9)",
                "The response to 16- and 17-year-olds who present as homeless.",
                "Agree a joint housing protocol for homeless 16- and 17-year-olds.",
                "Head of Adolescent Services",
                "June 2025",
            ],
            [
                "",
                "",
                "Give every young person presenting as homeless a written copy of their rights.",
                "Housing Options Manager",
                "August 2025",
            ],
            [
                "Recommendation 2 (page 11)",
                "The sufficiency of local foster placements for teenagers.",
                "Launch a recruitment campaign for foster carers of teenagers.",
                "Fostering Service Manager",
                "March 2026",
            ],
            [
                "Recommendation 3 (page 12)",
                "The consistency of life-story work for children in care.",
                "Introduce a life-story work standard and training for all social workers.",
                "Principal Social Worker",
                "December 2025",
            ],
            [
                "",
                "",
                "Track completion of life-story work in the performance scorecard.",
                "Performance Manager",
                "January 2026",
            ],
        ],
    )
    return to_bytes(doc)


EXPECTED = plan(
    "Harrowfield Council Children's Services: ILACS improvement plan",
    [
        recommendation(
            "1",
            "The response to 16- and 17-year-olds who present as homeless.",
            [
                action(
                    "Agree a joint housing protocol for homeless 16- and 17-year-olds.",
                    ["Head of Adolescent Services"],
                    "June 2025",
                    "2025-06-30",
                ),
                action(
                    "Give every young person presenting as homeless a written copy of their rights.",
                    ["Housing Options Manager"],
                    "August 2025",
                    "2025-08-31",
                ),
            ],
        ),
        recommendation(
            "2",
            "The sufficiency of local foster placements for teenagers.",
            [
                action(
                    "Launch a recruitment campaign for foster carers of teenagers.",
                    ["Fostering Service Manager"],
                    "March 2026",
                    "2026-03-31",
                ),
            ],
        ),
        recommendation(
            "3",
            "The consistency of life-story work for children in care.",
            [
                action(
                    "Introduce a life-story work standard and training for all social workers.",
                    ["Principal Social Worker"],
                    "December 2025",
                    "2025-12-31",
                ),
                action(
                    "Track completion of life-story work in the performance scorecard.",
                    ["Performance Manager"],
                    "January 2026",
                    "2026-01-31",
                ),
            ],
        ),
    ],
    kind="ILACS",
)
