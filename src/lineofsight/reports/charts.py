"""Charts for board packs, drawn with Altair and rendered by vl-convert.

Each function returns a Vega-Lite spec built from the pack's content; :func:`to_svg`
and :func:`to_png` render it without a browser, so the same chart goes into the HTML
and PDF (SVG) and into Word and Excel (PNG).

Rendering is kept per spec (a small cache), so issuing a pack draws each chart once
per image type even though four formats show it.
"""

from __future__ import annotations

import base64
import json
import textwrap
from functools import lru_cache
from typing import Any

import altair as alt
import vl_convert

from lineofsight.reports.builder import RAG_LABELS, BoardPackContent, Series

# GOV.UK colours, as the screens use for RAG tags.
RAG_COLOURS = {"Red": "#d4351c", "Amber": "#ffdd00", "Green": "#00703c", "Blue": "#1d70b8", "No RAG": "#b1b4b6"}
FONT = "Helvetica, Arial, sans-serif"


def _configure(chart: alt.TopLevelMixin) -> dict[str, Any]:
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=11, labelLimit=260)
        .to_dict()
    )


# About the characters of a bold 13 px title that fit across a 360 px trend chart.
TITLE_CHARS = 52


def title_lines(text: str, width: int = TITLE_CHARS) -> alt.TitleParams:
    """A chart title wrapped onto lines that fit the chart: Vega-Lite never wraps a
    title, so a long indicator name ran past the edge and was cut off in packs."""
    lines = textwrap.wrap(text, width=width) or [text]
    return alt.TitleParams(text=lines, anchor="start")


def rag_summary_chart(pack: BoardPackContent) -> dict[str, Any]:
    """Stacked bars of actions by RAG: all actions, then each theme."""
    rows = []
    groups = [("All actions", pack.overall)] + [(t.theme, t.counts) for t in pack.by_theme]
    for group, counts in groups:
        for _rag, label, count in counts.items():
            if count:
                rows.append({"group": group, "rag": label, "actions": count})
    order = list(RAG_LABELS.values())
    largest = max((counts.total for _g, counts in groups), default=0)
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
                scale=alt.Scale(domain=order, range=[RAG_COLOURS[k] for k in order]),
                sort=order,
            ),
            order=alt.Order("rag_order:Q"),
            tooltip=["group:N", "rag:N", "actions:Q"],
        )
        .transform_calculate(rag_order=f"indexof({order!r}, datum.rag)")
        .properties(width=520, height=max(60, 26 * len(groups)))
    )
    return _configure(chart)


def trend_chart(series: Series) -> dict[str, Any]:
    """A line of values over periods, with the target as a dashed rule when there is one."""
    values = [{"period": p.label, "value": p.value, "n": i} for i, p in enumerate(series.points)]
    sort = [p.label for p in series.points]
    base = alt.Chart(alt.Data(values=values), title=title_lines(series.title))
    line = base.mark_line(point=True, color="#1d70b8").encode(
        x=alt.X("period:N", title=None, sort=sort),
        y=alt.Y("value:Q", title=series.unit or "Value"),
        tooltip=["period:N", "value:Q"],
    )
    layers: list[Any] = [line]
    if series.target is not None:
        target = (
            alt.Chart(alt.Data(values=[{"target": series.target}]))
            .mark_rule(strokeDash=[6, 4], color="#505a5f")
            .encode(y="target:Q")
        )
        layers.append(target)
    return _configure(alt.layer(*layers).properties(width=360, height=160))


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
    """Forget every rendered chart (the bench uses it to time charts drawn afresh)."""
    _svg.cache_clear()
    _png.cache_clear()
