"""Text whose cells are joined by " / ", where an owner cell holds " / " itself."""

from __future__ import annotations

from ._kit import R, expected

FILENAME = "monitoring visit actions.txt"
ROWS = [
    R(
        "1",
        "Visits to children in care happen on time.",
        "Publish a weekly visits tracker.",
        ["Head of Children in Care", "Performance Manager"],
        "31 March 2026",
        "2026-03-31",
        status="in_progress",
        status_text="In progress",
    ),
    R(
        "1",
        "Visits to children in care happen on time.",
        "Escalate overdue visits to heads of service.",
        ["Team Managers"],
        "April 2026",
        "2026-04-30",
        status="not_started",
        status_text="Not started",
    ),
    R(
        "2",
        "Supervision records show reflection.",
        "Introduce a reflective supervision template.",
        ["Principal Social Worker"],
        "28 February 2026",
        "2026-02-28",
        status="complete",
        status_text="Complete",
    ),
    R(
        "3",
        "Strategy meetings include the police and health.",
        "Hold every strategy meeting online within a day.",
        ["Head of Safeguarding", "Police Sergeant, MASH"],
        "June 2026",
        "2026-06-30",
        status="in_progress",
        status_text="In progress",
    ),
]


def build() -> bytes:
    lines = [
        "Fernleigh Council monitoring visit – actions",
        "",
        "No. / Area for improvement / Action / Lead officer / Deadline / Status",
    ]
    for r in ROWS:
        lines.append(f"{r.ref} / {r.recommendation} / {r.action} / {' / '.join(r.owners)} / {r.due} / {r.status_text}")
    return "\n".join(lines).encode()


EXPECTED = expected(None, "Fernleigh Council", "monitoring_visit", None, None, ROWS)
