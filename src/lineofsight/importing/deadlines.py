"""Turn a plan's timescale cell into a deadline, following ``plan-format.md``.

The rule councils and boards read deadlines by: the deadline is the **last day of the
latest period the cell commits to**. "Sept-Oct 2012" commits to October, so its deadline
is 31 October 2012; "Summer 2012" commits to August. Starts ("From 10th May 2021") and
open-ended words ("Ongoing", "TBC", "Immediately") commit to nothing, so they give no
date; the raw text is always kept beside the date.

This module is pure Python (no Django) because tracking forms, demo data and the
importer all call :func:`normalise_due`; keep its signature stable.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from lineofsight.core.text import collapse_whitespace, unicode_compatible

__all__ = [
    "DueDate",
    "find_dates",
    "looks_like_due",
    "normalise_due",
    "split_due_list",
    "status_from_text",
]

MONTHS: dict[str, int] = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
# Month a season ends in, and whether that month falls in the next calendar year
# (winter 2012 runs into February 2013).
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (5, 0),
    "summer": (8, 0),
    "autumn": (11, 0),
    "fall": (11, 0),
    "winter": (2, 1),
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:\s?(?:st|nd|rd|th))?"
_YEAR = r"(?:\d{4}|'?\d{2}(?![\d:]))"

_DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d){_ORD}\s*(?:of\s+)?(?P<month>{_MONTH})(?:\s*,?\s*(?P<year>{_YEAR}))?\b",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d){_ORD},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s*(?:-|/|to|and|&)\s*(?P<m2>{_MONTH})\s*,?\s*(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
# "Jan 26 Mar 26": a list of month-and-year dates run together; the "26" after "Jan" is
# its year, not the day of the March that follows.
_MONTH_YEAR_BEFORE_MONTH = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<year>\d{{2}})(?=\s+{_MONTH}(?:\s|$))", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?:\s*,?\s*|[-/'’]\s?)(?P<year>{_YEAR})\b", re.IGNORECASE)
# Financial-year quarters ("Q2 2025/26": July to September 2025) and calendar quarters
# ("Q2 2026"); councils' plans use both, and a financial year is always printed as such.
_QUARTER = re.compile(
    r"\b(?:Q|quarter\s*)(?P<q>[1-4])\s*(?:of\s*)?(?:(?:FY|financial year)\s*)?"
    r"(?:(?P<fy1>(?:20)?\d{2})\s*[/-]\s*(?P<fy2>\d{2}(?!\d)|20\d{2})|(?P<year>20\d{2}))\b",
    re.IGNORECASE,
)
# "w/c 5 Jan 2026", "week commencing 5 January": the week is the period committed to,
# so its deadline is the week's last day.
_WEEK_OF = re.compile(r"\b(?:w\s?/\s?[cb]|wc|wb|week\s+(?:commencing|beginning|starting))\s*:?\s*$", re.IGNORECASE)
# "September 2025 onwards": the date (within a few words before "onwards") opens the period.
_ONWARDS = re.compile(r"[^,;.()]{0,24}?\bon-?wards\b", re.I)


# A date right after "from" or "starting" opens a period without closing it ("Monthly
# from January 2025"); it is a start, not a deadline.
_STARTS_AT = re.compile(
    r"(?:\bfrom|(?<!week )\b(?:starting|commencing|beginning|since))\s+(?:on\s+)?(?:the\s+)?"
    r"(?:(?:start|beginning|end|middle) of\s+|early\s+|mid[- ]?|late\s+)?$",
    re.IGNORECASE,
)
_MONTH_ALONE = re.compile(
    r"\b(?P<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\b"
)
_SEASON = re.compile(
    r"\b(?P<season>spring|summer|autumn|fall|winter)\s*(?:term\s*)?(?P<year>\d{4}|'?\d{2}(?!\d))",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})\b")
# "03/2026", "3.2026": a month and year as Excel trackers often type them.
_MONTH_NUM_YEAR = re.compile(r"(?<![\d/.-])(?P<m>0?[1-9]|1[0-2])[/.](?P<y>20\d{2})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_FIN_YEAR = re.compile(r"\b(?P<y1>20\d{2})\s*[/-]\s*(?P<y2>\d{2}|20\d{2})\b")
_YEAR_ALONE = re.compile(r"\b(?:end of |by |in |during )?(?P<y>20\d{2})\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:(?P<a>\d{1,2})\s*(?:-|to)\s*)?(?P<n>\d{1,2})\s*(?P<unit>months?|weeks?)\b",
    re.IGNORECASE,
)
_START_ONLY = re.compile(r"^\s*(?:from|starting|commencing|beginning|start(?:s|ed)?)\b", re.I)
_END_WORDS = re.compile(r"\b(?:to|until|till|by|end|complete|completed|deadline)\b", re.I)

# Status words, in the council's own wording. Checked as "first one that appears wins"
# because a cell like "Work already underway complete December 2012" leads with its
# real state; negations such as "to be completed" are removed first.
_NEGATED = re.compile(
    r"\b(?:to|will|should|must|shall|would|can|could|not|yet|once|when|until|before|after"
    r"|scheduled to|expected to|due to|aim to|plan to|needs? to)\s+(?:not\s+)?(?:yet\s+)?"
    r"(?:be\s+|been\s+|is\s+|it is\s+|being\s+)?(?:fully\s+)?"
    r"(?:complete[d]?|implemented|in place|achieved|put in place|delivered|done)\b"
    r"|\bbeing\s+(?:complete[d]?|implemented|put in place|delivered)\b",
    re.IGNORECASE,
)
_STATUS_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("in_progress", re.compile(r"\bpartially\s+(?:complete[d]?|implemented|in place)\b", re.I)),
    ("not_started", re.compile(r"\bnot\s+(?:yet\s+)?started\b", re.I)),
    ("complete", re.compile(r"\b(?:complete[d]?|implemented|in place|achieved|done|closed|delivered)\b", re.I)),
    (
        "in_progress",
        re.compile(
            r"\b(?:in train|ongoing|on-going|underway|under way|in progress|on target|on track"
            r"|off track|started|progressing|delayed|behind schedule)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class DueDate:
    """A timescale cell as printed, its normalised deadline and any status it implies."""

    text: str
    date: date | None
    status: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The ``due`` object of lineofsight/plan@1."""
        return {"text": self.text, "date": self.date.isoformat() if self.date else None}


