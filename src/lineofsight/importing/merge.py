"""Re-import, pure part: what a newer version of a plan document would change.

:func:`compute_changes` compares the plan as held (an export in the plan@1 format with
each recommendation's and action's ``id`` added) with a newly imported document and
lists every change. It never proposes a deletion and never blanks a value the app
holds: a field the new document leaves empty keeps what was entered in the app. The
preview shows the list; :mod:`.services` applies it in one transaction.

No Django import here, so the matching rules can be tested on plain dicts.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lineofsight.core.text import for_comparing_edits

MATCH_THRESHOLD = 0.6
# Fields of an action compared between versions, with the words the preview uses.
ACTION_FIELDS = {
    "text": "Action",
    "owners": "Owners",
    "partners": "Partners",
    "due": "Deadline",
    "status": "Status",
    "rag": "RAG",
    "measures": "Measures",
    "reported_to": "Reported to",
}


_norm = for_comparing_edits


def similarity(a: str | None, b: str | None) -> float:
    """Text similarity between 0 and 1, ignoring case, spacing and dash styles."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


@dataclass
class FieldChange:
    field: str
    label: str
    old: Any
    new: Any


@dataclass
class ActionChange:
    """An existing action whose fields the new document changes."""

    action_id: int
    recommendation_ref: str | None
    text: str
    changes: list[FieldChange] = field(default_factory=list)
    new_updates: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class NewAction:
    recommendation_id: int
    recommendation_ref: str | None
    action: dict[str, Any]
    order: int


@dataclass
class RecommendationChange:
    recommendation_id: int
    ref: str | None
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangeSet:
    """Everything a re-import would do, for the preview and for applying."""

    updated_actions: list[ActionChange] = field(default_factory=list)
    new_actions: list[NewAction] = field(default_factory=list)
    new_recommendations: list[dict[str, Any]] = field(default_factory=list)
    updated_recommendations: list[RecommendationChange] = field(default_factory=list)
    # Held in the app but absent from the new document: kept, and listed so the plan
    # manager sees them.
    kept_actions: list[dict[str, Any]] = field(default_factory=list)
    kept_recommendations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.updated_actions or self.new_actions or self.new_recommendations or self.updated_recommendations
        )

    @property
    def new_update_count(self) -> int:
        return sum(len(a.new_updates) for a in self.updated_actions)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def fingerprint(self) -> str:
        """A digest of the change set, so confirming applies exactly what was previewed."""
        text = json.dumps(self.as_dict(), sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


def _ref_key(ref: str | None) -> str:
    return re.sub(r"[\s.]+", "", _norm(ref))


def _pairs(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Match items one-to-one: equal refs with similar text first, then by text alone."""
    candidates: list[tuple[float, int, int]] = []
    for i, o in enumerate(old):
        for j, n in enumerate(new):
            score = similarity(o.get("text"), n.get("text"))
            same_ref = bool(o.get("ref")) and _ref_key(o.get("ref")) == _ref_key(n.get("ref"))
            if same_ref and score >= 0.3:
                score += 1.0  # the printed number is the strongest evidence
            if score >= MATCH_THRESHOLD:
                candidates.append((score, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        pairs.append((i, j))
    return pairs


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return not value.get("text") and not value.get("date")
    return value in (None, "", [])


def _same(field_name: str, old: Any, new: Any) -> bool:
    if field_name == "text":
        return _norm(old) == _norm(new)
    if field_name == "due":
        old = old or {}
        return _norm(old.get("text")) == _norm(new.get("text")) and old.get("date") == new.get("date")
    if isinstance(old, list) and isinstance(new, list):
        return [_norm(x) for x in old] == [_norm(x) for x in new]
    return old == new


def _action_changes(old: dict[str, Any], new: dict[str, Any], rec_ref: str | None) -> ActionChange:
    change = ActionChange(old["id"], rec_ref, old["text"])
    for name, label in ACTION_FIELDS.items():
        new_value = new.get(name)
        if _empty(new_value):
            continue  # the document says nothing: keep what the app holds
        if not _same(name, old.get(name), new_value):
            change.changes.append(FieldChange(name, label, old.get(name), new_value))
    held = {(_norm(u.get("text")), u.get("as_of")) for u in old.get("updates") or []}
    held_texts = {_norm(u.get("text")) for u in old.get("updates") or []}
    for update in new.get("updates") or []:
        key = (_norm(update.get("text")), update.get("as_of"))
        if key not in held and _norm(update.get("text")) not in held_texts:
            change.new_updates.append(update)
    return change


def compute_changes(current: dict[str, Any], incoming: dict[str, Any]) -> ChangeSet:
    """What importing ``incoming`` into the plan ``current`` would change.

    ``current`` is the held plan in plan@1 form with ``id`` on every recommendation
    and action; ``incoming`` is the newly imported document. Recommendations match by
    ref (or text); actions match within their recommendation by ref and text.
    """
    result = ChangeSet()
    old_recs = current.get("recommendations") or []
    new_recs = incoming.get("recommendations") or []
    rec_pairs = {j: i for i, j in _pairs(old_recs, new_recs)}
    matched_old = set(rec_pairs.values())
    for j, new_rec in enumerate(new_recs):
        i = rec_pairs.get(j)
        if i is None:
            result.new_recommendations.append(new_rec)
            continue
        old_rec = old_recs[i]
        rec_change = RecommendationChange(old_rec["id"], old_rec.get("ref"))
        if new_rec.get("text") and _norm(new_rec["text"]) != _norm(old_rec.get("text")):
            rec_change.changes.append(FieldChange("text", "Recommendation", old_rec.get("text"), new_rec["text"]))
        added_outcomes = [
            o
            for o in new_rec.get("outcomes") or []
            if _norm(o) not in {_norm(x) for x in old_rec.get("outcomes") or []}
        ]
        if added_outcomes:
            rec_change.changes.append(
                FieldChange(
                    "outcomes",
                    "Outcomes",
                    old_rec.get("outcomes") or [],
                    (old_rec.get("outcomes") or []) + added_outcomes,
                )
            )
        added_see = [r for r in new_rec.get("see_also") or [] if r not in (old_rec.get("see_also") or [])]
        if added_see:
            rec_change.changes.append(
                FieldChange(
                    "see_also", "See also", old_rec.get("see_also") or [], (old_rec.get("see_also") or []) + added_see
                )
            )
        if rec_change.changes:
            result.updated_recommendations.append(rec_change)

        old_actions = old_rec.get("actions") or []
        new_actions = new_rec.get("actions") or []
        action_pairs = {n: o for o, n in _pairs(old_actions, new_actions)}
        for n, new_action in enumerate(new_actions):
            o = action_pairs.get(n)
            if o is None:
                result.new_actions.append(
                    NewAction(old_rec["id"], old_rec.get("ref"), new_action, len(old_actions) + n)
                )
                continue
            change = _action_changes(old_actions[o], new_action, old_rec.get("ref"))
            if change.changes or change.new_updates:
                result.updated_actions.append(change)
        matched_actions = set(action_pairs.values())
        result.kept_actions.extend(
            {"id": a["id"], "text": a["text"], "recommendation_ref": old_rec.get("ref")}
            for k, a in enumerate(old_actions)
            if k not in matched_actions
        )
    result.kept_recommendations.extend(
        {"id": r["id"], "ref": r.get("ref"), "text": r["text"]} for k, r in enumerate(old_recs) if k not in matched_old
    )
    return result
