"""A portrait PDF with the action sub-numbers "2.1", "2.2" in their own column beside a
merged recommendation column, and RAG given only as the fill colour of an empty cell,
with a colour key under the table."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Thornbury monitoring visit 2 action plan.pdf"
_1 = "Ensure that referrals to the front door are screened and progressed within timescales."
_2 = "Improve the quality of child and family assessments so that they analyse risk."
_3 = "Ensure that children's voices are clearly heard in assessments and plans."
ROWS = [
    A(
        "1",
        _1,
        "Recruit two additional screening social workers to the MASH.",
        ["MASH Team Manager"],
        "March 2026",
        "2026-03-31",
        ref="1.1",
        rag="green",
    ),
    A(
        "1",
        _1,
        "Daily screening huddle to review every contact older than 24 hours.",
        ["Head of Front Door"],
        "April 2026",
        "2026-04-30",
        ref="1.2",
        rag="green",
    ),
    A(
        "2",
        _2,
        "Introduce a risk analysis section to the assessment template using the Signs of Safety framework.",
        ["Principal Social Worker"],
        "June 2026",
        "2026-06-30",
        ref="2.1",
        rag="amber",
    ),
    A(
        "2",
        _2,
        "Assessment quality audits every month with feedback to each social worker.",
        ["Quality Assurance Manager"],
        "July 2026",
        "2026-07-31",
        ref="2.2",
        rag="red",
    ),
    A(
        "2",
        _2,
        "Assessment workshop for all social workers in the assessment service.",
        ["Workforce Development Lead"],
        "May 2026",
        "2026-05-31",
        ref="2.3",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Direct work toolkit issued to every team, with a session at each team meeting.",
        ["Participation and Voice Manager"],
        "30 April 2026",
        "2026-04-30",
        ref="3.1",
        rag="green",
    ),
    A(
        "3",
        _3,
        "Children's own words to be recorded in every assessment summary.",
        ["Head of Assessment"],
        "August 2026",
        "2026-08-31",
        ref="3.2",
        rag="red",
    ),
]
_FILL = {"red": "#ff0000", "amber": "#ffc000", "green": "#00b050"}


def build() -> bytes:
    body: list[str] = []
    for k, r in enumerate(ROWS):
        cells = ""
        if first_of_rec(ROWS, k):
            span = sum(1 for s in ROWS if s.rec_ref == r.rec_ref)
            cells = f"<td rowspan='{span}'>{esc(r.rec_ref or '')}. {esc(r.rec_text)}</td>"
        body.append(
            f"<tr>{cells}<td>{esc(r.ref or '')}</td><td>{esc(r.text)}</td><td>{esc(r.owners[0])}</td>"
            f"<td>{esc(r.due or '')}</td><td style='background:{_FILL[r.rag or 'green']}'></td></tr>"
        )
    key = "".join(
        f"<td style='background:{_FILL[c]};width:14pt'></td><td>{w}</td>"
        for c, w in (("red", "Red – off track"), ("amber", "Amber – some slippage"), ("green", "Green – on track"))
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:1.8cm}body{font:9pt sans-serif}"
        "table.plan{border-collapse:collapse;width:100%}"
        "table.plan td,table.plan th{border:0.5pt solid #444;vertical-align:top;text-align:left;padding:4pt}"
        "table.plan th{background:#ddd}table.key td{padding:3pt;font-size:8pt}</style></head><body>"
        "<p style='font-size:14pt;font-weight:bold'>Thornbury City Council</p>"
        "<p style='font-size:11pt;font-weight:bold'>Action plan following the second monitoring visit</p>"
        "<p>Ofsted monitoring visit to the front door and assessment service, 10 and 11 February 2026.</p>"
        "<table class='plan'><thead><tr><th style='width:26%'>Recommendation</th><th>No.</th>"
        "<th style='width:34%'>Action</th><th>Lead</th><th>Due</th><th>RAG</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        f"<p><b>Key</b></p><table class='key'><tr>{key}</tr></table></body></html>"
    )


EXPECTED = expected(
    "Action plan following the second monitoring visit",
    "Thornbury City Council",
    "monitoring visit",
    "2026-02-10",
    "2026-02-11",
    ROWS,
)
