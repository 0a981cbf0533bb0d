"""A ruled PDF table with cells centred vertically and bold priority rows across it."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf

FILENAME = "Ivybridge JTAI plan.pdf"
ROWS = [
    R(
        "1.1",
        "Partners recognise neglect early.",
        "Launch a neglect screening tool for schools.",
        ["Head of Early Help"],
        "30 April 2026",
        "2026-04-30",
        rag="green",
    ),
    R(
        "1.2",
        "Partners recognise neglect early.",
        "Train designated safeguarding leads in the tool and in the referral pathway for neglect.",
        ["Safeguarding Partnership Trainer"],
        "July 2026",
        "2026-07-31",
        rag="amber",
    ),
    R(
        "2.1",
        "Health partners share information at strategy meetings.",
        "Add a health representative to every strategy meeting.",
        ["Designated Nurse"],
        "31 January 2026",
        "2026-01-31",
        rag="green",
    ),
    R(
        "2.2",
        "Health partners share information at strategy meetings.",
        "Audit strategy meeting minutes for health input.",
        ["Quality Assurance Lead"],
        "Ongoing",
        None,
        rag="amber",
    ),
]


def build() -> bytes:
    rows = []
    for k, r in enumerate(ROWS):
        if k in (0, 2):
            rows.append(f"<tr><td colspan=5><b>Priority {k // 2 + 1}: {esc(r.recommendation)}</b></td></tr>")
        rows.append(
            f"<tr><td>{esc(r.ref)}</td><td>{esc(r.action)}</td><td>{esc(r.owners[0])}</td>"
            f"<td>{esc(r.due)}</td><td>{esc((r.rag or '').title())}</td></tr>"
        )
    return pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:10pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;vertical-align:middle;padding:6pt}"
        "</style></head><body><h1>Ivybridge Safeguarding Partnership</h1><p>JTAI action plan</p>"
        "<table><tr><th>Action no.</th><th>Action</th><th>Lead</th><th>Deadline</th><th>RAG</th></tr>"
        f"{''.join(rows)}</table></body></html>"
    )


EXPECTED = expected(
    "JTAI action plan",
    "Ivybridge Safeguarding Partnership",
    "JTAI",
    None,
    None,
    [
        R(
            f"Priority {1 if k < 2 else 2}",
            r.recommendation,
            r.action,
            r.owners,
            r.due,
            r.date,
            rag=r.rag,
        )
        for k, r in enumerate(ROWS)
    ],
)
# With no recommendation column, each section row is a recommendation whose text is the
# whole heading and whose ref is null (plan-format.md); this answer first gave "Priority 1"
# as the ref and the rest as the text.
for _rec in EXPECTED["recommendations"]:
    _rec["text"], _rec["ref"] = f"{_rec['ref']}: {_rec['text']}", None
