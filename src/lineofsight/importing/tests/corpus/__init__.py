"""A corpus of fictional post-inspection plans in the layouts English councils use.

Each module builds one plan's bytes (``build()``), names its file (``FILENAME``) and gives
the hand-written plan@1 answer a perfect import yields (``expected()``). The answers
follow ``../shared/design/plan-format.md``; no text is taken from the seeds.

``python -m lineofsight.importing.tests.corpus`` prints the score table.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[6] / "shared"


def plans() -> list[ModuleType]:
    """The corpus modules, in name order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("p"))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def score_tool() -> ModuleType | None:
    """``score_import.py`` from ../shared/tools, or None when ../shared is absent."""
    path = SHARED / "tools" / "score_import.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_import", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_plan(module: ModuleType, tool: ModuleType) -> dict[str, Any]:
    """Import one corpus plan and score it against its answer."""
    from lineofsight.importing import read_plan, validate_plan

    result = read_plan(module.build(), module.FILENAME)
    validate_plan(result.plan)
    return tool.score(module.expected(), result.plan)


def table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    """The score table: one line per plan, the measures the score averages."""
    head = f"{'plan':40} {'score':>6} {'F1':>6} {'rec':>6} {'owner':>6} {'due':>6} {'status':>6} {'rag':>6}"
    lines = [head]
    for name, r in rows:
        lines.append(
            f"{name:40} {r['score']:6.3f} {r['action_f1']:6.3f} {r['recommendation']:6.3f} "
            f"{r['owners']:6.3f} {r['due_date']:6.3f} {r['status']:6.3f} {r['rag']:6.3f}"
        )
    if rows:
        mean = sum(r["score"] for _, r in rows) / len(rows)
        lines.append(f"{'mean':40} {mean:6.3f}")
    return "\n".join(lines)
