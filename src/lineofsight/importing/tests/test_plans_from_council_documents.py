"""Plans in the shapes councils send, written by the tests for a fictional council."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.importing import read_plan, validate_plan
from lineofsight.importing.tests import builders
from lineofsight.importing.tests.builders import plan_actions


@pytest.fixture(scope="module")
def word_plan():
    result = read_plan(builders.example_docx(), "example-plan.docx")
    validate_plan(result.plan)
    return result


def test_word_plan_reads_title_council_and_inspection_before_the_table(word_plan):
    plan = word_plan.plan
    assert plan["title"] == "Post-ILACS Improvement Plan"
    assert plan["organisation"] == "Example Borough Council"
    assert plan["inspection"] == {"kind": "ILACS", "started": "2026-01-12", "ended": "2026-01-23"}


def test_word_plan_ignores_budget_and_glossary_tables_with_a_warning(word_plan):
    texts = [a["text"] for a in plan_actions(word_plan.plan)]
    assert not any("PSW" in t or "Social work academy" in t for t in texts)
    ignored = [str(w) for w in word_plan.warnings if "ignored" in w.message]
    assert any("table 1" in w for w in ignored)
    assert any("table 4" in w for w in ignored)


def test_bullets_pair_with_parallel_dates_and_share_one_lead(word_plan):
    rec = word_plan.plan["recommendations"][0]
    assert rec["ref"] == "1"
    assert rec["section"] == "Priority 1: within 3 months"
    first_three = rec["actions"][:3]
    assert [a["text"] for a in first_three] == [
        "Audit every strategy meeting held in January.",
        "Publish a revised threshold guide for partners.",
        "Train all duty managers in the new guide.",
    ]
    assert [a["due"]["date"] for a in first_three] == ["2026-03-31", "2026-04-30", "2026-08-31"]
    assert [a["status"] for a in first_three] == ["complete", None, None]
    assert all(a["owners"] == ["Head of Safeguarding"] for a in first_three)
    assert first_three[0]["rag"] == "green"
    assert first_three[0]["updates"] == [{"as_of": "2026-03-31", "text": "Audit finished and reported."}]


def test_continuation_row_adds_an_action_and_keeps_name_with_role(word_plan):
    action = word_plan.plan["recommendations"][0]["actions"][3]
    assert action["text"].startswith("Add a weekly tracker")
    assert action["owners"] == ["Jo Bloggs – Service Manager, Front Door", "Performance Lead"]
    assert action["due"] == {"text": "Ongoing", "date": None}
    assert action["rag"] == "amber"


def test_merged_recommendation_cells_and_lettered_items(word_plan):
    rec = word_plan.plan["recommendations"][1]
    assert rec["ref"] == "2"
    assert [a["ref"] for a in rec["actions"]] == ["a", "b", "c"]
    assert rec["actions"][0]["owners"] == ["Head of Quality Assurance", "Principal Social Worker"]
    assert rec["actions"][0]["due"]["date"] == "2027-02-28"
    assert rec["actions"][0]["status"] == "in_progress"
    assert rec["actions"][0]["rag"] == "red"
    assert rec["actions"][2]["due"]["date"] == "2026-10-31"
    assert rec["actions"][2]["rag"] == "blue"


def test_see_action_becomes_see_also(word_plan):
    rec = word_plan.plan["recommendations"][2]
    assert rec["ref"] == "3"
    assert rec["see_also"] == ["1"]
    assert rec["actions"] == []


def test_table_heading_is_the_recommendation_when_there_is_no_recommendation_column(word_plan):
    rec = word_plan.plan["recommendations"][3]
    assert rec["ref"] is None
    assert rec["text"] == "Care leavers"
    assert [a["status"] for a in rec["actions"]] == ["complete", None]
    # "6 months" counts from the inspection's last day read above the table.
    assert rec["actions"][1]["due"] == {"text": "6 months", "date": "2026-07-23"}


def test_relative_deadline_uses_inspection_end_given_by_caller():
    result = read_plan(builders.example_docx(), "p.docx", inspection_end=date(2026, 2, 28))
    assert result.plan["recommendations"][3]["actions"][1]["due"]["date"] == "2026-08-28"


def test_excel_plan_with_merged_cells_rag_and_dated_progress():
    result = read_plan(builders.example_xlsx(), "focused-visit.xlsx")
    plan = result.plan
    assert plan["title"] == "Example Borough Council – Focused visit action plan"
    assert plan["inspection"]["kind"] == "Focused visit"
    recs = plan["recommendations"]
    assert [r["ref"] for r in recs] == ["1", "2"]
    first = recs[0]["actions"]
    assert [a["text"] for a in first] == [
        "Commission a new return home interview service",
        "Report take-up monthly",
        "Review missing episodes at the weekly MASH meeting",
    ]
    assert [a["due"]["date"] for a in first] == ["2026-03-31", "2026-05-31", None]
    assert [a["rag"] for a in first] == ["green", "green", "amber"]
    assert first[2]["status"] == "in_progress"
    assert first[0]["updates"] == [{"as_of": "2026-01-31", "text": "Contract awarded"}]
    assert recs[1]["actions"][0]["due"]["date"] == "2026-11-30"
    assert any("table 2" in str(w) and "ignored" in str(w) for w in result.warnings)


def test_html_plan_with_lists_section_row_and_staffing_table():
    plan = read_plan(builders.EXAMPLE_HTML.encode(), "jtai.html").plan
    rec = plan["recommendations"][0]
    assert rec["section"] == "Neglect"
    assert [(a["text"], a["due"]["date"]) for a in rec["actions"]] == [
        ("Launch the neglect toolkit", "2026-06-30"),
        ("Train school safeguarding leads", "2026-09-30"),
        ("Audit 20 neglect cases & report findings", "2026-12-01"),
    ]
    assert rec["actions"][2]["owners"] == ["Head of QA", "Designated Nurse"]
    assert len(plan["recommendations"]) == 1


def test_markdown_plan_with_line_breaks_in_cells():
    plan = read_plan(builders.EXAMPLE_MARKDOWN.encode(), "plan.md").plan
    first, second = plan["recommendations"]
    assert [a["due"]["date"] for a in first["actions"]] == ["2026-04-30", "2026-05-31"]
    assert all(a["status"] == "in_progress" for a in first["actions"])
    assert second["actions"][0]["status"] == "complete"


def test_csv_in_windows_1252_with_semicolons():
    plan = read_plan(builders.example_csv(), "plan.csv").plan
    actions = plan_actions(plan)
    assert actions[0]["text"] == "Agree a step–down protocol"
    assert actions[0]["due"]["date"] == "2027-02-28"
    assert [a["rag"] for a in actions] == ["amber", "green"]
    assert actions[1]["owners"] == ["Early Help Manager"]


def test_pdf_plan_joins_wrapped_lines_back_into_actions():
    weasyprint = pytest.importorskip("weasyprint")
    html = builders.EXAMPLE_HTML.replace("<td", '<td style="border:1px solid black"').replace(
        "<th", '<th style="border:1px solid black"'
    )
    pdf = weasyprint.HTML(string=html).write_pdf()
    actions = plan_actions(read_plan(pdf, "jtai.pdf").plan)
    assert [a["text"] for a in actions] == [
        "Launch the neglect toolkit",
        "Train school safeguarding leads",
        "Audit 20 neglect cases & report findings",
    ]
    assert actions[0]["owners"] == ["Head of Early Help"]


def test_page_break_repeats_and_split_rows_in_a_text_extraction():
    text = "\n".join(
        [
            "Northfield Council improvement plan",
            "No.\tRecommendation\tAction\tLead\tBy when",
            "1.\tImprove the quality of\tAudit ten plans a month and share the\tHead of QA\tMay 2026",
            "",
            "Northfield Council improvement plan",
            "No.\tRecommendation\tAction\tLead\tBy when",
            "\tchild protection plans.\tfindings with team managers.\t\t",
            "\t\tRun a plans workshop.\tPrincipal Social Worker\tJune 2026",
            "2\tA repeated finding.\tThis is a repetition of action 1 and has been removed\t\t",
        ]
    ).encode()
    plan = read_plan(text, "extraction.txt").plan
    first, second = plan["recommendations"]
    assert first["text"] == "Improve the quality of child protection plans."
    assert [a["text"] for a in first["actions"]] == [
        "Audit ten plans a month and share the findings with team managers.",
        "Run a plans workshop.",
    ]
    assert first["actions"][0]["owners"] == ["Head of QA"]
    assert second["see_also"] == ["1"]


def test_warnings_point_at_file_table_and_row():
    result = read_plan(builders.example_docx(), "example-plan.docx")
    for warning in result.warnings:
        assert str(warning).startswith("example-plan.docx, table ")


def test_one_table_per_priority_with_numbered_actions_and_rag_colours():
    plan = read_plan(builders.priorities_docx(), "jtai-plan.docx").plan
    assert plan["inspection"] == {"kind": "JTAI", "started": "2025-03-03", "ended": "2025-03-07"}
    recs = plan["recommendations"]
    assert [(r["ref"], r["text"]) for r in recs] == [
        (None, "Priority 1: Early help"),
        (None, "Priority 2: Neglect"),
    ]
    first, second = recs[0]["actions"]
    assert (first["ref"], first["rag"], first["due"]["date"]) == ("1.1", "green", "2025-06-30")
    assert (second["ref"], second["rag"], second["due"]["date"]) == ("1.2", "amber", "2025-09-30")
    neglect = recs[1]["actions"][0]
    assert neglect["owners"] == ["Principal Social Worker", "Named Nurse"]
    # The start date column is not the deadline.
    assert (neglect["rag"], neglect["due"]["text"], neglect["due"]["date"]) == ("red", "Dec-25", "2025-12-31")


def test_tracker_export_repeating_the_recommendation_on_every_row():
    plan = read_plan(builders.repeated_rows_xlsx(), "tracker.xlsx").plan
    recs = plan["recommendations"]
    assert [(r["ref"], r["section"], len(r["actions"])) for r in recs] == [
        ("1", "Care leavers", 2),
        ("2", "Children in care", 1),
    ]
    assert recs[0]["text"] == "Pathway plans are not always up to date."
    audit, train = recs[0]["actions"]
    assert (audit["status"], audit["rag"]) == ("complete", "blue")  # a completion date is filled in
    assert (train["status"], train["rag"]) == (None, "amber")
    visits = recs[1]["actions"][0]
    assert (visits["status"], visits["rag"], visits["due"]["date"]) == ("in_progress", None, "2026-09-30")


def test_layout_table_frame_and_sub_bullets_belong_to_their_action():
    plan = read_plan(builders.nested_docx(), "send.docx").plan
    assert plan["title"] == "Example Borough Council SEND improvement plan"
    actions = plan_actions(plan)
    assert [a["text"] for a in actions] == [
        "Train case officers in writing outcomes: new starters first; then all officers",
        "Audit ten plans each month.",
    ]
    assert all(a["due"]["date"] == "2026-09-30" for a in actions)


def test_sub_numbers_and_repeated_recommendation_rows_stay_under_one_recommendation():
    text = "\n".join(
        [
            "No.\tRecommendation\tAction\tLead\tBy when",
            "1a\tImprove X.\tDo A\tHead of A\tMay 2026",
            "1b\t\tDo B\tHead of Service/PSW\tJune 2026",
            "1.3\t\tDo C\tHead of C\tJuly 2026",
            "2\tImprove Y.\tDo D\tHead of D\tMay 2026",
            "2\tImprove Y.\tDo E\tHead of D\tMay 2026",
        ]
    ).encode()
    recs = read_plan(text, "tracker.txt").plan["recommendations"]
    assert [(r["ref"], [a["ref"] for a in r["actions"]]) for r in recs] == [
        ("1", ["1a", "1b", "1.3"]),
        ("2", [None, None]),
    ]
    assert recs[0]["actions"][1]["owners"] == ["Head of Service", "PSW"]


def test_a_second_header_inside_a_table_remaps_the_columns():
    text = "\n".join(
        [
            "No.\tRecommendation\tAction\tLead\tBy when",
            "1\tImprove X.\tDo A\tHead of A\tMay 2026",
            "\tAction\tLead officer\tTimescale\tRAG",
            "\tRun training for all staff\tPSW\tJune 2026\tGreen",
        ]
    ).encode()
    recs = read_plan(text, "two-plans.txt").plan["recommendations"]
    assert [a["text"] for a in recs[0]["actions"]] == ["Do A"]
    assert [(a["text"], a["owners"], a["rag"]) for a in recs[1]["actions"]] == [
        ("Run training for all staff", ["PSW"], "green")
    ]


def test_recommendation_merged_down_its_rows_with_names_over_roles():
    plan = read_plan(builders.ilacs_docx(), "ilacs.docx").plan
    assert plan["inspection"] == {"kind": "ILACS", "started": "2025-02-03", "ended": "2025-02-14"}
    first, second = plan["recommendations"]
    assert (first["ref"], first["text"]) == ("1", "The quality and impact of supervision for social workers.")
    audit, training, policy = first["actions"]
    assert audit["owners"] == ["Jo Bloggs – Head of Quality Assurance"]
    assert audit["measures"] == ["80% of audits good"]
    assert (audit["rag"], training["rag"], policy["rag"]) == ("green", "amber", "blue")
    assert policy["owners"] == ["Head of Service", "PSW"]
    assert (policy["status"], policy["due"]) == ("complete", {"text": "Complete", "date": None})
    assert [(a["ref"], a["due"]["date"], a["owners"]) for a in second["actions"]] == [
        ("a", "2025-04-30", ["Head of Service CIN/CP"]),
        ("b", "2025-06-30", ["Head of Service CIN/CP"]),
    ]
