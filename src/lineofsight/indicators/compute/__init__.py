"""Scorecard indicators computed from the statutory returns councils already make.

Pure Python and DuckDB: no Django import here, so the computation can run anywhere (a
management command, a bench script, a notebook).

Data flow::

    SSDA903 CSV tables ──read_csv + SQL checks──┐
    SSDA903 XML ──regex or iterparse──> file ───┤──> typed DuckDB tables ──> sql/_setup.sql
    CIN census XML ──iterparse──> temporary CSV ┘    (calendar, episode)  ──> sql/<indicator>.sql

Public API::

    compute_indicators(ssda903_dir, cin_file=None, period="2025-26") -> list[IndicatorResult]

``IndicatorResult`` is what the scorecard stores (``services.record_computed_values``
takes a list of these). Its fields:

- ``code``: the scorecard code, e.g. ``"NI66"``, ``"A1"``, ``"CIN-A45"``;
- ``title``: what the indicator measures, in the council's words;
- ``value``: the figure shown on the scorecard (a percentage 0–100 when ``unit`` is
  ``"%"``, an average number of days when ``"days"``, a count for ``"children"`` or
  ``"episodes"``); ``None`` when there is nobody to count (a zero denominator);
- ``numerator`` / ``denominator``: the "41 of 52" behind a percentage; for averages the
  total days and the number of children; for counts the count and ``None``;
- ``unit``: ``"%"``, ``"days"``, ``"children"`` or ``"episodes"``;
- ``children``: the CHILD ids counted in the numerator (for averages and counts, every
  child counted), sorted, for officers with access to case records;
- ``sources``: the files the value was computed from (provenance);
- ``polarity`` (``"higher"`` or ``"lower"`` is better) and ``definition``, read from the
  indicator's SQL file.

Adding an indicator is one SQL file in ``sql/`` (see ``docs/indicators-compute.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from .engine import (
    IndicatorQuery,
    IndicatorResult,
    Period,
    indicator_queries,
    load_returns,
    parse_period,
    run_indicators,
)
from .readers import LoadedReturns, ReturnFileError

__all__ = [
    "IndicatorQuery",
    "IndicatorResult",
    "LoadedReturns",
    "Period",
    "ReturnFileError",
    "compute_indicators",
    "indicator_queries",
    "load_returns",
    "parse_period",
    "run_indicators",
]


def compute_indicators(
    ssda903_dir: Path | str,
    cin_file: Path | str | Sequence[Path | str] | None = None,
    period: str | Period = "2025-26",
    *,
    period_start: date | None = None,
    period_end: date | None = None,
) -> list[IndicatorResult]:
    """Compute every indicator the given returns support, for one period.

    ``ssda903_dir`` is a folder of SSDA903 CSV tables (``header.csv``, ``episodes.csv``,
    ...) or an SSDA903 XML file. ``cin_file`` is a CIN census XML file, or several (this
    year's and last year's, so re-referrals and repeat plans look back far enough); without
    it the CIN indicators are left out. ``period`` is a financial year (``"2025-26"``) or
    quarter (``"2025-26 Q3"``); ``period_start``/``period_end`` override its dates.

    Raises ``ReturnFileError`` naming file, row and column when a return is malformed.
    """
    chosen = parse_period(period) if isinstance(period, str) else period
    if period_start or period_end:
        chosen = replace(chosen, start=period_start or chosen.start, end=period_end or chosen.end)
    if cin_file is None:
        cin_files: list[Path | str] = []
    elif isinstance(cin_file, (str, Path)):
        cin_files = [cin_file]
    else:
        cin_files = list(cin_file)
    loaded = load_returns(ssda903_dir, cin_files)
    try:
        return run_indicators(loaded, chosen)
    finally:
        loaded.con.close()
