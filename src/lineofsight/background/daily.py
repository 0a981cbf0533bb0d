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

# In the order they run: RAG first, so the reminders speak of today's ratings.
DAILY_JOBS = ("refresh_rag", "remind", "prune_imports")


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
    """Queue today's daily jobs once the configured hour (London time) has passed.

    Every worker calls this on each pass; the job key ``name:YYYY-MM-DD`` is unique, so
    however many workers run, each job is queued once a day. Returns the jobs queued now.
    """
    local = timezone.localtime(now or timezone.now())
    if local.hour < settings.DAILY_JOBS_HOUR:
        return []
    queued = []
    for name in DAILY_JOBS:
        job, created = jobs.submit(name, key=f"{name}:{local.date().isoformat()}")
        if created:
            queued.append(job)
    return queued
