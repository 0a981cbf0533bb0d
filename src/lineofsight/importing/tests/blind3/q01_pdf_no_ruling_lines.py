"""A landscape PDF whose table has no lines at all: columns only by white space."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf

FILENAME = "Thornbury ILACS action plan (committee version).pdf"
ROWS = [
    R(
        "1",
        "Strengthen the quality of assessments for children in need.",
        "Introduce an assessment quality checklist for every team.",
        ["Head of Assessment"],
        "31 March 2026",
        "2026-03-31",
        rag="green",
    ),
    R(
        "1",
        "Strengthen the quality of assessments for children in need.",
        "Audit ten assessments each month and share the learning.",
        ["Quality Assurance Manager"],
        "June 2026",
        "2026-06-30",
        rag="amber",
    ),
    R(
        "2",
        "Improve the timeliness of initial child protection conferences.",
        "Book every conference within three days of the strategy meeting.",
        ["Conference Service Manager"],
        "30 April 2026",
        "2026-04-30",
        rag="red",
    ),
    R(
        "2",
        "Improve the timeliness of initial child protection conferences.",
        "Report conference timeliness to the safeguarding partnership each quarter.",
        ["Head of Safeguarding"],
        "Ongoing",
        None,
        rag="green",
    ),
    R(
        "3",
        "Make sure care leavers know their entitlements.",
        "Send every care leaver a printed and online local offer.",
        ["Leaving Care Manager"],
        "September 2026",
        "2026-09-30",
        rag="amber",
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.ref) if k == 0 or ROWS[k - 1].ref != r.ref else ''}</td>"
        f"<td>{esc(r.recommendation) if k == 0 or ROWS[k - 1].ref != r.ref else ''}</td>"
        f"<td>{esc(r.action)}</td><td>{esc('; '.join(r.owners))}</td><td>{esc(r.due)}</td>"
        f"<td>{esc((r.rag or '').title())}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:2cm}body{font:10pt sans-serif}"
        "td,th{vertical-align:top;text-align:left;padding:4pt 10pt}</style></head><body>"
        "<h1>Thornbury Council</h1><p>ILACS action plan. Inspection 3 to 14 November 2025.</p>"
        "<table><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead officer</th>"
        f"<th>Timescale</th><th>RAG</th></tr>{body}</table></body></html>"
    )


EXPECTED = expected("ILACS action plan", "Thornbury Council", "ILACS", "2025-11-03", "2025-11-14", ROWS)
