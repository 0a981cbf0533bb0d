"""Plans printed to PDF without cell borders, read from how their text lines up.

A table printed with no borders keeps its shading (a shaded header, shaded theme rows)
and its layout: long headings overflowing narrow columns, headings wrapped onto a second
line, follow-on actions with no ref, refs and recommendations merged down their actions
and centred, shaded "Recommendation N:" rows across the columns. Three blind plans of the
fifth round are printed here without their borders (:func:`unbordered`) and scored; the
stories below build the documents they read.

Scored before these rules, without borders: r09 0.744, r10 0.574 and r12 0.751 (1.000
each with borders); after them 1.000 each.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from unittest import mock

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.readers import read_document
from lineofsight.importing.tests.blind3._kit import pdf
from lineofsight.importing.tests.builders import plan_actions
from lineofsight.importing.tests.scorer import scorer

pytest.importorskip("weasyprint")

UNBORDERED = ["r09_pdf_partners_reported_to", "r10_pdf_long_table_three_pages", "r12_pdf_rowspan_centred"]
FLOOR = 0.95  # each scores 1.000 today

_BORDER = re.compile(r"\bborder(?:-(?:top|right|bottom|left))?\s*:[^;}]*;?")


def without_borders(page_html: str) -> str:
    """The page with every border rule left out of its CSS (``border-collapse`` stays)."""
    return _BORDER.sub("", page_html)


@contextmanager
def unbordered(module: ModuleType) -> Iterator[None]:
    """While open, ``module.build()`` prints its page without borders: the blind plans
    build an HTML string and hand it to the ``pdf`` they import, so that name is
    replaced by one printing the page with its border CSS stripped."""
    with mock.patch.object(module, "pdf", lambda page_html: pdf(without_borders(page_html))):
        yield


def _score(name: str) -> float:
    tool = scorer()  # skips without ../shared, fails if its scorer is broken
    module = importlib.import_module(f"lineofsight.importing.tests.blind4.{name}")
    with unbordered(module):
        data = module.build()
    return tool.score(module.EXPECTED, read_plan(data, module.FILENAME).plan)["score"]


def test_stripping_borders_leaves_the_rest_of_the_style():
    page = "td,th{border:0.5pt solid #333;padding:3pt}table{border-collapse:collapse}th{border-bottom:1px solid}"
    assert without_borders(page) == "td,th{padding:3pt}table{border-collapse:collapse}th{}"


@pytest.mark.parametrize("name", UNBORDERED)
def test_blind_plan_printed_without_borders_reads_as_well_as_with_them(name):
    score = _score(name)
    print(f"\n{name} without borders: {score:.3f}")
    assert score >= FLOOR, score


_STYLE = "<style>body{font:10pt serif}td,th{vertical-align:top;padding:3pt 4pt;text-align:left}%s</style>"


# Ref, Recommendation, Action, Lead, Deadline: wide enough for every heading.
_WIDE = "<colgroup><col style='width:7%'><col style='width:28%'><col style='width:30%'><col><col></colgroup>"


def _table(header: str, rows: str, style: str = "", widths: str = "") -> bytes:
    return pdf(
        f"<html><head>{_STYLE % style}</head><body><p>Example Borough Council</p>"
        f"<table style='width:100%;table-layout:fixed;border-collapse:collapse'>{widths}"
        f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></body></html>"
    )


def test_a_heading_overflowing_its_narrow_column_is_not_run_into_the_next_heading():
    # "Recommendation" is wider than its column and prints under "Action": the words
    # overlap, so they are two headings, not one.
    widths = "<colgroup><col style='width:6%'><col style='width:12%'><col style='width:40%'><col><col></colgroup>"
    header = "<th>No</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th>"
    rows = (
        "<tr><td>1</td><td>Visits are timely.</td><td>Publish a weekly tracker of visits.</td>"
        "<td>Head of Service</td><td>March 2026</td></tr>"
        "<tr><td>2</td><td>Plans are clear.</td><td>Audit every plan each quarter.</td>"
        "<td>Principal Social Worker</td><td>June 2026</td></tr>"
    )
    plan = read_plan(_table(header, rows, "th{font-size:12pt}", widths), "plan.pdf").plan
    assert [r["text"] for r in plan["recommendations"]] == ["Visits are timely.", "Plans are clear."]
    assert [a["text"] for a in plan_actions(plan)] == [
        "Publish a weekly tracker of visits.",
        "Audit every plan each quarter.",
    ]


def test_a_heading_wrapped_onto_a_second_line_is_read_whole():
    # "Target" over "date" and "Progress update" over "(October 2026)": the second line
    # of each heading lies under its own cell, though "(October 2026)" starts within a
    # word space of "Target", so the deadline and progress columns keep their names.
    widths = (
        "<colgroup><col style='width:6%'><col style='width:30%'><col style='width:18%'>"
        "<col style='width:9%'><col style='width:28%'><col></colgroup>"
    )
    header = (
        "<th>No</th><th>Action</th><th>Lead</th><th>Target date</th><th>Progress update (October 2026)</th><th>RAG</th>"
    )
    rows = (
        "<tr><td>1</td><td>Publish a weekly tracker of visits.</td><td>Head of Service</td>"
        "<td>April 2026</td><td>Tracker published in May.</td><td>Green</td></tr>"
        "<tr><td>2</td><td>Audit every plan each quarter.</td><td>Principal Social Worker</td>"
        "<td>June 2026</td><td>First audit done.</td><td>Amber</td></tr>"
    )
    plan = read_plan(_table(header, rows, "th{background:#f2f2f2}", widths), "plan.pdf").plan
    first, second = plan_actions(plan)
    assert (first["due"]["date"], second["due"]["date"]) == ("2026-04-30", "2026-06-30")
    assert (first["rag"], second["rag"]) == ("green", "amber")
    assert [u["as_of"] for u in first["updates"] + second["updates"]] == ["2026-10-31", "2026-10-31"]


def test_follow_on_actions_without_a_ref_are_rows_of_their_own_under_a_shaded_header():
    # The header's shading, repeated on each page, draws edges that look like a rule
    # under it; without borders they are the only "rules", and are not the rows' borders.
    header = "<th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th>"
    # Rows of one line, each in words of its own: lines alike but for their numbers at
    # the top or foot of most pages would be running titles.
    topics = [
        "visits", "supervision", "audits", "plans", "training", "transitions", "reviews",
        "records", "caseloads", "chronologies", "assessments", "placements", "meetings", "referrals",
    ]  # fmt: skip
    rows = "".join(
        f"<tr><td>{n}</td><td>Improve {topic}.</td><td>Track {topic}.</td>"
        f"<td>Head of Service</td><td>Mar 2026</td></tr>"
        f"<tr><td></td><td></td><td>Report {topic}.</td>"
        f"<td>Performance Lead</td><td>Apr 2026</td></tr>"
        for n, topic in enumerate(topics, 1)
    )
    style = "@page{size:A5 landscape}th{background:#d9e2f3}"
    widths = (
        "<colgroup><col style='width:6%'><col style='width:24%'><col style='width:34%'>"
        "<col style='width:22%'><col style='width:14%'></colgroup>"
    )
    plan = read_plan(_table(header, rows, style, widths), "plan.pdf").plan
    assert [len(r["actions"]) for r in plan["recommendations"]] == [2] * len(topics)
    assert [(a["owners"], a["due"]["date"]) for a in plan_actions(plan)] == [
        (["Head of Service"], "2026-03-31"),
        (["Performance Lead"], "2026-04-30"),
    ] * len(topics)


def test_a_follow_on_action_starting_level_with_the_end_of_a_wrapped_lead_is_a_row_of_its_own():
    # The lead above wraps onto the line just before the next action: only the space of
    # the rows' padding says that its cell ended, and actions here end with no full stop.
    header = "<th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th>"
    rows = (
        "<tr><td>1</td><td>Publish a weekly tracker of visits</td><td>Head of Children's Services</td>"
        "<td>March 2026</td></tr>"
        "<tr><td></td><td>Report overdue visits to the Board</td><td>Performance Lead</td><td>April 2026</td></tr>"
    )
    widths = "<colgroup><col style='width:8%'><col style='width:42%'><col style='width:25%'><col></colgroup>"
    plan = read_plan(_table(header, rows, "", widths), "plan.pdf").plan
    assert [(a["text"], a["owners"]) for a in plan_actions(plan)] == [
        ("Publish a weekly tracker of visits", ["Head of Children's Services"]),
        ("Report overdue visits to the Board", ["Performance Lead"]),
    ]


def test_a_follow_on_action_below_a_row_going_on_over_a_page_break_is_a_row_of_its_own():
    # The first action's progress runs onto the next page; the follow-on action below
    # it there has no ref, but only a row opening the page goes on from the page above.
    header = "<th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th><th>Progress update</th>"
    progress = " ".join(f"Step {n} of the work was completed on time and reported to the board." for n in range(1, 13))
    rows = (
        "<tr><td>1</td><td>Publish a weekly tracker of every visit due.</td><td>Head of Service</td>"
        f"<td>March 2026</td><td>{progress}</td></tr>"
        "<tr><td></td><td>Report overdue visits to the Improvement Board.</td><td>Performance Lead</td>"
        "<td>April 2026</td><td>Reports started in May.</td></tr>"
    )
    widths = (
        "<colgroup><col style='width:7%'><col style='width:25%'><col style='width:18%'>"
        "<col style='width:15%'><col style='width:35%'></colgroup>"
    )
    data = _table(header, rows, "@page{size:A5 landscape}", widths)
    (table,) = read_document(data, "plan.pdf").tables
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "Publish a weekly tracker of every visit due.",
        "Report overdue visits to the Improvement Board.",
    ]
    plan = read_plan(data, "plan.pdf").plan
    assert [(a["owners"], a["due"]["date"]) for a in plan_actions(plan)] == [
        (["Head of Service"], "2026-03-31"),
        (["Performance Lead"], "2026-04-30"),
    ]


def test_a_shaded_theme_row_centred_over_the_table_is_a_section_row():
    header = "<th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th>"
    theme = "<tr class='theme'><td colspan='5'>{}</td></tr>"
    rows = (
        theme.format("Children in care")
        + "<tr><td>1</td><td>Health assessments are timely.</td><td>Track every overdue assessment.</td>"
        "<td>Designated Nurse</td><td>March 2026</td></tr>"
        + theme.format("Workforce")
        + "<tr><td>2</td><td>Fewer agency social workers.</td><td>Run a recruitment campaign.</td>"
        "<td>Head of Workforce</td><td>June 2026</td></tr>"
    )
    style = "tr.theme td{background:#fce4d6;font-weight:bold;text-align:center}"
    plan = read_plan(_table(header, rows, style, _WIDE), "plan.pdf").plan
    assert [a["text"] for a in plan_actions(plan)] == ["Track every overdue assessment.", "Run a recruitment campaign."]
    assert not any("Workforce" in r["text"] or "Children in care" in r["text"] for r in plan["recommendations"])


def test_a_ref_and_recommendation_merged_down_their_actions_and_centred_head_all_of_them():
    # Centred in a cell merged over its actions, a recommendation's text starts beside
    # its first action's later lines and its ref beside a later action: neither says
    # where rows start, and both belong to the first row of the merged cell.
    header = "<th>Rec</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th>"
    recs = [
        (
            "4",
            "Improve the quality and timeliness of health assessments for children in care placed out of area.",
            [
                ("Agree a service level agreement with the designated nurse for assessments.", "Designated Nurse"),
                ("Send a weekly tracker of overdue assessments to the Head of Service.", "Performance Officer"),
                ("Escalate delays of more than 20 days to the health provider.", "Head of Children in Care"),
            ],
        ),
        (
            "5",
            "Ensure that children in care understand their life story and why they are in care.",
            [
                ("Start life story work within three months of a permanence decision.", "Permanence Manager"),
                ("Commission a life story work service for children aged over 12.", "Commissioning Manager"),
            ],
        ),
    ]
    rows = ""
    for ref, text, actions in recs:
        for k, (action, lead) in enumerate(actions):
            merged = f"<td rowspan='{len(actions)}' class='mid'>{ref}</td><td rowspan='{len(actions)}' class='mid'>{text}</td>"
            rows += f"<tr>{merged if k == 0 else ''}<td>{action}</td><td>{lead}</td><td>June 2026</td></tr>"
    widths = (
        "<colgroup><col style='width:6%'><col style='width:28%'><col style='width:30%'>"
        "<col style='width:20%'><col></colgroup>"
    )
    plan = read_plan(_table(header, rows, "td.mid{vertical-align:middle}", widths), "plan.pdf").plan
    assert [(r["ref"], r["text"], len(r["actions"])) for r in plan["recommendations"]] == [
        (ref, text, len(actions)) for ref, text, actions in recs
    ]
    assert [a["owners"] for a in plan_actions(plan)] == [[lead] for _, _, actions in recs for _, lead in actions]
