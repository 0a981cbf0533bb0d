"""Column roles as data: which header wordings mean which part of a plan.

A council's new wording for a column is one line in :data:`SYNONYMS`, not new code; how
a column's cells are read is its handler in :data:`COLUMNS` (:mod:`.handlers`).
Each entry is (role, pattern); patterns are matched against the header text after
lower-casing and collapsing whitespace, and the earliest-listed matching role wins, so
specific wordings ("key partners") sit above general ones ("lead").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from lineofsight.core.text import for_matching_headers

from .deadlines import find_dates
from .handlers import HANDLERS, ImportColumn

ROLES = (
    "number",
    "recommendation",
    "section",
    "outcome",
    "action",
    "action_ref",
    "owner",
    "partners",
    "start",
    "due",
    "completed",
    "measure",
    "reported_to",
    "progress",
    "rag",
    "status",
)

SYNONYMS: list[tuple[str, str]] = [
    # Column headers are short; patterns are regular expressions over the lowered header.
    ("rag", r"\bb?rag\b|^rating$|status rating|red.?amber.?green"),
    # "Current status", "Overall status"; "Status update" or "Status / progress" is a
    # narrative, so progress (below).
    (
        "status",
        r"^(?!.*(?:progress|update|comment|narrative))"
        r"(?:current |overall |action |delivery |implementation )?status\b",
    ),
    ("start", r"\bstart(?:ing)? date|^start$|^date started|^from$"),
    (
        "completed",
        r"date (?:completed|achieved|closed)|actual completion|completed (?:date|on)"
        r"|date of completion",
    ),
    ("section", r"^(?:theme|category|service area|workstream|strand|work ?stream|area)$"),
    (
        "number",
        r"^(?:no\.?|number|ref\.?|reference|ref\.? no\.?|id|rec\.?|rec(?:ommendation)? (?:no\.?|number|ref)"
        r"|priority (?:no\.?|number)|item|#|action (?:no\.?|number|ref))$",
    ),
    (
        "due",
        r"target date|by when|deadline|completion date|review date|timescales?|due date"
        r"|^target$|^(?:to be )?complet(?:ed|ion|e) by$|delivery date|^when by$",
    ),
    (
        "partners",
        r"\b(?:key )?partners?\b|partner agenc|supported by|with whom|contributors?\b"
        r"|other agencies|agencies involved",
    ),
    (
        "measure",
        r"\bmeasures?\b|performance indicator|\bkpis?\b|\bevidence\b|how will we know"
        r"|success criteria|\bimpact\b|\bmeasured\b|milestones?|how we will know"
        r"|how (?:will|do) we (?:measure|know)|what will success look like",
    ),
    (
        "progress",
        r"\bprogress\b|\breview\b|\bcommentary\b|\bupdates?\b|\bcomments?\b"
        r"|position statement|current position|latest position|position (?:at|as at)\b"
        r"|\bnarrative\b",
    ),
    (
        "reported_to",
        r"reported to|reporting to|monitoring mechanism|governance|oversight"
        r"|monitored (?:by|through|via)|accountable body|\bboard\b|reporting (?:route|line)",
    ),
    (
        "owner",
        r"\bowners?\b|\bleads?\b|responsible|accountable|\bby whom\b|\bwho\b|officer"
        r"|\bresponsibility\b|^sro$",
    ),
    ("due", r"\bwhen\b|\bdue\b|\bdate\b|timeline|timeframe"),
    ("status", r"^status$|^progress status$|^complete[d]?\??$"),
    (
        "outcome",
        r"\boutcomes?\b|\bsuccess\b|what will be different|desired result"
        r"|what difference|difference (?:it|this) will make",
    ),
    (
        "action",
        r"^(?:key |specific |planned |improvement |agreed )?actions?\b|what will we do"
        r"|what we will do|activit|what (?:are|is) (?:we|the council) going to do"
        r"|what we are going to do|what needs to happen|what will happen|next steps"
        r"|how we will do it|how will we do it|response to (?:the )?(?:finding|recommendation|issue)"
        r"|^management response$",
    ),
    (
        "recommendation",
        r"recommendation|areas? for (?:priority )?(?:improvement|development|action)"
        r"|issues? raised|issues? identified|priority area|priorities|finding"
        r"|priority (?:for|issue|theme)"
        r"|\bissues?\b|objective|\baim\b|improvement required|what ofsted said"
        r"|area of (?:practice|focus)|\bgaps?\b|\bconcerns?\b"
        r"|improvement areas?|areas? of (?:improvement|development|weakness)"
        r"|what needs to (?:improve|change)|\bofsted\b|inspection findings?",
    ),
    (
        "action",
        r"\bactions?\b|\btasks?\b|\bsteps\b|how will we|intervention"
        r"|^(?:our |planned |proposed |council'?s? )?response\b",
    ),
]

# One handler per role (pretix's ImportColumn pattern): the class that reads the
# column's cells, in the order a row is read (:mod:`.handlers`). Each knows its header
# wordings above, in their precedence.
COLUMNS: dict[str, type[ImportColumn]] = {}
for _column in HANDLERS:
    _column.synonyms = tuple(pattern for role, pattern in SYNONYMS if role == _column.role)
    COLUMNS[_column.role] = _column

_COMPILED = [(role, re.compile(pattern)) for role, pattern in SYNONYMS]
# The first "action" entry names actions outright ("Key actions", "What we will do"); a
# "Response" column beside such a column is the council's answer to the finding, read as
# the recommendation's outcome, not as its actions.
_NAMED_ACTION = next(p for role, p in _COMPILED if role == "action")
_RESPONSE = re.compile(r"\bresponse\b")

# Rough weight per role when scoring a row as a header: a real plan header names an
# action (or activity) and at least one of who / when.
CORE_ROLES = {"action", "recommendation", "owner", "due"}

_MONTH_YEAR_IN_HEADER = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/']*\d{2,4}"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.I,
)
# A header that is only a date ("14 October 2025", "Oct-25"): trackers head each month's
# update column with the date of the review.
_DATE_ONLY_HEADER = re.compile(
    r"^(?:(?:as (?:at|of)|at)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/']*\d{2,4}$"
    r"|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$",
    re.I,
)


_norm = for_matching_headers


@lru_cache(maxsize=8192)
def role_of(header: str) -> str | None:
    """The role a column header names, or ``None`` when no synonym matches.

    Cached: every row of every table is tried as a header, and plans repeat wordings.
    """
    text = _norm(header)
    if not text or len(text) > 160:
        return None
    for role, pattern in _COMPILED:
        if pattern.search(text):
            return role
    return None


@dataclass
class ColumnMap:
    """Roles by column index for one plan table, plus the as-of date of progress columns."""

    roles: dict[int, str]
    as_of: dict[int, date | None]
    header: list[str]

    def columns(self, role: str) -> list[int]:
        return [i for i, r in self.roles.items() if r == role]

    def first(self, role: str) -> int | None:
        cols = self.columns(role)
        return cols[0] if cols else None


def as_of_date(header: str) -> date | None:
    """The date a progress column names ("Progress August 2012" gives 31 August 2012)."""
    dates = find_dates(header)
    return max(d for d, _ in dates) if dates else None


def map_columns(header: list[str]) -> ColumnMap:
    """Give each header cell a role; the first action-like column is the action column.

    Combined headers ("Accountable Agency, lead & key partners") take the role listed
    first in :data:`SYNONYMS` among those they match, here ``owner``: the layout step
    splits "Partners:" out of such cells.
    """
    roles: dict[int, str] = {}
    as_of: dict[int, date | None] = {}
    named_action = any(_NAMED_ACTION.search(_norm(t)) for t in header)
    for i, text in enumerate(header):
        role = role_of(text)
        low = _norm(text)
        if role == "action" and named_action and not _NAMED_ACTION.search(low) and _RESPONSE.search(low):
            role = "outcome"
        if role == "partners" and re.search(r"\blead\b|accountable|responsible", low):
            role = "owner"
        # A ref column after the finding's own column numbers the actions ("a.", "b.").
        if role == "number" and (i > 1 or low.startswith("action") or "recommendation" in roles.values()):
            role = "action_ref"
        if role is None and i > 1 and _DATE_ONLY_HEADER.match(low):
            role = "progress"
        if role is None:
            continue
        if role == "action" and "action" in roles.values():
            role = "measure" if "evidence" in low else "progress"
        if role == "recommendation" and "recommendation" in roles.values():
            continue  # a second wording of the finding; the first column holds it
        if role == "number" and "number" in roles.values():
            role = "action_ref"
        roles[i] = role
        if role == "progress":
            as_of[i] = as_of_date(text) if _MONTH_YEAR_IN_HEADER.search(text) else None
    if "due" not in roles.values():
        # With no other date column, "Date of completion" is the deadline the plan sets,
        # not the day the action was done ("Actual completion date" still is).
        for i, role in list(roles.items()):
            if role == "completed" and not re.search(r"\bactual|achieved|closed", _norm(header[i])):
                roles[i] = "due"
                break
    if "number" not in roles.values() and header and not _norm(header[0]) and len(header) > 2:
        # A blank first header above a column of numbers is the recommendation number.
        roles[0] = "number"
    return ColumnMap(roles, as_of, list(header))


def header_score(cells: list[str]) -> int:
    """How strongly a row reads as a plan header: distinct roles named, core roles doubled."""
    found = {role_of(c) for c in cells if c and len(c) < 160}
    found.discard(None)
    return len(found) + len(found & CORE_ROLES)
