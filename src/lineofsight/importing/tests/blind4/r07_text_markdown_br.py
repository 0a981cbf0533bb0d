"""A Markdown table exported from a wiki: one row per recommendation, several bullets in
the action cell joined by <br>, with parallel lists of leads, dates and statuses."""

from __future__ import annotations

from ._kit import A, expected

FILENAME = "Improvement-plan-(wiki-export).md.txt"
_1 = "Children's voices are not consistently captured in child in need plans."
_2 = "Quality assurance does not always lead to improvements in practice."
_3 = "Early help assessments are not always completed in a timely way."
ROWS = [
    A(
        "1",
        _1,
        "Launch the 'Me and my plan' tool for children aged 5 and over",
        ["Principal Social Worker"],
        "Jan 2026",
        "2026-01-31",
        status="complete",
    ),
    A(
        "1",
        _1,
        "Advocacy offered to every child on a child in need plan for more than 6 months",
        ["Participation Manager"],
        "Apr 2026",
        "2026-04-30",
        status="in_progress",
    ),
    A(
        "1",
        _1,
        "Add the child's own words as a required section of the plan template",
        ["Systems Lead"],
        "Mar 2026",
        "2026-03-31",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Every audit to end with agreed actions, followed up by the team manager within 4 weeks",
        ["Head of Quality Assurance"],
        "May 2026",
        "2026-05-31",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Publish a quarterly 'learning from audit' briefing for all staff",
        ["Head of Quality Assurance"],
        "Jun 2026",
        "2026-06-30",
        status="not_started",
    ),
    A(
        "3",
        _3,
        "Set a 35 working day standard for early help assessments",
        ["Head of Early Help"],
        "Feb 2026",
        "2026-02-28",
        status="complete",
    ),
    A(
        "3",
        _3,
        "Weekly tracker of assessments over 25 days to locality leads",
        ["Early Help Performance Officer"],
        "Ongoing",
        None,
        status="in_progress",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def build() -> bytes:
    lines = [
        "# Thistleford Borough Council – Children's Services ILACS Improvement Plan",
        "",
        "_Page owner: Children's Improvement Team. Inspection dates: 3–14 November 2025._",
        "",
        "| # | Ofsted recommendation | Actions | Lead | Due | Status |",
        "|---|---|---|---|---|---|",
    ]
    for ref in dict.fromkeys(r.rec_ref for r in ROWS):
        rows = [r for r in ROWS if r.rec_ref == ref]
        leads = [r.owners[0] for r in rows]
        lead_cell = leads[0] if len(set(leads)) == 1 else "<br>".join(leads)
        lines.append(
            f"| {ref} | {rows[0].rec_text} | "
            + "<br>".join(f"• {r.text}" for r in rows)
            + f" | {lead_cell} | "
            + "<br>".join(r.due or "" for r in rows)
            + " | "
            + "<br>".join(_WORD[r.status or "not_started"] for r in rows)
            + " |"
        )
    lines += ["", "Last edited by j.marsh, 4 March 2026"]
    return "\n".join(lines).encode()


EXPECTED = expected(
    "Children's Services ILACS Improvement Plan",
    "Thistleford Borough Council",
    "ILACS",
    "2025-11-03",
    "2025-11-14",
    ROWS,
)
