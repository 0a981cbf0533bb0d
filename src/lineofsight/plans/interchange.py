"""The plan interchange format (``lineofsight/plan@1``): load a document into the
database and export a plan back, losing nothing on the way.

A document is validated against ``plan.schema.json`` first and written in one
transaction, so a bad file changes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from simple_history.utils import bulk_create_with_history

from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import (
    Action,
    ActionOwner,
    ActionReport,
    GovernanceBody,
    Inspection,
    Person,
    PersonAlias,
    Plan,
    ProgressUpdate,
    Recommendation,
)

# The schema lives in plans.schema (pure, shared with the importer); PlanDocumentError is
# re-exported because callers catch it from here.
from lineofsight.plans.schema import SCHEMA_ID, validate_document
from lineofsight.plans.schema import PlanDocumentError as PlanDocumentError


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _inspection_kind(kind: str | None) -> tuple[str, str]:
    """Map the printed kind to a choice, keeping unusual wordings in ``kind_text``."""
    if not kind:
        return Inspection.Kind.OTHER, ""
    for choice in Inspection.Kind:
        if choice.value.lower() == kind.strip().lower():
            return choice.value, ""
    return Inspection.Kind.OTHER, kind


class PeopleAndBodies:
    """Finds or creates an organisation's people and governance bodies by the names a
    plan prints, loading each kind once so a large plan costs no query per name."""

    def __init__(self, organisation: Organisation) -> None:
        self.organisation = organisation
        self.people = {p.name: p for p in Person.objects.filter(organisation=organisation)}
        # Spellings merged into one person map to that person (see plans.people).
        for alias in PersonAlias.objects.filter(organisation=organisation).select_related("person"):
            self.people.setdefault(alias.name, alias.person)
        self.bodies = {b.name: b for b in GovernanceBody.objects.filter(organisation=organisation)}

    def person(self, name: str) -> Person:
        if name not in self.people:
            self.people[name] = Person.objects.create(organisation=self.organisation, name=name)
        return self.people[name]

    def body(self, name: str) -> GovernanceBody:
        if name not in self.bodies:
            self.bodies[name] = GovernanceBody.objects.create(organisation=self.organisation, name=name)
        return self.bodies[name]


def load_plan(document: dict[str, Any], organisation: Organisation, *, source: str = "document") -> Plan:
    """Create a plan from a lineofsight/plan@1 document, all or nothing."""
    validate_document(document, source=source)
    with transaction.atomic():
        directory = PeopleAndBodies(organisation)
        inspection = None
        if document.get("inspection"):
            spec = document["inspection"]
            kind, kind_text = _inspection_kind(spec.get("kind"))
            inspection = Inspection.objects.create(
                organisation=organisation,
                kind=kind,
                kind_text=kind_text,
                started=_parse_date(spec.get("started")),
                ended=_parse_date(spec.get("ended")),
            )
        plan = Plan.objects.create(
            organisation=organisation,
            inspection=inspection,
            title=document.get("title") or "Improvement plan",
            organisation_text=document.get("organisation") or "",
        )
        writer = PlanWriter(directory)
        for rec_order, rec_spec in enumerate(document["recommendations"]):
            writer.add_recommendation(plan, rec_spec, rec_order)
        writer.save()
    return plan


def add_recommendation(plan: Plan, spec: dict[str, Any], order: int, directory: PeopleAndBodies) -> Recommendation:
    """Create one recommendation with its actions (inside the caller's transaction)."""
    writer = PlanWriter(directory)
    recommendation = writer.add_recommendation(plan, spec, order)
    writer.save()
    return recommendation


def add_action(recommendation: Recommendation, spec: dict[str, Any], order: int, directory: PeopleAndBodies) -> Action:
    """Create one action with its owners, bodies and updates (inside the caller's transaction)."""
    writer = PlanWriter(directory)
    action = writer.add_action(recommendation, spec, order)
    writer.save()
    return action


class PlanWriter:
    """Collects a plan's rows from interchange specs and writes each table in one batch.

    A plan of 500 actions would otherwise cost a few thousand single-row inserts (and as
    many history rows); batching keeps loading a council's plan to a handful of queries
    per table, with the change history still written for every row.
    """

    def __init__(self, directory: PeopleAndBodies) -> None:
        self.directory = directory
        self.recommendations: list[Recommendation] = []
        self.actions: list[Action] = []
        # Links wait for their action's primary key: (action, rows to attach to it).
        self.owner_links: list[tuple[Action, list[ActionOwner]]] = []
        self.report_links: list[tuple[Action, list[ActionReport]]] = []
        self.updates: list[tuple[Action, list[ProgressUpdate]]] = []

    def add_recommendation(self, plan: Plan, spec: dict[str, Any], order: int) -> Recommendation:
        recommendation = Recommendation(
            plan=plan,
            ref=spec.get("ref") or "",
            text=spec["text"],
            section=spec.get("section") or "",
            order=order,
            outcomes=list(spec.get("outcomes") or []),
            see_also=list(spec.get("see_also") or []),
        )
        self.recommendations.append(recommendation)
        for action_order, action_spec in enumerate(spec.get("actions") or []):
            self.add_action(recommendation, action_spec, action_order)
        return recommendation

    def add_action(self, recommendation: Recommendation, spec: dict[str, Any], order: int) -> Action:
        due = spec.get("due") or None
        action = Action(
            recommendation=recommendation,
            ref=spec.get("ref") or "",
            text=spec["text"],
            order=order,
            partners=list(spec.get("partners") or []),
            due_text=due["text"] if due else "",
            due_date=_parse_date(due["date"]) if due else None,
            status=spec.get("status") or "",
            rag=spec.get("rag") or "",
            measures=list(spec.get("measures") or []),
        )
        self.actions.append(action)
        owners = list(dict.fromkeys(spec.get("owners") or []))  # as printed, once each
        self.owner_links.append(
            (action, [ActionOwner(person=self.directory.person(name), position=i) for i, name in enumerate(owners)])
        )
        bodies = list(dict.fromkeys(spec.get("reported_to") or []))
        self.report_links.append(
            (action, [ActionReport(body=self.directory.body(name), position=i) for i, name in enumerate(bodies)])
        )
        self.updates.append(
            (
                action,
                [
                    ProgressUpdate(
                        as_of=_parse_date(update.get("as_of")),
                        text=update["text"],
                        review=ProgressUpdate.Review.IMPORTED,
                        order=position,
                    )
                    for position, update in enumerate(spec.get("updates") or [])
                ],
            )
        )
        return action

    def save(self) -> None:
        """Write everything collected, parents first so children get their keys."""
        new_recommendations = [r for r in self.recommendations if r.pk is None]
        bulk_create_with_history(new_recommendations, Recommendation, batch_size=BATCH)
        for action in self.actions:
            action.recommendation = action.recommendation  # refresh the cached key after the insert
        bulk_create_with_history(self.actions, Action, batch_size=BATCH)
        for model, groups in (
            (ActionOwner, self.owner_links),
            (ActionReport, self.report_links),
            (ProgressUpdate, self.updates),
        ):
            rows = []
            for action, children in groups:
                for child in children:
                    child.action = action
                    rows.append(child)
            bulk_create_with_history(rows, model, batch_size=BATCH)


BATCH = 500


def plan_queryset(*, with_updates: bool = True) -> QuerySet[Plan]:
    """Plans with recommendations, actions, owners, bodies and (unless the page does not
    show them) updates prefetched, so a page or an export costs a fixed number of queries
    whatever the plan's size."""
    action_prefetches: list[Prefetch[Any]] = [
        Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person")),
        Prefetch("report_links", queryset=ActionReport.objects.select_related("body")),
    ]
    if with_updates:
        action_prefetches.append(
            Prefetch("updates", queryset=ProgressUpdate.objects.order_by("order", "created", "pk"))
        )
    return Plan.objects.select_related("inspection", "organisation").prefetch_related(
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.order_by("order", "pk").prefetch_related(
                Prefetch(
                    "actions", queryset=Action.objects.order_by("order", "pk").prefetch_related(*action_prefetches)
                )
            ),
        )
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def export_plan(plan: Plan) -> dict[str, Any]:
    """The plan as a lineofsight/plan@1 document (pass a plan from ``plan_queryset()``
    to avoid one query per action)."""
    inspection = None
    if plan.inspection:
        inspection = {
            "kind": plan.inspection.kind_label,
            "started": _iso(plan.inspection.started),
            "ended": _iso(plan.inspection.ended),
        }
    return {
        "schema": SCHEMA_ID,
        "title": plan.title,
        "organisation": plan.organisation_text or plan.organisation.name,
        "inspection": inspection,
        "recommendations": [
            {
                "ref": rec.ref or None,
                "text": rec.text,
                "section": rec.section or None,
                "outcomes": list(rec.outcomes),
                "see_also": list(rec.see_also),
                "actions": [export_action(action) for action in rec.actions.all()],
            }
            for rec in plan.recommendations.all()
        ],
    }


def export_action(action: Action) -> dict[str, Any]:
    """One action in the interchange format."""
    due = None
    if action.due_text or action.due_date:
        due = {"text": action.due_text, "date": _iso(action.due_date)}
    return {
        "ref": action.ref or None,
        "text": action.text,
        "owners": action.owner_names(),
        "partners": list(action.partners),
        "due": due,
        "status": action.status or None,
        "rag": action.rag or None,
        "measures": list(action.measures),
        "reported_to": action.body_names(),
        "updates": [{"as_of": _iso(update.as_of), "text": update.text} for update in action.updates.all()],
    }
