"""Indicator charts: Altair specifications rendered to SVG by vl-convert, on the server,
so the pages and board packs show charts without JavaScript.

Only numbers, dates and the period labels Line of Sight writes itself go into a chart;
titles and other text a council typed stay in the HTML around it, where the template
escapes them. Rendering is cached by specification, since the same series is drawn on
every visit until a value changes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import altair as alt
import vl_convert
from django.utils.safestring import SafeString, mark_safe

from lineofsight.indicators.services import IndicatorSummary

BLUE = "#1d70b8"
BLACK = "#0b0c0c"
GREY = "#505a5f"
FONT = "Arial, Helvetica, sans-serif"


@lru_cache(maxsize=512)
def _render(spec_json: str) -> str:
    return vl_convert.vegalite_to_svg(json.loads(spec_json))


def _svg(chart: alt.TopLevelMixin) -> SafeString:
    spec = chart.to_dict()
    # Safe to embed: the data is numbers, ISO dates and labels written by rules.py, and
    # vl-convert escapes every text node and attribute it writes (tested).
    return mark_safe(_render(json.dumps(spec, sort_keys=True)))


def _data(summary: IndicatorSummary) -> list[dict[str, Any]]:
    return [
        {
            "end": point.period_end.isoformat(),
            "period": point.period_label,
            "value": point.value,
            "target": point.target,
        }
        for point in summary.series
    ]


def _axis_title(summary: IndicatorSummary) -> str:
    return {"percent": "%", "days": "days", "count": "number", "rate": "rate"}.get(summary.unit, "")


def indicator_chart_svg(summary: IndicatorSummary, width: int = 560, height: int = 220) -> SafeString:
    """Values over time as a line with points, and the target as a dashed step line."""
    if not summary.series:
        return SafeString("")
    data = alt.Data(values=_data(summary))
    order = [p.period_label for p in summary.series]
    x = alt.X("period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0 if len(order) <= 6 else -40))
    values = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=50, color=BLUE), color=BLUE, strokeWidth=3)
        .encode(x=x, y=alt.Y("value:Q", title=_axis_title(summary), scale=alt.Scale(zero=False)))
    )
    layers: list[Any] = [values]
    if any(p.target is not None for p in summary.series):
        layers.append(
            alt.Chart(data)
            .transform_filter("datum.target != null")
            .mark_line(interpolate="step", strokeDash=[6, 4], color=BLACK, strokeWidth=2)
            .encode(x=x, y=alt.Y("target:Q"))
        )
    chart = alt.layer(*layers).properties(width=width, height=height).configure(font=FONT).configure_view(
        strokeWidth=0
    )
    return _svg(chart)


def sparkline_svg(summary: IndicatorSummary, width: int = 120, height: int = 28) -> SafeString:
    """A small line of the recent values for a scorecard row, without axes."""
    if len(summary.series) < 2:
        return SafeString("")
    data = alt.Data(values=_data(summary))
    order = [p.period_label for p in summary.series]
    chart = (
        alt.Chart(data)
        .mark_line(color=BLUE, strokeWidth=2, point=alt.OverlayMarkDef(size=12, color=BLUE))
        .encode(
            x=alt.X("period:N", sort=order, axis=None),
            y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)),
        )
        .properties(width=width, height=height, padding=2, background="transparent")
        .configure_view(strokeWidth=0)
    )
    return _svg(chart)
