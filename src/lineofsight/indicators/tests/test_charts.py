"""The scorecard and the board packs draw their trend charts alike: one font, one blue
line, one dashed black target, whatever the page."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from lineofsight.indicators import charts
from lineofsight.indicators.services import IndicatorSummary, ValuePoint
from lineofsight.reports.builder import Series, SeriesPoint
from lineofsight.reports.charts import trend_chart

QUARTERS = [("2025-26 Q1", 51.0), ("2025-26 Q2", 48.5), ("2025-26 Q3", 55.0)]


def _summary() -> IndicatorSummary:
    points = [
        ValuePoint(label, "quarter", date(2025, 4, 1), date(2025, 6, 30), value, target=60.0)
        for label, value in QUARTERS
    ]
    return IndicatorSummary(
        id=1,
        code="NI148",
        title="Care leavers in education, employment or training",
        unit="percent",
        polarity="higher",
        kind="percentage",
        data_source="",
        latest=points[-1],
        previous=points[-2],
        target=None,
        rag=None,
        trend=None,
        series=points,
    )


def _look(svg: str) -> dict[str, set[str]]:
    """What a reader sees of the look: the fonts named, the colours of lines, the dashes."""
    return {
        "fonts": set(re.findall(r'font-family="([^"]+)"', svg)),
        "line colours": set(re.findall(r'<path[^>]*\bstroke="(#[0-9a-f]{6})"', svg)),
        "dashes": set(re.findall(r'stroke-dasharray="([^"]+)"', svg)),
    }


def test_the_scorecard_and_a_pack_draw_the_same_trend_chart_look() -> None:
    scorecard = _look(str(charts.indicator_chart_svg(_summary())))
    pack = _look(
        charts.to_svg(trend_chart(Series("NI148", [SeriesPoint(p, v) for p, v in QUARTERS], target=60.0, unit="%")))
    )

    assert scorecard["fonts"] == pack["fonts"] == {charts.FONT}
    assert {charts.BLUE, charts.BLACK} <= scorecard["line colours"]
    assert {charts.BLUE, charts.BLACK} <= pack["line colours"]
    assert scorecard["dashes"] == pack["dashes"] == {"6,4"}


def test_a_pack_trend_chart_without_a_target_draws_no_target_line() -> None:
    svg = charts.to_svg(charts.trend_chart("NI66", QUARTERS, axis_title="%"))

    assert "stroke-dasharray" not in svg
    assert charts.BLUE in svg


def test_the_rag_summary_stacks_each_rating_in_its_gov_uk_colour() -> None:
    spec = charts.rag_summary_chart(
        [("All actions", [("Red", 2), ("Green", 3), ("Amber", 0)])], ["Red", "Amber", "Green"]
    )
    svg = charts.to_svg(spec)

    assert charts.RAG_COLOURS["Red"] in svg and charts.RAG_COLOURS["Green"] in svg
    # A rating no action has draws no bar, but keeps its place in the key.
    assert [row["rag"] for row in spec["data"]["values"]] == ["Red", "Green"]
    assert set(re.findall(r'font-family="([^"]+)"', svg)) == {charts.FONT}


def test_the_value_axis_is_named_alike_on_the_scorecard_and_in_packs() -> None:
    assert ">Days<" in str(charts.indicator_chart_svg(_days_summary()))


def _days_summary() -> IndicatorSummary:
    return dataclasses.replace(_summary(), unit="days")
