"""The shared scorer (``../shared/tools/score_import.py``), loaded once for every accuracy suite.

When ``../shared`` is not beside the project the accuracy suites skip: the project must not
carry the seeds. When ``../shared`` *is* there but the scorer is missing or will not load, the
suites fail: a broken scorer must never turn an accuracy check into a silent skip.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

SHARED = Path(__file__).resolve().parents[5] / "shared"
SCORER = SHARED / "tools" / "score_import.py"


@cache
def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_import", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} is not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not callable(getattr(module, "score", None)):
        raise ImportError(f"{path} has no score() function")
    return module


def scorer() -> ModuleType:
    """The scorer module; skips when ``../shared`` is absent, fails when it is present but broken."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    if not SCORER.is_file():
        pytest.fail(f"../shared is present but {SCORER} is missing")
    try:
        return _load(SCORER)
    except Exception as error:  # any failure to load is a failure of the suite, not a skip
        pytest.fail(f"../shared is present but its scorer will not load: {error!r}")
