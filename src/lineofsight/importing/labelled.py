"""Plans written as labelled paragraphs instead of a table.

Some councils write each action as a block of lines::

    Recommendation 1: Improve the timeliness of assessments.
    Action: Introduce a weekly timeliness report.
    Lead: Head of Assessment
    Timescale: March 2026
    RAG: Green

:func:`labelled_table` turns such paragraphs into the same grid table a tabled plan gives,
with one column per label, so the layout rules apply unchanged. A label is the words before
a colon when they name a column role (:mod:`.columns`); each action label starts a row;
lines without a label continue the value above them (bullets under "Actions:" stay
bullets, so they become one action each). A bold or heading line, or a "Recommendation"
label, starts a recommendation.
"""

from __future__ import annotations

import re

from lineofsight.core.text import collapse_whitespace

from .columns import role_of
from .grid import Cell, Para, Row, Table, para_from_text

_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z0-9 /()&'’.\-]{0,40}?)\s*:\s*(?P<value>.*)$", re.S)
_NUMBER_IN_LABEL = re.compile(r"(\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*$")
# Roles a labelled line can fill; others ("Date", "Page") are not part of an action.
_ROLES = {
    "recommendation",
    "action",
    "owner",
    "partners",
    "due",
    "status",
    "rag",
    "measure",
    "progress",
    "outcome",
    "reported_to",
}


def labelled_table(paras: list[Para]) -> Table | None:
    """A plan table from labelled paragraphs, or None when the text is not such a plan
    (fewer than two actions, or no lead or timescale labels)."""
    labels: list[str] = []  # header wording per column, first seen first
    roles: list[str] = []
    rows: list[dict[int, list[Para]]] = []
    current: dict[int, list[Para]] | None = None
    column: int | None = None
    pending_rec: tuple[str | None, str] | None = None
    new_rec: tuple[str | None, str] | None = None

    def col_for(label: str, role: str) -> int:
        # One column per role: "Action:" and "Actions:" are the same column.
        if role in roles:
            return roles.index(role)
        labels.append(collapse_whitespace(_NUMBER_IN_LABEL.sub("", label)))
        roles.append(role)
        return len(labels) - 1

    for para in paras:
        text = para.text.strip()
        if not text:
            continue
        m = _LABEL.match(text) if para.kind == "text" else None
        role = role_of(m["label"]) if m else None
        if m and role in _ROLES:
            value = m["value"].strip()
            if role == "recommendation":
                number = _NUMBER_IN_LABEL.search(m["label"])
                if number is None and (printed := para_from_text(value)).kind == "number":
                    # "Recommendation: 3. Improve ...": the number printed with the text.
                    pending_rec = (printed.marker, printed.text)
                else:
                    pending_rec = (number.group(1) if number else None, value)
                current, column = None, None
                continue
            if role == "action" or current is None:
                current = {}
                rows.append(current)
                if pending_rec is not None:
                    new_rec, pending_rec = pending_rec, None
                    current[-1] = [Para(new_rec[0] or "")]
                    current[-2] = [Para(new_rec[1])]
            column = col_for(m["label"], role)
            current.setdefault(column, [])
            if value:
                current[column].append(Para(value, para.kind, para.marker))
            continue
        if (para.bold and para.kind == "text" and len(text) < 300) or (role == "recommendation" and m is not None):
            pending_rec = (None, text)
            current, column = None, None
            continue
        if current is not None and column is not None:
            current[column].append(para)  # a bullet or a wrapped line of the value above
        elif pending_rec is not None and current is None:
            # The recommendation's text runs on to a second line.
            pending_rec = (pending_rec[0], f"{pending_rec[1]} {text}".strip())
    actions = sum(1 for r in rows if any(roles[k] == "action" for k in r if k >= 0))
    if actions < 2 or not {"owner", "due"} & set(roles):
        return None
    # Blocks that name no recommendation make a table without that column, which the
    # layout reads as one: its heading is the recommendation the actions answer.
    named = any(-2 in r for r in rows)
    header = ["No.", "Recommendation", *labels] if named else labels
    out = [Row([Cell([Para(h, bold=True)]) for h in header], 1)]
    for n, values in enumerate(rows, 2):
        cells = [Cell(values.get(-1, [])), Cell(values.get(-2, []))] if named else []
        cells += [Cell(values.get(k, [])) for k in range(len(labels))]
        out.append(Row(cells, n))
    return Table(out, 0)


def is_plan_label(text: str) -> bool:
    """True for a line labelled with a part of an action ("Lead officer: ...")."""
    m = _LABEL.match(text.strip())
    return m is not None and role_of(m["label"]) in _ROLES
