"""What the blind-round accuracy suites share: each round is a package of plan modules
(``FILENAME``, ``build()``, ``EXPECTED``), every plan imported and scored with the shared
scorer, and the table ``pytest -s`` prints."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType
from typing import Any

from lineofsight.importing import read_plan
from lineofsight.importing.errors import ImportFailed
from lineofsight.importing.tests.scorer import scorer


def plan_names(package: ModuleType, prefix: str) -> list[str]:
    """The round's plan modules, by name (``prefix`` is the round's letter: "q", "r")."""
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith(prefix))


def score_plan(package: ModuleType, name: str) -> dict[str, Any]:
    """One plan imported and scored; a refusal scores as an empty plan, so the table
    still prints. Skips without ``../shared``."""
    tool = scorer()  # skips without ../shared, fails if its scorer is broken
    module = importlib.import_module(f"{package.__name__}.{name}")
    try:
        imported = read_plan(module.build(), module.FILENAME).plan
    except ImportFailed:
        imported = {"recommendations": []}
    return tool.score(module.EXPECTED, imported)


def print_table(scores: dict[str, dict[str, Any]]) -> float:
    """Print each plan's score and fields, then the mean, which it returns."""
    print("\nplan                                     score  f1    rec   own   due   stat  rag")
    for name, r in scores.items():
        print(
            f"{name:40} {r['score']:.3f}  {r['action_f1']:.2f}  {r['recommendation']:.2f}  "
            f"{r['owners']:.2f}  {r['due_date']:.2f}  {r['status']:.2f}  {r['rag']:.2f}"
        )
    mean = sum(r["score"] for r in scores.values()) / len(scores)
    print(f"mean {mean:.3f}")
    return mean
