"""``lineofsight refresh_rag``: recompute every open action's RAG from the council's rules
(open: in an active plan, ``services.open_actions``; drafts are rated when they change)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.tracking import services


class Command(BaseCommand):
    help = (
        "Recompute each action's RAG and drift flag from its council's RAG settings. "
        "Run daily from cron, shortly after midnight London time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD); default: today in London")
        parser.add_argument("--organisation", help="Only this organisation (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = _parse_date(options.get("date"))
        actions = services.open_actions()
        if options.get("organisation"):
            actions = actions.filter(recommendation__plan__organisation__slug=options["organisation"])
        changed = services.refresh_rag(actions, today)
        self.stdout.write(f"{changed} actions changed RAG or drift ({actions.count()} checked)")


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {value!r}") from exc