_DASHES = str.maketrans("\u2013\u2014\u2012", "---")


def _clean(text: str) -> str:
    text = unicode_compatible(text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.translate(_DASHES)
    # "1 st June" is how some extractions print "1st June".
    text = re.sub(r"\b(\d{1,2})\s+(st|nd|rd|th)\b", r"\1\2", text, flags=re.I)
    return collapse_whitespace(text)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.lstrip("'")
    value = int(raw)
    return 2000 + value if len(raw) == 2 else value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month(raw: str) -> int:
    return MONTHS[raw.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _week_end(text: str, start: int, day: date) -> date:
    """The last day of the week a "w/c" date opens, else the date itself."""
    if _WEEK_OF.search(text[max(0, start - 24) : start]):
        return day + timedelta(days=6)
    return day


def find_dates(text: str, *, default_year: int | None = None) -> list[tuple[date, int]]:
    """Every explicit date in ``text`` as (deadline, position), periods at their last day.

    A day or month without a year takes the year of another date in the same text, else
    ``default_year``; without either it is left out.
    """
    text = _clean(text)
    found: list[tuple[date, int]] = []
    taken: list[tuple[int, int]] = []
    pending: list[tuple[int, int | None, int]] = []  # (month, day or None, position)

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for m in _ISO.finditer(text):
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            found.append((d, m.start()))
            taken.append(m.span())
    for m in _QUARTER.finditer(text):
        q = int(m["q"])
        if m["fy1"]:
            start = _year(m["fy1"]) or 0
            if (_year(m["fy2"]) or 0) % 100 != (start + 1) % 100:
                continue  # not a financial year ("Q3 12/14" is no date we know)
            month, year = (3 * q + 3, start) if q < 4 else (3, start + 1)
        else:
            month, year = 3 * q, int(m["year"])
        found.append((_month_end(year, month), m.start()))
        taken.append(m.span())
    for m in _NUMERIC.finditer(text):
        if not free(m.span()):
            continue
        d = _safe_date(_year(m["y"]) or 0, int(m["m"]), int(m["d"]))
        if d:
            found.append((_week_end(text, m.start(), d), m.start()))
            taken.append(m.span())
    for m in _MONTH_NUM_YEAR.finditer(text):
        if free(m.span()):
            found.append((_month_end(int(m["y"]), int(m["m"])), m.start()))
            taken.append(m.span())
    for m in _MONTH_DAY_YEAR.finditer(text):
        if free(m.span()):
            d = _safe_date(int(m["year"]), _month(m["month"]), int(m["day"]))
            if d:
                found.append((d, m.start()))
                taken.append(m.span())
    for m in _MONTH_YEAR_BEFORE_MONTH.finditer(text):
        if free(m.span()):
            found.append((_month_end(_year(m["year"]) or 0, _month(m["month"])), m.start()))
            taken.append(m.span())
    for m in _DAY_MONTH.finditer(text):
        if not free(m.span()) or int(m["day"]) == 0:
            continue
        day_year = _year(m["year"])
        if day_year is None:
            pending.append((_month(m["month"]), int(m["day"]), m.start()))
        else:
            d = _safe_date(day_year, _month(m["month"]), int(m["day"]))
            if d:
                found.append((_week_end(text, m.start(), d), m.start()))
        taken.append(m.span())
    for m in _MONTH_RANGE.finditer(text):
        if free(m.span()):
            range_year = _year(m["year"]) or 0
            m2 = _month(m["m2"])
            # "Nov-Feb 2013": the printed year belongs to the end of the range.
            found.append((_month_end(range_year, m2), m.start()))
            taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if free(m.span()):
            found.append((_month_end(_year(m["year"]) or 0, _month(m["month"])), m.start()))
            taken.append(m.span())
    for m in _SEASON.finditer(text):
        if free(m.span()):
            month, carry = SEASONS[m["season"].lower()]
            found.append((_month_end((_year(m["year"]) or 0) + carry, month), m.start()))
            taken.append(m.span())
    for m in _MONTH_ALONE.finditer(text):
        if free(m.span()):
            pending.append((_month(m["month"]), None, m.start()))
            taken.append(m.span())
    if not found:
        for m in _FIN_YEAR.finditer(text):
            if not free(m.span()):
                continue
            y2 = int(m["y2"]) if len(m["y2"]) == 4 else 2000 + int(m["y2"])
            if y2 == int(m["y1"]) + 1:
                # A financial year such as 2012/13 ends on 31 March.
                found.append((date(y2, 3, 31), m.start()))
                taken.append(m.span())
    # A day without a year takes the year of another date in the cell, else the plan's.
    cell_year = max((d.year for d, _ in found), default=default_year)
    if cell_year is not None:
        for month, day, pos in pending:
            d = _safe_date(cell_year, month, day) if day else _month_end(cell_year, month)
            if d:
                found.append((d, pos))
    if not found:
        for m in _YEAR_ALONE.finditer(text):
            if free(m.span()):
                found.append((date(int(m["y"]), 12, 31), m.start()))
    return sorted(found, key=lambda item: item[1])


def status_from_text(text: str) -> str | None:
    """The status a cell's words imply: ``complete``, ``in_progress``, ``not_started``.

    "(complete)", "Implemented", "(in place)" mean complete; "Partially complete",
    "In train", "ongoing", "underway" mean in progress. The first such phrase wins.
    """
    text = _NEGATED.sub(" ", _clean(text))
    best: tuple[int, str] | None = None
    for status, pattern in _STATUS_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), status)
    if best is not None and best[1] == "complete" and _part_done(text):
        return "in_progress"  # "Workshops delivered to 6 of 8 teams"
    return best[1] if best else None


