"""Workflows over several plan models."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lineofsight.accounts.models import Organisation
from lineofsight.plans.interchange import load_plan
from lineofsight.plans.models import Action, Plan


def refresh_plan_rag(plan: Plan) -> int:
    """Run the council's RAG rules over a plan's actions (see ``tracking.rules``)."""
    from lineofsight.tracking.services import refresh_rag

    return refresh_rag(Action.objects.filter(recommendation__plan=plan))


def create_plan(document: dict[str, Any], organisation: Organisation, *, source: str = "document") -> Plan:
    """Create a plan from a plan@1 document and rate it by the council's rules, all or nothing.

    A document's own RAG is what it said on the day it was written; the rules say what
    it means today, so a plan is rated as soon as it arrives rather than at the nightly run.
    """
    with transaction.atomic():
        plan = load_plan(document, organisation, source=source)
        refresh_plan_rag(plan)
    return plan
