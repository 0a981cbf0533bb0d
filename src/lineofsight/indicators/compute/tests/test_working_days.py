"""Working days skip weekends and English bank holidays, from the project's own table."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import duckdb
import holidays
import pytest

from lineofsight.indicators.compute import engine, load_returns

from .returns import write_903


def test_bank_holiday_table_matches_the_holidays_package() -> None:
    text = resources.files("lineofsight.indicators.compute").joinpath(engine.BANK_HOLIDAYS).read_text(encoding="utf-8")
    ours = {date.fromisoformat(row["date"]) for row in csv.DictReader(text.splitlines())}

    expected = set(holidays.country_holidays("GB", subdiv="ENG", years=range(2000, 2036)))

    assert ours == expected
    # The one-off days are there: the late Queen's funeral and the coronation.
    assert {date(2022, 9, 19), date(2023, 5, 8)} <= ours


@pytest.fixture(scope="module")
def calendar(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    return load_returns(write_903(tmp_path_factory.mktemp("903"))).con


def working_days(con: duckdb.DuckDBPyConnection, start: str, end: str) -> int:
    (count,) = con.execute(
        "SELECT b.working_day_no - a.working_day_no FROM calendar a, calendar b "
        "WHERE a.day = CAST(? AS DATE) AND b.day = CAST(? AS DATE)",
        [start, end],
    ).fetchone() or (None,)
    return int(count)


def test_christmas_and_boxing_day_are_not_working_days(calendar: duckdb.DuckDBPyConnection) -> None:
    # Wednesday 24 December 2025 to Monday 29 December: only the Monday counts.
    assert working_days(calendar, "2025-12-24", "2025-12-29") == 1


def test_easter_weekend_loses_two_working_days(calendar: duckdb.DuckDBPyConnection) -> None:
    # Thursday 17 April 2025 to Tuesday 22 April: Good Friday and Easter Monday are off.
    assert working_days(calendar, "2025-04-17", "2025-04-22") == 1


def test_a_weekend_start_counts_from_the_next_working_day(
    calendar: duckdb.DuckDBPyConnection,
) -> None:
    # Saturday to the following Monday is one working day.
    assert working_days(calendar, "2025-06-07", "2025-06-09") == 1
