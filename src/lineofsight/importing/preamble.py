"""What a plan document says about itself before its first table: title, council and
the inspection it answers (kind and dates)."""

from __future__ import annotations

import re
from typing import Any

from .deadlines import find_dates
from .grid import Table

_KINDS = [
    (
        "ILACS",
        r"\bILACS\b|inspection of (?:local authority )?children'?s services"
        r"|local authority children'?s services inspection",
    ),
    ("JTAI", r"\bJTAI\b|joint targeted area inspection"),
    ("Focused visit", r"\bfocused visit\b"),
    ("Monitoring visit", r"\bmonitoring visit\b"),
    ("S&LAC", r"\bS\s?&\s?LAC\b|\bSLAC\b|safeguarding and looked after children"),
    ("SIF", r"\bSIF\b|single inspection"),
]
_ORGANISATION = re.compile(
    r"\b(?:London Borough of [A-Z][\w&' -]+?|Royal Borough of [A-Z][\w&' -]+?"
    r"|(?:City of )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)* (?:County |City |Borough |Metropolitan "
    r"Borough )?Council)(?=[,.;:)\s]|$)"
)


def title_of(lines: list[str], table: Table | None) -> str | None:
    """The plan's title: the plan table's own heading, else the last line naming a plan."""
    candidates = [ln for ln in lines if "plan" in ln.lower() and len(ln) < 120]
    # A heading names the plan; a sentence below it ("This plan responds to ...") does not.
    headings = [ln for ln in candidates if not _SENTENCE.search(ln)]
    heading = table.heading if table is not None else None
    if heading and "plan" in heading.lower() and not (_SENTENCE.search(heading) and headings):
        return heading
    candidates = headings or candidates
    if candidates:
        return candidates[-1]
    return lines[0] if lines and len(lines[0]) < 120 else None


_SENTENCE = re.compile(r"^(?:this|the|these|our|we|it)\b.*\.$|\w{3,}\.$", re.I)


def organisation_of(lines: list[str]) -> str | None:
    """The council named above the plan ("London Borough of Merton", "X County Council");
    a title block in capitals ("HARROWFIELD COUNCIL") names it too."""
    for line in lines[:60]:
        if line.isupper():
            line = line.title()
        m = _ORGANISATION.search(line)
        if m:
            return m.group(0).strip()
    return None


def inspection_of(lines: list[str]) -> dict[str, Any] | None:
    """Kind and dates of the inspection, from lines such as
    "Following Inspection - 28 February to 4 March 2022"."""
    text = "\n".join(lines[:80])
    kind = None
    for name, pattern in _KINDS:
        if re.search(pattern, text, re.I):
            kind = name
            break
    started = ended = None
    for line in lines[:80]:
        if re.search(r"inspect|visit|ofsted", line, re.I):
            m = re.search(
                r"(?P<d1>\d{1,2})(?:\s?(?:st|nd|rd|th))?(?P<m1>\s+[A-Za-z]+\.?)?(?:\s+\d{4})?"
                r"\s*(?:-|–|to|until|and|&)\s*"
                r"(?P<end>\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+[A-Za-z]+\.?\s+\d{4})",
                line,
            )
            if m:
                end = find_dates(m["end"])
                start_text = m.group(0)[: m.start("end") - m.start()]
                start = find_dates(start_text, default_year=end[0][0].year if end else None)
                if end and not start and not m["m1"]:
                    # "12 to 23 January 2026": the start shares the end's month and year.
                    start = [(end[0][0].replace(day=int(m["d1"])), 0)]
                if end and start:
                    started, ended = start[0][0].isoformat(), end[0][0].isoformat()
                    break
            if (
                ended is None
                and re.search(r"inspect|visit", line, re.I)
                and not re.search(r"publish|report|letter|plan|submi", line, re.I)
            ):
                # "Inspection date: 3 March 2025": a one-day visit. Only a full date
                # counts; "March 2025" is when, not which day.
                full = re.search(r"\b\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+[A-Za-z]+\.?\s+\d{4}\b", line)
                day = find_dates(full.group(0)) if full else []
                if day:
                    started = ended = day[0][0].isoformat()
    if kind is None and started is None:
        return None
    return {"kind": kind, "started": started, "ended": ended}
