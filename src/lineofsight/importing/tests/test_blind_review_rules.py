"""General rules added after the blind review: wordings and layouts from plans written
without looking at the importer (see tests/blind/)."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.columns import map_columns, role_of
from lineofsight.importing.deadlines import normalise_due, status_from_text
from lineofsight.importing.tests.builders import plan_actions
from lineofsight.importing.text import rag_of


def _word_plan(
    header: list[str], rows: list[list[str | list[str]]], *, span_first: int = 0, bold_first: bool = False
) -> dict:
    """A one-table Word plan; list cells give one paragraph per item."""
    d = docx.Document()
    d.add_paragraph("Kestrel Vale Council action plan")
    t = d.add_table(rows=len(rows) + 1, cols=len(header))
    for c, text in enumerate(header):
        t.cell(0, c).text = text
    if span_first:
        t.cell(0, 0).merge(t.cell(0, span_first))
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row):
            lines = value if isinstance(value, list) else [value]
            cell = t.cell(r, c)
            for k, line in enumerate(lines):
                para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                para.add_run(line).bold = bold_first and c == 0 and k == 0
    buf = io.BytesIO()
    d.save(buf)
    return read_plan(buf.getvalue(), "plan.docx").plan


def test_a_business_partner_is_an_owner_not_a_partners_label():
    plan = _word_plan(
        ["Action", "Lead", "Date"],
        [
            ["Cut agency use to 15%.", "Head of Workforce / HR Business Partner", "March 2027"],
            ["Agree a protocol with the police.", ["Head of MASH", "Partners: Police; Health"], "May 2026"],
        ],
    )
    first, second = plan_actions(plan)
    assert first["owners"] == ["Head of Workforce", "HR Business Partner"]
    assert first["partners"] == []
    assert second["owners"] == ["Head of MASH"]
    assert second["partners"] == ["Police", "Health"]


def test_a_roman_numeral_in_brackets_is_kept_as_printed():
    plan = _word_plan(
        ["Ref", "Recommendation", "Action", "Lead", "Target date"],
        [
            ["(i)", "Record the child's voice.", "Revise DASH training.", "DA Coordinator", "April 2026"],
            ["(ii)", "Share notifications with schools.", "Extend Encompass.", "Head of Education", "June 2026"],
        ],
    )
    assert [r["ref"] for r in plan["recommendations"]] == ["(i)", "(ii)"]


def test_recommendation_label_on_its_own_line_is_the_ref():
    plan = _word_plan(
        ["Recommendation", "Action", "Owner", "Due date"],
        [
            [
                ["Recommendation 1", "Joint housing assessments are not always done."],
                "Agree a housing protocol.",
                "Head of Adolescents",
                "30.11.25",
            ],
        ],
    )
    rec = plan["recommendations"][0]
    assert rec["ref"] == "1"
    assert rec["text"] == "Joint housing assessments are not always done."


def test_bold_recommendation_heading_the_action_cell_starts_a_recommendation():
    plan = _word_plan(
        ["Action", "Owner", "By when"],
        [
            [
                [
                    "Recommendation 1: Improve the quality of plans for children in need.",
                    "Relaunch the planning guidance.",
                ],
                "Head of CIN",
                "February 2026",
            ],
            ["Add a plan question to the audit tool.", "QA Manager", "March 2026"],
            [
                [
                    "Recommendation 2: Consider parent carers' needs in every assessment.",
                    "Add a carers' section to the template.",
                ],
                "Service Manager",
                "January 2026",
            ],
        ],
        bold_first=True,
    )
    recs = plan["recommendations"]
    # No recommendation column: like a heading, the text is whole and the ref null.
    assert [r["text"][:16] for r in recs] == ["Recommendation 1", "Recommendation 2"]
    assert [r["ref"] for r in recs] == [None, None]
    assert [len(r["actions"]) for r in recs] == [2, 1]
    assert recs[0]["actions"][0]["text"] == "Relaunch the planning guidance."


def test_our_response_beside_key_actions_is_not_the_action_column():
    cmap = map_columns(["No.", "Ofsted finding", "Our response", "Key actions", "Responsible", "Completion date"])
    assert cmap.first("action") == 3
    assert cmap.roles[2] == "outcome"
    # Alone, a response column is still where the actions are.
    assert map_columns(["Issue", "Our response", "Lead", "Timescale"]).first("action") == 1


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Response to finding", "action"),
        ("Management response", "action"),
        ("SRO", "owner"),
    ],
)
def test_more_header_wordings(header, role):
    assert role_of(header) == role


def test_date_of_completion_is_the_deadline_when_no_other_date_column():
    assert map_columns(["Finding", "Action", "Lead", "Date of completion"]).first("due") == 3
    both = map_columns(["Finding", "Action", "Lead", "Target date", "Date of completion"])
    assert both.first("due") == 3 and both.first("completed") == 4
    assert map_columns(["Action", "Lead", "Actual completion date"]).first("due") is None


def test_part_of_the_work_delivered_is_in_progress():
    assert status_from_text("Workshops delivered to 6 of 8 teams.") == "in_progress"
    assert status_from_text("Delivered to 8 of 8 teams.") == "complete"
    assert status_from_text("Complete") == "complete"


def test_a_header_spanning_number_and_text_columns():
    plan = _word_plan(
        ["Recommendation", "", "Action", "Lead", "By when"],
        [
            [
                "1",
                "Share information about missing children in 24 hours.",
                "Daily missing call.",
                "Police Coordinator",
                "Nov 25",
            ],
            ["2", "Health should attend strategy meetings.", "Health rota.", "Designated Nurse", "Dec 25"],
        ],
        span_first=1,
    )
    recs = plan["recommendations"]
    assert [r["ref"] for r in recs] == ["1", "2"]
    assert recs[0]["text"].startswith("Share information")


def test_ref_column_after_the_finding_numbers_actions_and_r_refs_keep_their_r():
    plan = _word_plan(
        ["Ofsted finding", "Ref", "Action", "Responsible officer", "Completion date"],
        [
            ["R1 The quality of supervision is variable.", "a.", "Publish a standard.", "PSW", "May 2026"],
            ["", "b.", "Audit supervision.", "QA Manager", "June 2026"],
            ["R2 Care leavers do not know their entitlements.", "a.", "Publish the offer.", "HoS", "Apr 26"],
        ],
    )
    recs = plan["recommendations"]
    assert [r["ref"] for r in recs] == ["R1", "R2"]
    assert [a["ref"] for a in recs[0]["actions"]] == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "rag"),
    [
        ("G (on track)", "green"),
        ("B – Complete", "blue"),
        ("Completed (B)", "blue"),
        ("A/R", "red"),
        ("A-G", "amber"),
        ("G ↑", "green"),
        ("A new panel is in place", None),
    ],
)
def test_rating_letters_with_a_note_beside_them(text, rag):
    assert rag_of(text) == rag


def test_month_and_two_digit_year_dates_run_together_are_not_days():
    assert normalise_due("Jan 26 Mar 26").date == date(2026, 3, 31)
    assert normalise_due("By 26 March 2026").date == date(2026, 3, 26)
