"""Word: several outcomes in one cell, dated progress paragraphs, owners as
"team – initials" joined by " / ", and timescales printed with an en dash."""

from __future__ import annotations

from typing import Any

from ._kit import act, docx_bytes, header_row, plan, rec, set_cell

FILENAME = "northgate-post-ilacs-plan.docx"
HEADER = ["No.", "Recommendation", "Outcome", "Action", "Lead", "Timescale", "Progress", "RAG"]
REC_1 = "The timeliness and quality of assessments in the front door."
OUTCOMES_1 = ["Children get the right help at the right time.", "Assessments are completed within 45 working days."]
REC_2 = "Support for young carers."
OUTCOMES_2 = ["Young carers are identified early and offered an assessment."]


def build() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Northgate Council")
    d.add_paragraph("Post-ILACS improvement plan")
    t = d.add_table(rows=4, cols=len(HEADER))
    header_row(t, HEADER)
    set_cell(t.cell(1, 0), "1")
    set_cell(t.cell(1, 1), REC_1)
    set_cell(t.cell(1, 2), OUTCOMES_1)
    set_cell(t.cell(1, 3), "Move screening of contacts into a single front door team.")
    set_cell(t.cell(1, 4), "CSC Front Door – HC / Early Help – JM")
    set_cell(t.cell(1, 5), "April – June 2026")
    set_cell(
        t.cell(1, 6),
        ["As of 30 April 2026: Team manager appointed.", "As of 31 May 2026: Screening moved for two localities."],
    )
    set_cell(t.cell(1, 7), "Amber")
    set_cell(t.cell(2, 3), "Set a 45-day assessment tracker for every team.")
    set_cell(t.cell(2, 4), "Performance – SK")
    set_cell(t.cell(2, 5), "May 2026 – complete")
    set_cell(t.cell(2, 6), "As of 31 May 2026: Tracker live.")
    set_cell(t.cell(2, 7), "Blue")
    set_cell(t.cell(3, 0), "2")
    set_cell(t.cell(3, 1), REC_2)
    set_cell(t.cell(3, 2), OUTCOMES_2)
    set_cell(t.cell(3, 3), "Add a young carers question to every early help assessment.")
    set_cell(t.cell(3, 4), "Early Help – JM + Young Carers Service")
    set_cell(t.cell(3, 5), "September 2026")
    set_cell(t.cell(3, 7), "Green")
    return docx_bytes(d)


def expected() -> dict[str, Any]:
    return plan(
        [
            rec(
                "1",
                REC_1,
                [
                    act(
                        "Move screening of contacts into a single front door team.",
                        ["CSC Front Door – HC", "Early Help – JM"],
                        "April – June 2026",
                        "2026-06-30",
                        rag="amber",
                        updates=[
                            {"as_of": "2026-04-30", "text": "Team manager appointed."},
                            {"as_of": "2026-05-31", "text": "Screening moved for two localities."},
                        ],
                    ),
                    act(
                        "Set a 45-day assessment tracker for every team.",
                        ["Performance – SK"],
                        "May 2026 – complete",
                        "2026-05-31",
                        status="complete",
                        rag="blue",
                        updates=[{"as_of": "2026-05-31", "text": "Tracker live."}],
                    ),
                ],
                outcomes=OUTCOMES_1,
            ),
            rec(
                "2",
                REC_2,
                [
                    act(
                        "Add a young carers question to every early help assessment.",
                        ["Early Help – JM", "Young Carers Service"],
                        "September 2026",
                        "2026-09-30",
                        rag="green",
                    ),
                ],
                outcomes=OUTCOMES_2,
            ),
        ],
        organisation="Northgate Council",
    )
