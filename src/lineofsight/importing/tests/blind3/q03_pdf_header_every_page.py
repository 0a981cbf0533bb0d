"""A long plan whose header row, council title and page numbers repeat on every page."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf

FILENAME = "Hallowmere improvement plan.pdf"
_TOPICS = [
    (
        "Children in care see their social worker alone.",
        "Record a seen-alone note at every visit.",
        "Head of Children in Care",
    ),
    ("Supervision is regular and reflective.", "Hold supervision every four weeks for each worker.", "Team Managers"),
    ("Early help assessments lead to support.", "Allocate every assessment within five days.", "Early Help Manager"),
    ("Partners understand thresholds.", "Publish a revised threshold guide with partners.", "Head of Front Door"),
    ("Pathway plans are up to date.", "Review every pathway plan every six months.", "Leaving Care Manager"),
    ("Private fostering is identified.", "Run an awareness campaign in schools.", "Safeguarding Partnership Manager"),
    (
        "Disabled children have timely reviews.",
        "Schedule reviews at the start of the year.",
        "Disabled Children Team Manager",
    ),
    ("Caseloads are manageable.", "Recruit permanent social workers to every vacancy.", "Workforce Lead"),
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
_LAST = [31, 28, 31, 30, 31, 30, 31, 31]
ROWS = []
for n, (rec_text, action, owner) in enumerate(_TOPICS, 1):
    for k, step in enumerate([action, f"Report progress on this to the improvement board ({n})."]):
        month = (n + k) % 8
        ROWS.append(
            R(
                f"{n}",
                rec_text,
                step,
                [owner],
                f"{_LAST[month]} {_MONTHS[month]} 2026",
                f"2026-{month + 1:02d}-{_LAST[month]:02d}",
                status="in_progress" if k == 0 else "not_started",
                status_text="In progress" if k == 0 else "Not started",
            )
        )


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.ref)}</td><td>{esc(r.recommendation)}</td><td>{esc(r.action)}</td>"
        f"<td>{esc(r.owners[0])}</td><td>{esc(r.due)}</td><td>{esc(r.status_text)}</td>"
        f"<td>{'Progress notes are kept in the board log. ' * 4}</td></tr>"
        for r in ROWS
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2.2cm 1.5cm;"
        "@top-center{content:'Hallowmere Council – improvement plan – OFFICIAL'}"
        "@bottom-right{content:'Page ' counter(page) ' of ' counter(pages)}}"
        "body{font:9pt sans-serif}table{border-collapse:collapse}"
        "td,th{border-bottom:0.5pt solid #999;vertical-align:top;padding:3pt;text-align:left}"
        "tr{break-inside:avoid}</style></head><body>"
        "<h1>Hallowmere Council</h1><p>Improvement plan after the ILACS inspection, 9 to 20 June 2025</p>"
        "<table><thead><tr><th>Rec</th><th>Recommendation</th><th>Action</th><th>Responsible officer</th>"
        f"<th>Target date</th><th>Status</th><th>Comments</th></tr></thead>{body}</table></body></html>"
    )


EXPECTED = expected(
    "Improvement plan after the ILACS inspection", "Hallowmere Council", "ILACS", "2025-06-09", "2025-06-20", ROWS
)
