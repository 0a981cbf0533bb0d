"""``lineofsight weekly_summary``: the plan managers' weekly summary of their open plans."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lineofsight.tracking import notifications
from lineofsight.tracking.management.commands.refresh_rag import _parse_date


class Command(BaseCommand):
    help = (
        "Email each plan manager a summary of the organisation's open plans. Safe to run "
        "every day: each plan manager gets it at most once per week."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Print the summaries instead of sending them")
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD); default: today in London")
        parser.add_argument("--organisation", help="Only this organisation (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = notifications.send_weekly_summaries(
            _parse_date(options.get("date")),
            dry_run=options["dry_run"],
            organisation_slug=options.get("organisation"),
            write=self.stdout.write,
        )
        if not options["dry_run"]:
            self.stdout.write(f"{sent} weekly summaries sent")
