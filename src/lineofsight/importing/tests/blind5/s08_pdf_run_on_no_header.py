"""A ruled PDF table that runs on to a second page with no repeated header; the row at
the foot of the first page is cut mid-sentence, its recommendation and action going on
at the top of the second page, where the lead and date cells are empty."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Oakhurst ILACS action plan.pdf"
_1 = "Improve the timeliness of initial health assessments for children coming into care."
_2 = "Ensure that children's care plans are updated after each review and reflect their current needs."
_3 = (
    "Strengthen the help given to children in care with their emotional wellbeing and mental health, "
    "including timely access to specialist services."
)
ROWS = [
    A(
        "1",
        _1,
        "Health assessment requests to be sent to the health provider within two working days of a "
        "child coming into care.",
        ["Head of Children in Care"],
        "April 2026",
        "2026-04-30",
        rag="green",
    ),
    A(
        "1",
        _1,
        "Monthly joint tracking meeting with the designated nurse for looked after children.",
        ["Head of Children in Care", "Designated Nurse, Children in Care"],
        "May 2026",
        "2026-05-31",
        rag="green",
    ),
    A(
        "2",
        _2,
        "IRO to sign off the updated care plan within 15 working days of each review.",
        ["IRO Service Manager"],
        "June 2026",
        "2026-06-30",
        rag="amber",
    ),
    A(
        "2",
        _2,
        "Care plan audit as part of the quarterly audit cycle, with findings to the Corporate Parenting Panel.",
        ["Quality Assurance Manager"],
        "September 2026",
        "2026-09-30",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Every child in care to have a Strengths and Difficulties Questionnaire completed each year and a "
        "clear plan for any child whose score is of concern, reviewed by the virtual mental health team.",
        ["Head of Children in Care"],
        "August 2026",
        "2026-08-31",
        rag="red",
    ),
    A(
        "3",
        _3,
        "Agree a fast-track pathway to CAMHS for children in care with the integrated care board.",
        ["Assistant Director, Children's Social Care", "ICB Head of Children's Commissioning"],
        "October 2026",
        "2026-10-31",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Therapeutic parenting training offered to all foster carers.",
        ["Fostering Service Manager"],
        "January 2027",
        "2027-01-31",
        rag="green",
    ),
]
_CUT = 4  # the row cut over the page break
_REC_CUT = "Strengthen the help given to children in care with their emotional wellbeing"
_ACT_CUT = "Every child in care to have a Strengths and Difficulties Questionnaire completed each year and a"


def _row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>"


def _cells(k: int) -> list[str]:
    r = ROWS[k]
    first = first_of_rec(ROWS, k)
    return [
        r.rec_ref or "" if first else "",
        r.rec_text if first else "",
        r.text,
        " / ".join(r.owners),
        r.due or "",
        (r.rag or "").title(),
    ]


def build() -> bytes:
    cut = _cells(_CUT)
    head = [*_cells(_CUT)[:1], _REC_CUT, _ACT_CUT, *cut[3:]]
    tail = ["", cut[1][len(_REC_CUT) + 1 :], cut[2][len(_ACT_CUT) + 1 :], "", "", ""]
    page1 = "".join(_row(_cells(k)) for k in range(_CUT)) + _row(head)
    page2 = _row(tail) + "".join(_row(_cells(k)) for k in range(_CUT + 1, len(ROWS)))
    cols = (
        "<colgroup><col style='width:5%'><col style='width:24%'><col style='width:34%'>"
        "<col style='width:17%'><col style='width:11%'><col style='width:9%'></colgroup>"
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm;@bottom-center{content:counter(page);font:8pt sans-serif}}"
        "body{font:10pt sans-serif}table{border-collapse:collapse;width:100%;table-layout:fixed}"
        "td{border:0.6pt solid #000;vertical-align:top;text-align:left;padding:4pt}"
        "tr.h td{font-weight:bold;background:#e7e6e6}</style></head><body>"
        "<p style='font-size:14pt;font-weight:bold'>Oakhurst Council</p>"
        "<p style='font-size:12pt;font-weight:bold'>Post-inspection action plan</p>"
        "<p>This plan responds to the recommendations of the inspection of local authority children's services "
        "(ILACS) carried out between 23 February and 6 March 2026. It was agreed by the Children's Services "
        "Improvement Board on 14 April 2026 and is reviewed every six weeks. Progress is reported to the Lead "
        "Member and to the Children and Young People Scrutiny Committee.</p>"
        "<p>The plan is built around the three recommendations of the report. Each action has a named lead and "
        "a target date. Ratings are agreed at the Improvement Board.</p>"
        f"<table>{cols}<tr class='h'><td>No.</td><td>Recommendation</td><td>Action</td><td>Lead</td>"
        f"<td>Target</td><td>RAG</td></tr>{page1}</table>"
        f"<table style='page-break-before:always'>{cols}{page2}</table></body></html>"
    )


EXPECTED = expected("Post-inspection action plan", "Oakhurst Council", "ILACS", "2026-02-23", "2026-03-06", ROWS)
