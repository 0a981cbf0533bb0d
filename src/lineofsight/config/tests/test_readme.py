"""The README lists every command a council can run, so the docs cannot go stale."""

from __future__ import annotations

from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[4]


def test_every_project_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ours = sorted(name for name, app in get_commands().items() if app.startswith("lineofsight."))
    assert ours, "no project commands found"
    missing = [name for name in ours if f"`lineofsight {name}" not in readme]
    assert missing == []


def test_readme_shows_the_two_set_up_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
