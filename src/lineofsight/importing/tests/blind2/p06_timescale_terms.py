"""Word plan with a 'Timescale' column in terms (short/medium/long) and the inspection dates in the preamble."""

from __future__ import annotations

from ._docx import add_table, new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "Harrowfield post inspection plan.docx"


def build() -> bytes:
    """Preamble paragraphs, then one table."""
    doc = new_document()
    doc.add_heading("Post-inspection action plan", 0)
    doc.add_paragraph("Harrowfield Council Children's Services")
    doc.add_paragraph(
        "The inspection took place between 9 and 20 June 2025. Inspectors judged overall "
        "effectiveness to require improvement to be good."
    )
    add_table(
        doc,
        [
            ["Recommendation", "Action", "Responsible", "Timescale"],
            [
                "1. Improve the quality and timeliness of pre-proceedings work.",
                "Establish a weekly legal gateway panel chaired by the Head of Service.",
                "Head of Safeguarding",
                "Short term (0-3 months)",
            ],
            [
                "2. Ensure that children in care have timely health assessments.",
                "Agree a revised health assessment pathway with the integrated care board.",
                "Designated Nurse",
                "Medium term (3-6 months)",
            ],
            [
                "3. Increase the stability of the social work workforce.",
                "Implement a recruitment and retention strategy with market supplements.",
                "HR Business Partner",
                "Long term (6-12 months)",
            ],
        ],
    )
    return to_bytes(doc)


EXPECTED = plan(
    "Post-inspection action plan",
    [
        recommendation(
            "1",
            "Improve the quality and timeliness of pre-proceedings work.",
            [
                action(
                    "Establish a weekly legal gateway panel chaired by the Head of Service.",
                    ["Head of Safeguarding"],
                    "Short term (0-3 months)",
                    "2025-09-20",
                ),
            ],
        ),
        recommendation(
            "2",
            "Ensure that children in care have timely health assessments.",
            [
                action(
                    "Agree a revised health assessment pathway with the integrated care board.",
                    ["Designated Nurse"],
                    "Medium term (3-6 months)",
                    "2025-12-20",
                ),
            ],
        ),
        recommendation(
            "3",
            "Increase the stability of the social work workforce.",
            [
                action(
                    "Implement a recruitment and retention strategy with market supplements.",
                    ["HR Business Partner"],
                    "Long term (6-12 months)",
                    "2026-06-20",
                ),
            ],
        ),
    ],
    started="2025-06-09",
    ended="2025-06-20",
)
