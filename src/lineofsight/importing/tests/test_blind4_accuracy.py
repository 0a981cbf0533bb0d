"""Fifth blind round: twelve plans that exist only as PDF or as text, in layouts the
earlier rounds do not have, each read by the importer and scored with the shared scorer.

Scored when first written, before any change made for them: mean 0.648, 8 below 0.90
(three of them, the label blocks, the long table over three pages and the cell-per-line
text, not imported at all). After the general fixes that followed (labelled text blocks,
cell-per-line rows with no blank lines, a side of a ruled cell drawn in pieces, words
running over a cell's side, wrapped headings above tables, a progress column holding only
a rating, a column of refs under an unnamed header, lettered recommendations): 1.000 on
every plan. Five answers were corrected to plan-format.md on review (r03, r09 and r11
take a "Recommendation N:" heading whole with a null ref; r04's "Q3 2026/27" ends with
December 2026; r10's updates say the work started); against the answers as first
written the importer now scores 0.943. ``pytest -s`` prints the table. ``FLOOR`` and
``MEAN`` sit just below today's scores, so the suite fails on a regression.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.errors import ImportFailed
from lineofsight.importing.tests import blind4
from lineofsight.importing.tests.scorer import scorer

pytest.importorskip("weasyprint")
PLANS = sorted(m.name for m in pkgutil.iter_modules(blind4.__path__) if m.name.startswith("r"))
FLOOR = 0.98  # every plan: each scores 1.000 today
MEAN = 0.98  # first mean 0.648; see the docstring


def _score(name: str) -> dict:
    tool = scorer()  # skips without ../shared, fails if its scorer is broken
    module = importlib.import_module(f"{blind4.__name__}.{name}")
    try:
        imported = read_plan(module.build(), module.FILENAME).plan
    except ImportFailed:
        imported = {"recommendations": []}
    return tool.score(module.EXPECTED, imported)


def test_blind4_has_at_least_ten_plans():
    assert len(PLANS) >= 10


@pytest.fixture(scope="module")
def scores() -> dict[str, dict]:
    return {name: _score(name) for name in PLANS}


def test_every_pdf_or_text_plan_of_the_fifth_blind_round_imports(scores):
    print("\nplan                                     score  f1    rec   own   due   stat  rag")
    for name, r in scores.items():
        print(
            f"{name:40} {r['score']:.3f}  {r['action_f1']:.2f}  {r['recommendation']:.2f}  "
            f"{r['owners']:.2f}  {r['due_date']:.2f}  {r['status']:.2f}  {r['rag']:.2f}"
        )
    mean = sum(r["score"] for r in scores.values()) / len(scores)
    print(f"mean {mean:.3f}")
    low = {name: round(r["score"], 3) for name, r in scores.items() if r["score"] < FLOOR}
    assert not low, low
    assert mean >= MEAN, mean
