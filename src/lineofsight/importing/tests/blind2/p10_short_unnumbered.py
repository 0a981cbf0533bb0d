"""A short focused-visit plan: three unnumbered recommendations and a 'Progress' column."""

from __future__ import annotations

from ._docx import add_table, new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "Focused visit response.docx"


def build() -> bytes:
    """One small table."""
    doc = new_document()
    doc.add_heading("Focused visit action plan", 1)
    doc.add_paragraph("Harrowfield Council – focused visit to the front door, January 2025.")
    add_table(
        doc,
        [
            ["Area for development", "Response", "Who", "When", "Progress"],
            [
                "The recording of consent when referrals are made.",
                "Update the referral form so that consent is a required question.",
                "Front Door Manager",
                "February 2025",
                "Complete",
            ],
            [
                "The timeliness of management decisions on contacts.",
                "Add a 24-hour decision timer to the front door dashboard.",
                "Business Intelligence Manager",
                "April 2025",
                "In progress",
            ],
            [
                "The quality of feedback to referrers.",
                "Write to every referrer with the outcome within three working days.",
                "Front Door Manager",
                "June 2025",
                "Not started",
            ],
        ],
    )
    return to_bytes(doc)


EXPECTED = plan(
    "Focused visit action plan",
    [
        recommendation(
            None,
            "The recording of consent when referrals are made.",
            [
                action(
                    "Update the referral form so that consent is a required question.",
                    ["Front Door Manager"],
                    "February 2025",
                    "2025-02-28",
                    status="complete",
                )
            ],
        ),
        recommendation(
            None,
            "The timeliness of management decisions on contacts.",
            [
                action(
                    "Add a 24-hour decision timer to the front door dashboard.",
                    ["Business Intelligence Manager"],
                    "April 2025",
                    "2025-04-30",
                    status="in_progress",
                )
            ],
        ),
        recommendation(
            None,
            "The quality of feedback to referrers.",
            [
                action(
                    "Write to every referrer with the outcome within three working days.",
                    ["Front Door Manager"],
                    "June 2025",
                    "2025-06-30",
                    status="not_started",
                )
            ],
        ),
    ],
    kind="Focused visit",
)
