"""Accuracy on the hand-checked seeds, measured by the project's own score tool."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from lineofsight.importing import read_plan, validate_plan

SHARED = Path(__file__).resolve().parents[5] / "shared"


def _seeds_with_answers() -> list[str]:
    truth = SHARED / "truth"
    if not truth.is_dir():
        return []
    return sorted(p.stem for p in truth.glob("*.json") if (SHARED / "seeds" / f"{p.stem}.txt").exists())


def _score_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_import", SHARED / "tools" / "score_import.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stem", _seeds_with_answers() or ["(no seeds)"])
def test_seed_plan_imports_with_score_of_at_least_0_90(stem):
    if stem == "(no seeds)":
        pytest.skip("../shared/seeds and ../shared/truth are not beside the project")
    data = (SHARED / "seeds" / f"{stem}.txt").read_bytes()
    result = read_plan(data, f"{stem}.txt")
    validate_plan(result.plan)
    answer = json.loads((SHARED / "truth" / f"{stem}.json").read_text(encoding="utf-8"))
    figures = _score_tool().score(answer, result.plan)
    assert figures["score"] >= 0.90, figures
