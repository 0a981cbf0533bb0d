"""Run the indicator SQL files over loaded returns and turn each answer into a result."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import duckdb

from lineofsight.indicators import rules
from lineofsight.indicators.rules import Period

from .readers import LoadedReturns, connect, load_cin, load_ssda903

SQL_PACKAGE = "lineofsight.indicators.compute.sql"
# Scorecard order (as in indicators.md); an indicator added later comes after these.
ORDER = (
    "NI66",
    "NI62",
    "NI63",
    "NI147",
    "NI148",
    "CLA48",
    "CLA39",
    "CLA40",
    "A1",
    "A2",
    "A10",
    "CIN-A45",
    "CIN-ICPC15",
    "CIN-RR",
    "CP-REPEAT",
)
BANK_HOLIDAYS = "bank_holidays_england.csv"


@dataclass
class IndicatorResult:
    """One computed indicator for one period; see the package docstring."""

    code: str
    title: str
    value: float | None
    numerator: int | None
    denominator: int | None
    unit: str
    children: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    polarity: str = ""
    definition: str = ""


@dataclass(frozen=True)
class IndicatorQuery:
    """An indicator as declared by its SQL file: the comment block, then the query."""

    name: str
    code: str
    title: str
    definition: str
    polarity: str
    unit: str
    source: str
    sql: str

    @property
    def needs_cin(self) -> bool:
        return self.source.upper().startswith("CIN")

    @property
    def needs_adoptions(self) -> bool:
        """Whether the query reads the ``adoption`` table built by ``_adoptions.sql``."""
        return re.search(r"\b(FROM|JOIN)\s+adoption\b", self.sql, re.IGNORECASE) is not None


def parse_period(label: str) -> Period:
    """Read ``2025-26`` (1 April 2025 to 31 March 2026) or ``2025-26 Q3`` (October to
    December 2025: quarters run from April, as councils' scorecards do).

    The scorecard's own period reader, narrowed to financial years and their quarters:
    a statutory return covers a financial year, so a calendar month or year is refused.
    """
    try:
        period = rules.parse_period(label)
    except rules.PeriodError:
        period = None
    if period is None or period.kind not in (rules.YEAR, rules.QUARTER) or period.start.month not in (1, 4, 7, 10):
        raise ValueError(f"period {label!r}: expected a financial year like 2025-26, or 2025-26 Q3")
    if period.kind == rules.YEAR and period.start.month != 4:
        raise ValueError(f"period {label!r}: expected a financial year like 2025-26, or 2025-26 Q3")
    return period


_META = re.compile(r"^--\s*([a-z]+):\s?(.*)$")


def parse_query(name: str, text: str) -> IndicatorQuery:
    """Read the comment block heading an indicator SQL file (``-- key: value`` lines,
    continued on indented ``--`` lines) and keep the whole text as the query."""
    meta: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        match = _META.match(line)
        if match:
            key = match[1]
            meta[key] = match[2].strip()
        elif key:
            meta[key] += " " + line.lstrip("-").strip()
    missing = [k for k in ("code", "title", "definition", "polarity", "unit", "source") if k not in meta]
    if missing:
        raise ValueError(f"{name}: the comment block lacks {', '.join(missing)}")
    return IndicatorQuery(
        name, meta["code"], meta["title"], meta["definition"], meta["polarity"], meta["unit"], meta["source"], text
    )


@cache
def indicator_queries() -> tuple[IndicatorQuery, ...]:
    """Every indicator SQL file in the package, in scorecard order (``_*.sql`` files are
    shared set-up, not indicators)."""
    folder = resources.files(SQL_PACKAGE)
    queries = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql") and not entry.name.startswith("_"):
            queries.append(parse_query(entry.name, entry.read_text(encoding="utf-8")))
    rank = {code: number for number, code in enumerate(ORDER)}
    return tuple(sorted(queries, key=lambda q: (rank.get(q.code, len(ORDER)), q.code)))


def _setup_sql(name: str) -> str:
    return resources.files(SQL_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def bank_holidays() -> tuple[tuple[date, str], ...]:
    """English bank holidays 2000-2035 from the project's table (checked against the
    ``holidays`` package by a test); outside those years only weekends are non-working."""
    text = resources.files("lineofsight.indicators.compute").joinpath(BANK_HOLIDAYS)
    rows = csv.DictReader(text.read_text(encoding="utf-8").splitlines())
    return tuple((date.fromisoformat(row["date"]), row["name"]) for row in rows)


def prepare(con: duckdb.DuckDBPyConnection) -> None:
    """Load the bank holidays and build the shared calendar and episode tables."""
    # Written as literals, not bound parameters: DuckDB's Python client imports pandas (a
    # second) the first time a statement binds parameters, when pandas is installed.
    rows = ", ".join(
        f"(DATE '{day.isoformat()}', '{name.replace(chr(39), chr(39) * 2)}')" for day, name in bank_holidays()
    )
    con.execute(
        f"CREATE OR REPLACE TABLE bank_holiday AS SELECT * FROM (VALUES {rows}) "  # noqa: S608
        "AS t(day, name)"
    )
    con.execute(_setup_sql("_setup.sql"))


def load_returns(ssda903: Path | str, cin_files: Sequence[Path | str] = ()) -> LoadedReturns:
    """Read an SSDA903 return (folder of CSV tables, or XML) and any CIN census files into
    a fresh DuckDB connection, checked and typed, ready for ``run_indicators``."""
    con = connect()
    ssda903_sources = load_ssda903(con, Path(ssda903))
    cin_sources = load_cin(con, [Path(p) for p in cin_files])
    prepare(con)
    return LoadedReturns(con, ssda903_sources, cin_sources)


def run_indicators(loaded: LoadedReturns, period: Period, codes: Iterable[str] | None = None) -> list[IndicatorResult]:
    """Compute each indicator for the period. CIN indicators are left out when no census
    was loaded; ``codes`` narrows to named indicators."""
    con = loaded.con
    con.execute(  # dates as literals: see prepare() on bound parameters
        f"CREATE OR REPLACE TEMP TABLE params AS SELECT DATE '{period.start.isoformat()}' "
        f"AS period_start, DATE '{period.end.isoformat()}' AS period_end, "
        f"DATE '{period.window_start.isoformat()}' AS window_start"
    )
    con.execute(_setup_sql("_cohorts.sql"))
    wanted = {c.upper() for c in codes} if codes else None
    queries = [
        q
        for q in indicator_queries()
        if (loaded.has_cin or not q.needs_cin) and (wanted is None or q.code.upper() in wanted)
    ]
    if any(q.needs_adoptions for q in queries):
        con.execute(_setup_sql("_adoptions.sql"))
    results = []
    for query in queries:
        row = con.execute(query.sql).fetchone()
        if row is None:  # pragma: no cover - every query aggregates to one row
            raise RuntimeError(f"{query.name} returned no row")
        value, numerator, denominator, children = row
        results.append(
            IndicatorResult(
                code=query.code,
                title=query.title,
                value=None if value is None else float(value),
                numerator=None if numerator is None else int(numerator),
                denominator=None if denominator is None else int(denominator),
                unit=query.unit,
                children=[str(c) for c in children],
                sources=_sources_for(query, loaded),
                polarity=query.polarity,
                definition=query.definition,
            )
        )
    return results


def _sources_for(query: IndicatorQuery, loaded: LoadedReturns) -> list[str]:
    return list(loaded.cin_sources if query.needs_cin else loaded.ssda903_sources)
