"""A plan sent as a plain-text e-mail: each recommendation a heading line in capitals,
"REC 1 – ...", and each action a dash bullet ending "(Lead: X; by June 2026)"."""

from __future__ import annotations

from ._kit import A, as_headings, expected

FILENAME = "FW Monitoring visit action plan - final.txt"
_1 = "IMPROVE THE QUALITY AND CONSISTENCY OF CHILD PROTECTION PLANS"
_2 = "STRENGTHEN THE USE OF THE PUBLIC LAW OUTLINE PRE-PROCEEDINGS PROCESS"
_3 = "ENSURE THAT CHILDREN IN NEED OF HELP AND PROTECTION ARE SEEN REGULARLY"
ROWS = [
    A(
        "1",
        _1,
        "Relaunch the child protection plan template with outcomes written for the family",
        ["Child Protection Chair Manager"],
        "by June 2026",
        "2026-06-30",
    ),
    A(
        "1",
        _1,
        "Conference chairs to quality assure every plan within 5 working days of conference",
        ["Child Protection Chair Manager"],
        "by end of July 2026",
        "2026-07-31",
    ),
    A(
        "1",
        _1,
        "Multi-agency training for core group members on SMART planning",
        ["Safeguarding Partnership Training Lead", "Principal Social Worker"],
        "by October 2026",
        "2026-10-31",
    ),
    A(
        "2",
        _2,
        "Weekly legal planning meeting to track every family in pre-proceedings",
        ["Head of Safeguarding"],
        "from May 2026",
        None,
    ),
    A(
        "2",
        _2,
        "Audit all cases in pre-proceedings for more than 16 weeks and agree a plan for each",
        ["Head of Safeguarding", "Legal Services Manager"],
        "by 31 May 2026",
        "2026-05-31",
    ),
    A(
        "3",
        _3,
        "Visiting frequency set out in every plan and monitored through the weekly performance report",
        ["Performance Lead"],
        "by June 2026",
        "2026-06-30",
    ),
    A("3", _3, "Team managers to check visits in monthly supervision", ["Team Managers"], "ongoing", None),
]


def build() -> bytes:
    lines = [
        "From: Assistant Director, Children's Social Care",
        "Sent: 02 April 2026 16:41",
        "To: Children's Improvement Board",
        "Subject: FW: Monitoring visit action plan - final",
        "",
        "Dear all,",
        "",
        "Please see below the final version of our action plan following the Ofsted monitoring visit of "
        "10 and 11 March 2026, which looked at children in need of help and protection. Any comments to me by Friday.",
        "",
        "Hollinsbridge Council - Monitoring Visit Action Plan",
        "",
    ]
    for k, r in enumerate(ROWS):
        if k == 0 or ROWS[k - 1].rec_ref != r.rec_ref:
            if k:
                lines.append("")
            lines.append(f"REC {r.rec_ref} \u2013 {r.rec_text}")
        lines.append(f"- {r.text} (Lead: {' / '.join(r.owners)}; {r.due})")
    lines += [
        "",
        "Kind regards,",
        "Assistant Director, Children's Social Care",
        "Hollinsbridge Council",
        "",
        "This e-mail and any attachments are confidential and intended solely for the addressee.",
    ]
    return "\n".join(lines).encode()


EXPECTED = as_headings(
    expected(
        "Monitoring Visit Action Plan",
        "Hollinsbridge Council",
        "monitoring visit",
        "2026-03-10",
        "2026-03-11",
        ROWS,
    ),
    {ref: f"REC {ref} \u2013 {text}" for ref, text in (("1", _1), ("2", _2), ("3", _3))},
)
