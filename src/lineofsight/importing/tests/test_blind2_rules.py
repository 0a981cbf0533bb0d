"""General rules found by the third blind round, each shown on a small document the test
builds itself (the layouts are unlike the round's plans, so they test the rule, not a file)."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from openpyxl import Workbook

from lineofsight.importing import read_plan
from lineofsight.importing.columns import role_of
from lineofsight.importing.preamble import organisation_of, title_of
from lineofsight.importing.tests.builders import plan_actions
from lineofsight.importing.text import rag_of


def _xlsx(rows: list[list], formats: dict[str, str] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _docx(rows: list[list[str]], before: list[str] = ()) -> tuple[Document, bytes]:
    doc = Document()
    for line in before:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    doc.save(buf)
    return doc, buf.getvalue()


def test_month_formatted_date_cell_means_the_whole_month():
    data = _xlsx(
        [
            ["Action", "Lead", "Deadline"],
            ["Publish the new practice framework for social workers", "PSW", datetime(2026, 2, 1)],
        ],
        {"C2": "mmm-yy"},
    )
    due = plan_actions(read_plan(data, "plan.xlsx").plan)[0]["due"]
    assert due == {"text": "February 2026", "date": "2026-02-28"}


def test_monthly_update_column_headed_by_a_date_is_as_of_month_end():
    data = _xlsx(
        [
            ["Action", "Lead", "Deadline", datetime(2025, 11, 1)],
            ["Hold quarterly audits of supervision", "Head of QA", "March 2026", "First audit done"],
        ],
        {"D1": "mmm-yy"},
    )
    updates = plan_actions(read_plan(data, "plan.xlsx").plan)[0]["updates"]
    assert updates == [{"as_of": "2025-11-30", "text": "First audit done"}]


def test_id_and_ref_no_columns_number_recommendations():
    assert role_of("ID") == "number"
    assert role_of("Ref No.") == "number"


def test_c_in_a_rag_column_is_the_complete_rating():
    assert rag_of("C") == "blue"
    assert rag_of("C - complete") == "blue"
    assert rag_of("Complete") is None  # a status word is not a rating


def test_page_in_brackets_after_a_recommendation_number_is_not_the_ref():
    _, data = _docx(
        [
            ["Rec", "Recommendation", "Action", "Owner", "By when"],
            [
                "Rec 4 (pages 7-8)",
                "Improve the quality of supervision.",
                "Train managers in reflective supervision",
                "PSW",
                "May 2026",
            ],
        ]
    )
    assert read_plan(data, "plan.docx").plan["recommendations"][0]["ref"] == "4"


def test_unlabelled_first_column_of_findings_is_the_recommendation_and_bare_number_its_ref():
    _, data = _docx(
        [
            ["Focus", "Actions", "Owner", "Target"],
            [
                "7 Children in care are not always seen alone",
                "Record seeing the child alone on every visit",
                "Lead: Kim Hart",
                "June 2026",
            ],
        ]
    )
    rec = read_plan(data, "plan.docx").plan["recommendations"][0]
    assert (rec["ref"], rec["text"]) == ("7", "Children in care are not always seen alone")
    assert rec["actions"][0]["owners"] == ["Kim Hart"]


def test_a_column_of_priority_ratings_is_not_read_as_recommendations():
    _, data = _docx(
        [
            ["Priority", "Actions", "Owner", "Target"],
            ["High", "Record seeing the child alone on every visit", "Kim Hart", "June 2026"],
        ]
    )
    recs = read_plan(data, "plan.docx").plan["recommendations"]
    assert all(r["text"] != "High" for r in recs)


def test_progress_cell_holding_only_a_status_word_is_the_status_not_an_update():
    _, data = _docx(
        [
            ["Action", "Owner", "Target", "Progress"],
            ["Record seeing the child alone on every visit", "Kim Hart", "June 2026", "In progress"],
        ]
    )
    action = plan_actions(read_plan(data, "plan.docx").plan)[0]
    assert (action["status"], action["updates"]) == ("in_progress", [])


def test_nested_sub_action_table_gives_each_sub_action_its_owner_and_date():
    doc = Document()
    outer = doc.add_table(rows=2, cols=3)
    outer.cell(0, 0).text, outer.cell(0, 1).text, outer.cell(0, 2).text = "Issue", "What we will do", "RAG"
    outer.cell(1, 0).text, outer.cell(1, 2).text = "Plans for children are not specific.", "Red"
    inner = outer.cell(1, 1).add_table(rows=3, cols=3)
    for r, values in enumerate(
        [
            ["Task", "Lead officer", "Due date"],
            ["Adopt a plan template", "QA Manager", "March 2026"],
            ["Audit twenty plans", "Head of Service", "June 2026"],
        ]
    ):
        for c, value in enumerate(values):
            inner.cell(r, c).text = value
    buf = io.BytesIO()
    doc.save(buf)
    actions = plan_actions(read_plan(buf.getvalue(), "plan.docx").plan)
    assert [(a["text"], a["owners"], a["due"]["date"], a["rag"]) for a in actions] == [
        ("Adopt a plan template", ["QA Manager"], "2026-03-31", "red"),
        ("Audit twenty plans", ["Head of Service"], "2026-06-30", "red"),
    ]


def test_title_is_the_heading_not_the_sentence_under_it():
    lines = ["Youth Justice Improvement Plan", "This plan sets out what we will do after the inspection."]
    assert title_of(lines, None) == "Youth Justice Improvement Plan"


def test_council_named_in_a_capitals_title_block():
    assert organisation_of(["NORTHMOOR BOROUGH COUNCIL", "Improvement plan"]) == "Northmoor Borough Council"


def test_hidden_helper_column_of_a_workbook_is_not_read():
    wb = Workbook()
    ws = wb.active
    ws.append(["Ref", "Owner code", "Action", "Responsible officer", "Target date"])
    ws.append(["1", "ZZ-99", "Refresh the missing-from-home protocol with the police", "Head of Service", "April 2026"])
    ws.column_dimensions["B"].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    action = plan_actions(read_plan(buf.getvalue(), "plan.xlsx").plan)[0]
    assert action["owners"] == ["Head of Service"]
    assert "ZZ-99" not in str(action)
