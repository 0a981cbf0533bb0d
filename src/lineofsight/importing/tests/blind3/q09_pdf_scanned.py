"""A plan printed, signed and scanned back in: the PDF holds page images, no text."""

from __future__ import annotations

from ._kit import R, esc, expected, pdf, scanned

FILENAME = "signed plan scan.pdf"
ROWS = [
    R(
        "1",
        "Improve the timeliness of assessments.",
        "Allocate every assessment within two days.",
        ["Head of Assessment"],
        "31 March 2026",
        "2026-03-31",
        rag="amber",
    ),
    R(
        "2",
        "Improve the quality of supervision.",
        "Introduce a supervision audit every quarter.",
        ["Principal Social Worker"],
        "30 June 2026",
        "2026-06-30",
        rag="green",
    ),
    R(
        "3",
        "Strengthen help for care leavers.",
        "Open a drop-in hub for care leavers.",
        ["Leaving Care Manager"],
        "30 September 2026",
        "2026-09-30",
        rag="red",
    ),
]


def build() -> bytes:
    body = "".join(
        f"<tr><td>{esc(r.ref)}</td><td>{esc(r.recommendation)}</td><td>{esc(r.action)}</td>"
        f"<td>{esc(r.owners[0])}</td><td>{esc(r.due)}</td><td>{esc((r.rag or '').title())}</td></tr>"
        for r in ROWS
    )
    return scanned(
        pdf(
            "<html><head><style>@page{size:A4 landscape;margin:2cm}body{font:12pt sans-serif}"
            "table{border-collapse:collapse}td,th{border:1px solid #000;vertical-align:top;padding:5pt;text-align:left}"
            "</style></head><body><p>Kingsmere Council improvement plan</p>"
            "<table><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Timescale</th><th>RAG</th></tr>"
            f"{body}</table></body></html>"
        ),
        dpi=200,
    )


EXPECTED = expected("Kingsmere Council improvement plan", "Kingsmere Council", None, None, None, ROWS)
