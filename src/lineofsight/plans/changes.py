"""The one write path for an action, and the history of its changes.

Every change to an action (web edit, progress update, re-import, archive, reorder,
merging people, Django admin) goes through :func:`change_action`: it checks the
editor's copy is current, writes, records the history and has the action re-rated.

Rating is the council's RAG rules, which live in ``tracking`` (above this app): the plan
app announces which actions changed through the :data:`actions_changed` signal, and
``tracking`` connects its RAG refresh to it in ``TrackingConfig.ready()``. Without a
receiver nothing is rated, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.dispatch import Signal
from django.utils import timezone

from lineofsight.plans.models import Action, ActionOwner, ActionReport, GovernanceBody, Person, ProgressUpdate

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Fields the rules own; they never bump ``version`` because nobody types them, so a
# nightly refresh must not make an officer's open edit form look out of date.
COMPUTED_FIELDS = ("rag_computed", "rag_reason", "is_stale", "rag_computed_on")

# Sent (synchronously, inside the writer's transaction) with ``actions`` (one Action, a
# queryset or a list of them) and ``today`` (a date, or None for today in London) whenever
# what the RAG rules read has changed. Receivers return how many actions changed rating.
actions_changed = Signal()


def rate_actions(actions: Action | QuerySet[Action] | Iterable[Action], today: date | None = None) -> int:
    """Have ``actions`` re-rated by whoever rates them (``tracking``'s RAG refresh); returns
    how many changed colour or drift state. A single Action gets the result set on it."""
    responses = actions_changed.send(sender=Action, actions=actions, today=today)
    changed: Any = [count for _receiver, count in responses]
    return sum(count for count in changed if isinstance(count, int))


class EditConflict(Exception):
    """Someone saved the action after this editor opened it; nothing was written."""

    def __init__(self, current: Action, changes: list[FieldChange]) -> None:
        super().__init__("The action was changed by someone else")
        self.current = current
        self.changes = changes


@dataclass(frozen=True)
class FieldChange:
    """One field's change, as shown in history and conflict messages."""

    field: str
    label: str
    old: str
    new: str
    who: str = ""
    when: Any = None


# Bookkeeping fields that would only add noise to "who changed what".
EXCLUDED_FROM_DIFF = ("version", "updated", "created", "rag_reason", "rag_computed_on")


# Field names as a council would say them; the rest use the model's verbose name.
FIELD_LABELS = {
    "rag": "RAG (signed off or as reported)",
    "rag_computed": "RAG from the rules",
    "rag_override": "RAG override",
    "rag_override_reason": "Reason for the override",
    "is_stale": "Drifting (no recent update)",
    "due_text": "Timescale as printed",
    "due_date": "Deadline",
    "text": "Action",
    "status": "Delivery status",
}


def _label(model: Any, name: str) -> str:
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:
        return name.replace("_", " ").capitalize()


def _display(record: Any, name: str) -> str:
    value = getattr(record, name, "")
    if value in (None, ""):
        return "(blank)"
    try:
        model_field = record._meta.get_field(name)
    except Exception:
        return str(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, date):
        return f"{value.day} {value:%b %Y}"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(blank)"
    return str(value)


def diff_records(new: Any, old: Any, *, people_only: bool = False) -> list[FieldChange]:
    """Field-by-field changes between two history records (simple-history's diff);
    ``people_only`` leaves out what the RAG rules computed."""
    excluded = EXCLUDED_FROM_DIFF + (COMPUTED_FIELDS if people_only else ())
    delta = new.diff_against(old, excluded_fields=excluded)
    who = new.history_user.get_username() if new.history_user else ""
    out = []
    for change in delta.changes:
        out.append(
            FieldChange(
                field=change.field,
                label=_label(new.instance_type, change.field),
                old=_display(old, change.field),
                new=_display(new, change.field),
                who=who,
                when=new.history_date,
            )
        )
    return out


def changes_since_version(action: Action, version: int) -> list[FieldChange]:
    """What others saved on the action since the editor's copy (``version``)."""
    history = list(action.history.order_by("history_date", "history_id"))
    base = next((h for h in reversed(history) if h.version == version), None)
    if base is None or not history:
        return []
    latest = history[-1]
    if latest.history_id == base.history_id:
        return []
    changes = diff_records(latest, base, people_only=True)
    # Name everyone who saved in between, not just the last one.
    names = sorted({h.history_user.get_username() for h in history if h.version > version and h.history_user})
    who = ", ".join(names)
    return [FieldChange(c.field, c.label, c.old, c.new, who or c.who, latest.history_date) for c in changes]


class DeadlineReasonMissing(ValueError):
    """A deadline was moved without saying why; nothing was written."""


@dataclass
class ImportedUpdate:
    """A progress update read from the council's document (re-import)."""

    text: str
    as_of: date | None = None


def change_action(
    action: Action,
    user: User | None,
    *,
    fields: dict[str, Any] | None = None,
    owners: Sequence[Person] | None = None,
    bodies: Sequence[GovernanceBody] | None = None,
    imported_updates: Sequence[ImportedUpdate] = (),
    expected_version: int | None = None,
    reason: str = "Edited",
    deadline_reason: str = "",
    refresh: bool = True,
    today: date | None = None,
) -> Action:
    """The one way an action changes: web edit, progress update, re-import, archive and
    Django admin all come here.

    In one transaction it checks the editor's copy is current (``expected_version``),
    writes the fields, owners and reported-to bodies, adds imported updates, records
    every change in the history (links and updates included) and has the action re-rated
    (:func:`rate_actions`).

    One conditional ``UPDATE … WHERE version = N`` does the check and the write together,
    so two web workers can never both pass the check; the loser gets ``EditConflict``
    with what the winner saved, and nothing of theirs is written.

    A deadline moved from a date already set needs ``deadline_reason``; the first
    deadline is kept in ``original_due_date`` so boards can see the slip.
    """
    changes = dict(fields or {})
    with transaction.atomic():
        current = Action.all_objects.filter(pk=action.pk).values("due_date", "original_due_date").first()
        if current is None:
            raise Action.DoesNotExist(f"Action {action.pk} no longer exists")
        if "due_date" in changes and changes["due_date"] != current["due_date"] and current["due_date"]:
            why = deadline_reason.strip()
            if not why:
                raise DeadlineReasonMissing("Say why the deadline moved")
            changes.setdefault("original_due_date", current["original_due_date"] or current["due_date"])
            changes["due_date_reason"] = why
        rows = Action.all_objects.filter(pk=action.pk)
        if expected_version is not None:
            rows = rows.filter(version=expected_version)
        written = rows.update(**changes, version=F("version") + 1, updated=timezone.now())
        if not written:
            latest = Action.all_objects.get(pk=action.pk)
            raise EditConflict(latest, changes_since_version(latest, expected_version or 0))
        action.refresh_from_db()
        if owners is not None:
            _set_links(action, ActionOwner, "person", owners, user)
        if bodies is not None:
            _set_links(action, ActionReport, "body", bodies, user)
        if imported_updates:
            start = (action.updates.order_by("-order").values_list("order", flat=True).first() or 0) + 1
            for k, spec in enumerate(imported_updates):
                update = ProgressUpdate(
                    action=action,
                    as_of=spec.as_of,
                    text=spec.text,
                    review=ProgressUpdate.Review.IMPORTED,
                    order=start + k,
                )
                update._history_user = user  # type: ignore[attr-defined]
                update._change_reason = reason  # type: ignore[attr-defined]
                update.save()
        action._history_user = user  # type: ignore[attr-defined]
        Action.history.bulk_history_create([action], update=True, default_change_reason=reason)
        if refresh:
            rate_actions(action, today)
    return action


def _set_links(
    action: Action, model: type[ActionOwner] | type[ActionReport], target: str, wanted: Sequence[Any], user: User | None
) -> None:
    """Make the action's owners (or bodies) exactly ``wanted``, in that order; each link
    added or removed is a history row naming ``user``."""
    wanted_ids = list(dict.fromkeys(obj.pk for obj in wanted))
    links = {getattr(link, f"{target}_id"): link for link in model.objects.filter(action=action)}
    for target_id, link in links.items():
        if target_id not in wanted_ids:
            _written_by(link, user)
            link.delete()
    for position, target_id in enumerate(wanted_ids):
        existing = links.get(target_id)
        if existing is None:
            link = model(action=action, position=position, **{f"{target}_id": target_id})
            _written_by(link, user)
            link.save()
        elif existing.position != position:
            existing.position = position
            _written_by(existing, user)
            existing.save(update_fields=["position"])


def _written_by(record: Any, user: User | None) -> None:
    """Name who made the change in the record's history, with or without a web request."""
    record._history_user = user


def archive_action(action: Action, user: User | None, *, archive: bool = True) -> Action:
    """Take an action off the live plan (or put it back); it keeps its history."""
    return change_action(
        action,
        user,
        fields={"archived_at": timezone.now() if archive else None},
        reason="Archived" if archive else "Restored",
    )
