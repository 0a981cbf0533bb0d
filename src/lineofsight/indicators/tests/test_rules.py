"""RAG, trend, periods and code-finding rules, as tables of cases."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.indicators.rules import (
    AMBER,
    GREEN,
    HIGHER,
    IMPROVING,
    LOWER,
    RED,
    SAME,
    WORSENING,
    PeriodError,
    TargetRule,
    format_value,
    fraction_text,
    parse_period,
    rag,
    suggest_links,
    target_for,
    trend,
)


@pytest.mark.parametrize(
    ("value", "target", "tolerance", "polarity", "expected"),
    [
        # Higher is better (e.g. NI147 % in suitable accommodation, target 90%, tolerance 5)
        (95.0, 90.0, 5.0, HIGHER, GREEN),
        (90.0, 90.0, 5.0, HIGHER, GREEN),  # at target is green
        (89.99999999999, 90.0, 5.0, HIGHER, GREEN),  # float noise is not a miss
        (87.0, 90.0, 5.0, HIGHER, AMBER),
        (85.0, 90.0, 5.0, HIGHER, AMBER),  # at the edge of tolerance is amber
        (84.9, 90.0, 5.0, HIGHER, RED),
        (89.0, 90.0, 0.0, HIGHER, RED),  # no tolerance: any shortfall is red
        # Lower is better (e.g. A1 days to adoption, target 426 days, tolerance 30)
        (400.0, 426.0, 30.0, LOWER, GREEN),
        (426.0, 426.0, 30.0, LOWER, GREEN),
        (450.0, 426.0, 30.0, LOWER, AMBER),
        (456.0, 426.0, 30.0, LOWER, AMBER),
        (457.0, 426.0, 30.0, LOWER, RED),
        (10.0, 9.0, -2.0, LOWER, AMBER),  # a negative tolerance is read as its size
        # Nothing to compare
        (None, 90.0, 5.0, HIGHER, None),
        (80.0, None, 5.0, HIGHER, None),
    ],
)
def test_rag_against_target_follows_polarity(value, target, tolerance, polarity, expected):
    assert rag(value, target, tolerance, polarity) == expected


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "expected"),
    [
        (80.0, 75.0, HIGHER, IMPROVING),
        (70.0, 75.0, HIGHER, WORSENING),
        (75.0, 75.0, HIGHER, SAME),
        (0.1 + 0.2, 0.3, HIGHER, SAME),
        (400.0, 450.0, LOWER, IMPROVING),  # fewer days to adoption is better
        (500.0, 450.0, LOWER, WORSENING),
        (450.0, 450.0, LOWER, SAME),
        (80.0, None, HIGHER, None),
        (None, 80.0, LOWER, None),
    ],
)
def test_trend_against_previous_period_follows_polarity(current, previous, polarity, expected):
    assert trend(current, previous, polarity) == expected


TARGETS = [
    TargetRule(90.0, 5.0, date(2026, 3, 31)),
    TargetRule(95.0, 2.0, date(2027, 3, 31)),
]


@pytest.mark.parametrize(
    ("period_end", "targets", "expected"),
    [
        (date(2025, 9, 30), TARGETS, 90.0),  # the nearest target not yet past
        (date(2026, 3, 31), TARGETS, 90.0),  # a target's own date still counts
        (date(2026, 6, 30), TARGETS, 95.0),
        (date(2028, 3, 31), TARGETS, 95.0),  # after every date the last target stands
        (date(2025, 9, 30), [TargetRule(80.0)], 80.0),  # standing target
        (date(2028, 3, 31), [TargetRule(90.0, 0, date(2026, 3, 31)), TargetRule(85.0)], 85.0),
        (date(2025, 9, 30), [], None),
    ],
)
def test_the_target_that_applies_to_a_period(period_end, targets, expected):
    found = target_for(period_end, targets)
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2025-26", "year", date(2025, 4, 1), date(2026, 3, 31), "2025-26"),
        ("2025/26", "year", date(2025, 4, 1), date(2026, 3, 31), "2025-26"),
        ("FY2025-26", "year", date(2025, 4, 1), date(2026, 3, 31), "2025-26"),
        ("1999-00", "year", date(1999, 4, 1), date(2000, 3, 31), "1999-00"),
        ("2025-26 Q1", "quarter", date(2025, 4, 1), date(2025, 6, 30), "2025-26 Q1"),
        ("2025-26 Q2", "quarter", date(2025, 7, 1), date(2025, 9, 30), "2025-26 Q2"),
        ("2025-26 q3", "quarter", date(2025, 10, 1), date(2025, 12, 31), "2025-26 Q3"),
        ("Q4 2025/26", "quarter", date(2026, 1, 1), date(2026, 3, 31), "2025-26 Q4"),
        ("2025-09", "month", date(2025, 9, 1), date(2025, 9, 30), "Sep 2025"),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
        ("Sep 2025", "month", date(2025, 9, 1), date(2025, 9, 30), "Sep 2025"),
        ("September 2025", "month", date(2025, 9, 1), date(2025, 9, 30), "Sep 2025"),
        ("2009-10", "year", date(2009, 4, 1), date(2010, 3, 31), "2009-10"),  # financial year wins
        ("2025", "year", date(2025, 1, 1), date(2025, 12, 31), "2025"),
        ("  2025-26   Q2 ", "quarter", date(2025, 7, 1), date(2025, 9, 30), "2025-26 Q2"),
    ],
)
def test_periods_as_councils_write_them(text, kind, start, end, label):
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


@pytest.mark.parametrize("text", ["", "Q5 2025-26", "2025-27", "2025-13", "Smarch 2025", "n/a", "2025-26 Q0"])
def test_periods_that_are_not_periods_are_refused(text):
    with pytest.raises(PeriodError, match=r"expected a period like|blank"):
        parse_period(text)


CODES = ["NI66", "NI147", "NI62", "STAB1", "A1", "A10", "CIN-A45", "CLA48"]


@pytest.mark.parametrize(
    ("measures", "expected"),
    [
        (["P17 NI147 % of care leavers in suitable accommodation"], ["NI147"]),
        (["NI66"], ["NI66"]),
        (["P21 Adoption scorecard A1"], ["A1"]),
        (["Adoption scorecard A10 (days)"], ["A10"]),  # A1 does not match inside A10
        (["ni 147 and NI-66 reported quarterly"], ["NI147", "NI66"]),
        (["Placement stability (STAB1)"], ["STAB1"]),
        (["CIN-A45 assessments in timescale", "NI66", "NI66 again"], ["CIN-A45", "NI66"]),
        (["Audit shows a 1-year improvement", "a1 lowercase is not a code"], []),
        (["NI1470 is another thing", "XNI147"], []),
        ([], []),
    ],
)
def test_codes_are_found_in_measures_text(measures, expected):
    assert [s.code for s in suggest_links(measures, CODES)] == expected


def test_a_suggestion_keeps_the_measure_it_came_from():
    found = suggest_links(["Case audits", "P17 NI147 % of care leavers"], CODES)
    assert [(s.code, s.text) for s in found] == [("NI147", "P17 NI147 % of care leavers")]


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(41, 52, "41 of 52"), (41.0, 52.0, "41 of 52"), (1234, 5000, "1,234 of 5,000"), (None, 52, ""), (41, None, "")],
)
def test_counts_behind_a_value_read_as_a_fraction(numerator, denominator, expected):
    assert fraction_text(numerator, denominator) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (78.846, "percent", "78.8%"),
        (79.0, "percent", "79%"),
        (426.0, "days", "426 days"),
        (14.0, "count", "14"),
        (None, "percent", "–"),
    ],
)
def test_values_are_printed_in_their_unit(value, unit, expected):
    assert format_value(value, unit) == expected
