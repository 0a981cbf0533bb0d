"""Blind plans, written from plan-format.md before the importer was read, scored the way
the project is measured (../shared/tools/score_import.py). Each must score at least 0.90."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.tests.blind import PLANS

SCORER = Path(__file__).resolve().parents[4] / ".." / "shared" / "tools" / "score_import.py"
THRESHOLD = 0.90


@lru_cache(maxsize=1)
def _scorer() -> ModuleType | None:
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def _score(name: str) -> dict[str, Any]:
    plan = importlib.import_module(f"lineofsight.importing.tests.blind.{name}")
    imported = read_plan(plan.build(), plan.FILENAME).plan
    return _scorer().score(plan.EXPECTED, imported)


def _needs_scorer() -> None:
    if _scorer() is None:
        pytest.skip("../shared/tools/score_import.py is not here")


def test_blind_plans_score_table() -> None:
    """Print every blind plan's figures side by side (run with -s to see them)."""
    _needs_scorer()
    print(f"\n{'plan':45} {'score':>6} {'F1':>6} {'rec':>6} {'owner':>6} {'due':>6} {'status':>6} {'rag':>6}")
    for name in PLANS:
        r = _score(name)
        print(
            f"{name:45} {r['score']:6.3f} {r['action_f1']:6.3f} {r['recommendation']:6.3f} "
            f"{r['owners']:6.3f} {r['due_date']:6.3f} {r['status']:6.3f} {r['rag']:6.3f}"
        )
    mean = sum(_score(n)["score"] for n in PLANS) / len(PLANS)
    print(f"{'mean':45} {mean:6.3f}")


@pytest.mark.parametrize("name", PLANS)
def test_council_plan_unseen_by_the_rules_imports_accurately(name: str) -> None:
    """A plan written without looking at the importer still scores at least 0.90."""
    _needs_scorer()
    r = _score(name)
    problems = [f"missed: {t[:70]}" for t in r["missed"]] + [f"spurious: {t[:70]}" for t in r["spurious"]]
    for field, pairs in r["mismatches"].items():
        problems += [f"{field}: expected {t[field]!r} got {g[field]!r} ({t['text'][:40]})" for t, g in pairs]
    assert r["score"] >= THRESHOLD, f"{name} scored {r['score']:.3f}\n" + "\n".join(problems)
