"""Text whose cells are joined by " | " one row a line, with no Markdown rule under the
header, and a heading line between groups."""

from __future__ import annotations

from ._kit import R, expected

FILENAME = "action plan export.txt"
ROWS = [
    R(
        "A1",
        "Strengthen management oversight in the assessment teams.",
        "Managers record oversight at every assessment.",
        ["Head of Assessment"],
        "31 May 2026",
        "2026-05-31",
        rag="amber",
    ),
    R(
        "A1",
        "Strengthen management oversight in the assessment teams.",
        "Dip-sample oversight records each month.",
        ["Quality Assurance Lead"],
        "Ongoing",
        None,
        rag="green",
    ),
    R(
        "A2",
        "Improve the timeliness of health assessments.",
        "Agree a booking protocol with the health provider.",
        ["Designated Nurse"],
        "30 April 2026",
        "2026-04-30",
        rag="red",
    ),
    R(
        "B1",
        "Care leavers have suitable homes.",
        "Open a supported lodgings scheme.",
        ["Leaving Care Manager"],
        "October 2026",
        "2026-10-31",
        rag="amber",
    ),
]


def build() -> bytes:
    lines = ["Eldermoor Council – ILACS improvement plan", "", "Ref | Recommendation | Action | Lead | Due | RAG"]
    for k, r in enumerate(ROWS):
        if k == 3:
            lines.append("Care leavers")
        lines.append(f"{r.ref} | {r.recommendation} | {r.action} | {r.owners[0]} | {r.due} | {(r.rag or '').title()}")
    return "\n".join(lines).encode()


EXPECTED = expected("ILACS improvement plan", "Eldermoor Council", "ILACS", None, None, ROWS)
