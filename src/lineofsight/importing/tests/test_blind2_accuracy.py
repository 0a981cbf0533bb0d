"""Third blind round: ten fictional Harrowfield plans in messy council layouts, each read by the
importer and scored against its hand-written answer with the shared scorer."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.errors import ImportFailed
from lineofsight.importing.tests import blind2
from lineofsight.importing.tests.scorer import scorer

THRESHOLD = 0.90
PLANS = sorted(m.name for m in pkgutil.iter_modules(blind2.__path__) if m.name.startswith("p"))


def _score_plan(name: str) -> dict:
    module = importlib.import_module(f"lineofsight.importing.tests.blind2.{name}")
    try:
        imported = read_plan(module.build(), module.FILENAME).plan
    except ImportFailed:  # a refusal scores as an empty plan, so the table still prints
        imported = {"recommendations": []}
    return scorer().score(module.EXPECTED, imported)


def test_blind2_plans_are_listed():
    assert len(PLANS) == 10


@pytest.mark.parametrize("name", PLANS)
def test_council_plan_in_an_unseen_layout_imports_accurately(name):
    r = _score_plan(name)
    print(
        f"\n{name:40} score {r['score']:.3f} f1 {r['action_f1']:.2f} rec {r['recommendation']:.2f} "
        f"own {r['owners']:.2f} due {r['due_date']:.2f} status {r['status']:.2f} rag {r['rag']:.2f}"
    )
    assert r["score"] >= THRESHOLD, (name, r["score"], r["missed"], r["spurious"])
