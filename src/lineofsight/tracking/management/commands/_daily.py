"""What the daily commands share: ``--date`` and ``--organisation``, and, for those that
email people, ``--dry-run`` and the count of what was sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


def parse_date(value: str | None) -> date | None:
    """The ``--date`` option as a date (None for today), or a CommandError saying the format."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from exc


class DailyCommand(BaseCommand):
    """A command cron runs every day, for one pretend day and one organisation if asked."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD); default: today in London")
        parser.add_argument("--organisation", help="Only this organisation (its slug)")


class EmailingCommand(DailyCommand):
    """A daily command that emails people, or with ``--dry-run`` prints what it would send.

    Subclasses say what they send (``dry_run_help``, ``sent_text`` with ``{sent}``) and
    name the service that sends it: ``send(today, *, dry_run, organisation_slug, write)``
    returning how many emails went.
    """

    dry_run_help = "Print the emails instead of sending them"
    sent_text = "{sent} emails sent"
    send: Callable[..., int]

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        super().add_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        sent = self.send(
            parse_date(options.get("date")),
            dry_run=options["dry_run"],
            organisation_slug=options.get("organisation"),
            write=self.stdout.write,
        )
        if not options["dry_run"]:
            self.stdout.write(self.sent_text.format(sent=sent))
