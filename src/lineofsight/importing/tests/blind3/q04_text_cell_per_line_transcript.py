"""A plan copied out of a council web page: every cell on its own line, a blank line
between rows."""

from __future__ import annotations

from ._kit import R, expected

FILENAME = "plan copied from website.txt"
ROWS = [
    R(
        "1",
        "Improve the stability of placements.",
        "Open a placement support team for carers.",
        ["Head of Fostering"],
        "30 June 2026",
        "2026-06-30",
        status="in_progress",
        status_text="In progress",
    ),
    R(
        "1",
        "Improve the stability of placements.",
        "Offer every carer a review after a disruption.",
        ["Fostering Team Manager"],
        "31 March 2026",
        "2026-03-31",
        status="complete",
        status_text="Complete",
    ),
    R(
        "2",
        "Reduce repeat referrals to children's social care.",
        "Review every third referral within a year at panel.",
        ["Front Door Manager"],
        "May 2026",
        "2026-05-31",
        status="not_started",
        status_text="Not started",
    ),
    R(
        "3",
        "Hear the voice of children in their plans.",
        "Ask every child for their views before a review.",
        ["Independent Reviewing Manager"],
        "Ongoing",
        None,
        status="in_progress",
        status_text="In progress",
    ),
]


def build() -> bytes:
    lines = [
        "Brackenfold Council",
        "Children's services improvement plan",
        "",
        "Home > Children > Improvement plan",
        "",
    ]
    lines += ["Ref", "Recommendation", "What we will do", "Lead", "By when", "Status", ""]
    for r in ROWS:
        lines += [r.ref, r.recommendation, r.action, r.owners[0], r.due, r.status_text, ""]
    lines += ["Last updated 3 February 2026"]
    return "\n".join(lines).encode()


EXPECTED = expected("Children's services improvement plan", "Brackenfold Council", None, None, None, ROWS)