# "6 of 8 teams", "3 out of 5": part of the work, so a completion word beside it means the
# action is under way, not done.
_PART_OF = re.compile(r"\b(?P<a>\d{1,4})\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?(?P<b>\d{1,4})\b", re.I)


def _part_done(text: str) -> bool:
    return any(int(m["a"]) < int(m["b"]) for m in _PART_OF.finditer(text))


# "(C)" beside a deadline, which plans' keys give for a completed action.
_DONE_MARK = re.compile(r"\(\s*C\s*\)")
_ONGOING = re.compile(r"\bon-?\s?going\b", re.I)


def normalise_due(text: str | None, *, default_year: int | None = None, relative_to: date | None = None) -> DueDate:
    """Normalise a timescale cell to its deadline (``plan-format.md``, "Due-date normalisation").

    ``default_year`` is the plan's year, used for a day or month printed without one.
    ``relative_to`` is the date a relative timescale ("3 months", "6-9 months") counts
    from, normally the inspection's last day; without it such cells give no date.
    The returned :class:`DueDate` keeps ``text`` exactly as given.
    """
    raw = text or ""
    clean = _clean(raw)
    # "Ongoing" as a timescale says the work has no end date, not that it has started
    # (plan-format.md: it gives a null date and, unlike "Implemented", no status).
    status = status_from_text(_ONGOING.sub(" ", clean))
    if status is None and _DONE_MARK.search(raw):
        status = "complete"  # "28/02/26 (C)": a plan's key marks completed actions so
    if not clean:
        return DueDate(raw, None, None)
    if _START_ONLY.search(clean) and not _END_WORDS.search(clean):
        return DueDate(raw, None, status)
    dates = find_dates(clean, default_year=default_year)
    if dates:
        ends = [
            d
            for d, pos in dates
            if not _STARTS_AT.search(clean[max(0, pos - 40) : pos]) and not _ONWARDS.match(clean, pos)
        ]
        if ends:
            return DueDate(raw, max(ends), status)
        if _END_WORDS.search(clean):
            return DueDate(raw, max(d for d, _ in dates), status)
        return DueDate(raw, None, status)
    rel = _RELATIVE.search(clean)
    if rel and relative_to is not None:
        n = int(rel["n"])
        if rel["unit"].lower().startswith("week"):
            return DueDate(raw, relative_to + relativedelta(weeks=n), status)
        return DueDate(raw, relative_to + relativedelta(months=n), status)
    return DueDate(raw, None, status)


