"""Accuracy on the hand-checked seeds, measured by the project's own score tool."""

from __future__ import annotations

import json

import pytest

from lineofsight.importing import read_plan, validate_plan
from lineofsight.importing.tests.scorer import SHARED, scorer


def _seeds_with_answers() -> list[str]:
    truth = SHARED / "truth"
    if not truth.is_dir():
        return []
    return sorted(p.stem for p in truth.glob("*.json") if (SHARED / "seeds" / f"{p.stem}.txt").exists())


@pytest.mark.parametrize("stem", _seeds_with_answers() or ["(no seeds)"])
def test_seed_plan_imports_with_score_of_at_least_0_90(stem):
    tool = scorer()  # skips without ../shared, fails if the scorer is broken
    if stem == "(no seeds)":
        pytest.fail("../shared is present but holds no seed with an answer file in truth/")
    data = (SHARED / "seeds" / f"{stem}.txt").read_bytes()
    result = read_plan(data, f"{stem}.txt")
    validate_plan(result.plan)
    answer = json.loads((SHARED / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
    figures = tool.score(answer, result.plan)
    assert figures["score"] >= 0.90, figures
