"""A portrait PDF with no borders or rules at all, a header whose "Target date" and
"Lead officer" wrap onto two lines, and the ref and recommendation cells left blank on
every follow-on action."""

from __future__ import annotations

from ._kit import A, esc, expected, first_of_rec, pdf

FILENAME = "Ashcombe focused visit plan v3.pdf"
_1 = "The quality and timeliness of pathway plans for care leavers aged 18 to 21."
_2 = "Care leavers' access to suitable accommodation, including when they are 18 and leave foster care."
_3 = "Personal advisers' caseloads, which are too high for them to keep in touch with young people."
ROWS = [
    A(
        "1",
        _1,
        "Every care leaver to have a pathway plan reviewed within the last six months, tracked on the weekly "
        "performance report.",
        ["Head of Leaving Care"],
        "31 July 2026",
        "2026-07-31",
    ),
    A(
        "1",
        _1,
        "Co-produce a new pathway plan template with the Care Leavers' Forum.",
        ["Participation Lead"],
        "September 2026",
        "2026-09-30",
    ),
    A(
        "1",
        _1,
        "Quarterly audit of pathway plans by the Independent Reviewing Service.",
        ["IRO Service Manager"],
        "Quarterly",
        None,
    ),
    A(
        "2",
        _2,
        "Agree a joint housing protocol for care leavers with the district housing authorities.",
        ["Head of Leaving Care", "Housing Strategy Manager"],
        "October 2026",
        "2026-10-31",
    ),
    A(
        "2",
        _2,
        "Extend the Staying Put offer and publicise it to every foster carer of a child aged 16 or over.",
        ["Fostering Service Manager"],
        "June 2026",
        "2026-06-30",
    ),
    A(
        "3",
        _3,
        "Recruit four additional personal advisers so that caseloads fall to 20 young people each.",
        ["Head of Leaving Care"],
        "Dec 2026",
        "2026-12-31",
    ),
    A(
        "3",
        _3,
        "Report personal adviser caseloads monthly to the Corporate Parenting Panel.",
        ["Performance Manager"],
        "From August 2026",
        None,
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.rec_ref or '') if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.rec_text) if first_of_rec(ROWS, k) else ''}</td>"
        f"<td>{esc(r.text)}</td><td>{esc(' / '.join(r.owners))}</td><td>{esc(r.due or '')}</td></tr>"
        for k, r in enumerate(ROWS)
    )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:9.5pt sans-serif}"
        "table{border-collapse:collapse;width:100%;table-layout:fixed}"
        "td,th{border:none;vertical-align:top;text-align:left;padding:5pt 6pt}th{font-weight:bold}"
        "</style></head><body>"
        "<p style='font-size:13pt;font-weight:bold'>Ashcombe Metropolitan Borough Council</p>"
        "<p style='font-size:12pt;font-weight:bold'>Care leavers focused visit – action plan</p>"
        "<p>Ofsted focused visit looking at the council's arrangements for care leavers, 3 and 4 March 2026. "
        "This plan is monitored by the Children's Services Improvement Board.</p>"
        "<table><colgroup><col style='width:6%'><col style='width:27%'><col style='width:37%'>"
        "<col style='width:17%'><col style='width:13%'></colgroup>"
        "<thead><tr><th>Ref</th><th>Area for improvement</th><th>Action</th><th>Lead<br>officer</th>"
        f"<th>Target<br>date</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )


EXPECTED = expected(
    "Care leavers focused visit – action plan",
    "Ashcombe Metropolitan Borough Council",
    "focused visit",
    "2026-03-03",
    "2026-03-04",
    ROWS,
)
