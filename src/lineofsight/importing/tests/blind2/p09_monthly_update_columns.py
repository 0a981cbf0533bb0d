"""Excel tracker with monthly update columns headed by real dates (Apr-25, May-25, ...), mostly empty."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook

from ._expect import action, plan, recommendation

FILENAME = "Harrowfield improvement tracker 2025.xlsx"


def build() -> bytes:
    """Month columns formatted mmm-yy."""
    wb = Workbook()
    ws = wb.active
    months = [datetime(2025, m, 1) for m in (4, 5, 6, 7, 8, 9)]
    ws.append(["ID", "Recommendation", "Action", "Accountable lead", "Target date", *months])
    for cell in ws[1][5:]:
        cell.number_format = "mmm-yy"
    ws.append(
        [
            "1",
            "Improve the quality of return home interviews.",
            "Set a quality standard for RHI records.",
            "Missing Children Coordinator",
            "June 2025",
            "Draft standard written",
            None,
            "Standard signed off at DMT",
            None,
            None,
            None,
        ]
    )
    ws.append(
        [
            "2",
            "Strengthen the response to children at risk of exploitation.",
            "Set up a weekly exploitation triage meeting.",
            "Adolescent Safeguarding Manager",
            "May 2025",
            None,
            "Meeting running weekly",
            None,
            None,
            None,
            None,
        ]
    )
    ws.append(
        [
            "3",
            "Improve education outcomes for children in care.",
            "Recruit two additional virtual school advisers.",
            "Virtual School Head",
            "September 2025",
            None,
            None,
            None,
            None,
            None,
            None,
        ]
    )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


EXPECTED = plan(
    None,
    [
        recommendation(
            "1",
            "Improve the quality of return home interviews.",
            [
                action(
                    "Set a quality standard for RHI records.",
                    ["Missing Children Coordinator"],
                    "June 2025",
                    "2025-06-30",
                    updates=[
                        {"as_of": "2025-04-30", "text": "Draft standard written"},
                        {"as_of": "2025-06-30", "text": "Standard signed off at DMT"},
                    ],
                )
            ],
        ),
        recommendation(
            "2",
            "Strengthen the response to children at risk of exploitation.",
            [
                action(
                    "Set up a weekly exploitation triage meeting.",
                    ["Adolescent Safeguarding Manager"],
                    "May 2025",
                    "2025-05-31",
                    updates=[{"as_of": "2025-05-31", "text": "Meeting running weekly"}],
                )
            ],
        ),
        recommendation(
            "3",
            "Improve education outcomes for children in care.",
            [
                action(
                    "Recruit two additional virtual school advisers.",
                    ["Virtual School Head"],
                    "September 2025",
                    "2025-09-30",
                )
            ],
        ),
    ],
    organisation=None,
)
