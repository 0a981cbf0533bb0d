"""Synthetic returns read back give exactly the values the generator promises, in both the
CSV and the XML form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lineofsight.indicators.compute import IndicatorResult, compute_indicators
from lineofsight.indicators.compute.synth import SynthOptions, generate


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    generate(SynthOptions(children=600, seed=7), folder)
    return folder


def as_dict(results: list[IndicatorResult]) -> dict[str, IndicatorResult]:
    return {r.code: r for r in results}


def test_every_indicator_matches_the_generators_own_answer(synthetic: Path) -> None:
    expected = json.loads((synthetic / "expected.json").read_text())["expected"]

    results = as_dict(compute_indicators(synthetic, synthetic / "cin_census.xml", "2025-26"))

    assert set(results) == set(expected)
    for code, answer in expected.items():
        got = results[code]
        assert (got.numerator, got.denominator) == (answer["numerator"], answer["denominator"]), code
        assert got.value == pytest.approx(answer["value"]), code
        assert got.denominator is None or got.denominator > 0, f"{code} has nobody to count"


def test_csv_and_xml_forms_give_identical_results(synthetic: Path) -> None:
    from_csv = compute_indicators(synthetic, synthetic / "cin_census.xml", "2025-26")
    from_xml = compute_indicators(synthetic / "ssda903.xml", synthetic / "cin_census.xml", "2025-26")

    assert [(r.code, r.value, r.numerator, r.denominator, r.children) for r in from_csv] == [
        (r.code, r.value, r.numerator, r.denominator, r.children) for r in from_xml
    ]
    assert from_xml[0].sources == [str(synthetic / "ssda903.xml")]


def test_a_census_written_out_in_small_batches_gives_the_same_answers(
    synthetic: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lineofsight.indicators.compute import readers

    whole = compute_indicators(synthetic, synthetic / "cin_census.xml", "2025-26")
    monkeypatch.setattr(readers, "CIN_BATCH", 7)

    batched = compute_indicators(synthetic, synthetic / "cin_census.xml", "2025-26")

    assert [(r.code, r.numerator, r.denominator, r.children) for r in batched] == [
        (r.code, r.numerator, r.denominator, r.children) for r in whole
    ]


@pytest.mark.parametrize("rate", [0.0, 1.0])
def test_controlled_rates_set_the_indicators(tmp_path: Path, rate: float) -> None:
    generate(
        SynthOptions(
            children=300,
            seed=3,
            xml=False,
            late_review_rate=rate,
            in_touch_rate=rate,
            late_assessment_rate=rate,
            late_icpc_rate=rate,
        ),
        tmp_path,
    )

    results = as_dict(compute_indicators(tmp_path, tmp_path / "cin_census.xml", "2025-26"))

    on_time = 100.0 * (1 - rate)
    assert results["NI66"].value == on_time
    assert results["CIN-A45"].value == on_time
    assert results["CIN-ICPC15"].value == on_time
    # A few care leavers have died; of the rest, all or none are in touch.
    assert results["CLA48"].value == 100.0 * rate


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    generate(SynthOptions(children=50, seed=11), tmp_path / "one")
    generate(SynthOptions(children=50, seed=11), tmp_path / "two")

    for name in ("episodes.csv", "reviews.csv", "ssda903.xml", "cin_census.xml"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
