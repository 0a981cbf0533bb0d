"""A table copied from a browser into plain text: every cell on its own line, the column
headings once at the top, each recommendation a heading line and its actions numbered
"1.1", "1.2" beneath it."""

from __future__ import annotations

from ._kit import A, expected, headings_as_printed

FILENAME = "Sandholme monitoring visit plan (copied).txt"
_1 = "Ensure that child protection visits happen within timescales and that children are seen alone."
_2 = "Improve the quality of core group meetings so that plans progress for children."
_3 = "Ensure that the step-down of children to early help is well planned."
ROWS = [
    A(
        "1",
        _1,
        "Visits tracker reviewed weekly by each team manager and escalated at 10 days.",
        ["Service Manager, Child Protection"],
        "June 2026",
        "2026-06-30",
        ref="1.1",
        status="complete",
    ),
    A(
        "1",
        _1,
        "Record whether the child was seen alone as a required field on the visit form.",
        ["Liquidlogic Systems Lead"],
        "July 2026",
        "2026-07-31",
        ref="1.2",
        status="in_progress",
    ),
    A(
        "1",
        _1,
        "Monthly audit of child protection visits by the Principal Social Worker.",
        ["Principal Social Worker"],
        "Monthly",
        None,
        ref="1.3",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Core group minutes to use a template that records progress against each plan outcome.",
        ["Child Protection Chair Manager"],
        "31 August 2026",
        "2026-08-31",
        ref="2.1",
        status="not_started",
    ),
    A(
        "2",
        _2,
        "Core group training for partners, delivered with the safeguarding partnership.",
        ["Partnership Training Manager", "Child Protection Chair Manager"],
        "October 2026",
        "2026-10-31",
        ref="2.2",
        status="not_started",
    ),
    A(
        "3",
        _3,
        "Every step-down to early help to have a joint meeting with the family and the early help worker.",
        ["Head of Early Help"],
        "End of September 2026",
        "2026-09-30",
        ref="3.1",
        status="in_progress",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "Underway", "not_started": "Not started"}


def build() -> bytes:
    lines = [
        "Sandholme Council",
        "Improvement plan following the Ofsted monitoring visit of 14 and 15 May 2026",
        "Children in need and children subject to child protection plans",
        "",
        "No.",
        "Action",
        "Responsible officer",
        "Timescale",
        "Progress",
    ]
    for k, r in enumerate(ROWS):
        if k == 0 or ROWS[k - 1].rec_ref != r.rec_ref:
            lines.append(f"Recommendation {r.rec_ref}: {r.rec_text}")
        lines += [r.ref or "", r.text, "; ".join(r.owners), r.due or "", _WORD[r.status or "not_started"]]
    lines += ["", "Plan owner: Assistant Director, Children's Social Care. Next review: November 2026."]
    return "\n".join(lines).encode()


EXPECTED = headings_as_printed(
    expected(
        "Improvement plan following the Ofsted monitoring visit of 14 and 15 May 2026",
        "Sandholme Council",
        "monitoring visit",
        "2026-05-14",
        "2026-05-15",
        ROWS,
    )
)
