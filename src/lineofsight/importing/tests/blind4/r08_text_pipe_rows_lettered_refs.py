"""Text rows with a leading and trailing pipe and cells joined by " | ", no rule under the
header, refs such as "3a", owners joined by "+", and a partners column."""

from __future__ import annotations

from ._kit import A, expected

FILENAME = "Kilnsey_FV_actions.txt"
_1 = "Improve the quality of private fostering assessments."
_2 = "Ensure that children who are electively home educated are known to and checked by the local authority."
_3a = "Strengthen the oversight of children missing education by the Children Missing Education team."
_3b = "Ensure that information about children missing education is shared promptly with social care."
ROWS = [
    A(
        "1",
        _1,
        "Private fostering assessments to be completed by the fostering team, not the locality teams.",
        ["Fostering Service Manager"],
        "1 April 2026",
        "2026-04-01",
        status="complete",
        partners=["Schools", "GPs"],
    ),
    A(
        "1",
        _1,
        "Awareness campaign for schools and GP surgeries on private fostering notifications.",
        ["Fostering Service Manager", "Communications Officer"],
        "Summer 2026",
        "2026-08-31",
        status="in_progress",
        partners=["Schools", "GPs"],
    ),
    A(
        "2",
        _2,
        "Named officer to visit every newly home educated child within 10 school days.",
        ["Elective Home Education Lead"],
        "Sept 2026",
        "2026-09-30",
        status="not_started",
    ),
    A(
        "3a",
        _3a,
        "Weekly tracking meeting for every child missing education for more than 10 days.",
        ["Children Missing Education Officer", "Head of Inclusion"],
        "Immediately",
        None,
        status="complete",
    ),
    A(
        "3b",
        _3b,
        "Children Missing Education team to have read access to the social care case management system.",
        ["Head of Inclusion"],
        "30 June 2026",
        "2026-06-30",
        status="in_progress",
        partners=["ICT Services"],
    ),
    A(
        "3b",
        _3b,
        "Add children missing education to the MASH daily risk meeting agenda.",
        ["MASH Team Manager"],
        "May 2026",
        "2026-05-31",
        status="complete",
        partners=["Police", "Health"],
    ),
]
_WORD = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def build() -> bytes:
    lines = [
        "KILNSEY METROPOLITAN BOROUGH COUNCIL",
        "Focused visit to children's services (children in need and children missing education) - action log",
        "Visit dates: 24 and 25 February 2026",
        "",
        "| Rec | Ofsted finding | Action | Owner(s) | Partners | Due | Status |",
    ]
    for r in ROWS:
        lines.append(
            f"| {r.rec_ref} | {r.rec_text} | {r.text} | {' + '.join(r.owners)} | {', '.join(r.partners) or '-'} "
            f"| {r.due} | {_WORD[r.status or 'not_started']} |"
        )
    lines += ["", "End of action log"]
    return "\n".join(lines).encode()


EXPECTED = expected(
    "Focused visit to children's services (children in need and children missing education) - action log",
    "Kilnsey Metropolitan Borough Council",
    "focused visit",
    "2026-02-24",
    "2026-02-25",
    ROWS,
)
