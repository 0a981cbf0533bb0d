"""A plan exported as a fixed-width grid table ("+----+" rules between rows, "|" between
cells), each cell wrapped over several lines inside its row, one row holding two bullets
with a date on a line for each and a single lead for both."""

from __future__ import annotations

import textwrap

from ._kit import A, expected, first_of_rec

FILENAME = "Calderbank_MV_plan_export.txt"
_1 = "Ensure that the quality of assessments for disabled children is consistently good."
_2 = "Improve the timeliness of transition planning for disabled young people from age 14."
ROWS = [
    A(
        "1",
        _1,
        "Specialist training on assessing the needs of disabled children for all workers in the Children "
        "with Disabilities team.",
        ["CWD Service Manager"],
        "July 2026",
        "2026-07-31",
        status="in_progress",
        rag="amber",
    ),
    A(
        "1",
        _1,
        "Short breaks panel decisions to be recorded with the reasons on the child's file.",
        ["CWD Service Manager"],
        "May 2026",
        "2026-05-31",
        status="in_progress",
        rag="amber",
    ),
    A(
        "1",
        _1,
        "Quarterly audit of assessments for disabled children by the quality assurance team.",
        ["CWD Service Manager"],
        "September 2026",
        "2026-09-30",
        status="in_progress",
        rag="amber",
    ),
    A(
        "2",
        _2,
        "Every young person aged 14 and over to have a transition plan agreed with adult social care.",
        ["Head of Preparing for Adulthood", "Adult Social Care Transitions Manager"],
        "December 2026",
        "2026-12-31",
        status="not_started",
        rag="red",
    ),
    A(
        "2",
        _2,
        "Joint transitions panel with health and education to meet monthly.",
        ["Head of Preparing for Adulthood"],
        "June 2026",
        "2026-06-30",
        status="complete",
        rag="green",
    ),
]
_W = [4, 26, 34, 22, 14, 12, 6]
_WORD = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def _rule(ch: str = "-") -> str:
    return "+" + "+".join(ch * (w + 2) for w in _W) + "+"


def _lines(cells: list[list[str]]) -> list[str]:
    wrapped = [[x for item in c for x in textwrap.wrap(item, w)] for c, w in zip(cells, _W, strict=True)]
    height = max(len(c) for c in wrapped)
    return [
        "|" + "|".join(f" {(c[i] if i < len(c) else ''):<{w}} " for c, w in zip(wrapped, _W, strict=True)) + "|"
        for i in range(height)
    ]


def build() -> bytes:
    out = [
        "CALDERBANK COUNCIL",
        "Action plan: Ofsted monitoring visit to disabled children's services, 21 and 22 April 2026",
        "",
        _rule(),
        *_lines([["Rec"], ["Recommendation"], ["Action"], ["Lead"], ["Due"], ["Status"], ["RAG"]]),
        _rule("="),
    ]
    k = 0
    while k < len(ROWS):
        r = ROWS[k]
        first = first_of_rec(ROWS, k)
        if k == 0:  # the first row holds two bullets, a date for each, one lead
            b = ROWS[1]
            cells = [
                [r.rec_ref or ""],
                [r.rec_text],
                [f"• {r.text}", f"• {b.text}"],
                [r.owners[0]],
                [r.due or "", b.due or ""],
                [_WORD[r.status or "not_started"]],
                [(r.rag or "").title()],
            ]
            k += 2
        else:
            cells = [
                [r.rec_ref or "" if first else ""],
                [r.rec_text if first else ""],
                [r.text],
                [" / ".join(r.owners)],
                [r.due or ""],
                [_WORD[r.status or "not_started"]],
                [(r.rag or "").title()],
            ]
            k += 1
        out += [*_lines(cells), _rule()]
    out += ["", "Exported from the performance system on 04/06/2026"]
    return "\n".join(out).encode()


EXPECTED = expected(
    "Action plan: Ofsted monitoring visit to disabled children's services, 21 and 22 April 2026",
    "Calderbank Council",
    "monitoring visit",
    "2026-04-21",
    "2026-04-22",
    ROWS,
)
