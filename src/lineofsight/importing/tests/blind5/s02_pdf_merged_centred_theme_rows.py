"""A landscape PDF with no borders, shaded theme rows across the table, and the ref and
recommendation cells merged down over their actions with the text centred vertically;
a Status column in words."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Kestrel Vale JTAI written statement of action.pdf"
_S1 = "Theme 1: Identifying and responding to child exploitation"
_S2 = "Theme 2: Partnership oversight and learning"
_1 = (
    "Partners should make sure that information about children at risk of criminal exploitation is shared "
    "quickly, including between the police and schools."
)
_2 = "Return home interviews should be offered to every child who goes missing and the learning used."
_3 = "The safeguarding partners should strengthen their oversight of the quality of multi-agency practice."
ROWS = [
    A(
        "1",
        _1,
        "Launch a single exploitation intelligence form for use by schools, health and youth services.",
        ["Detective Chief Inspector, Public Protection"],
        "April 2026",
        "2026-04-30",
        status="complete",
        section=_S1,
    ),
    A(
        "1",
        _1,
        "Daily exploitation briefing between the police, the MASH and the youth justice service.",
        ["MASH Service Manager", "Youth Justice Service Manager"],
        "May 2026",
        "2026-05-31",
        status="in_progress",
        section=_S1,
    ),
    A(
        "1",
        _1,
        "Training on contextual safeguarding for designated safeguarding leads in all secondary schools.",
        ["Education Safeguarding Lead"],
        "Autumn 2026",
        "2026-11-30",
        status="not_started",
        section=_S1,
    ),
    A(
        "2",
        _2,
        "Return home interviews to be offered within 72 hours, with performance reported monthly.",
        ["Missing and Exploitation Manager"],
        "June 2026",
        "2026-06-30",
        status="in_progress",
        section=_S1,
    ),
    A(
        "2",
        _2,
        "A quarterly themes report from return home interviews to the exploitation sub-group.",
        ["Missing and Exploitation Manager"],
        "July 2026, then quarterly",
        "2026-07-31",
        status="not_started",
        section=_S1,
    ),
    A(
        "3",
        _3,
        "Agree a multi-agency audit programme with a thematic audit every two months.",
        ["Partnership Business Manager"],
        "March 2026",
        "2026-03-31",
        status="complete",
        section=_S2,
    ),
    A(
        "3",
        _3,
        "Develop a partnership dataset that includes health and police performance alongside children's social care.",
        ["Partnership Business Manager", "Head of Performance"],
        "September 2026",
        "2026-09-30",
        status="in_progress",
        section=_S2,
    ),
]
_WORD = {"complete": "Completed", "in_progress": "On track", "not_started": "Not started"}


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
            f"<tr>{cells}<td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td><td>{esc(r.due or '')}</td>"
            f"<td>{esc(_WORD[r.status or 'not_started'])}</td></tr>"
        )
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.6cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:none;padding:5pt;text-align:left;"
        "vertical-align:top}td.mid{vertical-align:middle}tr.theme td{background:#d9e1f2;font-weight:bold}"
        "th{background:#1f3864;color:white}</style></head><body>"
        "<p style='font-size:14pt'><b>Kestrel Vale Safeguarding Children Partnership</b></p>"
        "<p><b>Joint targeted area inspection: written statement of action</b></p>"
        "<p>JTAI of the multi-agency response to children at risk of criminal exploitation, 9 to 13 February 2026. "
        "Kestrel Vale Council, Kestrel Vale Police and NHS Kestrel Vale Integrated Care Board.</p>"
        "<table><thead><tr><th>No.</th><th>Area for priority action</th><th>Action</th><th>Responsible officer</th>"
        f"<th>Timescale</th><th>Status</th></tr></thead><tbody>{''.join(body)}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "Joint targeted area inspection: written statement of action",
    "Kestrel Vale Safeguarding Children Partnership",
    "JTAI",
    "2026-02-09",
    "2026-02-13",
    ROWS,
)
