"""Import workflows over several models: create a plan from an import, or merge a newer
version of the document into a plan already held.

The change set is computed first by the pure :func:`.merge.compute_changes`; applying it
is all-or-nothing in one transaction, and nothing held in the app is deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lineofsight.accounts.models import Organisation
from lineofsight.importing.merge import ChangeSet, compute_changes
from lineofsight.importing.models import SESSION_LIFETIME, ImportSession
from lineofsight.plans import services as plans_services
from lineofsight.plans.interchange import (
    PeopleAndBodies,
    add_action,
    add_recommendation,
    export_plan,
    plan_queryset,
)
from lineofsight.plans.models import (
    Action,
    ActionOwner,
    ActionReport,
    Plan,
    ProgressUpdate,
    Recommendation,
)


def held_document(plan: Plan) -> dict[str, Any]:
    """The plan as held, in plan@1 form with the ``id`` of each recommendation and action."""
    plan = plan_queryset().get(pk=plan.pk)
    document = export_plan(plan)
    for rec_doc, rec in zip(document["recommendations"], plan.recommendations.all(), strict=True):
        rec_doc["id"] = rec.pk
        for action_doc, action in zip(rec_doc["actions"], rec.actions.all(), strict=True):
            action_doc["id"] = action.pk
    return document


def preview_reimport(plan: Plan, incoming: dict[str, Any]) -> ChangeSet:
    """The changes importing ``incoming`` into ``plan`` would make (writes nothing)."""
    return compute_changes(held_document(plan), incoming)


def create_plan(incoming: dict[str, Any], organisation: Organisation, *, source: str) -> Plan:
    """A new plan from an imported document, in one transaction."""
    return plans_services.create_plan(incoming, organisation, source=source)


class StaleChanges(Exception):
    """The plan changed between the preview and the confirmation."""


def _parse(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def apply_reimport(plan: Plan, incoming: dict[str, Any], *, expected: str | None = None) -> ChangeSet:
    """Merge ``incoming`` into ``plan``: update matched actions, add new ones and updates.

    ``expected`` is the fingerprint of the change set the user previewed; when the plan
    has changed since, :class:`StaleChanges` is raised and nothing is written.
    """
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    changes = preview_reimport(plan, incoming)
    if expected is not None and changes.fingerprint() != expected:
        raise StaleChanges("The plan changed after the preview; check the changes again.")
    directory = PeopleAndBodies(plan.organisation)

    for rec_change in changes.updated_recommendations:
        rec = Recommendation.objects.get(pk=rec_change.recommendation_id, plan=plan)
        for change in rec_change.changes:
            setattr(rec, change.field, change.new)
        rec.save()

    for action_change in changes.updated_actions:
        action = Action.objects.get(pk=action_change.action_id, recommendation__plan=plan)
        for change in action_change.changes:
            _set_action_field(action, change.field, change.new, directory)
        if action_change.changes:
            action.version += 1
            action.save()
        start = action.updates.count()
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=action,
                as_of=_parse(update.get("as_of")),
                text=update["text"],
                review=ProgressUpdate.Review.IMPORTED,
                order=start + k,
            )
            for k, update in enumerate(action_change.new_updates)
        )

    for new_action in changes.new_actions:
        rec = Recommendation.objects.get(pk=new_action.recommendation_id, plan=plan)
        order = (rec.actions.aggregate(top=Max("order"))["top"] or 0) + 1
        add_action(rec, new_action.action, order, directory)

    next_order = (plan.recommendations.aggregate(top=Max("order"))["top"] or 0) + 1
    for k, spec in enumerate(changes.new_recommendations):
        add_recommendation(plan, spec, next_order + k, directory)
    plan.save(update_fields=["updated"])
    plans_services.refresh_plan_rag(plan)
    return changes


def _set_action_field(action: Action, name: str, value: Any, directory: PeopleAndBodies) -> None:
    if name == "due":
        action.due_text = value.get("text") or ""
        action.due_date = _parse(value.get("date"))
    elif name == "owners":
        action.owner_links.all().delete()
        ActionOwner.objects.bulk_create(
            ActionOwner(action=action, person=directory.person(owner), position=k)
            for k, owner in enumerate(dict.fromkeys(value))
        )
    elif name == "reported_to":
        action.report_links.all().delete()
        ActionReport.objects.bulk_create(
            ActionReport(action=action, body=directory.body(body), position=k)
            for k, body in enumerate(dict.fromkeys(value))
        )
    elif name in ("status", "rag"):
        setattr(action, name, value or "")
    else:
        setattr(action, name, value)


def delete_expired_sessions(now: datetime | None = None) -> int:
    """Delete uploads older than the preview lifetime, confirmed or not, and say how many.

    A pending upload holds the whole parsed plan; once it can no longer be confirmed there
    is no reason to keep a copy of the council's document outside the plan itself.
    """
    cutoff = (now or timezone.now()) - SESSION_LIFETIME
    deleted, _ = ImportSession.objects.filter(created__lt=cutoff).delete()
    return deleted
