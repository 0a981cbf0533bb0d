"""The daily jobs, and the worker's schedule for them (no cron needed).

Each job calls the project's own management command, so a change to how RAG is
refreshed or reminders are sent reaches the schedule without being copied here.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from lineofsight.background import jobs
from lineofsight.background.models import Job

# (job, setting naming the London hour it may start from, weekdays only?) in the order they
# run: RAG first, so the reminders speak of today's ratings. Reminders go out at the start
# of the working day, Monday to Friday, as the cron lines in docs/reminders.md did.
DAILY_JOBS: tuple[tuple[str, str, bool], ...] = (
    ("refresh_rag", "DAILY_JOBS_HOUR", False),
    ("prune_imports", "DAILY_JOBS_HOUR", False),
    ("remind", "REMINDERS_HOUR", True),
)


def _command(name: str, progress: jobs.Progress) -> dict[str, Any]:
    progress(f"Running lineofsight {name}")
    out = io.StringIO()
    call_command(name, stdout=out)
    return {"output": out.getvalue().strip()[-2000:]}


def refresh_rag(params: dict[str, Any], progress: jobs.Progress) -> dict[str, Any]:
    """Recompute every open action's RAG (``lineofsight refresh_rag``)."""
    return _command("refresh_rag", progress)


def remind(params: dict[str, Any], progress: jobs.Progress) -> dict[str, Any]:
    """E-mail each owner their digest (``lineofsight remind``; at most one per owner a day)."""
    return _command("remind", progress)


def prune_imports(params: dict[str, Any], progress: jobs.Progress) -> dict[str, Any]:
    """Delete plan uploads too old to confirm (``lineofsight prune_imports``)."""
    return _command("prune_imports", progress)


def schedule_due(now: datetime | None = None) -> list[Job]:
    """Queue each of today's daily jobs once its hour (London time) has passed.

    Every worker calls this on each pass; the job key ``name:YYYY-MM-DD`` is unique, so
    however many workers run, each job is queued once a day. Returns the jobs queued now.
    """
    local = timezone.localtime(now or timezone.now())
    queued = []
    for name, hour_setting, weekdays_only in DAILY_JOBS:
        if local.hour < getattr(settings, hour_setting) or (weekdays_only and local.weekday() >= 5):
            continue
        job, created = jobs.submit(name, key=f"{name}:{local.date().isoformat()}")
        if created:
            queued.append(job)
    return queued


def register_job_kinds() -> None:
    """The daily jobs (called from ``BackgroundConfig.ready``)."""
    for kind, run in (("refresh_rag", refresh_rag), ("remind", remind), ("prune_imports", prune_imports)):
        jobs.job_kinds.register(kind, jobs.JobKind(run))
