"""Plans written as headings over bulleted actions, with no table.

Councils e-mail and print plans as a heading per recommendation and its actions as
bullets, each carrying its lead and date in a bracket at its end or on a labelled line
under it::

    REC 1 – IMPROVE THE QUALITY OF CHILD PROTECTION PLANS
    - Relaunch the plan template (Lead: Child Protection Chair Manager; by June 2026)

    Priority 2 – Children in care thrive
    • Launch a local offer for care leavers.
      Lead: Head of Leaving Care   Timescale: April 2026   Progress: Complete

:func:`headed_table` turns such a document into the grid table a tabled plan gives: one
column for the action and one per detail label, and each heading a row spanning the
table, which the walker reads as a recommendation of its own (text whole, ref null, as
plan-format.md has it for a plan with no recommendation column). Used only when no
table and no labelled block reads as a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lineofsight.core.text import collapse_whitespace

from .columns import role_of
from .deadlines import find_dates
from .grid import Cell, Para, Row, Table, para_from_text

# Roles a bullet's bracket or labelled line can fill.
_ROLES = {"owner", "partners", "due", "status", "rag", "measure", "progress", "reported_to"}
# The wording each role's column is headed with when the plan prints no label for it
# ("(Lead: X; by June 2026)" labels the lead only).
_HEADER = {"due": "Timescale", "owner": "Lead"}
_LABEL_AT_START = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /&'’.\-]{0,40}?)\s*:\s*")
_BRACKET_AT_END = re.compile(r"\s*\((?P<inner>[^()]{3,300})\)\s*[.;]?\s*$")
# A timescale printed without a label: "by June 2026", "from May 2026", "ongoing", "Q3".
_TIMESCALE = re.compile(
    r"^(?:by|from|before|end of|during|within|until|starting|ongoing|immediate(?:ly)?|monthly|weekly|"
    r"quarterly|annually|q[1-4]\b|\d+\s+(?:weeks?|months?))",
    re.I,
)
# A heading is a line, not a paragraph of prose.
_HEADING_CHARS = 300
_LABEL_WORDS = 4


@dataclass
class _Action:
    paras: list[Para]  # the bullet, and any bullets nested under it (its details)
    details: dict[str, list[str]] = field(default_factory=dict)  # role -> values in order
    labels: dict[str, str] = field(default_factory=dict)  # role -> the label as printed
    detail_indented: bool | None = None  # how its labelled lines sit, once one is seen

    def add(self, parts: list[tuple[str, str, str]]) -> None:
        for label, role, value in parts:
            self.details.setdefault(role, []).append(value)
            self.labels.setdefault(role, label)


def _role(label: str) -> str | None:
    role = role_of(label)
    return role if role in _ROLES else None


def labelled_parts(text: str) -> list[tuple[str, str, str]] | None:
    """A line of one or more labels with their values, ``(label, role, value)`` each
    ("Lead: Head of HR Timescale: June 2026 Progress: On track"); None when the line does
    not open with a label naming a part of an action.

    A label after the first is the fewest words before a colon that start with a capital
    and name a role: "Timescale" after a lead's "Head of Safeguarding Partnerships", and
    "Lead officer" whole, since "officer" alone does not start with a capital."""
    m = _LABEL_AT_START.match(text)
    if m is None or _role(m["label"]) is None:
        return None
    parts: list[tuple[str, str, str]] = []
    label, rest = m["label"].strip(), text[m.end() :]
    while True:
        cut = None
        for colon in re.finditer(r":", rest):
            words = rest[: colon.start()].split()
            for n in range(1, min(_LABEL_WORDS, len(words)) + 1):
                candidate = " ".join(words[-n:])
                if candidate[:1].isupper() and re.fullmatch(r"[A-Za-z /&'’.\-]+", candidate) and _role(candidate):
                    # Where the label starts in ``rest``: after the value's last word.
                    start = rest.rfind(words[-n], 0, colon.start())
                    cut = (start, colon.end(), candidate)
                    break
            if cut is not None:
                break
        if cut is None:
            parts.append((label, _role(label) or "", collapse_whitespace(rest)))
            return parts
        parts.append((label, _role(label) or "", collapse_whitespace(rest[: cut[0]])))
        label, rest = cut[2], rest[cut[1] :]


def _bracket_details(text: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """The action's own words and the details of a bracket ending it ("… (Lead: X; by
    June 2026)"), or None when the bracket names no lead or date."""
    m = _BRACKET_AT_END.search(text)
    if m is None:
        return None
    parts: list[tuple[str, str, str]] = []
    labelled = False
    for piece in re.split(r"\s*;\s*", m["inner"].strip()):
        if not piece:
            continue
        found = labelled_parts(piece)
        if found is not None:
            parts += found
            labelled = True
        elif _TIMESCALE.match(piece) or find_dates(piece):
            parts.append((_HEADER["due"], "due", piece))
        elif parts:
            # A second lead after "Lead: X;" and the like: the value above going on.
            label, role, value = parts[-1]
            parts[-1] = (label, role, f"{value}; {piece}")
        else:
            return None
    roles = {role for _, role, _ in parts}
    if "due" not in roles:
        # "(Lead: Head of Service, by June 2026)": a date after the last comma is the
        # timescale; commas before it stay in the lead ("Head of Service, Early Help").
        for k, (label, role, value) in enumerate(parts):
            head, comma, tail = value.rpartition(",")
            if role == "owner" and comma and (_TIMESCALE.match(tail.strip()) or find_dates(tail)):
                parts[k] = (label, role, head.strip())
                parts.append((_HEADER["due"], "due", tail.strip()))
                roles.add("due")
                break
    if not labelled or not roles & {"owner", "due"}:
        return None
    return text[: m.start()].strip(), parts


