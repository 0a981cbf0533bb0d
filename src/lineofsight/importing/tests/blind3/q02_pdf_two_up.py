"""A portrait A5 plan printed two pages to a landscape sheet (2-up), as committee papers are."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf, two_up

FILENAME = "Wexcombe focused visit plan 2up.pdf"
ROWS = [
    R(str(n // 2 + 1), rec_text, action, [owner], due, date)
    for n, (rec_text, action, owner, due, date) in enumerate(
        [
            (
                "Reduce delay for children waiting for adoption.",
                "Track every child's plan at a monthly permanence panel.",
                "Head of Permanence",
                "31 May 2026",
                "2026-05-31",
            ),
            (
                "Reduce delay for children waiting for adoption.",
                "Recruit two more adoption social workers.",
                "Adoption Service Manager",
                "July 2026",
                "2026-07-31",
            ),
            (
                "Improve the recording of management decisions.",
                "Add a decision field to the case recording system.",
                "Systems Lead",
                "28 February 2026",
                "2026-02-28",
            ),
            (
                "Improve the recording of management decisions.",
                "Check decision records in the monthly audit.",
                "Principal Social Worker",
                "Ongoing",
                None,
            ),
            (
                "Strengthen return home interviews.",
                "Offer every child an interview within 72 hours.",
                "Missing Children Coordinator",
                "31 January 2026",
                "2026-01-31",
            ),
            (
                "Strengthen return home interviews.",
                "Share interview themes with the exploitation panel.",
                "Exploitation Lead",
                "March 2026",
                "2026-03-31",
            ),
        ]
    )
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.ref)}</td><td>{esc(r.recommendation)}</td><td>{esc(r.action)}</td>"
        f"<td>{esc(r.owners[0])}</td><td>{esc(r.due)}</td></tr>"
        for r in ROWS
    )
    single = pdf(
        "<html><head><style>@page{size:A5;margin:1.2cm}body{font:8pt serif}"
        "table{border-collapse:collapse}td,th{border:0.5pt solid #444;vertical-align:top;padding:2pt}"
        "tr{break-inside:avoid}</style></head><body>"
        "<h2>Wexcombe Borough Council</h2><p>Focused visit improvement plan</p>"
        "<table><thead><tr><th>No.</th><th>Area for improvement</th><th>Action</th><th>Owner</th>"
        f"<th>Deadline</th></tr></thead>{body}</table></body></html>"
    )
    return two_up(single)


EXPECTED = expected("Focused visit improvement plan", "Wexcombe Borough Council", "focused_visit", None, None, ROWS)
