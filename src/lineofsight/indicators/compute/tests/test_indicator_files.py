"""Each indicator is one SQL file whose comment block says what it is; the guide's example
of adding one works as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lineofsight.indicators.compute import indicator_queries, load_returns, parse_period
from lineofsight.indicators.compute.engine import ORDER, parse_query, run_indicators

from .returns import child, history, write_903

GUIDE = Path(__file__).resolve().parents[5] / "docs" / "indicators-compute.md"


def test_every_scorecard_indicator_has_one_sql_file_with_its_definition() -> None:
    queries = indicator_queries()

    assert [q.code for q in queries] == list(ORDER)
    for query in queries:
        assert query.polarity in {"higher", "lower"}, query.name
        assert query.unit in {"percent", "days", "count"}, query.name
        assert len(query.definition) > 40, query.name


def test_a_sql_file_without_its_comment_block_is_refused() -> None:
    with pytest.raises(ValueError, match=r"new\.sql: the comment block lacks definition, polarity"):
        parse_query("new.sql", "-- code: X\n-- title: Y\n-- unit: count\n-- source: 903\nSELECT 1")


def test_the_guides_example_indicator_runs(tmp_path: Path) -> None:
    if not GUIDE.is_file():
        pytest.skip("docs/indicators-compute.md is not beside the package")
    sql = re.search(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)
    assert sql is not None
    query = parse_query("cla_uasc.sql", sql[1])
    folder = write_903(
        tmp_path,
        header=[child("U1", "01/01/2009"), child("U2", "01/01/2009")],
        episodes=[*history("U1", ("01/01/2025", "S")), *history("U2", ("01/01/2025", "S"))],
        uasc=[{"CHILD": "U1", "DOB": "01/01/2009", "DUC": "01/01/2027"}],
    )
    loaded = load_returns(folder)
    run_indicators(loaded, parse_period("2025-26"), codes=["NI66"])  # sets the period

    assert loaded.con.execute(query.sql).fetchone() == (1.0, 1, None, ["U1"])
    assert (query.code, query.unit, query.polarity) == ("CLA-UASC", "count", "lower")
