"""A ruled PDF with numeric deadlines ("30/06/26"); completed actions either struck
through or marked "(C)" after the date, as the key above the table explains. There is
no status column, so the other actions' status is not given."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Pellingham JTAI action plan (domestic abuse).pdf"
_1 = "Improve the quality of information shared by the police after domestic abuse incidents."
_2 = "Make sure that children's experiences are central to risk assessments and MARAC discussions."
_3 = "Strengthen the offer of support to children who have lived with domestic abuse."
_STRUCK, _MARKED = "struck", "marked"
ROWS = [
    A(
        "1",
        _1,
        "Police notification form revised to include the child's view and the impact on the child.",
        ["Detective Inspector, Domestic Abuse Unit"],
        "31/03/26",
        "2026-03-31",
        status="complete",
    ),
    A(
        "1",
        _1,
        "Weekly quality check of a sample of notifications by the MASH manager and police sergeant.",
        ["MASH Manager", "Police Sergeant, MASH"],
        "30/06/26",
        "2026-06-30",
    ),
    A(
        "2",
        _2,
        "MARAC chair to ask for the voice of each child at every meeting.",
        ["MARAC Coordinator"],
        "28/02/26 (C)",
        "2026-02-28",
        status="complete",
    ),
    A(
        "2",
        _2,
        "Domestic abuse risk assessment training for children's social workers, with the DASH tool.",
        ["Principal Social Worker"],
        "31/07/26",
        "2026-07-31",
    ),
    A(
        "2",
        _2,
        "Audit 30 children's records discussed at MARAC and report learning to the partnership.",
        ["Partnership Quality Assurance Lead"],
        "30/09/26 - 31/12/26",
        "2026-12-31",
    ),
    A(
        "3",
        _3,
        "Commission a group work programme for children aged 8 to 13.",
        ["Community Safety Commissioning Manager"],
        "30/04/26",
        "2026-04-30",
        status="complete",
    ),
    A(
        "3",
        _3,
        "School nurses to offer a wellbeing check to every child notified by the police.",
        ["Head of 0-19 Public Health Nursing"],
        "31/10/26",
        "2026-10-31",
    ),
]
_HOW = {0: _STRUCK, 2: _MARKED, 5: _STRUCK}


def build() -> bytes:
    body = []
    for k, r in enumerate(ROWS):
        cls = " class='done'" if _HOW.get(k) == _STRUCK else ""
        body.append(
            f"<tr{cls}><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
            f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
            f"<td><span>{esc(r.text)}</span></td><td><span>{esc(' / '.join(r.owners))}</span></td>"
            f"<td><span>{esc(r.due or '')}</span></td></tr>"
        )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:9.5pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #555;padding:4pt;vertical-align:top;"
        "text-align:left}th{background:#e2efda}tr.done span{text-decoration:line-through}</style></head><body>"
        "<p style='font-size:14pt;font-weight:bold'>Pellingham Safeguarding Partnership</p>"
        "<p style='font-size:12pt;font-weight:bold'>JTAI Action Plan – children living with domestic abuse</p>"
        "<p>Joint targeted area inspection by Ofsted, CQC, HMICFRS and HMI Probation, 12 to 16 January 2026.</p>"
        "<p><i>Key: completed actions are shown struck through, or marked (C) beside the deadline.</i></p>"
        "<table><thead><tr><th>Ref</th><th>Finding</th><th>Action</th><th>Owner</th><th>Deadline</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "JTAI Action Plan – children living with domestic abuse",
    "Pellingham Safeguarding Partnership",
    "JTAI",
    "2026-01-12",
    "2026-01-16",
    ROWS,
)
