"""Workflows over several plan models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from lineofsight.accounts.models import Organisation
from lineofsight.plans.changes import archive_action, change_action, rate_actions
from lineofsight.plans.interchange import load_plan
from lineofsight.plans.models import (
    Action,
    GovernanceBody,
    Inspection,
    Judgement,
    Person,
    PersonAlias,
    Plan,
    Recommendation,
)


def refresh_plan_rag(plan: Plan) -> int:
    """Run the council's RAG rules over a plan's actions (``tracking`` rates them through
    ``plans.changes.actions_changed``); returns how many changed rating."""
    return rate_actions(Action.objects.filter(recommendation__plan=plan))


def create_plan(document: dict[str, Any], organisation: Organisation, *, source: str = "document") -> Plan:
    """Create a plan from a plan@1 document and rate it by the council's rules, all or nothing.

    A document's own RAG is what it said on the day it was written; the rules say what
    it means today, so a plan is rated as soon as it arrives rather than at the nightly run.
    """
    with transaction.atomic():
        plan = load_plan(document, organisation, source=source)
        refresh_plan_rag(plan)
    return plan


# --- Maintaining the plan in the browser ---------------------------------------------
# Every change to an action goes through plans.changes.change_action; the rest of
# the plan's records are saved here, each save kept by django-simple-history.


def save_plan_details(plan: Plan, values: dict[str, Any], grades: dict[str, str]) -> Plan:
    """Write the plan's title and status and its inspection (kind, dates, judgements)."""
    with transaction.atomic():
        inspection = plan.inspection or Inspection(organisation_id=plan.organisation_id)
        for name in ("kind", "kind_text", "started", "ended", "published", "report_url"):
            setattr(inspection, name, values[name] or ("" if name in ("kind_text", "report_url") else None))
        inspection.save()
        plan.inspection = inspection
        plan.title = values["title"]
        plan.status = values["status"]
        plan.save()
        held = {j.area: j for j in inspection.judgements.all()}
        for area, judgement in held.items():
            if area not in grades:
                judgement.delete()
        for area, grade in grades.items():
            if area in held:
                if held[area].grade != grade:
                    held[area].grade = grade
                    held[area].save()
            else:
                Judgement.objects.create(inspection=inspection, area=area, grade=grade)
    return plan


def add_recommendation(plan: Plan, values: dict[str, Any]) -> Recommendation:
    """A new recommendation at the end of the plan."""
    top = Recommendation.all_objects.filter(plan=plan).aggregate(top=Max("order"))["top"]
    return Recommendation.objects.create(plan=plan, order=(top if top is not None else -1) + 1, **values)


def update_recommendation(recommendation: Recommendation, values: dict[str, Any]) -> Recommendation:
    """Change a recommendation's wording, grouping or outcomes."""
    for name, value in values.items():
        setattr(recommendation, name, value)
    recommendation.save()
    return recommendation


def archive_recommendation(recommendation: Recommendation, user: Any, *, archive: bool = True) -> Recommendation:
    """Take a recommendation and its actions off the live plan (or put them back); all of
    them keep their history. Restoring brings back the actions archived with it."""
    with transaction.atomic():
        when = recommendation.archived_at
        recommendation.archived_at = timezone.now() if archive else None
        recommendation.save()
        if archive:
            for action in Action.objects.filter(recommendation=recommendation):
                archive_action(action, user)
        elif when is not None:
            # Only the actions archived together with it, not those archived before.
            for action in Action.all_objects.filter(recommendation=recommendation, archived_at__gte=when):
                archive_action(action, user, archive=False)
    return recommendation


def _reorder(siblings: list[Any], item: Any, step: int, set_order: Callable[[Any, int], None]) -> None:
    """Swap ``item`` with its neighbour ``step`` places away, then renumber what moved.

    Moving past either end changes nothing. ``set_order`` writes one new position, so
    recommendations save plainly while actions go through their audited change.
    """
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for order, sibling in enumerate(siblings):
        if sibling.order != order:
            set_order(sibling, order)


def move_recommendation(recommendation: Recommendation, step: int) -> None:
    """Move a recommendation up (-1) or down (+1) the plan."""

    def set_order(rec: Recommendation, order: int) -> None:
        rec.order = order
        rec.save(update_fields=["order"])

    with transaction.atomic():
        siblings = list(Recommendation.objects.filter(plan_id=recommendation.plan_id).order_by("order", "pk"))
        _reorder(siblings, recommendation, step, set_order)


def move_action(action: Action, step: int, user: Any) -> None:
    """Move an action up (-1) or down (+1) within its recommendation."""

    def set_order(sibling: Action, order: int) -> None:
        change_action(sibling, user, fields={"order": order}, reason="Reordered", refresh=False)

    with transaction.atomic():
        siblings = list(Action.objects.filter(recommendation_id=action.recommendation_id).order_by("order", "pk"))
        _reorder(siblings, action, step, set_order)


def add_action(
    recommendation: Recommendation,
    values: dict[str, Any],
    *,
    owners: list[Person],
    bodies: list[GovernanceBody],
    user: Any,
) -> Action:
    """A new action at the end of its recommendation, with owners and bodies, rated by
    the council's rules."""
    with transaction.atomic():
        top = Action.all_objects.filter(recommendation=recommendation).aggregate(top=Max("order"))["top"]
        action = Action.objects.create(
            recommendation=recommendation, order=(top if top is not None else -1) + 1, **values
        )
        # Owners and bodies through the one write path, so their links are in the history.
        change_action(action, user, owners=owners, bodies=bodies, reason="Added")
    return action


def merge_people(keep: Person, others: list[Person], user: Any) -> Person:
    """Make ``others`` spellings of ``keep``: their actions move to ``keep`` (through the
    one write path, so each action's history says so), their names become aliases that
    later imports map to ``keep``, and they are removed."""
    others = [p for p in others if p.pk != keep.pk and p.organisation_id == keep.organisation_id]
    with transaction.atomic():
        for other in others:
            for action in Action.all_objects.filter(owner_links__person=other).distinct():
                current = [link.person for link in action.owner_links.select_related("person").order_by("position")]
                merged = list(dict.fromkeys(keep if p.pk == other.pk else p for p in current))
                change_action(action, user, owners=merged, reason=f"Owner {other.name!r} merged into {keep.name!r}")
            for alias in list(other.aliases.all()):
                alias.person = keep
                alias.save()
            if not keep.user_id and other.user_id:
                keep.user_id = other.user_id
            if not keep.email and other.email:
                keep.email = other.email
            name = other.name
            other.delete()
            PersonAlias.objects.get_or_create(
                organisation_id=keep.organisation_id, name=name, defaults={"person": keep}
            )
        keep.save()
    return keep
