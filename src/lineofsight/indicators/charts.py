"""Every chart Line of Sight draws, in one look: Altair specifications rendered by
vl-convert on the server, so the scorecard pages and the board packs show charts
without JavaScript, in GOV.UK colours and one font.

Two ways in, one drawing:

- the scorecard (:func:`indicator_chart_svg`, :func:`sparkline_svg`) renders inline SVG,
  fast, through compiled shapes and Django's cache (below);
- board packs (:func:`trend_chart`, :func:`rag_summary_chart`) get a Vega-Lite spec that
  :func:`to_svg` and :func:`to_png` render, so the same chart goes into the HTML and PDF
  (SVG) and into Word and Excel (PNG), each drawn once per image type.

Both trend charts are drawn by :func:`_trend_layers`: a blue line with points and the
target as a dashed black step line. ``reports.charts`` only turns a pack's content into
the plain data these functions take.

Fonts: the SVG names ``FONT`` and leaves the face to the reader's machine; vl-convert
measures text with whatever fonts the server has, so tests assert on the drawing's
structure (colours, font name, sizes given here), never on measured text widths.

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

import base64
import hashlib
import json
import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from lineofsight.indicators.services import IndicatorSummary

# GOV.UK Frontend colours and its fallback font stack (GDS Transport is for GOV.UK only).
BLUE = "#1d70b8"
BLACK = "#0b0c0c"
GREY = "#505a5f"
FONT = "Arial, Helvetica, sans-serif"
FONT_SIZE = 13
RAG_COLOURS = {"Red": "#d4351c", "Amber": "#ffdd00", "Green": "#00703c", "Blue": BLUE, "No RAG": "#b1b4b6"}
DATA_NAME = "series"
CACHE_VERSION = 2  # raise when a chart's look changes, so cached SVGs are redrawn
CACHE_SECONDS = 7 * 24 * 60 * 60

# The value axis's title for each catalogue unit, on the scorecard and in packs alike.
AXIS_TITLES = {"percent": "%", "days": "Days", "count": "Count", "rate": "Rate per 10,000 children"}

# About the characters of a bold 13 px title that fit across a 360 px trend chart.
TITLE_CHARS = 52


def _look(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The one look every chart shares: font, text sizes and colours, no frame."""
    return (
        chart.configure(font=FONT)
        .configure_axis(
            labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelColor=BLACK, titleColor=GREY, labelLimit=260
        )
        .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelColor=BLACK, titleColor=GREY)
        .configure_title(fontSize=FONT_SIZE, color=BLACK)
        .configure_view(strokeWidth=0)
    )


def _x(axis: alt.Axis | None) -> alt.X:
    # Sorted by position in the series, so periods read left to right whatever their labels.
    return alt.X("period:N", sort=alt.EncodingSortField(field="i", op="min"), title=None, axis=axis)


def _trend_layers(data: alt.Data | alt.NamedData, axis_title: str, with_target: bool, slanted: bool) -> alt.LayerChart:
    """Values as a line with points; the target, where there is one, as a dashed step line.

    ``data`` rows hold ``i`` (position), ``period``, ``value`` and ``target``.
    """
    x = _x(alt.Axis(labelAngle=-40 if slanted else 0))
    values = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=50, color=BLUE), color=BLUE, strokeWidth=3)
        .encode(
            x=x,
            y=alt.Y("value:Q", title=axis_title, scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("period:N"), alt.Tooltip("value:Q")],
        )
    )
    layers: list[Any] = [values]
    if with_target:
        layers.append(
            alt.Chart(data)
            .transform_filter("datum.target != null")
            .mark_line(interpolate="step", strokeDash=[6, 4], color=BLACK, strokeWidth=2)
            .encode(x=x, y=alt.Y("target:Q"))
        )
    return alt.layer(*layers)


def _indicator_chart(width: int, height: int, unit: str, with_target: bool, slanted: bool) -> alt.TopLevelMixin:
    layers = _trend_layers(alt.NamedData(name=DATA_NAME), AXIS_TITLES.get(unit, ""), with_target, slanted)
    return _look(layers.properties(width=width, height=height))


