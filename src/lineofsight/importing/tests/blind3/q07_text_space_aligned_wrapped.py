"""A plan typed as fixed-width text: columns by spaces, long cells wrapped onto the next
lines in their column, a blank line between rows."""

from __future__ import annotations

import textwrap

from ._kit import R, expected

FILENAME = "plan.txt"
ROWS = [
    R(
        "1",
        "Improve the quality of child protection plans so that they are specific and measurable.",
        "Train every social worker in writing outcome-focused plans with clear timescales.",
        ["Head of Child Protection"],
        "30 June 2026",
        "2026-06-30",
        rag="amber",
    ),
    R(
        "1",
        "Improve the quality of child protection plans so that they are specific and measurable.",
        "Audit twenty plans each quarter and report to the board.",
        ["Quality Assurance Manager"],
        "Ongoing",
        None,
        rag="green",
    ),
    R(
        "2",
        "Reduce the number of children who wait for an assessment.",
        "Create a duty team for the north locality so that referrals are allocated the same day.",
        ["Assistant Director, Safeguarding"],
        "31 March 2026",
        "2026-03-31",
        rag="red",
    ),
    R(
        "3",
        "Make sure young people at risk of exploitation have a plan.",
        "Hold a weekly exploitation panel with police and health partners.",
        ["Exploitation Lead"],
        "January 2026",
        "2026-01-31",
        rag="green",
    ),
]
WIDTHS = [5, 30, 34, 22, 14, 6]


def build() -> bytes:
    out = ["Garthwaite Council", "Post-inspection improvement plan", ""]

    def row(cells: list[str]) -> None:
        wrapped = [textwrap.wrap(c, w - 2) or [""] for c, w in zip(cells, WIDTHS, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            out.append(
                "".join(
                    (w[k] if k < len(w) else "").ljust(width) for w, width in zip(wrapped, WIDTHS, strict=True)
                ).rstrip()
            )
        out.append("")

    row(["No", "Recommendation", "Action", "Lead", "Target date", "RAG"])
    for k, r in enumerate(ROWS):
        first = k == 0 or ROWS[k - 1].ref != r.ref
        row(
            [
                r.ref if first else "",
                r.recommendation if first else "",
                r.action,
                r.owners[0],
                r.due,
                (r.rag or "").title(),
            ]
        )
    return "\n".join(out).encode()


EXPECTED = expected("Post-inspection improvement plan", "Garthwaite Council", None, None, None, ROWS)
