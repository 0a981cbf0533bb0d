"""A landscape monitoring-visit plan with a progress column for each of three months,
"Progress Jul 26", "Progress Aug 26" and "Progress Sep 26", each followed by its own RAG
column; the latest month gives the action's status and rating."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Stanbridge MV3 action plan - progress to September 2026.pdf"
_MONTHS = [("Jul 26", "2026-07-31"), ("Aug 26", "2026-08-31"), ("Sep 26", "2026-09-30")]
_1 = "The quality of pre-birth assessments and planning for unborn babies."
_2 = "The consistency of management oversight of children subject to child protection plans."
_3 = "Planning for children on the edge of care."
# per action: three (progress text, RAG) pairs, July to September
_P = [
    [
        ("Protocol drafted with midwifery.", "amber"),
        ("Protocol agreed by the partnership.", "green"),
        ("Complete – protocol in use since August.", "green"),
    ],
    [
        ("Not started.", "red"),
        ("Recruitment under way for the specialist worker.", "amber"),
        ("Worker started on 1 September; first assessments allocated.", "amber"),
    ],
    [("Tracker built.", "green"), ("Tracker reviewed at each team meeting.", "green"), ("Complete.", "blue")],
    [
        ("Not started – awaiting the new audit tool.", "red"),
        ("Not started.", "red"),
        ("Not started; planned for October.", "red"),
    ],
    [
        ("Edge of care panel launched.", "amber"),
        ("Panel meeting weekly; 14 families considered.", "green"),
        ("Panel embedded; review of impact under way.", "green"),
    ],
    [
        ("Business case being written.", "amber"),
        ("Business case with finance.", "amber"),
        ("Business case delayed; awaiting budget decision.", "red"),
    ],
]
_STATUS = ["complete", "in_progress", "complete", "not_started", "in_progress", "in_progress"]
ROWS = [
    A(
        "1",
        _1,
        "Agree a pre-birth protocol with the maternity service so that assessments start by 20 weeks.",
        ["Head of Child Protection"],
        "August 2026",
        "2026-08-31",
    ),
    A(
        "1",
        _1,
        "Appoint a specialist pre-birth social worker in each locality.",
        ["Head of Child Protection"],
        "October 2026",
        "2026-10-31",
    ),
    A(
        "2",
        _2,
        "Child protection tracker showing the date of the last management review for every child.",
        ["Performance Manager"],
        "July 2026",
        "2026-07-31",
    ),
    A(
        "2",
        _2,
        "Heads of service to audit five child protection cases each month.",
        ["Heads of Service"],
        "November 2026",
        "2026-11-30",
    ),
    A(
        "3",
        _3,
        "Weekly edge of care panel to agree a plan for every child at risk of coming into care.",
        ["Head of Edge of Care Services"],
        "July 2026",
        "2026-07-31",
    ),
    A(
        "3",
        _3,
        "Expand the family group conference service so that every family is offered one before proceedings.",
        ["Head of Edge of Care Services", "Family Group Conference Manager"],
        "December 2026",
        "2026-12-31",
    ),
]
for _r, _p, _s in zip(ROWS, _P, _STATUS, strict=True):
    _r.updates = [(as_of, text) for (_m, as_of), (text, _rag) in zip(_MONTHS, _p, strict=True)]
    _r.rag, _r.status = _p[-1][1], _s
_FILL = {"red": "#f4b6b6", "amber": "#fbe0a6", "green": "#c3e6c3", "blue": "#b4cde8"}


def build() -> bytes:
    body = []
    for k, (r, p) in enumerate(zip(ROWS, _P, strict=True)):
        prog = "".join(f"<td>{esc(t)}</td><td style='background:{_FILL[g]}'>{g.title()}</td>" for t, g in p)
        body.append(
            f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
            f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
            f"<td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td><td>{esc(r.due or '')}</td>{prog}</tr>"
        )
    months = "".join(f"<th>Progress {m}</th><th>RAG</th>" for m, _ in _MONTHS)
    return pdf(
        "<html><head><style>@page{size:A4 landscape;margin:1.4cm}body{font:8pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #666;padding:3pt;vertical-align:top;"
        "text-align:left}th{background:#d9d9d9}</style></head><body>"
        "<p style='font-size:13pt;font-weight:bold'>Stanbridge Borough Council</p>"
        "<p style='font-size:11pt;font-weight:bold'>Monitoring visit 3 – action plan and monthly progress</p>"
        "<p>Third monitoring visit by Ofsted since the inadequate judgement, 2 and 3 June 2026: help and "
        "protection for children on child protection plans and on the edge of care. "
        "RAG: Blue = complete and closed, Green = on track, Amber = at risk, Red = off track.</p>"
        "<table><thead><tr><th>Ref</th><th>Area for improvement</th><th>Action</th><th>Lead</th><th>Target</th>"
        f"{months}</tr></thead><tbody>{''.join(body)}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "Monitoring visit 3 – action plan and monthly progress",
    "Stanbridge Borough Council",
    "monitoring visit",
    "2026-06-02",
    "2026-06-03",
    ROWS,
)
