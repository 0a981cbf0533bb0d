"""What a board pack charts: its content turned into the plain data that
``indicators.charts`` draws, so packs and the scorecard share one look.

Rendering (``to_svg``, ``to_png``, ``svg_data_uri``) and its cache live in
``indicators.charts`` too; the exporters call them there.
"""

from __future__ import annotations

from typing import Any

from lineofsight.indicators import charts
from lineofsight.reports.builder import RAG_LABELS, BoardPackContent, Series


def rag_summary_chart(pack: BoardPackContent) -> dict[str, Any]:
    """Stacked bars of actions by RAG: all actions, then each theme."""
    groups = [("All actions", pack.overall)] + [(t.theme, t.counts) for t in pack.by_theme]
    return charts.rag_summary_chart(
        [(name, [(label, count) for _rag, label, count in counts.items()]) for name, counts in groups],
        list(RAG_LABELS.values()),
    )


def trend_chart(series: Series) -> dict[str, Any]:
    """One indicator's values over the pack's periods, with its target."""
    return charts.trend_chart(
        series.title, [(p.label, p.value) for p in series.points], target=series.target, axis_title=series.unit
    )
