"""Third blind round: ten fictional Harrowfield plans in messy council layouts, each read by the
importer and scored against its hand-written answer with the shared scorer."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.errors import ImportFailed
from lineofsight.importing.tests import blind2

SCORER = Path(__file__).resolve().parents[4] / ".." / "shared" / "tools" / "score_import.py"
THRESHOLD = 0.90
PLANS = sorted(m.name for m in pkgutil.iter_modules(blind2.__path__) if m.name.startswith("p"))


def _scorer() -> ModuleType:
    """The shared scorer, loaded from ../shared (skip when the shared folder is absent)."""
    if not SCORER.exists():
        pytest.skip("../shared/tools/score_import.py is not available")
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _score_plan(name: str) -> dict:
    module = importlib.import_module(f"lineofsight.importing.tests.blind2.{name}")
    try:
        imported = read_plan(module.build(), module.FILENAME).plan
    except ImportFailed:  # a refusal scores as an empty plan, so the table still prints
        imported = {"recommendations": []}
    return _scorer().score(module.EXPECTED, imported)


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


def test_print_blind2_score_table(capsys):
    rows = [(name, _score_plan(name)) for name in PLANS]
    with capsys.disabled():
        print("\nplan                                     score  f1    rec   own   due   stat  rag")
        for name, r in rows:
            print(
                f"{name:40} {r['score']:.3f}  {r['action_f1']:.2f}  {r['recommendation']:.2f}  "
                f"{r['owners']:.2f}  {r['due_date']:.2f}  {r['status']:.2f}  {r['rag']:.2f}"
            )
        print(f"mean {sum(r['score'] for _, r in rows) / len(rows):.3f}")
