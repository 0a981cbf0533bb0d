"""Who changed what, when: one action's history and a plan's activity feed, read from
django-simple-history's tables (every save of an action, owner link and update)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator

from lineofsight.plans.changes import FieldChange, diff_records
from lineofsight.plans.models import Action, ActionOwner, Person, ProgressUpdate
from lineofsight.tracking.services import RULES_CHANGE_REASON

PER_PAGE = 25

_HistAction = Action.history.model  # type: ignore[attr-defined]
_HistUpdate = ProgressUpdate.history.model  # type: ignore[attr-defined]
_HistOwner = ActionOwner.history.model  # type: ignore[attr-defined]


@dataclass
class Entry:
    """One line of an audit trail."""

    when: datetime
    who: str
    what: str
    action_id: int
    changes: list[FieldChange] = field(default_factory=list)
    text: str = ""
    action: Action | None = None


def _who(record: Any) -> str:
    if record.history_user_id is None:
        return "RAG rules" if record.history_change_reason == RULES_CHANGE_REASON else "System"
    user = record.history_user
    return (user.get_full_name() or user.get_username()) if user else "A deleted user"


def _index(action_ids: list[int]) -> list[tuple[datetime, int, str, int]]:
    """Every history row touching these actions, as light (date, id, table) tuples."""
    rows: list[tuple[datetime, int, str, int]] = []
    for date_, hid in _HistAction.objects.filter(id__in=action_ids).values_list("history_date", "history_id"):
        rows.append((date_, 0, "action", hid))
    for date_, hid in _HistUpdate.objects.filter(action_id__in=action_ids).values_list("history_date", "history_id"):
        rows.append((date_, 1, "update", hid))
    for date_, hid in _HistOwner.objects.filter(action_id__in=action_ids).values_list("history_date", "history_id"):
        rows.append((date_, 2, "owner", hid))
    rows.sort(key=lambda r: (r[0], r[1], r[3]), reverse=True)
    return rows


def _entries(rows: list[tuple[datetime, int, str, int]], actions: dict[int, Action]) -> list[Entry]:
    """Turn one page of index rows into readable entries (a few queries per page)."""
    ids = {kind: [r[3] for r in rows if r[2] == kind] for kind in ("action", "update", "owner")}
    records = {
        "action": _HistAction.objects.select_related("history_user").in_bulk(ids["action"]),
        "update": _HistUpdate.objects.select_related("history_user").in_bulk(ids["update"]),
        "owner": _HistOwner.objects.select_related("history_user").in_bulk(ids["owner"]),
    }
    person_ids = {r.person_id for r in records["owner"].values()}
    people = Person.objects.in_bulk(person_ids)
    previous = _previous_records(list(records["action"].values()))
    out: list[Entry] = []
    for _, _, kind, hid in rows:
        record = records[kind][hid]
        entry = _describe(kind, record, people, previous)
        if entry is None:
            continue
        entry.action = actions.get(entry.action_id)
        out.append(entry)
    return out


def _previous_records(records: list[Any]) -> dict[int, Any]:
    """The record just before each one, for the same action, in one query (not one per row
    as ``prev_record`` would)."""
    if not records:
        return {}
    latest = max(r.history_date for r in records)
    earlier = list(
        _HistAction.objects.filter(id__in={r.id for r in records}, history_date__lte=latest).order_by(
            "id", "history_date", "history_id"
        )
    )
    wanted = {r.history_id for r in records}
    found: dict[int, Any] = {}
    for before, after in itertools.pairwise(earlier):
        if after.history_id in wanted and before.id == after.id:
            found[after.history_id] = before
    return found


def _describe(kind: str, record: Any, people: dict[int, Person], previous: dict[int, Any]) -> Entry | None:
    who = _who(record)
    if kind == "action":
        if record.history_type == "+":
            return Entry(record.history_date, who, "Action added", record.id, text=record.text[:200])
        if record.history_type == "-":
            return Entry(record.history_date, who, "Action deleted", record.id, text=record.text[:200])
        before = previous.get(record.history_id)
        changes = diff_records(record, before) if before is not None else []
        if not changes:
            return None
        what = "RAG rules recomputed" if record.history_change_reason == RULES_CHANGE_REASON else "Action edited"
        if record.history_change_reason == "Progress update posted":
            what = "Status or RAG proposed in an update"
        return Entry(record.history_date, who, what, record.id, changes=changes)
    if kind == "owner":
        person = people.get(record.person_id)
        name = person.name if person else "a person since removed"
        verb = {"+": "Owner added", "-": "Owner removed"}.get(record.history_type)
        return Entry(record.history_date, who, verb, record.action_id, text=name) if verb else None
    # Progress updates: posting, sign-off and return are separate events.
    if record.history_type == "+":
        what = "Update imported" if record.review == ProgressUpdate.Review.IMPORTED else "Update posted"
        return Entry(record.history_date, who, what, record.action_id, text=record.text[:300])
    if record.history_type == "~" and record.review == ProgressUpdate.Review.ACCEPTED:
        return Entry(record.history_date, who, "Update signed off", record.action_id, text=record.text[:200])
    if record.history_type == "~" and record.review == ProgressUpdate.Review.RETURNED:
        return Entry(record.history_date, who, "Update returned", record.action_id, text=record.review_comment[:300])
    if record.history_type == "-":
        return Entry(record.history_date, who, "Update deleted", record.action_id, text=record.text[:200])
    return None


def activity_page(actions: list[Action], page_number: Any) -> tuple[Page, list[Entry]]:
    """One page (newest first) of everything that happened to these actions."""
    by_id = {a.pk: a for a in actions}
    paginator = Paginator(_index(list(by_id)), PER_PAGE)
    page = paginator.get_page(page_number)
    return page, _entries(list(page.object_list), by_id)
