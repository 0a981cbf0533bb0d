"""Sixth blind round: thirteen plans that exist only as PDF or as text, in layouts the
earlier rounds do not have, each read by the importer and scored with the shared scorer.

Scored when first written, before any change made for them: mean 0.560, 6 below 0.90.
s01 no borders, wrapped header 1.000; s02 merged centred cells under theme rows 0.000
(one action read, the last recommendation's text); s03 A3 nine columns 1.000; s04
sub-numbers, RAG as fill 1.000; s05 tabs in some rows, spaces in others 0.187 (only the
first row read); s06 e-mail under "REC 1 -" capital headings 0.000 (no table found); s07
newsletter page 0.967 (two leads wrapped in one column joined); s08 table run on with no
header 1.000; s09 semicolon-separated values 0.000 (no table found); s10 numeric dates,
completed rows struck through or "(C)" 0.929 (status of those rows not read); s11 three
months of progress 1.000; s12 headings and labelled bullets, no table 0.000 (nothing
found); s13 "+----+" grid with wrapped cells 0.196 (each wrapped line read as a row).
After the general fixes that followed (delimited and grid-drawn text, rows copied with
spaces among tabbed ones, headings over bullets, "(C)" beside a date, "Area for priority
action" as a recommendation heading, a bold theme row run on over the next column, a
centred merged cell lifted to the first of all the rows it is centred on): mean 0.994,
none below 0.90 (s07 0.967: two leads a line apart read as one title; s10 0.952: rows
shown complete only by strike-through get no status). No answer was changed.
``pytest -s`` prints the table. ``FLOOR`` and ``MEAN`` sit just below today's scores,
so the suite fails on a regression.
"""

from __future__ import annotations

import pytest

from lineofsight.importing.tests import blind5, rounds

pytest.importorskip("weasyprint")
PLANS = rounds.plan_names(blind5, "s")
FLOOR = 0.93  # every plan; see the docstring
MEAN = 0.98  # first mean 0.560


def _score(name: str) -> dict:
    return rounds.score_plan(blind5, name)


def test_blind5_has_at_least_ten_plans():
    assert len(PLANS) >= 10


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    return {name: _score(name) for name in PLANS}


def test_every_pdf_or_text_plan_of_the_sixth_blind_round_imports(scores):
    mean = rounds.print_table(scores)
    low = {name: round(r["score"], 3) for name, r in scores.items() if r["score"] < FLOOR}
    assert not low, low
    assert mean >= MEAN, mean
