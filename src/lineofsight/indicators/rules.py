"""Scorecard rules as plain Python: RAG against a target, trend against the previous
period, reporting periods, and finding indicator codes in a plan's measures text.

No Django here, so the rules are tested as tables of cases and reused by the CLI, the
board pack builder and the web pages alike.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

HIGHER = "higher"
LOWER = "lower"

GREEN = "green"
AMBER = "amber"
RED = "red"

IMPROVING = "improving"
WORSENING = "worsening"
SAME = "same"

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

# Values are typed, uploaded or computed as floats; 79.99999999 must still meet a target of 80.
_EPSILON = 1e-9


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_EPSILON, abs_tol=_EPSILON)


# --- RAG and trend ---------------------------------------------------------------


@dataclass(frozen=True)
class TargetRule:
    """A target value, the tolerance that still counts as amber, and its date (if any)."""

    value: float
    tolerance: float = 0.0
    by_date: date | None = None


def rag(value: float | None, target: float | None, tolerance: float, polarity: str) -> str | None:
    """Green at or better than the target, amber within ``tolerance`` of it, red beyond.

    "Better" follows the indicator's polarity. Without a value or a target there is no
    RAG (None), rather than a guess.
    """
    if value is None or target is None:
        return None
    tolerance = abs(tolerance or 0.0)
    # Shortfall: how far the value is on the wrong side of the target.
    shortfall = target - value if polarity == HIGHER else value - target
    if shortfall <= 0 or _same(value, target):
        return GREEN
    if shortfall <= tolerance or _same(shortfall, tolerance):
        return AMBER
    return RED


def trend(current: float | None, previous: float | None, polarity: str) -> str | None:
    """Improving, worsening or same against the previous period, in the indicator's
    polarity (a fall in days to adoption is improving). None without both values."""
    if current is None or previous is None:
        return None
    if _same(current, previous):
        return SAME
    went_up = current > previous
    return IMPROVING if went_up == (polarity == HIGHER) else WORSENING


def target_for(period_end: date | None, targets: Sequence[TargetRule]) -> TargetRule | None:
    """The target that applies to a period ending on ``period_end``.

    That is the earliest dated target not yet past (a value for 2025-26 Q2 is judged
    against "90% by March 2026", not "95% by March 2027"); once every date has passed,
    the last target still stands. A target without a date stands until replaced.
    """
    if not targets:
        return None
    dated = sorted((t for t in targets if t.by_date is not None), key=lambda t: t.by_date or date.min)
    standing = [t for t in targets if t.by_date is None]
    if period_end is not None:
        for target in dated:
            if target.by_date is not None and target.by_date >= period_end:
                return target
    if standing:
        return standing[-1]
    return dated[-1]


def fraction_text(numerator: float | None, denominator: float | None) -> str:
    """ "41 of 52" when both counts are known, else ""."""
    if numerator is None or denominator is None:
        return ""
    return f"{format_number(numerator)} of {format_number(denominator)}"


def format_number(number: float) -> str:
    """A number as a board would write it: no trailing ".0", one decimal otherwise."""
    if _same(number, round(number)):
        return f"{round(number):,}"
    return f"{number:,.1f}"


def format_value(value: float | None, unit: str) -> str:
    """ "79.2%", "121 days", "14" — the value in its unit, or an en dash when missing."""
    if value is None:
        return "–"
    text = format_number(value)
    if unit == "percent":
        return f"{text}%"
    if unit == "days":
        return f"{text} days"
    return text


# --- Periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A reporting period: councils report in financial years (April to March), their
    quarters (Q1 is April to June) and calendar months."""

    kind: str
    start: date
    end: date
    label: str

    @property
    def window_start(self) -> date:
        """Start of the 3-year rolling window ending at the period end (adoption scorecard)."""
        try:
            three_years_back = self.end.replace(year=self.end.year - 3)
        except ValueError:  # 29 February: a leap day's year three years back has none
            three_years_back = self.end.replace(year=self.end.year - 3, day=28)
        return three_years_back + timedelta(days=1)


class PeriodError(ValueError):
    """The text is not a period this project understands."""


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})

