"""The accuracy suites cannot pass by skipping: a broken scorer beside the project fails them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.importing.tests import scorer as scorer_module


def _point_at(monkeypatch: pytest.MonkeyPatch, shared: Path) -> None:
    monkeypatch.setattr(scorer_module, "SHARED", shared)
    monkeypatch.setattr(scorer_module, "SCORER", shared / "tools" / "score_import.py")
    scorer_module._load.cache_clear()


def test_a_scorer_that_raises_on_import_fails_the_suite(tmp_path, monkeypatch):
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "score_import.py").write_text("raise RuntimeError('half-written scorer')\n")
    _point_at(monkeypatch, tmp_path)

    with pytest.raises(pytest.fail.Exception, match="half-written scorer"):
        scorer_module.scorer()


def test_a_missing_scorer_in_a_present_shared_folder_fails_the_suite(tmp_path, monkeypatch):
    _point_at(monkeypatch, tmp_path)

    with pytest.raises(pytest.fail.Exception, match="is missing"):
        scorer_module.scorer()


def test_a_scorer_without_a_score_function_fails_the_suite(tmp_path, monkeypatch):
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "score_import.py").write_text("VERSION = 2\n")
    _point_at(monkeypatch, tmp_path)

    with pytest.raises(pytest.fail.Exception, match="no score"):
        scorer_module.scorer()


def test_without_a_shared_folder_the_suites_skip(tmp_path, monkeypatch):
    _point_at(monkeypatch, tmp_path / "absent")

    with pytest.raises(pytest.skip.Exception):
        scorer_module.scorer()
