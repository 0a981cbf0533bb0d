"""Indicator charts: Altair specifications rendered to SVG by vl-convert, on the server,
so the pages and board packs show charts without JavaScript.

Only numbers and the period labels go into a chart; titles and other text a council
typed stay in the HTML around it, where the template escapes them, and vl-convert
escapes every text node and attribute it writes (tested), so the SVG is safe to embed.

Speed: compiling Vega-Lite to Vega takes about three quarters of vl-convert's time, and
it depends only on the chart's shape, not its numbers. So each shape is compiled once
per process with a named, empty data set, the values are put into the compiled Vega
specification, and only Vega is rendered per chart (about 10 ms for a sparkline rather
than 45). Finished SVGs go in Django's cache, shared by the web workers when the
deployment configures a shared cache, keyed by the chart's shape and values.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from lineofsight.indicators.services import IndicatorSummary

BLUE = "#1d70b8"
BLACK = "#0b0c0c"
GREY = "#505a5f"
FONT = "Arial, Helvetica, sans-serif"
DATA_NAME = "series"
CACHE_VERSION = 1  # raise when a chart's look changes, so cached SVGs are redrawn
CACHE_SECONDS = 7 * 24 * 60 * 60

_AXIS_TITLES = {"percent": "%", "days": "days", "count": "number", "rate": "rate"}


def _x(axis: alt.Axis | None) -> alt.X:
    # Sorted by position in the series, so periods read left to right whatever their labels.
    return alt.X("period:N", sort=alt.EncodingSortField(field="i", op="min"), title=None, axis=axis)


def _indicator_chart(width: int, height: int, unit: str, with_target: bool, slanted: bool) -> alt.TopLevelMixin:
    data = alt.NamedData(name=DATA_NAME)
    x = _x(alt.Axis(labelAngle=-40 if slanted else 0))
    values = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=50, color=BLUE), color=BLUE, strokeWidth=3)
        .encode(x=x, y=alt.Y("value:Q", title=_AXIS_TITLES.get(unit, ""), scale=alt.Scale(zero=False)))
    )
    layers: list[Any] = [values]
    if with_target:
        layers.append(
            alt.Chart(data)
            .transform_filter("datum.target != null")
            .mark_line(interpolate="step", strokeDash=[6, 4], color=BLACK, strokeWidth=2)
            .encode(x=x, y=alt.Y("target:Q"))
        )
    return (
        alt.layer(*layers)
        .properties(width=width, height=height)
        .configure(font=FONT)
        .configure_axis(labelFontSize=13, titleFontSize=13, labelColor=BLACK, titleColor=GREY)
        .configure_view(strokeWidth=0)
    )


def _sparkline(width: int, height: int) -> alt.TopLevelMixin:
    return (
        alt.Chart(alt.NamedData(name=DATA_NAME))
        .mark_line(color=BLUE, strokeWidth=2, point=alt.OverlayMarkDef(size=12, color=BLUE))
        .encode(x=_x(None), y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)))
        .properties(width=width, height=height, padding=2, background="transparent")
        .configure_view(strokeWidth=0)
    )


@lru_cache(maxsize=64)
def _compiled(shape: tuple[Any, ...]) -> str:
    """The Vega specification (as JSON) for a chart shape, compiled once per process."""
    kind, *params = shape
    chart = _sparkline(*params) if kind == "sparkline" else _indicator_chart(*params)
    return json.dumps(vl_convert.vegalite_to_vega(chart.to_dict()))


def _render(shape: tuple[Any, ...], rows: list[dict[str, Any]]) -> SafeString:
    rows_json = json.dumps(rows, sort_keys=True)
    digest = hashlib.sha256(f"{CACHE_VERSION}|{shape!r}|{rows_json}".encode()).hexdigest()
    key = f"lineofsight:chart:{digest}"
    svg = cache.get(key)
    if svg is None:
        vega = json.loads(_compiled(shape))
        for dataset in vega.get("data", []):
            if dataset.get("name") == DATA_NAME:
                dataset["values"] = json.loads(rows_json)
        svg = vl_convert.vega_to_svg(vega)
        cache.set(key, svg, CACHE_SECONDS)
    return mark_safe(svg)  # safe to embed: see the module docstring


def _rows(summary: IndicatorSummary) -> list[dict[str, Any]]:
    return [
        {"i": i, "period": point.period_label, "value": point.value, "target": point.target}
        for i, point in enumerate(summary.series)
    ]


def indicator_chart_svg(summary: IndicatorSummary, width: int = 600, height: int = 240) -> SafeString:
    """Values over time as a line with points, and the target as a dashed step line."""
    if not summary.series:
        return SafeString("")
    with_target = any(p.target is not None for p in summary.series)
    shape = ("indicator", width, height, summary.unit, with_target, len(summary.series) > 6)
    return _render(shape, _rows(summary))


def sparkline_svg(summary: IndicatorSummary, width: int = 120, height: int = 28) -> SafeString:
    """A small line of the recent values for a scorecard row, without axes."""
    if len(summary.series) < 2:
        return SafeString("")
    return _render(("sparkline", width, height), _rows(summary))
