"""A PDF plan whose action cells hold bullets with a parallel list of dates beside them,
and whose long rows run over the page break."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf

FILENAME = "Lowther plan.pdf"
_RECS = [
    (
        "1",
        "Improve the quality of work with children at risk of exploitation.",
        "Exploitation Lead",
        [
            ("Hold a weekly exploitation panel with partners", "January 2026", "2026-01-31"),
            ("Map missing episodes for every child at risk", "March 2026", "2026-03-31"),
            ("Train residential staff in safety planning", "May 2026", "2026-05-31"),
        ],
    ),
    (
        "2",
        "Make sure that assessments of disabled children are up to date.",
        "Disabled Children Team Manager",
        [
            ("Review every assessment older than a year", "April 2026", "2026-04-30"),
            ("Add assessment dates to the team dashboard", "February 2026", "2026-02-28"),
        ],
    ),
    (
        "3",
        "Improve the consistency of pre-proceedings work.",
        "Legal Gateway Chair",
        [
            ("Track every family in pre-proceedings weekly", "June 2026", "2026-06-30"),
            ("Audit letters before proceedings for plain English", "August 2026", "2026-08-31"),
            ("Report timeliness to the improvement board", "October 2026", "2026-10-31"),
        ],
    ),
]
ROWS = [R(ref, text, a, [owner], due, date) for ref, text, owner, items in _RECS for a, due, date in items]


def build() -> bytes:
    filler = "<p>" + "Progress is reported to the board each month. " * 12 + "</p>"
    body = "".join(
        f"<tr><td>{ref}</td><td>{esc(text)}</td><td><ul>{''.join(f'<li>{esc(a)}</li>' for a, _, _ in items)}</ul></td>"
        f"<td>{esc(owner)}</td><td>{'<br>'.join(esc(d) for _, d, _ in items)}</td><td>{filler * 2}</td></tr>"
        for ref, text, owner, items in _RECS
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse}td,th{border:0.5pt solid #000;vertical-align:top;padding:3pt;text-align:left}"
        "ul{margin:0;padding-left:12pt}</style></head><body><h1>Lowther Council</h1><p>ILACS improvement plan</p>"
        "<table><thead><tr><th>Ref</th><th>Recommendation</th><th>Actions</th><th>Lead</th><th>Timescale</th>"
        f"<th>Progress</th></tr></thead>{body}</table></body></html>"
    )


EXPECTED = expected("ILACS improvement plan", "Lowther Council", "ILACS", None, None, ROWS)
