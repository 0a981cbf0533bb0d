"""``lineofsight worker``: run queued background work and schedule the daily jobs."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from lineofsight.background import daily


class Command(BaseCommand):
    help = (
        "Run background work (issuing board packs, the daily jobs) from the database queue. "
        "Run one or more alongside the web server; each also queues the daily jobs once a day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at an empty queue")
        parser.add_argument("--once", action="store_true", help="Queue due daily jobs, run everything waiting, exit")
        parser.add_argument("--worker-id", default="", help="Name in the task records (default: random)")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TASKS_BACKEND != "database":
            raise CommandError(
                f"TASKS_BACKEND is {settings.TASKS_BACKEND!r}: tasks run as they are queued, so there is "
                "nothing for a worker to do. Set TASKS_BACKEND=database."
            )
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,  # each pass runs what is waiting, then returns to check the schedule
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=options["worker_id"] or get_random_string(16),
            excluded_queue_names=[],
        )
        if not options["once"]:
            # Ctrl-C or SIGTERM lets a running task finish, then stops.
            worker.configure_signals()
        self.stdout.write(f"Worker {worker.worker_id} started")
        while worker.running:
            close_old_connections()
            for job in daily.schedule_due():
                self.stdout.write(f"Queued {job.kind} for today")
            worker.run()
            if options["once"]:
                break
            time.sleep(options["interval"])
