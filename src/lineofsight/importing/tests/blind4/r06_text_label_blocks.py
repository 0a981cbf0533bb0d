"""A web page copied as text: site navigation, then each action as a block of
"Label: value" lines, blocks separated by blank lines, then the page footer."""

from __future__ import annotations

from ._kit import A, expected

FILENAME = "ofsted-improvement-plan-progress.txt"
_1 = "Improve the timeliness and quality of return home interviews for children who go missing."
_2 = "Ensure that disabled children receive timely assessments and reviews of their needs."
_3 = "Improve the recording of the reasons for management decisions in children's records."
ROWS = [
    A(
        "1",
        _1,
        "Bring the return home interview service in-house and recruit three specialist workers.",
        ["Head of Adolescent Safeguarding"],
        "30 June 2026",
        "2026-06-30",
        rag="amber",
        status="in_progress",
    ),
    A(
        "1",
        _1,
        "Share the themes from interviews at the monthly exploitation panel.",
        ["Exploitation and Missing Coordinator"],
        "Monthly",
        None,
        rag="green",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Review every disabled child's assessment that is more than 12 months old.",
        ["Disabled Children's Service Manager"],
        "August 2026",
        "2026-08-31",
        rag="red",
        status="not_started",
    ),
    A(
        "2",
        _2,
        "Introduce a joint panel with the SEND service so that EHC plan reviews and social care reviews are aligned.",
        ["Head of SEND", "Disabled Children's Service Manager"],
        "December 2026",
        "2026-12-31",
        rag="amber",
        status="not_started",
    ),
    A(
        "3",
        _3,
        "Add a mandatory 'management rationale' field to the supervision and case direction forms.",
        ["Business Systems Manager"],
        "April 2026",
        "2026-04-30",
        rag="green",
        status="complete",
    ),
    A(
        "3",
        _3,
        "Team managers' recording of decisions checked in the monthly audit programme.",
        ["Head of Quality Assurance"],
        "Ongoing",
        None,
        rag="green",
        status="in_progress",
    ),
]
_STATUS = {"complete": "Completed", "in_progress": "In progress", "not_started": "Not yet started"}


def build() -> bytes:
    lines = [
        "Skip to main content",
        "Penhallow County Council",
        "Home > Children and families > Children's social care > Ofsted inspection",
        "Search this site",
        "",
        "Our improvement plan after the Ofsted inspection",
        "",
        "Ofsted inspected our children's services (ILACS) from 12 to 23 January 2026. This page sets out "
        "what we are doing about each of their recommendations and how far we have got. We update it every "
        "quarter.",
        "",
        "Last updated: 2 March 2026",
        "",
    ]
    for r in ROWS:
        lines += [
            f"Recommendation: {r.rec_ref}. {r.rec_text}",
            f"Action: {r.text}",
            f"Lead officer: {' / '.join(r.owners)}",
            f"Target date: {r.due}",
            f"Progress: {_STATUS[r.status or 'not_started']}",
            f"RAG: {(r.rag or '').title()}",
            "",
        ]
    lines += [
        "Was this page useful? Yes / No",
        "Contact us | Accessibility statement | Cookies | Privacy",
        "© Penhallow County Council",
    ]
    return "\n".join(lines).encode()


EXPECTED = expected(
    "Our improvement plan after the Ofsted inspection",
    "Penhallow County Council",
    "ILACS",
    "2026-01-12",
    "2026-01-23",
    ROWS,
)
