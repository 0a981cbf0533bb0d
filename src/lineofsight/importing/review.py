"""The preview's checks and corrections, pure part: works on the plan@1 dict only.

:func:`review_warnings` lists what a plan manager should look at before confirming (no
owner, no deadline, a relative deadline with no date, owners that look like one person),
each pointing at where it sits in the plan. The correction functions change the dict in
place and say what they changed; the preview view saves the result. No Django here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from lineofsight.importing.deadlines import normalise_due, status_from_text
from lineofsight.plans.people import suggest_merges

# A timescale that counts from the inspection ("3 months", "within 6-9 months",
# "Immediately") rather than naming a date.
_RELATIVE = re.compile(r"\b(\d+\s*(?:-\s*\d+\s*)?(?:months?|weeks?)|immediate(?:ly)?)\b", re.I)


@dataclass(frozen=True)
class ReviewWarning:
    """One thing to check, and where: ``rec`` and ``action`` index the plan@1 lists."""

    kind: str
    where: str
    message: str
    rec: int | None = None
    action: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def where(document: dict[str, Any], rec: int, action: int | None = None) -> str:
    """ "Recommendation 3, action 2 (b)": how the preview names a place in the plan."""
    spec = document["recommendations"][rec]
    label = f"Recommendation {spec.get('ref') or rec + 1}"
    if action is None:
        return label
    ref = spec["actions"][action].get("ref")
    return f"{label}, action {action + 1}" + (f" ({ref})" if ref else "")


def owner_names(document: dict[str, Any]) -> list[str]:
    """Every owner name in the order the plan first prints it."""
    names: dict[str, None] = {}
    for rec in document["recommendations"]:
        for action in rec.get("actions") or []:
            names.update(dict.fromkeys(action.get("owners") or []))
    return list(names)


def is_relative(text: str | None) -> bool:
    """Whether a timescale counts from the inspection instead of naming a date."""
    return bool(_RELATIVE.search(text or ""))


def review_warnings(document: dict[str, Any]) -> list[ReviewWarning]:
    """What to check before confirming, in plan order, with owner look-alikes last."""
    out: list[ReviewWarning] = []
    for r, rec in enumerate(document["recommendations"]):
        if not rec.get("actions"):
            out.append(ReviewWarning("no_actions", where(document, r), "No actions under this recommendation", r))
        for a, action in enumerate(rec.get("actions") or []):
            place = where(document, r, a)
            if not action.get("owners"):
                out.append(ReviewWarning("no_owner", place, "No owner named", r, a))
            due = action.get("due") or {}
            if not due.get("text") and not due.get("date"):
                out.append(ReviewWarning("no_deadline", place, "No deadline given", r, a))
            elif not due.get("date") and is_relative(due.get("text")):
                out.append(
                    ReviewWarning(
                        "relative_deadline",
                        place,
                        f"'{due['text']}' counts from the inspection: give the inspection's last day to date it",
                        r,
                        a,
                    )
                )
            guessed = _guessed_status(action)
            if guessed:
                out.append(ReviewWarning("guessed_status", place, guessed, r, a))
    for group in suggest_merges(owner_names(document)):
        names = "; ".join(f"'{n}'" for n in group)
        out.append(ReviewWarning("owner_lookalike", "Owners", f"These look like one person: {names}"))
    return out


def set_inspection(
    document: dict[str, Any], *, kind: str = "", started: date | None = None, ended: date | None = None
) -> None:
    """Put what the plan manager said about the inspection over what the document printed
    (a field left empty keeps what was read)."""
    inspection = dict(document.get("inspection") or {})
    if kind:
        inspection["kind"] = kind
    if started:
        inspection["started"] = started.isoformat()
    if ended:
        inspection["ended"] = ended.isoformat()
    document["inspection"] = inspection or None


_STATUS_WORDS = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started"}


def _guessed_status(action: dict[str, Any]) -> str:
    """A message when the action's status was probably read from words in another cell
    (the timescale or the latest update) rather than from a status column."""
    status = action.get("status")
    if not status:
        return ""
    due_text = (action.get("due") or {}).get("text") or ""
    latest = ((action.get("updates") or [{}])[-1]).get("text") or ""
    for label, text in (("timescale", due_text), ("latest update", latest)):
        if text and status_from_text(text) == status:
            return f"Status '{_STATUS_WORDS.get(status, status)}' was read from the {label} '{text[:80]}': check it"
    return ""


def merge_owner_spellings(document: dict[str, Any], keep: str, others: list[str]) -> int:
    """Replace ``others`` by ``keep`` wherever they own an action; returns how many
    actions changed."""
    changed = 0
    merged = set(others) - {keep}
    for rec in document["recommendations"]:
        for action in rec.get("actions") or []:
            owners = action.get("owners") or []
            if merged & set(owners):
                action["owners"] = list(dict.fromkeys(keep if o in merged else o for o in owners))
                changed += 1
    return changed


def date_relative_deadlines(document: dict[str, Any], inspection_end: date) -> int:
    """Date every undated relative timescale ("3 months") from the inspection's last day;
    returns how many were dated."""
    dated = 0
    for rec in document["recommendations"]:
        for action in rec.get("actions") or []:
            due = action.get("due")
            if not due or due.get("date") or not is_relative(due.get("text")):
                continue
            result = normalise_due(due["text"], relative_to=inspection_end)
            if result.date is None and re.search(r"\bimmediate", due["text"], re.I):
                # "Immediately" is due as the plan starts: the inspection's last day.
                result = type(result)(due["text"], inspection_end)
            if result.date is not None:
                due["date"] = result.date.isoformat()
                dated += 1
    return dated


def edit_action(
    document: dict[str, Any],
    rec: int,
    index: int,
    *,
    text: str,
    owners: list[str],
    due_text: str,
    due_date: date | None,
    move_to: int | None = None,
) -> tuple[int, int]:
    """Correct one action's text, owners or deadline, and optionally move it under
    another recommendation (fixing the grouping); returns its new (rec, index)."""
    action = document["recommendations"][rec]["actions"][index]
    action["text"] = text
    action["owners"] = list(dict.fromkeys(owners))
    action["due"] = (
        {"text": due_text, "date": due_date.isoformat() if due_date else None} if due_text or due_date else None
    )
    if move_to is None or move_to == rec:
        return rec, index
    document["recommendations"][rec]["actions"].pop(index)
    target = document["recommendations"][move_to]["actions"]
    target.append(action)
    return move_to, len(target) - 1


# What a column was read as, and what the plan manager can say it really is. Moving
# one to another rewrites every action, so a column the importer misread ("Lead" taken
# as the reported-to body) is fixed once for the whole plan.
FIELDS = {
    "owners": "Owners (lead officer)",
    "partners": "Key partners",
    "reported_to": "Reported to (governance body)",
    "measures": "Measures of success",
    "due": "Timescale",
    "updates": "Progress updates",
}


def _values(action: dict[str, Any], name: str) -> list[str]:
    if name == "due":
        text = (action.get("due") or {}).get("text") or ""
        return [text] if text else []
    if name == "updates":
        return [u["text"] for u in action.get("updates") or [] if u.get("text")]
    return list(action.get(name) or [])


def _clear(action: dict[str, Any], name: str) -> None:
    action[name] = None if name == "due" else []


def _put(action: dict[str, Any], name: str, values: list[str], inspection_end: date | None) -> None:
    if name == "due":
        text = "; ".join(values)
        action["due"] = normalise_due(text, relative_to=inspection_end).as_dict() if text else None
    elif name == "updates":
        action["updates"] = [*(action.get("updates") or []), *({"as_of": None, "text": v} for v in values)]
    else:
        action[name] = list(dict.fromkeys([*(action.get(name) or []), *values]))


def reassign_field(document: dict[str, Any], source: str, target: str) -> int:
    """Treat what was read as ``source`` as ``target`` on every action (added to what
    ``target`` holds); returns how many actions changed."""
    if source not in FIELDS or target not in FIELDS or source == target:
        raise ValueError(f"Cannot read {source!r} as {target!r}")
    ended = (document.get("inspection") or {}).get("ended")
    inspection_end = date.fromisoformat(ended) if ended else None
    changed = 0
    for rec in document["recommendations"]:
        for action in rec.get("actions") or []:
            values = _values(action, source)
            if not values:
                continue
            _clear(action, source)
            _put(action, target, values, inspection_end)
            changed += 1
    return changed
