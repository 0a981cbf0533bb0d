"""A JTAI plan where each recommendation is a bold heading paragraph above its own small
table (Action | Lead | Deadline | Status), statuses written as words."""

from __future__ import annotations

from ._kit import A, esc, expected, headings_as_printed, pdf

FILENAME = "Westmarsh JTAI action plan - neglect.pdf"
_1 = "Partners should improve the identification of neglect in pre-school children, especially by health visitors."
_2 = "The safeguarding partnership should assure itself that the graded care profile is used consistently."
_3 = "Improve the quality and timeliness of information sharing between schools and children's social care."
ROWS = [
    A(
        "1",
        _1,
        "Health visitors to complete the neglect screening tool at every new birth and 12-month review.",
        ["Head of Public Health Nursing"],
        "31 May 2026",
        "2026-05-31",
        status="in_progress",
    ),
    A(
        "1",
        _1,
        "Deliver multi-agency neglect training to early years settings.",
        ["Early Years Safeguarding Officer"],
        "July 2026",
        "2026-07-31",
        status="not_started",
    ),
    A(
        "2",
        _2,
        "Refresh the Graded Care Profile 2 guidance and publish it on the partnership website.",
        ["Safeguarding Partnership Business Manager"],
        "March 2026",
        "2026-03-31",
        status="complete",
    ),
    A(
        "2",
        _2,
        "Multi-agency audit of 20 cases where neglect is the primary concern.",
        ["Chair of the Quality Assurance Subgroup"],
        "September 2026",
        "2026-09-30",
        status="not_started",
    ),
    A(
        "2",
        _2,
        "Report use of the graded care profile to the partnership executive each quarter.",
        ["Safeguarding Partnership Business Manager"],
        "Quarterly",
        None,
        status="in_progress",
    ),
    A(
        "3",
        _3,
        "Designated safeguarding leads to receive the outcome of every referral within 5 working days.",
        ["Head of MASH"],
        "April 2026",
        "2026-04-30",
        status="in_progress",
    ),
    A(
        "3",
        _3,
        "Launch a schools' consultation line staffed by a senior social worker.",
        ["Education Safeguarding Lead", "Head of MASH"],
        "March 2026",
        "2026-03-31",
        status="complete",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def build() -> bytes:
    parts: list[str] = []
    for ref in dict.fromkeys(r.rec_ref for r in ROWS):
        rows = [r for r in ROWS if r.rec_ref == ref]
        parts.append(f"<p class='rec'>Recommendation {ref}: {esc(rows[0].rec_text)}</p>")
        parts.append(
            "<table><tr><th>Action</th><th>Lead</th><th>Deadline</th><th>Status</th></tr>"
            + "".join(
                f"<tr><td>{esc(r.text)}</td><td>{esc('; '.join(r.owners))}"
                f"</td><td>{esc(r.due or '')}</td><td>{_WORD[r.status or 'not_started']}</td></tr>"
                for r in rows
            )
            + "</table>"
        )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:10pt Calibri,sans-serif}"
        ".rec{font-weight:bold;margin:14pt 0 4pt 0}table{border-collapse:collapse;width:100%}"
        "td,th{border:0.5pt solid #444;padding:3pt 5pt;vertical-align:top;text-align:left}"
        "th{background:#eee}</style></head><body>"
        "<h1>Westmarsh Safeguarding Children Partnership</h1>"
        "<h2>Joint targeted area inspection: multi-agency response to children living with neglect</h2>"
        "<p>Written statement of action following the inspection of 2 to 6 February 2026.</p>"
        + "".join(parts)
        + "</body></html>"
    )


EXPECTED = headings_as_printed(
    expected(
        "Joint targeted area inspection: multi-agency response to children living with neglect",
        "Westmarsh Safeguarding Children Partnership",
        "JTAI",
        "2026-02-02",
        "2026-02-06",
        ROWS,
    )
)