def headed_table(paras: list[Para], indented: list[bool] | None = None) -> tuple[int, Table] | None:
    """The plan of a document written as headings over bulleted actions, with the index
    of its first paragraph (what is above is the preamble: title, council, dates); None
    when the paragraphs are not such a plan (fewer than two bullets with a lead or date,
    or most bullets without one: a list in a letter or in minutes).

    ``indented`` says, for each paragraph, whether it is set in from the margin (a PDF or
    text file; unknown for Word): a labelled line under a bullet is its detail only while
    it sits as that bullet's other labelled lines do, so a closing "Next review by the
    Board: January 2027" at the margin is not the last action's progress."""
    items: list[_Action | str] = []  # actions and the headings over them, in order
    first = 0  # the paragraph the plan starts at
    opened = False  # whether a heading or a bullet with a lead or date has started it
    last: _Action | None = None  # the action labelled lines below still describe
    texts = [(k, p) for k, p in enumerate(paras) if p.text.strip()]
    for n, (k, para) in enumerate(texts):
        text = para.text.strip()
        following = texts[n + 1][1] if n + 1 < len(texts) else None
        if para.kind != "text":
            bracket = _bracket_details(text)
            if bracket is None and _numbered_heading(para, following):
                # "1. Improve assessments" over dash bullets: the recommendation they
                # answer, numbered in the text, not an action.
                last = None
                if not opened:
                    items, first, opened = [], k, True
                items.append(f"{para.marker}{'.' if para.kind == 'number' else ')'} {text}" if para.marker else text)
                continue
            if bracket is None and last is not None and para.level > last.paras[0].level:
                # A bullet nested under an action is part of it, as in a table's cell.
                last.paras.append(para)
                continue
            last = _Action([para])
            if bracket is not None:
                last.paras = [Para(bracket[0], para.kind, para.marker, para.bold, level=para.level)]
                last.add(bracket[1])
            if not items:
                first = k
            items.append(last)
            opened = opened or _detailed(last)
            continue
        inset = indented[k] if indented is not None else None
        parts = labelled_parts(text)
        if (
            parts is not None
            and last is not None
            and (last.detail_indented is None or inset is None or inset == last.detail_indented)
        ):
            last.detail_indented = inset
            last.add(parts)
            opened = opened or _detailed(last)
            continue
        last = None
        if following is None or following.kind == "text" or len(text) >= _HEADING_CHARS or text.endswith(":"):
            # Prose, a lead-in ("We will:"), a signature: not part of an action.
            continue
        # A line set over bullets is the recommendation they answer.
        if not opened:
            # Bullets above the first heading that carry no lead or date are the
            # introduction's list, not actions.
            items, first, opened = [], k, True
        items.append(text)
    actions = [i for i in items if isinstance(i, _Action)]
    detailed = [a for a in actions if _detailed(a)]
    if len(detailed) < 2 or 2 * len(detailed) < len(actions):
        return None
    return first, _table(items)


def _numbered_heading(para: Para, following: Para | None) -> bool:
    """A numbered or lettered line over a list of another kind is a heading."""
    return (
        para.kind in ("number", "letter")
        and following is not None
        and following.kind not in ("text", para.kind)
        and following.level <= para.level + 1
        and len(para.text) < _HEADING_CHARS
    )


def _detailed(item: _Action | str) -> bool:
    """An action that says who leads it or by when."""
    return isinstance(item, _Action) and bool({"owner", "due"} & set(item.details))


def _table(items: list[_Action | str]) -> Table:
    roles: list[str] = []
    labels: list[str] = []
    for item in items:
        if isinstance(item, _Action):
            for role, label in item.labels.items():
                if role not in roles:
                    roles.append(role)
                    # The label as printed heads the column ("Progress at March 2026"
                    # dates its updates), unless it names the role only loosely.
                    labels.append(label if role_of(label) == role else _HEADER.get(role, label))
    header = ["Action", *labels]
    rows = [Row([Cell([Para(h, bold=True)]) for h in header], 1)]
    width = len(header)
    for item in items:
        n = len(rows) + 1
        if isinstance(item, str):
            # A row spanning the table: the walker's section row, which starts a
            # recommendation of its own in a table with no recommendation column.
            spanning = [Cell([Para(item, bold=True)], colspan=width)]
            spanning += [Cell([Para(item, bold=True)], merged=True) for _ in range(width - 1)]
            rows.append(Row(spanning, n))
            continue
        cells = [Cell(item.paras)]
        cells += [Cell([para_from_text(v) for v in item.details.get(role, [])]) for role in roles]
        rows.append(Row(cells, n))
    return Table(rows, 0)
