"""A landscape PDF under a coloured header band, its RAG column a single letter ("G",
"A", "R") in a cell filled with that colour; two leads to some actions, split by "/"."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Coldwater ILACS improvement plan v3.pdf"
_1 = (
    "Leaders should ensure that plans for children in need and children subject to child protection "
    "plans are specific about what needs to change and by when."
)
_2 = "The sufficiency of local homes for children in care, particularly for older teenagers."
_3 = "The consistency of supervision for social workers in the children in care teams."
ROWS = [
    A(
        "1",
        _1,
        "Relaunch the SMART planning guidance and practice standards across all CIN and CP teams.",
        ["Head of Service, Safeguarding", "Principal Social Worker"],
        "March 2026",
        "2026-03-31",
        rag="green",
    ),
    A(
        "1",
        _1,
        "Conference chairs to escalate any plan without clear timescales through the practice alert process.",
        ["Safeguarding and Quality Assurance Manager"],
        "Feb 26",
        "2026-02-28",
        rag="green",
    ),
    A(
        "1",
        _1,
        "Thematic audit of 40 child protection plans, with re-audit six months later.",
        ["Head of Quality Assurance"],
        "July 2026",
        "2026-07-31",
        rag="amber",
    ),
    A(
        "2",
        _2,
        "Open two new in-house children's homes for young people aged 14 to 17.",
        ["Assistant Director, Corporate Parenting", "Head of Commissioning"],
        "December 2026",
        "2026-12-31",
        rag="red",
    ),
    A(
        "2",
        _2,
        "Refresh the sufficiency strategy and present it to Cabinet.",
        ["Head of Commissioning"],
        "June 2026",
        "2026-06-30",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Supervision compliance reported weekly to team managers and monthly to the Senior Leadership Team.",
        ["Head of Children in Care"],
        "Immediately",
        None,
        rag="green",
    ),
    A(
        "3",
        _3,
        "Deliver reflective supervision training to every team manager.",
        ["Workforce Development Lead"],
        "Autumn 2026",
        "2026-11-30",
        rag="amber",
    ),
]
_FILL = {"green": "#5cb85c", "amber": "#f0ad4e", "red": "#d9534f"}


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td><td>{esc(r.due or '')}</td>"
        f"<td class='rag' style='background:{_FILL[r.rag or 'green']}'>{(r.rag or '')[:1].upper()}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.5cm}body{font:9.5pt Arial,sans-serif}"
        ".band{background:#1f3864;color:#fff;padding:8pt 12pt;margin-bottom:10pt}"
        ".band h1{font-size:16pt;margin:0}.band p{margin:2pt 0 0 0}"
        "table{border-collapse:collapse;width:100%}"
        "th{background:#d9e2f3;text-align:left;padding:4pt;border:0.5pt solid #8ea9db}"
        "td{vertical-align:top;padding:4pt;border:0.5pt solid #8ea9db}"
        "td.rag{text-align:center;font-weight:bold;width:1.2cm}</style></head><body>"
        "<div class='band'><h1>Coldwater City Council</h1><p>Children's Services ILACS Improvement Plan"
        "</p><p>Inspection of local authority children's services: 6 to 17 October 2025</p></div>"
        "<table><thead><tr><th>No.</th><th>Ofsted recommendation</th><th>Action</th>"
        "<th>Responsible officer</th><th>Timescale</th><th>RAG</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
        "<p style='font-size:8pt'>RAG key: G on track, A some slippage, R off track.</p></body></html>"
    )


EXPECTED = expected(
    "Children's Services ILACS Improvement Plan",
    "Coldwater City Council",
    "ILACS",
    "2025-10-06",
    "2025-10-17",
    ROWS,
)
