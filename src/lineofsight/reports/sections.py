"""The board pack's optional sections that come from other apps, registered in
``ReportsConfig.ready()`` (:data:`lineofsight.reports.builder.pack_sections`).

``reports`` sits above ``indicators`` and ``tracking`` in the layers, so it may read them;
the builder itself only asks the registry which sections exist.
"""

from __future__ import annotations

from typing import Any

from lineofsight.indicators.charts import AXIS_TITLES
from lineofsight.reports.builder import PackSection, SectionContext, Series, SeriesPoint, pack_sections


def _number(value: Any) -> float | None:
    try:
        return None if value is None or value == "" else float(value)
    except (TypeError, ValueError):
        return None


def indicators_section(context: SectionContext) -> PackSection | None:
    """The scorecard indicators linked to the pack's actions, with trend charts.

    Present only when some indicator is linked to the pack's actions (or to their
    recommendations); each is the scorecard's ``IndicatorSummary`` (code, title, unit,
    latest, previous, target, rag, trend, series).
    """
    from lineofsight.indicators.services import indicators_for_actions

    summaries = list(indicators_for_actions(context.actions) or [])
    if not summaries:
        return None
    rows: list[list[str]] = []
    series: list[Series] = []
    for summary in summaries:
        title = " ".join(part for part in (summary.code, summary.title) if part)
        latest = summary.latest
        fraction = getattr(summary, "fraction", "")
        rows.append(
            [
                title,
                summary.latest_text + (f" ({fraction})" if fraction else ""),
                latest.period_label if latest else "",
                summary.previous_text,
                summary.target_text,
                (summary.rag or "").capitalize(),
                (summary.trend or "").capitalize(),
            ]
        )
        points = [SeriesPoint(p.period_label, _number(p.value)) for p in summary.series]
        if points:
            target = summary.target.value if summary.target is not None else None
            series.append(Series(title, points, _number(target), AXIS_TITLES.get(summary.unit, "")))
    return PackSection(
        key="indicators",
        title="Indicators",
        intro="Scorecard indicators linked to the actions in this pack (or to their recommendations).",
        columns=["Indicator", "Latest", "Period", "Previous", "Target", "RAG", "Trend"],
        rows=rows,
        series=series,
    )


def register_sections() -> None:
    """Add this module's sections to the pack, in the order they appear (``ReportsConfig.ready``)."""
    pack_sections.register("indicators", indicators_section)
