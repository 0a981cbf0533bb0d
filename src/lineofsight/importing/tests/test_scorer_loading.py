"""The accuracy suites cannot pass by skipping: a broken scorer beside the project fails them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.importing.tests import scorer as scorer_module


def _point_at(monkeypatch: pytest.MonkeyPatch, shared: Path) -> None:
    monkeypatch.setattr(scorer_module, "SHARED", shared)
    monkeypatch.setattr(scorer_module, "SCORER", shared / "tools" / "score_import.py")
    scorer_module._load.cache_clear()


@pytest.mark.parametrize(
    ("scorer_text", "failure"),
    [
        pytest.param("raise RuntimeError('half-written scorer')\n", "half-written scorer", id="raises on import"),
        pytest.param(None, "is missing", id="missing from a present shared folder"),
        pytest.param("VERSION = 2\n", "no score", id="without a score function"),
    ],
)
def test_a_broken_scorer_fails_the_suite(tmp_path, monkeypatch, scorer_text, failure):
    if scorer_text is not None:
        (tmp_path / "tools").mkdir()
        (tmp_path / "tools" / "score_import.py").write_text(scorer_text)
    _point_at(monkeypatch, tmp_path)

    with pytest.raises(pytest.fail.Exception, match=failure):
        scorer_module.scorer()


def test_without_a_shared_folder_the_suites_skip(tmp_path, monkeypatch):
    _point_at(monkeypatch, tmp_path / "absent")

    with pytest.raises(pytest.skip.Exception):
        scorer_module.scorer()
