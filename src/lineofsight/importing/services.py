"""Import workflows over several models: create a plan from an import, or merge a newer
version of the document into a plan already held.

The change set is computed first by the pure :func:`.merge.compute_changes`; applying it
is all-or-nothing in one transaction, and nothing held in the app is deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from lineofsight.accounts.models import Organisation
from lineofsight.importing.merge import ChangeSet, compute_changes
from lineofsight.importing.models import SESSION_LIFETIME, ImportSession
from lineofsight.plans import services as plans_services
from lineofsight.plans.changes import ImportedUpdate, change_action
from lineofsight.plans.interchange import (
    PeopleAndBodies,
    add_action,
    add_recommendation,
    export_plan,
)
from lineofsight.plans.models import (
    Action,
    ActionOwner,
    ActionReport,
    Person,
    PersonAlias,
    Plan,
    ProgressUpdate,
    Recommendation,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def _with_archived(plan: Plan) -> Plan:
    """The plan with archived recommendations and actions too, so a re-import matches an
    archived action instead of creating it again."""
    links = [
        Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person")),
        Prefetch("report_links", queryset=ActionReport.objects.select_related("body")),
        Prefetch("updates", queryset=ProgressUpdate.objects.order_by("order", "created", "pk")),
    ]
    actions = Action.all_objects.order_by("order", "pk").prefetch_related(*links)
    recommendations = Recommendation.all_objects.order_by("order", "pk").prefetch_related(
        Prefetch("actions", queryset=actions)
    )
    return (
        Plan.objects.select_related("inspection", "organisation")
        .prefetch_related(Prefetch("recommendations", queryset=recommendations))
        .get(pk=plan.pk)
    )


def held_document(plan: Plan) -> dict[str, Any]:
    """The plan as held (archived parts included), in plan@1 form with the ``id`` of each
    recommendation and action."""
    plan = _with_archived(plan)
    document = export_plan(plan)
    for rec_doc, rec in zip(document["recommendations"], plan.recommendations.all(), strict=True):
        rec_doc["id"] = rec.pk
        for action_doc, action in zip(rec_doc["actions"], rec.actions.all(), strict=True):
            action_doc["id"] = action.pk
    return document


def preview_reimport(plan: Plan, incoming: dict[str, Any]) -> ChangeSet:
    """The changes importing ``incoming`` into ``plan`` would make (writes nothing)."""
    return compute_changes(held_document(plan), incoming)


def create_plan(
    incoming: dict[str, Any], organisation: Organisation, *, source: str, aliases: dict[str, str] | None = None
) -> Plan:
    """A new plan from an imported document, in one transaction; ``aliases`` (spelling →
    the spelling kept, merged in the preview) are kept so later imports map them to the
    same person."""
    with transaction.atomic():
        plan = plans_services.create_plan(incoming, organisation, source=source)
        for name, kept in (aliases or {}).items():
            person = Person.objects.filter(organisation=organisation, name=kept).first()
            if person is None or Person.objects.filter(organisation=organisation, name=name).exists():
                continue  # someone of that exact name is already held; the People page can merge them
            PersonAlias.objects.get_or_create(organisation=organisation, name=name, defaults={"person": person})
    return plan


class StaleChanges(Exception):
    """The plan changed between the preview and the confirmation."""


def _parse(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@transaction.atomic
def apply_reimport(
    plan: Plan,
    incoming: dict[str, Any],
    *,
    expected: str | None = None,
    user: User | None = None,
    source: str = "",
) -> ChangeSet:
    """Merge ``incoming`` into ``plan``: update matched actions, add new ones and updates.

    ``expected`` is the fingerprint of the change set the user previewed; when the plan
    has changed since, :class:`StaleChanges` is raised and nothing is written.
    """
    Plan.objects.select_for_update().filter(pk=plan.pk).first()
    changes = preview_reimport(plan, incoming)
    if expected is not None and changes.fingerprint() != expected:
        raise StaleChanges("The plan changed after the preview; check the changes again.")
    directory = PeopleAndBodies(plan.organisation)
    reason = f"Re-imported from {source}"[:100] if source else "Re-imported"

    for rec_change in changes.updated_recommendations:
        rec = Recommendation.all_objects.get(pk=rec_change.recommendation_id, plan=plan)
        for change in rec_change.changes:
            setattr(rec, change.field, change.new)
        rec.save()

    for action_change in changes.updated_actions:
        action = Action.all_objects.get(pk=action_change.action_id, recommendation__plan=plan)
        fields: dict[str, Any] = {}
        owners = bodies = None
        for change in action_change.changes:
            if change.field == "owners":
                owners = [directory.person(name) for name in dict.fromkeys(change.new)]
            elif change.field == "reported_to":
                bodies = [directory.body(name) for name in dict.fromkeys(change.new)]
            else:
                fields.update(_action_fields(change.field, change.new))
        # The one write path: a new version, history for every field, owner and update.
        change_action(
            action,
            user,
            fields=fields,
            owners=owners,
            bodies=bodies,
            imported_updates=[
                ImportedUpdate(update["text"], _parse(update.get("as_of"))) for update in action_change.new_updates
            ],
            reason=reason,
            deadline_reason="Moved by the re-imported document",
            refresh=False,
        )

    for new_action in changes.new_actions:
        rec = Recommendation.all_objects.get(pk=new_action.recommendation_id, plan=plan)
        order = (Action.all_objects.filter(recommendation=rec).aggregate(top=Max("order"))["top"] or 0) + 1
        add_action(rec, new_action.action, order, directory)

    next_order = (Recommendation.all_objects.filter(plan=plan).aggregate(top=Max("order"))["top"] or 0) + 1
    for k, spec in enumerate(changes.new_recommendations):
        add_recommendation(plan, spec, next_order + k, directory)
    plan.save(update_fields=["updated"])
    plans_services.refresh_plan_rag(plan)
    return changes


def _action_fields(name: str, value: Any) -> dict[str, Any]:
    """A plan@1 field of an action as the model's fields."""
    if name == "due":
        return {"due_text": value.get("text") or "", "due_date": _parse(value.get("date"))}
    if name in ("status", "rag"):
        return {name: value or ""}
    return {name: value}


def delete_expired_sessions(now: datetime | None = None) -> int:
    """Delete uploads older than the preview lifetime, confirmed or not, and say how many.

    A pending upload holds the whole parsed plan; once it can no longer be confirmed there
    is no reason to keep a copy of the council's document outside the plan itself.
    """
    cutoff = (now or timezone.now()) - SESSION_LIFETIME
    deleted, _ = ImportSession.objects.filter(created__lt=cutoff).delete()
    return deleted
