"""Helpers shared by the command-line commands."""

from __future__ import annotations

from django.core.management.base import CommandError

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import Plan

__all__ = ["organisation_from_option", "plan_from_argument"]


def plan_from_argument(value: str, organisation: Organisation | None = None) -> Plan:
    """The plan with this id (optionally within an organisation), else a clear error."""
    try:
        plan_id = int(value)
    except ValueError as exc:
        raise CommandError(f"PLAN must be a plan id (see `lineofsight plans --org ORG`), got {value!r}") from exc
    plans = Plan.objects.all()
    if organisation is not None:
        plans = plans.filter(organisation=organisation)
    plan = plans.filter(pk=plan_id).first()
    if plan is None:
        raise CommandError(f"No plan with id {plan_id}")
    return plan