_DUE_FILLER = re.compile(
    r"\b(?:by|end|of|the|and|then|quarterly|monthly|annually|review|reviewed|in|from|to|"
    r"until|start|initial|ongoing|on-going|tbc|tbd|immediately|immediate|implemented|complete|"
    r"completed|in place|in progress|underway|achieved|progress|done|na|n/a|on target|"
    r"st|nd|rd|th|\d+|months?|weeks?|q[1-4]|quarter|w/c|week commencing|mid|early|late)\b",
    re.IGNORECASE,
)


# A timescale cell that gives only the action's state ("Completed") still fills the
# action's place in a list of timescales.
_STATUS_ONLY = re.compile(
    r"\(?(?:complete[d]?|achieved|done|closed|delivered|in progress|on track|delayed"
    r"|not (?:yet )?started)\)?\.?",
    re.IGNORECASE,
)


def looks_like_due(text: str) -> bool:
    """True when ``text`` is only a timescale (dates, "Ongoing", "TBC"), not a sentence."""
    clean = _clean(text)
    if not clean:
        return False
    rest = _MONTH_RANGE.sub(" ", clean)
    rest = re.sub(_MONTH, " ", rest, flags=re.I)
    rest = _SEASON.sub(" ", rest)
    rest = _DUE_FILLER.sub(" ", rest)
    rest = re.sub(r"[\W_]+", " ", rest).strip()
    has_due = (
        bool(find_dates(clean, default_year=2000))
        or bool(re.search(r"\b(?:ongoing|tbc|tbd|immediately|implemented|\d+\s*months?)\b", clean, re.I))
        or bool(_STATUS_ONLY.fullmatch(clean))
    )
    return has_due and len(rest.split()) <= 1


_SPLIT_BEFORE = re.compile(
    rf"(?<=\d{{4}})[-\u2013\u2014]?\s+(?=(?:{_MONTH}|spring|summer|autumn|winter|ongoing|tbc"
    rf"|implemented|immediately|[0-3]?\d(?:\s?(?:st|nd|rd|th))?\s+{_MONTH})\b)"
    r"|\s+(?=(?:ongoing|tbc|implemented|immediately)\b)"
    r"|(?<=ongoing)\s+|(?<=tbc)\s+|(?<=implemented)\s+|(?<=immediately)\s+"
    # A spreadsheet's short dates one after another: "Dec-25 Feb-26".
    r"|(?<=\b[a-z]{3}-\d{2})\s+(?=[a-z]{3}-\d{2}\b)",
    re.IGNORECASE,
)


def split_due_list(text: str) -> list[str]:
    """Split a run of timescales that lost its line breaks ("April 2012 May 2012 Ongoing").

    Returns ``[text]`` when the text is not a plain run of timescales. The parts keep
    their wording exactly as printed (en dashes, "1 st"), whitespace apart: the plan
    shows the timescale as the council wrote it.
    """
    light = collapse_whitespace(text)
    parts = [p.strip(" •;,") for p in _SPLIT_BEFORE.split(light)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(looks_like_due(p) for p in parts):
        return parts
    return [light] if light else []
