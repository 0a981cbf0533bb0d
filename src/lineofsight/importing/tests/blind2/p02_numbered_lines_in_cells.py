"""Excel plan whose cells hold numbered lines: actions, owners and dates matched by position."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment

from ._expect import action, plan, recommendation

FILENAME = "Harrowfield_action_tracker.xlsx"


def build() -> bytes:
    """Wrapped multi-line cells, as typed with Alt+Enter."""
    wb = Workbook()
    ws = wb.active
    ws.append(["No.", "Area for improvement", "Actions", "Owner", "Deadline", "Status"])
    ws.append(
        [
            "1",
            "Supervision is not always reflective and does not consistently challenge drift.",
            "1. Relaunch the supervision policy with a reflective template\n"
            "2. Train all team managers in reflective supervision\n"
            "3. Audit twenty supervision records each quarter",
            "1. Jo Smith\n2. Ali Khan\n3. Jo Smith",
            "1. Mar 26\n2. Jun 26\n3. Sep 26",
            "1. Complete\n2. In progress\n3. Not started",
        ]
    )
    ws.append(
        [
            "2",
            "Care leavers do not all have an up-to-date pathway plan.",
            "1. Review every pathway plan older than six months\n"
            "2. Set up a care leavers' forum to co-produce the plan template",
            "1. Priya Das\n2. Tom Reid",
            "1. Jan 26\n2. Apr 26",
            "1. In progress\n2. Not started",
        ]
    )
    ws.append(
        [
            "3",
            "Private fostering arrangements are not always identified.",
            "1. Run an awareness campaign with schools",
            "1. Priya Das",
            "1. Nov 25",
            "1. Complete",
        ]
    )
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


EXPECTED = plan(
    None,
    [
        recommendation(
            "1",
            "Supervision is not always reflective and does not consistently challenge drift.",
            [
                action(
                    "Relaunch the supervision policy with a reflective template",
                    ["Jo Smith"],
                    "Mar 26",
                    "2026-03-31",
                    ref="1",
                    status="complete",
                ),
                action(
                    "Train all team managers in reflective supervision",
                    ["Ali Khan"],
                    "Jun 26",
                    "2026-06-30",
                    ref="2",
                    status="in_progress",
                ),
                action(
                    "Audit twenty supervision records each quarter",
                    ["Jo Smith"],
                    "Sep 26",
                    "2026-09-30",
                    ref="3",
                    status="not_started",
                ),
            ],
        ),
        recommendation(
            "2",
            "Care leavers do not all have an up-to-date pathway plan.",
            [
                action(
                    "Review every pathway plan older than six months",
                    ["Priya Das"],
                    "Jan 26",
                    "2026-01-31",
                    ref="1",
                    status="in_progress",
                ),
                action(
                    "Set up a care leavers' forum to co-produce the plan template",
                    ["Tom Reid"],
                    "Apr 26",
                    "2026-04-30",
                    ref="2",
                    status="not_started",
                ),
            ],
        ),
        recommendation(
            "3",
            "Private fostering arrangements are not always identified.",
            [
                action(
                    "Run an awareness campaign with schools",
                    ["Priya Das"],
                    "Nov 25",
                    "2025-11-30",
                    ref="1",
                    status="complete",
                ),
            ],
        ),
    ],
    organisation=None,
)
