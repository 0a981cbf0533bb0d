"""A PDF with no table: each priority a coloured heading, its actions a bulleted list,
and under each bullet one line of bold labels, "Lead:", "Timescale:" and "Progress:"."""

from __future__ import annotations

from ._kit import A, as_headings, esc, expected, pdf

FILENAME = "Rydal Cross improvement plan summary.pdf"
_1 = "Priority 1 – Children are safe at home: help and protection"
_2 = "Priority 2 – Children in care and care leavers thrive"
_3 = "Priority 3 – A stable, skilled workforce"
ROWS = [
    A(
        "1",
        _1,
        "Introduce a multi-agency neglect strategy and the Graded Care Profile 2 tool across the partnership.",
        ["Head of Safeguarding Partnerships"],
        "October 2026",
        "2026-10-31",
        status="in_progress",
    ),
    A(
        "1",
        _1,
        "Strengthen the MASH with a co-located education officer and a health practitioner.",
        ["MASH Manager"],
        "June 2026",
        "2026-06-30",
        status="complete",
    ),
    A(
        "2",
        _2,
        "Every child in care to have a life story book or later life letter started within six months.",
        ["Head of Children in Care"],
        "March 2027",
        "2027-03-31",
        status="not_started",
    ),
    A(
        "2",
        _2,
        "Launch a local offer for care leavers that includes council tax exemption up to 25.",
        ["Head of Leaving Care", "Director of Finance"],
        "April 2026",
        "2026-04-30",
        status="complete",
    ),
    A(
        "3",
        _3,
        "Introduce a social work academy for newly qualified social workers with protected caseloads.",
        ["Principal Social Worker"],
        "September 2026",
        "2026-09-30",
        status="in_progress",
    ),
    A(
        "3",
        _3,
        "Exit interviews for every social worker who leaves, with themes reported to the workforce board.",
        ["Head of HR Business Partnering"],
        "Ongoing",
        None,
        status="in_progress",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "Work has started", "not_started": "Not yet started"}


def build() -> bytes:
    parts: list[str] = []
    for k, r in enumerate(ROWS):
        if k == 0 or ROWS[k - 1].rec_ref != r.rec_ref:
            if k:
                parts.append("</ul>")
            parts.append(f"<h2>{esc(r.rec_text)}</h2><ul>")
        parts.append(
            f"<li><p>{esc(r.text)}</p><p class='l'><b>Lead:</b> {esc(' / '.join(r.owners))}&#160;&#160;&#160; "
            f"<b>Timescale:</b> {esc(r.due or '')}&#160;&#160;&#160; <b>Progress:</b> "
            f"{_WORD[r.status or 'not_started']}</p></li>"
        )
    parts.append("</ul>")
    return pdf(
        "<html><head><style>@page{size:A4;margin:2.2cm}body{font:10pt serif}"
        "h1{font:bold 16pt sans-serif;color:#5b2c6f}h2{font:bold 12pt sans-serif;color:white;background:#5b2c6f;"
        "padding:4pt}li{margin-bottom:6pt}li p{margin:0}p.l{font-size:9pt;color:#333}</style></head><body>"
        "<h1>Rydal Cross Council</h1><p><b>Our improvement plan for children's services – summary</b></p>"
        "<p>After the inspection of local authority children's services (ILACS) from 11 to 22 May 2026 found that "
        "services require improvement to be good, we agreed three priorities with our partners. This summary is "
        "for staff, partners and families; the full plan is available from the Improvement Team.</p>"
        f"{''.join(parts)}<p>Next review by the Improvement Board: January 2027.</p></body></html>"
    )


EXPECTED = as_headings(
    expected(
        "Our improvement plan for children's services – summary",
        "Rydal Cross Council",
        "ILACS",
        "2026-05-11",
        "2026-05-22",
        ROWS,
    ),
    {"1": _1, "2": _2, "3": _3},
)
