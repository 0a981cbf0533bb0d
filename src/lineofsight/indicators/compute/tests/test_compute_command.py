"""``lineofsight synth`` and ``lineofsight compute`` from the command line."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import BaseCommand, call_command, load_command_class
from django.core.management.base import CommandError

from lineofsight.indicators.rules import format_value

from .returns import child, history, write_903


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_officer_generates_synthetic_returns(tmp_path: Path) -> None:
    output = run("synth", "--children", "40", "--seed", "5", "-o", str(tmp_path), "--late-review-rate", "0.5")

    assert "Wrote returns for 40 children" in output
    assert {"episodes.csv", "ssda903.xml", "cin_census.xml", "expected.json"} <= {p.name for p in tmp_path.iterdir()}
    assert json.loads((tmp_path / "expected.json").read_text())["options"]["late_review_rate"] == 0.5


def test_officer_prints_the_indicator_table(tmp_path: Path) -> None:
    run("synth", "--children", "200", "--seed", "5", "-o", str(tmp_path))
    expected = json.loads((tmp_path / "expected.json").read_text())["expected"]["NI66"]

    output = run("compute", "--903", str(tmp_path), "--cin", str(tmp_path / "cin_census.xml"), "--period", "2025-26")

    assert "Indicators for 2025-26 (01/04/2025 to 31/03/2026)" in output
    ni66 = next(line for line in output.splitlines() if line.startswith("NI66"))
    assert format_value(expected["value"], "percent") in ni66  # printed as the scorecard prints it
    assert f"{expected['numerator']} / {expected['denominator']}" in ni66
    assert "CP-REPEAT" in output


def test_a_bad_return_stops_the_command_with_the_cell_named(tmp_path: Path) -> None:
    folder = write_903(tmp_path, header=[child("A", "1 Jan 2015")])

    with pytest.raises(CommandError) as caught:
        run("compute", "--903", str(folder))

    assert "header.csv, row 2, column DOB: expected a date dd/mm/yyyy, got '1 Jan 2015'" in str(caught.value)


def test_an_unknown_period_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="expected a financial year like 2025-26"):
        run("compute", "--903", str(write_903(tmp_path)), "--period", "2025")


@pytest.mark.django_db
def test_plan_manager_stores_computed_values_in_the_scorecard(tmp_path: Path, council) -> None:  # type: ignore[no-untyped-def]
    from lineofsight.indicators.models import IndicatorValue

    folder = write_903(
        tmp_path,
        header=[child("P1", "01/01/2012"), child("P2", "01/01/2012")],
        episodes=[
            *history("P1", ("01/01/2024", "S"), ("01/06/2025", "P"), ("01/10/2025", "P")),
            *history("P2", ("01/01/2024", "S")),
        ],
    )

    output = run("compute", "--903", str(folder), "--period", "2025-26", "--org", council.slug)

    assert "Stored" in output
    stab1 = IndicatorValue.objects.get(indicator__organisation=council, indicator__code="NI62", period_label="2025-26")
    assert (stab1.value, stab1.numerator, stab1.denominator) == (50.0, 1, 2)
    assert "episodes.csv" in stab1.provenance
    assert "header.csv" in stab1.provenance


@pytest.mark.parametrize("command", ["synth", "compute"])
def test_command_help_is_quoted_in_the_guide(command: str) -> None:
    guide = Path(__file__).resolve().parents[5] / "docs" / "indicators-compute.md"
    if not guide.is_file():
        pytest.skip("docs/ is not beside the source (installed package)")
    folded = " ".join(guide.read_text(encoding="utf-8").split())
    django_options = {a.dest for a in BaseCommand().create_parser("lineofsight", "base")._actions}
    parser = load_command_class("lineofsight.indicators", command).create_parser("lineofsight", command)

    texts = [parser.description or ""] + [a.help for a in parser._actions if a.help and a.dest not in django_options]

    for text in texts:
        assert " ".join(text.split()) in folded, text
