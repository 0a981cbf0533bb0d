"""A monitoring-visit plan printed to PDF whose target dates come in many forms:
financial quarters, "End of March 2027", "Sept 26", seasons, numeric dates, ranges."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Ashby Vale monitoring visit plan.pdf"
_1 = "Pathway plans for care leavers are not consistently reviewed or co-produced with young people."
_2 = "Personal advisers' caseloads are too high to allow regular contact."
_3 = "Care leavers' access to suitable accommodation and to education, employment and training."
ROWS = [
    A(
        "P1",
        _1,
        "Rewrite the pathway plan template with young people from the Care Leavers' Forum.",
        ["Head of Leaving Care"],
        "Autumn 2026",
        "2026-11-30",
        rag="amber",
    ),
    A(
        "P1",
        _1,
        "Every pathway plan reviewed at least every six months, tracked on the leaving care dashboard.",
        ["Leaving Care Team Manager"],
        "Q3 2026/27",
        # The last day of the period committed to (plan-format.md): the third quarter of
        # the financial year 2026/27 ends with December 2026. (First written as null.)
        "2026-12-31",
        rag="amber",
    ),
    A(
        "P1",
        _1,
        "Audit 15 pathway plans a quarter, including a conversation with the young person.",
        ["Quality Assurance Manager"],
        "Jan-Mar 2027",
        "2027-03-31",
        rag="green",
    ),
    A(
        "P2",
        _2,
        "Recruit four additional personal advisers.",
        ["Assistant Director, Children in Care"],
        "Sept 26",
        "2026-09-30",
        rag="red",
    ),
    A(
        "P2",
        _2,
        "Reduce average caseloads to no more than 20 young people per adviser.",
        ["Head of Leaving Care"],
        "End of March 2027",
        "2027-03-31",
        rag="red",
    ),
    A(
        "P3",
        _3,
        "Agree a care leaver housing protocol with the district housing authorities.",
        ["Head of Leaving Care", "Housing Options Manager"],
        "31/01/2027",
        "2027-01-31",
        rag="amber",
    ),
    A(
        "P3",
        _3,
        "Offer a paid internship to every care leaver who is not in education, employment or training.",
        ["Virtual School Head"],
        "Spring 2027",
        "2027-05-31",
        rag="green",
    ),
    A(
        "P3",
        _3,
        "Extend the council tax exemption for care leavers to age 25.",
        ["Director of Finance"],
        "By 1st Dec 2026",
        "2026-12-01",
        rag="green",
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.text)}</td><td>{esc(' + '.join(r.owners))}</td><td>{esc(r.due or '')}</td>"
        f"<td>{esc((r.rag or '').upper())}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.6cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #999;padding:3pt 5pt;"
        "vertical-align:top;text-align:left}th{background:#dde}</style></head><body>"
        "<h2>Ashby Vale Council – Children's Services</h2>"
        "<h3>Action plan following the Ofsted monitoring visit to care leavers' services (9 and 10 June 2026)</h3>"
        "<table><thead><tr><th>Priority</th><th>Area for development</th><th>Action</th><th>Owner</th>"
        f"<th>Target date</th><th>RAG</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "Action plan following the Ofsted monitoring visit to care leavers' services",
    "Ashby Vale Council",
    "monitoring visit",
    "2026-06-09",
    "2026-06-10",
    ROWS,
)
