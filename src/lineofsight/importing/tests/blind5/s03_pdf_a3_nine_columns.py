"""An A3 landscape PDF in a 7pt font with nine columns: Ref, Recommendation, Outcome,
Action, Lead, Partners, Timescale, Measure of success and RAG; the recommendation and
outcome printed once, on the first of their actions."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf, with_outcomes

FILENAME = "Brackenmoor ILACS improvement plan A3.pdf"
_1 = "Improve the consistency of management oversight and supervision in the assessment teams."
_2 = "Strengthen the timeliness of permanence planning for children in care, including early permanence."
_O = {
    "1": ["Children's plans are progressed because managers direct and review the work regularly."],
    "2": ["Children achieve permanence without delay and understand their plans."],
}
ROWS = [
    A(
        "1",
        _1,
        "Introduce a supervision standard of every four weeks with a recorded reflective discussion.",
        ["Head of Assessment"],
        "April 2026",
        "2026-04-30",
        rag="green",
        measures=["95% of children's records show supervision in the last four weeks"],
    ),
    A(
        "1",
        _1,
        "Team manager development programme covering oversight, challenge and recording.",
        ["Principal Social Worker", "Workforce Development Manager"],
        "July 2026",
        "2026-07-31",
        rag="amber",
        partners=["Regional Teaching Partnership"],
        measures=["All team managers complete the programme"],
    ),
    A(
        "1",
        _1,
        "Monthly practice week in which senior leaders audit supervision records.",
        ["Assistant Director, Children's Social Care"],
        "Monthly",
        None,
        rag="green",
        measures=["Audit grades for management oversight good or better in 80% of cases"],
    ),
    A(
        "2",
        _2,
        "Permanence planning meeting to be held by the second statutory review for every child in care.",
        ["Head of Children in Care"],
        "June 2026",
        "2026-06-30",
        rag="amber",
        partners=["Independent Reviewing Service"],
        measures=["Permanence plan recorded at the second review for 90% of children"],
    ),
    A(
        "2",
        _2,
        "Establish a fostering for adoption panel with the regional adoption agency.",
        ["Head of Fostering and Adoption"],
        "Sept-Oct 2026",
        "2026-10-31",
        rag="red",
        partners=["Adopt North Regional Adoption Agency", "Cafcass"],
        measures=["Number of early permanence placements"],
    ),
    A(
        "2",
        _2,
        "Tracking of care proceedings against the 26-week timescale at the fortnightly legal gateway panel.",
        ["Legal Gateway Panel Chair"],
        "Fortnightly from May 2026",
        None,
        rag="green",
        partners=["Legal Services", "Cafcass"],
        measures=["Average duration of care proceedings"],
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(_O[r.rec_ref or ''][0]) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td><td>{esc('; '.join(r.partners))}</td>"
        f"<td>{esc(r.due or '')}</td><td>{esc(r.measures[0])}</td>"
        f"<td>{esc((r.rag or '').upper())}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A3 landscape;margin:1.2cm}body{font:7pt sans-serif}"
        "table{border-collapse:collapse;width:100%;table-layout:fixed}"
        "td,th{border:0.4pt solid #555;vertical-align:top;text-align:left;padding:3pt}"
        "th{background:#c6e0b4}</style></head><body>"
        "<p style='font-size:12pt;font-weight:bold'>Brackenmoor Council – Children's Services</p>"
        "<p style='font-size:10pt;font-weight:bold'>ILACS Improvement Plan 2026–27</p>"
        "<p>Inspection of local authority children's services, 19 to 30 January 2026. Overall effectiveness: "
        "requires improvement to be good.</p>"
        "<table><colgroup><col style='width:3%'><col style='width:14%'><col style='width:13%'>"
        "<col style='width:20%'><col style='width:11%'><col style='width:11%'><col style='width:8%'>"
        "<col style='width:15%'><col style='width:5%'></colgroup>"
        "<thead><tr><th>Ref</th><th>Recommendation</th><th>Outcome</th><th>Action</th><th>Lead</th>"
        "<th>Partners</th><th>Timescale</th><th>Measure of success</th><th>RAG</th></tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>"
    )


EXPECTED = with_outcomes(
    expected(
        "ILACS Improvement Plan 2026–27",
        "Brackenmoor Council – Children's Services",
        "ILACS",
        "2026-01-19",
        "2026-01-30",
        ROWS,
    ),
    _O,
)
