"""``lineofsight remind``: email each action owner one digest of what needs doing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lineofsight.tracking import reminders
from lineofsight.tracking.management.commands.refresh_rag import _parse_date


class Command(BaseCommand):
    help = (
        "Email each action owner one digest of actions overdue, due soon (at the council's "
        "reminder days) or without a recent update; actions no owner can be emailed about "
        "go to the plan managers. Safe to run more than once a day: each owner gets "
        "at most one digest per day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Print the digests instead of sending them")
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD); default: today in London")
        parser.add_argument("--organisation", help="Only this organisation (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders.send_digests(
            _parse_date(options.get("date")),
            dry_run=options["dry_run"],
            organisation_slug=options.get("organisation"),
            write=self.stdout.write,
        )
        if not options["dry_run"]:
            self.stdout.write(f"{sent} reminder digests sent")
