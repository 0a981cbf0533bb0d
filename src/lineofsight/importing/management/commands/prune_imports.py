"""``lineofsight prune_imports``: delete uploads whose preview can no longer be confirmed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lineofsight.importing.services import delete_expired_sessions


class Command(BaseCommand):
    help = "Delete uploaded plan previews older than 24 hours (run daily, see docs/reminders.md)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {delete_expired_sessions()} expired upload(s).")
