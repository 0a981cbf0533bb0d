"""Accuracy on the corpus of fictional plans in councils' layouts, by the project's score tool.

Each corpus plan is written by the test itself (Word or Excel) with a hand-written answer;
the importer must score at least 0.90 on every one. ``pytest -s`` shows the score table.
"""

from __future__ import annotations

import pytest

from lineofsight.importing.tests import corpus
from lineofsight.importing.tests.scorer import scorer


@pytest.fixture(scope="module")
def score_tool():  # type: ignore[no-untyped-def]
    return scorer()


def test_every_corpus_plan_imports_with_score_of_at_least_0_90(score_tool):
    rows = [(m.__name__.rsplit(".", 1)[-1], corpus.score_plan(m, score_tool)) for m in corpus.plans()]

    print()
    print(corpus.table(rows))
    assert len(rows) >= 10
    low = {name: round(r["score"], 3) for name, r in rows if r["score"] < 0.90}
    assert not low, low