def _sparkline(width: int, height: int) -> alt.TopLevelMixin:
    return (
        alt.Chart(alt.NamedData(name=DATA_NAME))
        .mark_line(color=BLUE, strokeWidth=2, point=alt.OverlayMarkDef(size=12, color=BLUE))
        .encode(x=_x(None), y=alt.Y("value:Q", axis=None, scale=alt.Scale(zero=False)))
        .properties(width=width, height=height, padding=2, background="transparent")
        .configure_view(strokeWidth=0)
    )  # no text, so none of the shared look applies but the frameless view


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


# --- Board packs: Vega-Lite specs rendered to SVG and PNG ---------------------------


def title_lines(text: str, width: int = TITLE_CHARS) -> alt.TitleParams:
    """A chart title wrapped onto lines that fit the chart: Vega-Lite never wraps a
    title, so a long indicator name would run past the edge and be cut off."""
    lines = textwrap.wrap(text, width=width) or [text]
    return alt.TitleParams(text=lines, anchor="start")


def trend_chart(
    title: str,
    points: Sequence[tuple[str, float | None]],
    *,
    target: float | None = None,
    axis_title: str = "",
    width: int = 360,
    height: int = 160,
) -> dict[str, Any]:
    """A pack's trend chart: the scorecard's drawing, titled, with one target for every period.

    ``points`` are (period label, value) in order (a missing value leaves a gap); ``axis_title`` names the value axis
    (``"Value"`` when empty).
    """
    rows = [{"i": i, "period": label, "value": value, "target": target} for i, (label, value) in enumerate(points)]
    layers = _trend_layers(alt.Data(values=rows), axis_title or "Value", target is not None, len(rows) > 6)
    return _look(layers.properties(width=width, height=height, title=title_lines(title))).to_dict()


def rag_summary_chart(groups: Sequence[tuple[str, Sequence[tuple[str, int]]]], order: Sequence[str]) -> dict[str, Any]:
    """Stacked bars of actions by RAG, one bar a group (e.g. all actions, then each theme).

    ``groups`` are (name, [(RAG label, count)]); ``order`` lists the RAG labels in the
    order the bars stack and the legend reads, each one a key of ``RAG_COLOURS``.
    """
    rows = [
        {"group": group, "rag": label, "actions": count} for group, counts in groups for label, count in counts if count
    ]
    largest = max((sum(count for _label, count in counts) for _group, counts in groups), default=0)
    # Whole actions only: a small pack would otherwise get ticks at 0.5.
    ticks = list(range(largest + 1)) if largest <= 12 else alt.Undefined
    chart = (
        alt.Chart(alt.Data(values=rows), title="Actions by RAG rating")
        .mark_bar()
        .encode(
            y=alt.Y("group:N", title=None, sort=[g for g, _ in groups]),
            x=alt.X("actions:Q", title="Actions", axis=alt.Axis(values=ticks, tickMinStep=1, format="d")),
            color=alt.Color(
                "rag:N",
                title="RAG",
                scale=alt.Scale(domain=list(order), range=[RAG_COLOURS[k] for k in order]),
                sort=list(order),
            ),
            order=alt.Order("rag_order:Q"),
            tooltip=["group:N", "rag:N", "actions:Q"],
        )
        .transform_calculate(rag_order=f"indexof({list(order)!r}, datum.rag)")
        .properties(width=520, height=max(60, 26 * len(groups)))
    )
    return _look(chart).to_dict()


def _key(spec: dict[str, Any]) -> str:
    return json.dumps(spec, sort_keys=True, default=str)


# Small bounds: a pack has one RAG chart and a trend chart per linked indicator.
@lru_cache(maxsize=64)
def _svg(key: str) -> str:
    return vl_convert.vegalite_to_svg(json.loads(key))


@lru_cache(maxsize=64)
def _png(key: str, scale: float) -> bytes:
    return vl_convert.vegalite_to_png(json.loads(key), scale=scale)


def to_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG text."""
    return _svg(_key(spec))


def to_png(spec: dict[str, Any], scale: float = 2) -> bytes:
    """The chart as a PNG image (scaled up so it prints sharply)."""
    return _png(_key(spec), scale)


def svg_data_uri(spec: dict[str, Any]) -> str:
    """The chart as an ``<img>`` source: an image cannot run script, unlike inline SVG."""
    return "data:image/svg+xml;base64," + base64.b64encode(to_svg(spec).encode("utf-8")).decode("ascii")


def clear_cache() -> None:
    """Forget every chart drawn for packs and every compiled shape (the benches time charts afresh)."""
    _svg.cache_clear()
    _png.cache_clear()
    _compiled.cache_clear()
