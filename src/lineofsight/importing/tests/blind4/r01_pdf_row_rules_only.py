"""A portrait PDF whose table has thin grey rules under each row and no vertical lines,
refs "R1", "R2", and a Progress column holding a RAG word."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Harrowfield focused visit action plan.pdf"
_R1 = "Management oversight of contacts in the front door is not consistently recorded."
_R2 = "The quality of strategy discussions, including the involvement of health and education."
_R3 = "Timeliness of return home interviews for children who go missing."
ROWS = [
    A(
        "R1",
        _R1,
        "Introduce a recorded management decision on every contact within 24 hours.",
        ["Head of Front Door Services"],
        "April 2026",
        "2026-04-30",
        rag="green",
    ),
    A(
        "R1",
        _R1,
        "Monthly dip sample of 25 contacts by the Principal Social Worker, findings shared at the practice forum.",
        ["Principal Social Worker"],
        "Monthly from May 2026",
        None,
        rag="amber",
    ),
    A(
        "R2",
        _R2,
        "Agree a multi-agency standard for strategy discussions with the safeguarding partners.",
        ["Service Manager, MASH"],
        "30 June 2026",
        "2026-06-30",
        rag="amber",
    ),
    A(
        "R2",
        _R2,
        "Health and education attendance at strategy discussions to be tracked on the weekly performance report.",
        ["Performance and Intelligence Manager"],
        "End of May 2026",
        "2026-05-31",
        rag="red",
    ),
    A(
        "R3",
        _R3,
        "Recommission the return home interview service with a 72-hour offer in the contract.",
        ["Commissioning Manager"],
        "September 2026",
        "2026-09-30",
        rag="red",
    ),
    A(
        "R3",
        _R3,
        "Missing coordinator to chase every interview not offered within 72 hours.",
        ["Missing and Exploitation Coordinator"],
        "Ongoing",
        None,
        rag="green",
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.text)}</td><td>{esc(r.owners[0])}</td><td>{esc(r.due or '')}</td>"
        f"<td>{esc((r.rag or '').title())}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:1.8cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse;width:100%}"
        "td,th{border-bottom:0.4pt solid #aaa;vertical-align:top;text-align:left;padding:4pt 5pt}"
        "th{border-bottom:1pt solid #666}</style></head><body>"
        "<p style='font-size:14pt;font-weight:bold'>Harrowfield Borough Council</p>"
        "<p style='font-size:12pt'>Focused visit action plan</p>"
        "<p>Ofsted focused visit to the front door, 20 and 21 January 2026. Plan owner: Director of "
        "Children's Services. Reviewed monthly by the Children's Improvement Board.</p>"
        "<table><thead><tr><th>Ref</th><th>Area for improvement</th><th>What we will do</th><th>Who</th>"
        f"<th>By when</th><th>Progress</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "Focused visit action plan", "Harrowfield Borough Council", "focused visit", "2026-01-20", "2026-01-21", ROWS
)
