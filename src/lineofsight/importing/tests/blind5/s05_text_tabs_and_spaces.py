"""Text copied out of a PDF viewer: one line per row, the cells separated by single tabs
in some rows and by runs of spaces in others, the header in tabs, blank ref and
recommendation cells on follow-on rows."""

from __future__ import annotations

from ._kit import A, expected, first_of_rec

FILENAME = "Wexcombe improvement plan (copied from PDF).txt"
_1 = "Improve the quality of plans for children in need so that they are specific and time bound."
_2 = "Strengthen the response to children aged 16 and 17 who present as homeless."
_3 = "Improve the stability of the social work workforce."
ROWS = [
    A(
        "1",
        _1,
        "Children in need plan template revised with SMART outcomes and review dates.",
        ["Head of Children in Need"],
        "May 2026",
        "2026-05-31",
        status="complete",
    ),
    A(
        "1",
        _1,
        "Child in need reviews chaired by a team manager at least every three months.",
        ["Team Managers, Children in Need"],
        "June 2026",
        "2026-06-30",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Joint housing and children's services protocol for 16 and 17 year olds agreed and launched.",
        ["Head of Adolescent Services", "Housing Options Manager"],
        "July 2026",
        "2026-07-31",
        status="in_progress",
    ),
    A(
        "2",
        _2,
        "Every young person presenting as homeless to be offered an assessment under section 17 and section 20.",
        ["Head of Adolescent Services"],
        "Immediately",
        None,
        status="in_progress",
    ),
    A(
        "3",
        _3,
        "Refresh the recruitment and retention strategy, including a career progression framework.",
        ["Head of Workforce Development"],
        "September 2026",
        "2026-09-30",
        status="not_started",
    ),
    A(
        "3",
        _3,
        "Reduce agency social workers to below 15% of the workforce.",
        ["Director of Children's Services"],
        "March 2027",
        "2027-03-31",
        status="not_started",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def build() -> bytes:
    lines = [
        "Wexcombe Borough Council",
        "Children's Social Care Improvement Plan",
        "Following the inspection of local authority children's services (ILACS), 2 to 13 March 2026",
        "",
        "Ref\tRecommendation\tAction\tLead\tBy when\tStatus",
    ]
    for k, r in enumerate(ROWS):
        first = first_of_rec(ROWS, k)
        ref, rec = (r.rec_ref or "", r.rec_text) if first else ("", "")
        cells = [ref, rec, r.text, " / ".join(r.owners), r.due or "", _WORD[r.status or "not_started"]]
        if k in (0, 3, 5):
            lines.append("\t".join(cells))
        else:
            lines.append(("   ".join(c for c in cells if c)) if first else "      " + "   ".join(cells[2:]))
    lines += ["", "Page 1 of 1"]
    return "\n".join(lines).encode()


EXPECTED = expected(
    "Children's Social Care Improvement Plan",
    "Wexcombe Borough Council",
    "ILACS",
    "2026-03-02",
    "2026-03-13",
    ROWS,
)
