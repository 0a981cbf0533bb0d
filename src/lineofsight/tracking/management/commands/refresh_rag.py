"""``lineofsight refresh_rag``: recompute every open action's RAG from the council's rules
(open: in an active plan, ``services.open_actions``; drafts are rated when they change)."""

from __future__ import annotations

from typing import Any

from lineofsight.tracking import services
from lineofsight.tracking.management.commands._daily import DailyCommand, parse_date


class Command(DailyCommand):
    help = (
        "Recompute each action's RAG and drift flag from its council's RAG settings. "
        "Run daily from cron, shortly after midnight London time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_date(options.get("date"))
        actions = services.open_actions()
        if options.get("organisation"):
            actions = actions.filter(recommendation__plan__organisation__slug=options["organisation"])
        changed = services.refresh_rag(actions, today)
        self.stdout.write(f"{changed} actions changed RAG or drift ({actions.count()} checked)")
