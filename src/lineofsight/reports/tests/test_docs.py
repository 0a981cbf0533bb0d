"""docs/board-packs.md cannot drift from the code: command help, columns, sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import BaseCommand, load_command_class

from lineofsight.reports.builder import CHANGE_KINDS
from lineofsight.reports.plan_table import COLUMNS

DOC = Path(__file__).resolve().parents[4] / "docs" / "board-packs.md"


@pytest.fixture
def doc() -> str:
    if not DOC.is_file():
        pytest.skip("docs/ is not beside the source (installed package)")
    return " ".join(DOC.read_text("utf-8").split())


def test_pack_command_help_is_quoted_in_the_docs(doc):
    django_options = {a.dest for a in BaseCommand().create_parser("lineofsight", "base")._actions}
    parser = load_command_class("lineofsight.reports", "pack").create_parser("lineofsight", "pack")
    texts = [parser.description or ""] + [a.help for a in parser._actions if a.help and a.dest not in django_options]
    for text in texts:
        assert " ".join(text.split()) in doc, text


def test_ofsted_table_columns_and_change_kinds_are_documented(doc):
    assert "| " + " | ".join(COLUMNS) + " |" in doc
    for label in CHANGE_KINDS.values():
        assert label.lower() in doc.lower(), label
