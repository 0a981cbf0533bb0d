"""The compute package hands its results to record_computed_values."""

from __future__ import annotations

from datetime import date

from lineofsight.indicators.compute.engine import IndicatorResult
from lineofsight.indicators.models import Indicator, IndicatorValue
from lineofsight.indicators.services import record_computed_values


def test_computed_values_are_stored_with_their_counts_and_provenance(council):
    stored = record_computed_values(
        council,
        "2025-26",
        date(2025, 4, 1),
        date(2026, 3, 31),
        [
            IndicatorResult("NI147", "Care leavers in suitable accommodation", 78.8, 41, 52, "percent"),
            IndicatorResult("STAB1", "Three or more placements", 9.5, 19, 200, "percent"),
            IndicatorResult("CIN-RR", "Re-referrals", None, None, None, "percent"),
        ],
        "computed from SSDA903 files header.csv, oc3.csv on 2026-11-23",
    )

    assert stored == 2
    value = IndicatorValue.objects.get(indicator__organisation=council, indicator__code="NI147")
    assert (value.period_kind, value.period_label) == ("year", "2025-26")
    assert (value.value, value.numerator, value.denominator) == (78.8, 41, 52)
    assert value.fraction == "41 of 52"
    assert value.provenance.startswith("computed from SSDA903")
    # STAB1 is another name for NI62, so no new indicator appears for it.
    assert IndicatorValue.objects.get(indicator__organisation=council, indicator__code="NI62").value == 9.5
    assert not IndicatorValue.objects.filter(indicator__code="CIN-RR").exists()


def test_recomputing_a_period_replaces_its_value(council):
    period = ("2025-26 Q2", date(2025, 7, 1), date(2025, 9, 30))
    record_computed_values(
        council, *period, [IndicatorResult("NI66", "Reviews", 70.0, 70, 100, "percent")], "first run"
    )
    stored = record_computed_values(
        council, *period, [IndicatorResult("NI66", "Reviews", 72.0, 72, 100, "percent")], "second run"
    )

    assert stored == 1
    value = IndicatorValue.objects.get(indicator__organisation=council, indicator__code="NI66")
    assert (value.value, value.provenance, value.period_kind) == (72.0, "second run", "quarter")


def test_an_unknown_code_becomes_a_local_indicator(council, other_council):
    record_computed_values(
        council,
        "Year to 30 Sep 2026",
        date(2025, 10, 1),
        date(2026, 9, 30),
        [IndicatorResult("CLA-IHA20", "Initial health assessments within 20 working days", 55.0, 11, 20, "percent")],
        "computed",
    )

    indicator = Indicator.objects.get(organisation=council, code="CLA-IHA20")
    assert indicator.kind == Indicator.Kind.LOCAL
    assert indicator.unit == "percent"
    assert indicator.polarity == "higher"
    assert indicator.values.get().period_label == "Year to 30 Sep 2026"
    assert not Indicator.objects.filter(organisation=other_council).exists()


def test_a_new_computed_indicator_keeps_its_polarity_and_definition(council):
    record_computed_values(
        council,
        "2025-26",
        date(2025, 4, 1),
        date(2026, 3, 31),
        [
            IndicatorResult(
                "MISS-RETURN", "Return interviews", 12.0, 12, None, "children", polarity="lower", definition="Counted."
            )
        ],
        "computed",
    )

    indicator = Indicator.objects.get(organisation=council, code="MISS-RETURN")
    assert (indicator.unit, indicator.polarity, indicator.definition) == ("count", "lower", "Counted.")


def test_a_computed_period_label_is_escaped_on_the_indicator_page(council, viewer, client_for):
    from django.urls import reverse

    for start, end in ((date(2024, 4, 1), date(2025, 3, 31)), (date(2025, 4, 1), date(2026, 3, 31))):
        record_computed_values(
            council,
            f"<script>alert({end.year})</script>",
            start,
            end,
            [IndicatorResult("NI66", "Reviews", 70.0 + end.year % 10, None, None, "percent")],
            "computed",
        )
    indicator = Indicator.objects.get(organisation=council, code="NI66")

    html = client_for(viewer).get(reverse("indicators:indicator_detail", args=[indicator.pk])).content.decode()

    assert "<svg" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(2026)" in html
