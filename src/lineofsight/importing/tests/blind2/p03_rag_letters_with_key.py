"""Excel plan with separate RAG and Status columns, RAG as single letters with a key sheet."""

from __future__ import annotations

import io

from openpyxl import Workbook

from ._expect import action, plan, recommendation

FILENAME = "HF focused visit plan.xlsx"


def build() -> bytes:
    """A key sheet first, then the plan sheet."""
    wb = Workbook()
    key = wb.active
    key.title = "Key"
    key.append(["RAG key"])
    key.append(["R", "Red – off track"])
    key.append(["A", "Amber – some risk"])
    key.append(["G", "Green – on track"])
    key.append(["C", "Complete"])
    ws = wb.create_sheet("Action plan")
    ws.append(["Rec", "Ofsted recommendation", "Action", "Responsible officer", "Due", "Status", "RAG"])
    ws.append(
        [
            "1",
            "The quality of assessments for children at the front door is too variable.",
            "Introduce a practice standard for MASH assessments.",
            "MASH Team Manager",
            "April 2025",
            "Complete",
            "C",
        ]
    )
    ws.append(
        [
            "1",
            None,
            "Quality assure a sample of ten assessments each month.",
            "Practice Lead",
            "Monthly from May 2025",
            "In progress",
            "G",
        ]
    )
    ws.append(
        [
            "2",
            "Thresholds for early help are not consistently understood by partners.",
            "Deliver threshold workshops to schools and GPs.",
            "Early Help Manager",
            "September 2025",
            "In progress",
            "A",
        ]
    )
    ws.append(
        [
            "3",
            "Management oversight of strategy discussions is not recorded.",
            "Change the case system so the manager's decision is a required field.",
            "Systems Lead",
            "July 2025",
            "Not started",
            "R",
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
            "The quality of assessments for children at the front door is too variable.",
            [
                action(
                    "Introduce a practice standard for MASH assessments.",
                    ["MASH Team Manager"],
                    "April 2025",
                    "2025-04-30",
                    status="complete",
                    rag="blue",
                ),
                action(
                    "Quality assure a sample of ten assessments each month.",
                    ["Practice Lead"],
                    "Monthly from May 2025",
                    None,
                    status="in_progress",
                    rag="green",
                ),
            ],
        ),
        recommendation(
            "2",
            "Thresholds for early help are not consistently understood by partners.",
            [
                action(
                    "Deliver threshold workshops to schools and GPs.",
                    ["Early Help Manager"],
                    "September 2025",
                    "2025-09-30",
                    status="in_progress",
                    rag="amber",
                ),
            ],
        ),
        recommendation(
            "3",
            "Management oversight of strategy discussions is not recorded.",
            [
                action(
                    "Change the case system so the manager's decision is a required field.",
                    ["Systems Lead"],
                    "July 2025",
                    "2025-07-31",
                    status="not_started",
                    rag="red",
                ),
            ],
        ),
    ],
    organisation=None,
)
