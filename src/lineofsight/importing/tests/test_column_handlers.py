"""The layout step's column handlers: one per column type, registered next to the
header wordings that name it, each filling a row's actions from its own cells."""

from __future__ import annotations

import re

from lineofsight.importing.columns import COLUMNS, ROLES, SYNONYMS, map_columns
from lineofsight.importing.drafts import DraftAction, PlanRow
from lineofsight.importing.grid import Cell, Para, Row, Table
from lineofsight.importing.handlers import (
    DueColumn,
    ImportColumn,
    OwnerColumn,
    PartnersColumn,
    ProgressColumn,
    RagColumn,
    RowReading,
)
from lineofsight.importing.walker import RowWalker


def _cell(*lines: str, fill: str | None = None) -> Cell:
    return Cell([Para(line) for line in lines], fill=fill)


def _row(header: list[str], cells: list[Cell]) -> tuple[PlanRow, list[tuple[int | None, int | None, str]]]:
    row = Row(cells, number=2)
    table = Table([row], index=1)
    warnings: list[tuple[int | None, int | None, str]] = []
    return PlanRow(row, table, map_columns(header)), warnings


def test_every_column_role_has_one_handler_that_knows_its_wordings():
    assert set(COLUMNS) == set(ROLES)
    for role, column in COLUMNS.items():
        assert issubclass(column, ImportColumn) and column.role == role
    named = {role for role, _ in SYNONYMS}
    for role in named:
        assert COLUMNS[role].synonyms, role
    # The lead column knows "Lead officer"; the partners column "Key partners".
    assert any(re.search(p, "lead officer") for p in OwnerColumn.synonyms)
    assert any(re.search(p, "key partners") for p in PartnersColumn.synonyms)
    assert not any(re.search(p, "key partners") for p in DueColumn.synonyms)


def test_a_lead_cell_naming_partners_gives_each_action_its_leads_and_partners():
    pr, warnings = _row(
        ["Action", "Lead", "Key partners", "By when"],
        [
            _cell("Audit files", "Train staff"),
            _cell("Head of Service", "Partners: Police"),
            _cell("Health"),
            _cell("May 2026"),
        ],
    )
    reading = RowReading(pr, lambda *w: warnings.append(w))
    actions = [DraftAction("Audit files"), DraftAction("Train staff")]
    for column in (OwnerColumn(), PartnersColumn(), DueColumn()):
        column.gather(reading)
    for column in (OwnerColumn(), PartnersColumn(), DueColumn()):
        column.fill(reading, actions)
    assert [a.owners for a in actions] == [["Head of Service"], ["Head of Service"]]
    assert [a.partners for a in actions] == [["Police", "Health"], ["Police", "Health"]]
    assert [a.due_text for a in actions] == ["May 2026", "May 2026"]
    assert warnings == []


def test_more_dates_than_actions_are_paired_from_the_last_up_with_a_warning():
    pr, warnings = _row(
        ["Action", "Lead", "By when"], [_cell("Audit files"), _cell("Sam"), _cell("May 2026", "June 2026")]
    )
    reading = RowReading(pr, lambda *w: warnings.append(w))
    actions = [DraftAction("Audit files")]
    DueColumn().gather(reading)
    DueColumn().fill(reading, actions)
    assert actions[0].due_text == "May 2026 June 2026"
    assert warnings == [(1, 2, "2 dates for 1 actions; paired in order")]


def test_without_a_rag_column_the_status_cells_colour_is_the_rating():
    pr, _ = _row(["Action", "Lead", "Status"], [_cell("Audit files"), _cell("Sam"), _cell("On track", fill="amber")])
    reading = RowReading(pr, lambda *w: None)
    actions = [DraftAction("Audit files")]
    RagColumn().fill(reading, actions)
    assert actions[0].rag == "amber"


def test_dated_progress_paragraphs_are_updates_as_of_their_dates():
    pr, _ = _row(
        ["Action", "Lead", "Progress"],
        [_cell("Audit files"), _cell("Sam"), _cell("As of 30 April 2026: ten audits done", "12/05/2026 – twenty done")],
    )
    actions = [DraftAction("Audit files")]
    ProgressColumn().fill(RowReading(pr, lambda *w: None), actions)
    assert actions[0].updates == [
        {"as_of": "2026-04-30", "text": "ten audits done"},
        {"as_of": "2026-05-12", "text": "twenty done"},
    ]


def test_a_progress_column_holding_only_a_rating_gives_the_rag_not_an_update():
    # A plan with no RAG column writes "Green" as the progress; a sentence stays an update.
    pr, _ = _row(["Action", "Lead", "Progress"], [_cell("Audit files"), _cell("Sam"), _cell("Green")])
    actions = [DraftAction("Audit files")]
    ProgressColumn().fill(RowReading(pr, lambda *w: None), actions)
    assert (actions[0].rag, actions[0].updates) == ("green", [])
    pr, _ = _row(
        ["Action", "Lead", "Progress"], [_cell("Audit files"), _cell("Sam"), _cell("Green light given by DMT.")]
    )
    actions = [DraftAction("Audit files")]
    ProgressColumn().fill(RowReading(pr, lambda *w: None), actions)
    assert actions[0].rag is None
    assert [u["text"] for u in actions[0].updates] == ["Green light given by DMT."]


def test_the_walker_starts_a_recommendation_at_each_number_and_lets_the_handlers_fill_its_actions():
    header = ["No.", "Recommendation", "Action", "Lead", "By when"]
    rows = [
        Row([_cell("1"), _cell("Improve planning"), _cell("Audit files"), _cell("Sam"), _cell("May 2026")], number=2),
        Row([_cell(""), _cell(""), _cell("Train staff"), _cell("Ann"), _cell("June 2026")], number=3),
        Row(
            [_cell("2"), _cell("Improve supervision"), _cell("Monthly supervision"), _cell("Jo"), _cell("July 2026")],
            number=4,
        ),
    ]
    table = Table(rows, index=1)
    cmap = map_columns(header)
    recs: list = []
    RowWalker(recs, lambda *w: None, table_sections=False).walk([PlanRow(r, table, cmap) for r in rows])
    assert [(r.ref, r.text, [(a.text, a.owners, a.due_text) for a in r.actions]) for r in recs] == [
        ("1", "Improve planning", [("Audit files", ["Sam"], "May 2026"), ("Train staff", ["Ann"], "June 2026")]),
        ("2", "Improve supervision", [("Monthly supervision", ["Jo"], "July 2026")]),
    ]


def test_a_row_split_by_a_page_break_keeps_the_leads_and_dates_from_above_the_break():
    above_lead = _cell("Head of Service", "Partners: Police")
    assert OwnerColumn.across_break(_cell(), above_lead) is above_lead
    # The "Partners:" list ran on over the break: the new page's lines continue it.
    joined = OwnerColumn.across_break(_cell("Health"), above_lead)
    assert [p.text for p in joined.paras] == ["Head of Service", "Partners: Police", "Health"]
    assert OwnerColumn.across_break(_cell("Ann"), _cell("Sam")).text == "Ann"
    # A date cell holding the tail of a sentence, not a date, is the row's above.
    assert DueColumn.across_break(_cell("and reviewed"), _cell("May 2026")).text == "May 2026"
    assert DueColumn.across_break(_cell("June 2026"), _cell("May 2026")).text == "June 2026"
    # A RAG cell coloured on the new page keeps its own colour.
    coloured = _cell(fill="green")
    assert RagColumn.across_break(coloured, _cell("Red")) is coloured
