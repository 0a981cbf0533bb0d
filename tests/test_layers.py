"""The layers contract (pyproject.toml ``[tool.importlinter]``, drawn in
docs/architecture.md) holds for the tree, and really refuses a plan module that reaches
up into an app above it.

The refusal is checked on a copy of the package's Python files with one offending module
added, run through the same ``lint-imports`` and the same contract as CI, so a contract
that stopped covering ``plans`` (a typo in a layer, an over-wide ignore) fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def run_lint_imports(src: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the project's pyproject.toml over the package found in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_package(tmp_path: Path) -> Path:
    """The package's Python files (no templates, data or caches) under ``tmp_path/src``."""
    src = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "lineofsight",
        src / "lineofsight",
        ignore=lambda folder, names: [
            n for n in names if not (n.endswith(".py") or (Path(folder) / n).is_dir()) or n == "__pycache__"
        ],
    )
    return src


@pytest.fixture(scope="module")
def lint_imports() -> Path:
    if not LINT_IMPORTS.exists():
        pytest.fail(f"{LINT_IMPORTS} is missing: run `make install-test` (import-linter is in the test extra)")
    return LINT_IMPORTS


def test_the_tree_keeps_its_layers(lint_imports: Path, tmp_path: Path) -> None:
    result = run_lint_imports(ROOT / "src", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "above"),
    [
        # At module level, as plans/queries.py once imported the RAG rules.
        ("plans/_probe.py", "from lineofsight.tracking import rules\n", "lineofsight.tracking"),
        # Inside a function, as plans/services.py once reached the write path.
        ("plans/_probe.py", "def f():\n    from lineofsight.reports import plan_table\n", "lineofsight.reports"),
        ("plans/management/_probe.py", "import lineofsight.indicators.models\n", "lineofsight.indicators"),
    ],
)
def test_a_plan_module_importing_an_app_above_it_breaks_the_contract(
    lint_imports: Path, tmp_path: Path, module: str, line: str, above: str
) -> None:
    src = copy_package(tmp_path)
    clean = run_lint_imports(src, tmp_path)
    assert clean.returncode == 0, "the copy should pass before the probe is added:\n" + clean.stdout

    (src / "lineofsight" / module).write_text(line, encoding="utf-8")
    result = run_lint_imports(src, tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"lineofsight.plans is not allowed to import {above}" in result.stdout
    probe = "lineofsight." + module.removesuffix(".py").replace("/", ".")
    assert f"- {probe} -> {above}" in result.stdout
