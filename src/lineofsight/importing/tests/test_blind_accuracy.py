"""Blind plans, written from plan-format.md before the importer was read, scored the way
the project is measured (../shared/tools/score_import.py). Each must score at least 0.90."""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.tests.blind import PLANS
from lineofsight.importing.tests.scorer import scorer

THRESHOLD = 0.90


@cache
def _score(name: str) -> dict[str, Any]:
    plan = importlib.import_module(f"lineofsight.importing.tests.blind.{name}")
    imported = read_plan(plan.build(), plan.FILENAME).plan
    return scorer().score(plan.EXPECTED, imported)


@pytest.mark.parametrize("name", PLANS)
def test_council_plan_unseen_by_the_rules_imports_accurately(name: str) -> None:
    """A plan written without looking at the importer still scores at least 0.90."""
    r = _score(name)
    problems = [f"missed: {t[:70]}" for t in r["missed"]] + [f"spurious: {t[:70]}" for t in r["spurious"]]
    for field, pairs in r["mismatches"].items():
        problems += [f"{field}: expected {t[field]!r} got {g[field]!r} ({t['text'][:40]})" for t, g in pairs]
    assert r["score"] >= THRESHOLD, f"{name} scored {r['score']:.3f}\n" + "\n".join(problems)
