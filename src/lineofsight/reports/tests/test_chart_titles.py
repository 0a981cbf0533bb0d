"""A trend chart's title wraps to the chart's width instead of running off its edge."""

from __future__ import annotations

import re

from lineofsight.indicators import charts
from lineofsight.reports.builder import Series, SeriesPoint
from lineofsight.reports.charts import trend_chart

POINTS = [SeriesPoint("2025-26 Q1", 51.0), SeriesPoint("2025-26 Q2", 48.5), SeriesPoint("2025-26 Q3", 55.0)]


def _svg_width(title: str) -> float:
    svg = charts.to_svg(trend_chart(Series(title, POINTS, target=60.0, unit="%")))
    match = re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg)
    assert match, svg[:200]
    return float(match.group(1))


def test_a_long_indicator_name_does_not_widen_or_cut_the_chart() -> None:
    short = _svg_width("NI148")
    long = _svg_width("NI148 % of care leavers aged 19–21 in education, employment or training, by quarter")
    assert long == short


def test_long_titles_are_split_into_lines_that_fit() -> None:
    title = charts.title_lines("A1 Average days from entering care to moving in with the adoptive family")
    assert title.text == ["A1 Average days from entering care to moving in with", "the adoptive family"]
    assert all(len(line) <= charts.TITLE_CHARS for line in title.text)
