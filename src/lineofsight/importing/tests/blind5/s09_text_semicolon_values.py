"""A spreadsheet saved as text with semicolons between the cells (as Excel does in
locales with a decimal comma): cells that hold a semicolon are quoted, among them
actions with two clauses and lead cells naming two posts."""

from __future__ import annotations

from ._kit import A, expected

FILENAME = "Marlcliffe_FV_action_tracker.csv.txt"
_1 = "Ensure that children who are privately fostered are identified and assessed."
_2 = "Improve the quality of supervision; it does not always set out clear actions for children."
_3 = "Ensure that allegations against professionals are progressed by the LADO within timescales."
ROWS = [
    A(
        "1",
        _1,
        "Private fostering awareness campaign for schools, GPs and faith groups; a leaflet in six languages.",
        ["Head of Safeguarding Partnerships"],
        "June 2026",
        "2026-06-30",
        ref="1a",
        status="in_progress",
        rag="amber",
    ),
    A(
        "1",
        _1,
        "Private fostering assessments to be allocated within 5 working days of notification.",
        ["Fostering Team Manager", "Assessment Team Manager"],
        "May 2026",
        "2026-05-31",
        ref="1b",
        status="complete",
        rag="green",
    ),
    A(
        "2",
        _2,
        "New supervision template with a section for actions and timescales for each child.",
        ["Principal Social Worker"],
        "April 2026",
        "2026-04-30",
        ref="2a",
        status="complete",
        rag="green",
    ),
    A(
        "2",
        _2,
        "Supervision audits twice a year; results reported to the Practice Improvement Group.",
        ["Head of Quality Assurance"],
        "October 2026",
        "2026-10-31",
        ref="2b",
        status="not_started",
        rag="amber",
    ),
    A(
        "3",
        _3,
        "Recruit a second LADO and a business support officer.",
        ["Head of Safeguarding Partnerships"],
        "July 2026",
        "2026-07-31",
        ref="3a",
        status="in_progress",
        rag="red",
    ),
    A(
        "3",
        _3,
        "LADO performance to be included in the safeguarding partnership's quarterly dataset.",
        ["LADO", "Partnership Business Manager"],
        "TBC",
        None,
        ref="3b",
        rag="amber",
    ),
]
_WORD = {"complete": "Complete", "in_progress": "Started", "not_started": "Not started", None: ""}


def _cell(text: str) -> str:
    return f'"{text}"' if ";" in text or '"' in text else text


def build() -> bytes:
    lines = [
        "Marlcliffe Council - Focused visit action tracker;;;;;;;",
        "Focused visit 17-18 February 2026 (children in need and child protection);;;;;;;",
        ";;;;;;;",
        "Rec No;Recommendation;Action No;Action;Lead officer;Target date;Status;RAG",
    ]
    for r in ROWS:
        cells = [
            r.rec_ref or "",
            r.rec_text,
            r.ref or "",
            r.text,
            "; ".join(r.owners),
            r.due or "",
            _WORD[r.status],
            (r.rag or "").title(),
        ]
        lines.append(";".join(_cell(c) for c in cells))
    return ("\r\n".join(lines) + "\r\n").encode()


EXPECTED = expected(
    "Focused visit action tracker",
    "Marlcliffe Council",
    "focused visit",
    "2026-02-17",
    "2026-02-18",
    ROWS,
)
