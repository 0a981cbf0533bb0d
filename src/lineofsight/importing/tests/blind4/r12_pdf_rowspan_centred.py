"""A landscape PDF whose ref and recommendation cells are merged down the rows of their
actions (rowspan) with the text vertically centred, and a shaded theme row above each
group of recommendations."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Fenwick ILACS plan - Corporate Parenting Board pack.pdf"
_S1 = "Children in care and care leavers"
_S2 = "Workforce"
_1 = "Improve the quality and timeliness of health assessments for children in care placed out of area."
_2 = "Ensure that children in care understand their life story and why they are in care."
_3 = "Reduce the reliance on agency social workers in the children in care teams."
ROWS = [
    A(
        "4",
        _1,
        "Agree a service level agreement with the designated nurse for out of area health assessments.",
        ["Designated Nurse for Children in Care"],
        "31 July 2026",
        "2026-07-31",
        rag="amber",
        section=_S1,
    ),
    A(
        "4",
        _1,
        "Weekly tracker of overdue health assessments to the Head of Service.",
        ["Children in Care Performance Officer"],
        "Ongoing",
        None,
        rag="green",
        section=_S1,
    ),
    A(
        "4",
        _1,
        "Escalate delays of more than 20 days to the host authority's health provider.",
        ["Head of Children in Care"],
        "April 2026",
        "2026-04-30",
        rag="green",
        section=_S1,
    ),
    A(
        "5",
        _2,
        "Life story work to start for every child within three months of a permanence decision.",
        ["Permanence Service Manager"],
        "September 2026",
        "2026-09-30",
        rag="red",
        section=_S1,
    ),
    A(
        "5",
        _2,
        "Commission a life story work service for children aged over 12.",
        ["Commissioning Manager"],
        "December 2026",
        "2026-12-31",
        rag="amber",
        section=_S1,
    ),
    A(
        "6",
        _3,
        "Convert 12 agency posts to permanent posts through a targeted recruitment campaign.",
        ["Head of Workforce"],
        "March 2027",
        "2027-03-31",
        rag="amber",
        section=_S2,
    ),
    A(
        "6",
        _3,
        "Introduce a market supplement for experienced social workers in the children in care teams.",
        ["Head of HR", "Director of Children's Services"],
        "June 2026",
        "2026-06-30",
        rag="green",
        section=_S2,
    ),
]


def build() -> bytes:
    body: list[str] = []
    for k, r in enumerate(ROWS):
        if k == 0 or ROWS[k - 1].section != r.section:
            body.append(f"<tr class='theme'><td colspan='6'>{esc(r.section or '')}</td></tr>")
        cells = ""
        if first_of_rec(ROWS, k):
            span = sum(1 for s in ROWS if s.rec_ref == r.rec_ref)
            cells = (
                f"<td rowspan='{span}' class='mid'>{esc(r.rec_ref or '')}</td>"
                f"<td rowspan='{span}' class='mid'>{esc(r.rec_text)}</td>"
            )
        body.append(
            f"<tr>{cells}<td>{esc(r.text)}</td><td>{esc('; '.join(r.owners))}</td><td>{esc(r.due or '')}</td>"
            f"<td>{esc((r.rag or '').title())}</td></tr>"
        )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.5cm}body{font:9.5pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #777;padding:4pt;text-align:left;"
        "vertical-align:top}td.mid{vertical-align:middle}tr.theme td{background:#fce4d6;font-weight:bold;"
        "text-align:center}th{background:#f4b084}</style></head><body>"
        "<p style='font-size:15pt'><b>Fenwick Council</b></p>"
        "<p><b>ILACS Improvement Plan</b> – extract for the Corporate Parenting Board, July 2026</p>"
        "<p>Recommendations 4 to 6 of the inspection report (inspection 2 to 13 March 2026)</p>"
        "<table><thead><tr><th>Rec</th><th>Recommendation</th><th>Action</th><th>Lead officer</th>"
        f"<th>Completion date</th><th>RAG</th></tr></thead><tbody>{''.join(body)}</tbody></table></body></html>"
    )


EXPECTED = expected("ILACS Improvement Plan", "Fenwick Council", "ILACS", "2026-03-02", "2026-03-13", ROWS)
