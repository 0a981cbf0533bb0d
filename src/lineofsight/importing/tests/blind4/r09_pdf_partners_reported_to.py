"""A PDF whose recommendations are full-width shaded rows inside the table, followed by
lettered action rows with two leads split by "/", a partners column and a "Reported to"
column naming the governance board."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, headings_as_printed, pdf

FILENAME = "Morrowby JTAI exploitation plan FINAL.pdf"
_1 = "Improve the multi-agency identification of children at risk of criminal exploitation."
_2 = "Ensure that children in care who are exploited have stable homes and trusted adults."
_3 = "Partners should use disruption activity against perpetrators more consistently."
ROWS = [
    A(
        "1",
        _1,
        "Launch a single exploitation screening tool for all agencies.",
        ["Head of Adolescent Services", "Detective Inspector, Exploitation Hub"],
        "September 2026",
        "2026-09-30",
        ref="a",
        rag="green",
        partners=["Police", "Health", "Schools"],
        reported_to=["Safeguarding Partnership Executive"],
    ),
    A(
        "1",
        _1,
        "Deliver contextual safeguarding training to 300 frontline staff across the partnership.",
        ["Partnership Training Manager"],
        "July 2026",
        "2026-07-31",
        ref="b",
        rag="amber",
        partners=["Police", "Health", "Youth Justice Service"],
        reported_to=["Safeguarding Partnership Executive"],
    ),
    A(
        "2",
        _2,
        "Every exploited child in care to have a named trusted adult recorded on their care plan.",
        ["Head of Children in Care", "Independent Reviewing Service Manager"],
        "May 2026",
        "2026-05-31",
        ref="a",
        rag="amber",
        partners=["Foster carers", "Residential providers"],
        reported_to=["Corporate Parenting Board"],
    ),
    A(
        "2",
        _2,
        "Review placement stability for every child in care with an exploitation concern.",
        ["Placements Manager"],
        "June 2026",
        "2026-06-30",
        ref="b",
        rag="red",
        partners=["Residential providers"],
        reported_to=["Corporate Parenting Board", "Improvement Board"],
    ),
    A(
        "3",
        _3,
        "Monthly disruption meeting chaired by the police, with a tracker of actions taken.",
        ["Detective Chief Inspector, Public Protection", "Community Safety Manager"],
        "May 2026",
        "2026-05-31",
        ref="a",
        rag="green",
        partners=["Police", "Trading Standards", "Housing"],
        reported_to=["Community Safety Partnership"],
    ),
    A(
        "3",
        _3,
        "Use of Child Abduction Warning Notices and Community Protection Notices reported each quarter.",
        ["Community Safety Manager"],
        "Quarterly from April 2026",
        None,
        ref="b",
        rag="amber",
        partners=["Police"],
        reported_to=["Improvement Board"],
    ),
]


def build() -> bytes:
    body: list[str] = []
    for k, r in enumerate(ROWS):
        if first_of_rec(ROWS, k):
            body.append(
                f"<tr class='rec'><td colspan='7'>Recommendation {esc(r.rec_ref or '')}: {esc(r.rec_text)}</td></tr>"
            )
        body.append(
            f"<tr><td>{esc(r.ref or '')})</td><td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td>"
            f"<td>{esc(', '.join(r.partners))}</td><td>{'<br>'.join(esc(b) for b in r.reported_to)}</td>"
            f"<td>{esc(r.due or '')}</td><td>{esc((r.rag or '').title())}</td></tr>"
        )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.5cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #555;padding:3pt 4pt;"
        "vertical-align:top;text-align:left}th{background:#c6e0b4}tr.rec td{background:#e2efda;"
        "font-weight:bold}</style></head><body>"
        "<h1>Morrowby Safeguarding Children Partnership</h1>"
        "<p><b>Joint targeted area inspection action plan – the multi-agency response to children at risk of "
        "criminal exploitation</b></p><p>Inspection 16 to 20 March 2026</p>"
        "<table><thead><tr><th></th><th>Action</th><th>Lead(s)</th><th>Key partners</th><th>Reported to</th>"
        f"<th>Timescale</th><th>RAG</th></tr></thead><tbody>{''.join(body)}</tbody></table></body></html>"
    )


EXPECTED = headings_as_printed(
    expected(
        "Joint targeted area inspection action plan – the multi-agency response to children at risk of criminal "
        "exploitation",
        "Morrowby Safeguarding Children Partnership",
        "JTAI",
        "2026-03-16",
        "2026-03-20",
        ROWS,
    )
)
