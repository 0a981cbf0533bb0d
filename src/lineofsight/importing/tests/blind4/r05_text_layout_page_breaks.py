"""Text as ``pdftotext -layout`` gives it: columns aligned by spaces, cells wrapped onto
two to four lines, no blank line between rows, and a form feed with the page header and
the column headings repeated on each page."""

from __future__ import annotations

import textwrap

from ._kit import A, expected

FILENAME = "Brackenridge_ILACS_plan_layout.txt"
_1 = "Improve the quality and consistency of assessments so that they reflect the child's lived experience."
_2 = "Strengthen the response to children aged 16 and 17 who present as homeless."
_3 = "Ensure that children in care have timely permanence plans, including early permanence."
ROWS = [
    A(
        "1",
        _1,
        "Roll out the Signs of Safety assessment framework with practice leads in each locality team "
        "and refresher workshops for experienced staff.",
        ["Head of Practice Development"],
        "30 April 2026",
        "2026-04-30",
        rag="green",
    ),
    A(
        "1",
        _1,
        "Introduce direct work tools and a 'day in the life' section to the assessment form on the case "
        "management system.",
        ["Systems Development Manager"],
        "June 2026",
        "2026-06-30",
        rag="amber",
    ),
    A(
        "1",
        _1,
        "Monthly moderation of assessments by team managers, with learning themes reported to the "
        "Practice Improvement Group.",
        ["Service Manager, Assessment"],
        "Ongoing",
        None,
        rag="green",
    ),
    A(
        "2",
        _2,
        "Agree a joint housing and children's services protocol for 16 and 17 year olds, signed off by both directors.",
        ["Head of Adolescent Services", "Head of Housing Needs"],
        "31 March 2026",
        "2026-03-31",
        rag="red",
    ),
    A(
        "2",
        _2,
        "Every young person presenting as homeless to have a joint assessment started within one working day.",
        ["Adolescent Team Manager"],
        "May 2026",
        "2026-05-31",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Permanence planning meeting for every child by the second looked after review, tracked weekly.",
        ["Head of Children in Care"],
        "July 2026",
        "2026-07-31",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Establish a Fostering for Adoption pathway with the regional adoption agency.",
        ["Regional Adoption Agency Manager"],
        "Sept 2026",
        "2026-09-30",
        rag="green",
    ),
]
WIDTHS = [6, 34, 44, 26, 16, 8]
HEAD = ["Ref", "Recommendation", "Action", "Lead", "Due", "RAG"]


def _row(cells: list[str]) -> list[str]:
    wrapped = [textwrap.wrap(c, w - 3, break_long_words=False) or [""] for c, w in zip(cells, WIDTHS, strict=True)]
    return [
        "".join((w[k] if k < len(w) else "").ljust(width) for w, width in zip(wrapped, WIDTHS, strict=True)).rstrip()
        for k in range(max(len(w) for w in wrapped))
    ]


def _header(page: int) -> list[str]:
    return [
        "    Brackenridge Council                              ILACS Improvement Plan 2026-27",
        "",
        *_row(HEAD),
    ]


def build() -> bytes:
    pages: list[list[str]] = [[], []]
    for k, r in enumerate(ROWS):
        page = 0 if k < 4 else 1
        first = k == 0 or ROWS[k - 1].rec_ref != r.rec_ref or k == 4
        lines = _row(
            [
                r.rec_ref or "",
                r.rec_text if first else "",
                r.text,
                " / ".join(r.owners),
                r.due or "",
                (r.rag or "").title(),
            ]
        )
        pages[page].extend(lines)
    out: list[str] = []
    for n, body in enumerate(pages, start=1):
        text = "\n".join([*_header(n), *body, "", f"{'Page ' + str(n) + ' of 2':>100}"])
        out.append(text)
    return ("\n\f".join(out) + "\n").encode()


EXPECTED = expected("ILACS Improvement Plan 2026-27", "Brackenridge Council", "ILACS", None, None, ROWS)
