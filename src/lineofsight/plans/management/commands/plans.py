"""``lineofsight plans --org ORG``: list an organisation's plans with their ids."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count, Q

from lineofsight.plans.management.commands._common import organisation_from_option
from lineofsight.plans.models import Plan


class Command(BaseCommand):
    help = "List an organisation's plans with their ids, status and number of actions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="Organisation slug or name")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"])
        # Archived actions are not part of the live plan (a join bypasses the default manager).
        live = Q(recommendations__archived_at__isnull=True, recommendations__actions__archived_at__isnull=True)
        plans = Plan.objects.filter(organisation=organisation).annotate(
            actions=Count("recommendations__actions", filter=live)
        )
        if not plans:
            self.stdout.write(f"{organisation.name} has no plans.")
        for plan in plans.order_by("pk"):
            self.stdout.write(f"{plan.pk}\t{plan.status}\t{plan.actions} actions\t{plan.title}")
