"""Due-date normalisation: every row of plan-format.md's table, plus edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.importing.deadlines import (
    looks_like_due,
    normalise_due,
    split_due_list,
    status_from_text,
)

INSPECTION_END = date(2022, 3, 4)

PLAN_FORMAT_TABLE = [
    # (cell text, expected date, expected status)
    ("May 2022 (complete)", date(2022, 5, 31), "complete"),
    ("By 1 st June 2021", date(2021, 6, 1), None),
    ("22 nd July 2021.", date(2021, 7, 22), None),
    ("Feb 15", date(2015, 2, 28), None),
    ("Sept 14", date(2014, 9, 30), None),
    ("Summer 2012", date(2012, 8, 31), None),
    ("Sept-Oct 2012", date(2012, 10, 31), None),
    ("April-June 2012", date(2012, 6, 30), None),
    ("June 2012 and then Quarterly", date(2012, 6, 30), None),
    ("Initial position by 4 th June. Summary position 10 June 2021", date(2021, 6, 10), None),
    ("Work already underway complete December 2012", date(2012, 12, 31), "in_progress"),
    ("From 10 th May 2021", None, None),
    ("Ongoing", None, None),  # no end date, and nothing said of progress
    ("On-going basis", None, None),
    ("December 2026 – ongoing", date(2026, 12, 31), None),
    ("TBC", None, None),
    ("Immediately", None, None),
    ("Implemented", None, "complete"),
    ("28/02/26 (C)", date(2026, 2, 28), "complete"),  # the key's mark for a completed action
]


@pytest.mark.parametrize(("text", "expected", "status"), PLAN_FORMAT_TABLE)
def test_deadline_is_last_day_of_latest_period_committed_to(text, expected, status):
    due = normalise_due(text)
    assert due.date == expected
    assert due.status == status
    assert due.text == text  # the raw text is always kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 months", date(2022, 6, 4)),
        ("6-9 months", date(2022, 12, 4)),
        ("within 6 weeks", date(2022, 4, 15)),
    ],
)
def test_relative_timescale_counts_from_inspection_end(text, expected):
    assert normalise_due(text, relative_to=INSPECTION_END).date == expected


def test_relative_timescale_without_inspection_date_gives_no_date():
    assert normalise_due("3 months").date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feb 2024", date(2024, 2, 29)),  # leap year
        ("Feb 2023", date(2023, 2, 28)),
        ("Feb 00", date(2000, 2, 29)),  # 2000 is a leap year
        ("Winter 2023", date(2024, 2, 29)),  # winter ends in February of the next year
        ("29/02/2024", date(2024, 2, 29)),
        ("31st December 2025", date(2025, 12, 31)),
        ("April 2026", date(2026, 4, 30)),
        ("Spring 2026", date(2026, 5, 31)),
        ("Autumn 2026", date(2026, 11, 30)),
        ("Nov-Feb 2027", date(2027, 2, 28)),
        ("May/June 2012", date(2012, 6, 30)),
        ("Review March 2013", date(2013, 3, 31)),
        ("Initial comms – May 2022 (complete) Formal guidance - October 2022", date(2022, 10, 31)),
        ("2012/13", date(2013, 3, 31)),  # a financial year ends on 31 March
        ("2026-05-14", date(2026, 5, 14)),
    ],
)
def test_month_ends_leap_years_and_mixed_cells(text, expected):
    assert normalise_due(text).date == expected


def test_day_without_year_takes_the_plan_year():
    assert normalise_due("By 4th June", default_year=2026).date == date(2026, 6, 4)
    assert normalise_due("By 4th June").date is None


def test_impossible_day_gives_no_date_rather_than_a_guess():
    assert normalise_due("31 February 2026").date is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("(in place)", "complete"),
        ("Completed", "complete"),
        ("Partially complete", "in_progress"),
        ("In train", "in_progress"),
        ("Not started", "not_started"),
        ("To be completed by September", None),
        ("Complete – dashboard monitored on an ongoing basis", "complete"),
        ("Staff will complete the audit by June", None),  # a plan, not a state
        ("Training has been completed", "complete"),
        ("monitoring mechanisms are being put in place", None),
    ],
)
def test_status_words(text, status):
    assert status_from_text(text) == status


def test_flattened_date_list_splits_into_its_dates():
    assert split_due_list("April 2012 April 2012 May 2012") == ["April 2012", "April 2012", "May 2012"]
    assert split_due_list("May 2012 Ongoing April 2012") == ["May 2012", "Ongoing", "April 2012"]
    assert split_due_list("Audit in place by June 2012") == ["Audit in place by June 2012"]


def test_looks_like_due_tells_a_timescale_from_a_sentence():
    assert looks_like_due("Summer 2012-")
    assert looks_like_due("June 2012 and then Quarterly")
    assert not looks_like_due("SMCS are reviewing all transition health care processes")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q1 2026/27", date(2026, 6, 30)),  # financial quarters: April to June
        ("Q4 2025/26", date(2026, 3, 31)),
        ("Quarter 2 2025-26", date(2025, 9, 30)),
        ("Q3 2026", date(2026, 9, 30)),  # a calendar quarter when no financial year is printed
        ("Dec-25", date(2025, 12, 31)),  # Excel's month-year format
        ("Sep 26", date(2026, 9, 30)),
    ],
)
def test_quarters_and_spreadsheet_month_formats(text, expected):
    assert normalise_due(text).date == expected