_FINANCIAL_YEAR = re.compile(r"^(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_QUARTER_AFTER = re.compile(r"^(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*Q([1-4])$", re.IGNORECASE)
_QUARTER_BEFORE = re.compile(r"^Q([1-4])\s*(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_NAMED_MONTH = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")
_CALENDAR_YEAR = re.compile(r"^(\d{4})$")

PERIOD_EXAMPLES = "'2025-26', '2025-26 Q2', '2025-09' or 'Sep 2025'"


def _financial_year_start(first: str, second: str) -> int | None:
    """The starting year if ``first``-``second`` names consecutive years, else None."""
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if len(second) == 2 and end < start:  # 1999-00
        end += 100
    return start if end == start + 1 else None


def financial_year(start_year: int) -> Period:
    """The financial year starting on 1 April of ``start_year``."""
    return Period(
        YEAR, date(start_year, 4, 1), date(start_year + 1, 3, 31), f"{start_year}-{(start_year + 1) % 100:02d}"
    )


def financial_quarter(start_year: int, quarter: int) -> Period:
    """Quarter 1–4 of the financial year starting in April of ``start_year``."""
    first_month = 4 + 3 * (quarter - 1)
    year = start_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    end_month = month + 2
    last_day = calendar.monthrange(year, end_month)[1]
    label = f"{start_year}-{(start_year + 1) % 100:02d} Q{quarter}"
    return Period(QUARTER, date(year, month, 1), date(year, end_month, last_day), label)


def calendar_month(year: int, month: int) -> Period:
    """One calendar month, labelled as boards write it ("Sep 2025")."""
    last_day = calendar.monthrange(year, month)[1]
    return Period(MONTH, date(year, month, 1), date(year, month, last_day), f"{calendar.month_abbr[month]} {year}")


def parse_period(text: str) -> Period:
    """Read a period as councils write it.

    "2025-26" (or "2025/26") is the financial year April 2025 to March 2026;
    "2025-26 Q2" (or "Q2 2025/26") its second quarter, July to September 2025;
    "2025-09" or "Sep 2025" a calendar month; "2025" the calendar year. "2009-10" is
    read as the financial year; write "Oct 2009" for the month.
    """
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise PeriodError("the period is blank")
    if match := _QUARTER_AFTER.match(cleaned):
        first, second, quarter = match.groups()
        if (start := _financial_year_start(first, second)) is not None:
            return financial_quarter(start, int(quarter))
    if match := _QUARTER_BEFORE.match(cleaned):
        quarter, first, second = match.groups()
        if (start := _financial_year_start(first, second)) is not None:
            return financial_quarter(start, int(quarter))
    if match := _FINANCIAL_YEAR.match(cleaned):
        first, second = match.groups()
        if (start := _financial_year_start(first, second)) is not None:
            return financial_year(start)
    if match := _ISO_MONTH.match(cleaned):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return calendar_month(year, month)
    if match := _NAMED_MONTH.match(cleaned):
        month_number = _MONTHS.get(match.group(1).lower())
        if month_number:
            return calendar_month(int(match.group(2)), month_number)
    if match := _CALENDAR_YEAR.match(cleaned):
        year = int(match.group(1))
        return Period(YEAR, date(year, 1, 1), date(year, 12, 31), str(year))
    raise PeriodError(f"expected a period like {PERIOD_EXAMPLES}, got {text!r}")


def period_kind_for(start: date, end: date) -> str:
    """The kind of a period known only by its dates (e.g. a computed rolling year)."""
    days = (end - start).days + 1
    if days <= 31:
        return MONTH
    if days <= 92:
        return QUARTER
    return YEAR


# --- Finding indicator codes in plan text -----------------------------------------


@dataclass(frozen=True)
class LinkSuggestion:
    """An indicator code found in a measure, and the measure text it was found in."""

    code: str
    text: str


@lru_cache(maxsize=4096)
def _code_pattern(code: str) -> re.Pattern[str]:
    """A pattern for a code as plans write it: "NI147", "NI 147", "ni147", "CIN-A45".

    Word-like prefixes (two letters or more) match in any case and may be spaced from
    their number; a one-letter prefix ("A1") must match exactly, or ordinary words
    ("a 1-year plan") would be taken for adoption indicators.
    """
    chunks = re.findall(r"[A-Za-z]+|\d+", code)
    if not chunks:
        return re.compile(r"(?!x)x")
    parts: list[str] = []
    for chunk in chunks:
        escaped = re.escape(chunk)
        parts.append(f"(?i:{escaped})" if chunk.isalpha() and len(chunk) >= 2 else escaped)
    separator = r"[\s\-/]?" if any(c.isalpha() and len(c) >= 2 for c in chunks) else r"-?"
    return re.compile(r"(?<![A-Za-z0-9])" + separator.join(parts) + r"(?![A-Za-z0-9])")


def suggest_links(measure_texts: Iterable[str], codes: Iterable[str]) -> list[LinkSuggestion]:
    """Indicator codes mentioned in an action's measures, each with the text it came from.

    ``codes`` are the organisation's indicator codes (and aliases). Each code is
    suggested once, from the first measure that mentions it, in the order of the
    measures; "A1" does not match inside "A10" or "NA1".
    """
    texts = [str(t) for t in measure_texts if t]
    patterns = [(code, _code_pattern(code)) for code in dict.fromkeys(c for c in codes if c)]
    found: dict[str, tuple[int, int, LinkSuggestion]] = {}
    for text_index, text in enumerate(texts):
        for code, pattern in patterns:
            if code in found:
                continue
            if match := pattern.search(text):
                found[code] = (text_index, match.start(), LinkSuggestion(code=code, text=text))
    return [item[2] for item in sorted(found.values(), key=lambda item: (item[0], item[1]))]
