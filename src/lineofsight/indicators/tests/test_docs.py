"""docs/scorecard.md cannot drift from the code: CSV columns, periods and command help."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import BaseCommand, load_command_class

from lineofsight.indicators.csv_values import COLUMNS, REQUIRED
from lineofsight.indicators.services import standard_catalogue

DOC = Path(__file__).resolve().parents[4] / "docs" / "scorecard.md"


@pytest.fixture
def doc() -> str:
    if not DOC.is_file():
        pytest.skip("docs/ is not beside the source (installed package)")
    return DOC.read_text("utf-8")


def test_every_csv_column_and_header_is_documented(doc):
    table = doc.split("## CSV of values")[1].split("## RAG")[0]
    for column, synonyms in COLUMNS.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| `{column}` |"))
        assert ("| yes |" in row) == (column in REQUIRED), column
        for synonym in synonyms:
            assert synonym == column or synonym in row, (column, synonym)


def test_every_standard_indicator_is_documented(doc):
    for entry in standard_catalogue():
        assert f"| {entry['code']} |" in doc, entry["code"]


def _help_texts(command: str, subcommand: str | None = None) -> list[str]:
    """The command's description and the help of each of its own arguments."""
    django_options = {a.dest for a in BaseCommand().create_parser("lineofsight", "base")._actions}
    parser = load_command_class("lineofsight.indicators", command).create_parser("lineofsight", command)
    if subcommand:
        sub_action = next(a for a in parser._actions if a.dest == "subcommand")
        parser = sub_action.choices[subcommand]
    texts = [parser.description or ""]
    texts += [a.help for a in parser._actions if a.help and a.dest not in django_options | {"subcommand"}]
    return texts


@pytest.mark.parametrize(("command", "subcommand"), [("values", "import"), ("scorecard", None)])
def test_command_help_is_quoted_in_the_docs(doc, command, subcommand):
    folded = " ".join(doc.split())
    for text in _help_texts(command, subcommand):
        assert " ".join(text.split()) in folded, text
