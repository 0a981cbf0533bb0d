"""Submitting, claiming, running and retrying background jobs (no HTTP here).

The task queue carries only a job's id. Whoever runs it first moves the job from
*queued* to *running* with one conditional ``UPDATE``; a second worker handed the same
id (a task delivered twice, two workers racing) finds nothing to claim and stops, so a
job's work is never done twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from lineofsight.background.models import Job
from lineofsight.core.registry import Registry, RegistryError

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class JobKind:
    """One kind of background work: ``run(params, progress)`` returns the result dict.

    An error of one of the ``expected_errors`` types is the job's own refusal ("the pack
    has no actions"), shown to people as its message; anything else is named with its type.
    """

    run: Callable[[dict[str, Any], Progress], dict[str, Any] | None]
    expected_errors: tuple[type[Exception], ...] = ()


# Kinds of job by name. Apps register theirs in ``AppConfig.ready()`` (the daily jobs in
# ``BackgroundConfig``, issuing a pack in ``ReportsConfig``), so this infrastructure app
# never imports the apps that use it. The queue carries only a job's id and kind.
job_kinds: Registry[JobKind] = Registry("background job")
# A job still "running" this long after it started was left by a worker that died.
ABANDONED_AFTER = timedelta(minutes=30)


class JobError(ValueError):
    """The job cannot be submitted or retried as asked; the message says why."""


def submit(
    kind: str,
    *,
    key: str | None = None,
    organisation: Any = None,
    user: Any = None,
    params: dict[str, Any] | None = None,
) -> tuple[Job, bool]:
    """Record a job and hand it to the task queue; ``(job, created)``.

    With a ``key`` that another job already holds, nothing new is queued and that job is
    returned, so pressing "issue" twice (or two workers scheduling the same daily job)
    queues the work once.
    """
    if kind not in job_kinds:
        raise JobError(f"No background job called {kind!r}; known: {', '.join(sorted(job_kinds))}")
    if key is not None and (existing := Job.objects.filter(key=key).first()) is not None:
        return existing, False
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=kind,
                key=key,
                organisation=organisation,
                requested_by=user if user is not None and getattr(user, "is_authenticated", False) else None,
                params=params or {},
            )
    except IntegrityError:  # another request created it between our look and our insert
        return Job.objects.get(key=key), False
    _enqueue(job)
    return job, True


def _enqueue(job: Job) -> None:
    from lineofsight.background.tasks import run_job

    # With the immediate backend (tests, `make run`) this runs the job here and now.
    run_job.enqueue(job.pk)
    job.refresh_from_db()


def claim(job_id: int) -> bool:
    """Move the job from queued to running; False when someone else already has."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        attempts=F("attempts") + 1,
        progress="Starting",
        error="",
    )
    return claimed == 1


def run(job_id: int) -> str:
    """Claim and run one job, recording its progress, result or error; returns its status."""
    if not claim(job_id):
        logger.info("Job %s was already claimed; not running it again", job_id)
        return Job.objects.filter(pk=job_id).values_list("status", flat=True).first() or "missing"
    job = Job.objects.get(pk=job_id)

    def progress(text: str) -> None:
        Job.objects.filter(pk=job_id).update(progress=text[:200])

    expected: tuple[type[Exception], ...] = ()
    try:
        kind = job_kinds.get(job.kind)
        expected = kind.expected_errors
        result = kind.run(job.params, progress)
    except Exception as exc:
        logger.exception("Job %s (%s) failed", job_id, job.kind)
        Job.objects.filter(pk=job_id).update(
            status=Job.Status.FAILED, error=describe_error(exc, expected), finished_at=timezone.now()
        )
        return Job.Status.FAILED
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.DONE, result=result or {}, progress="Finished", finished_at=timezone.now()
    )
    return Job.Status.DONE


def describe_error(exc: Exception, expected: tuple[type[Exception], ...] = ()) -> str:
    """The error as a person reads it: our own errors' messages (``JobError`` and the
    kind's ``expected`` errors) as they are, others named with their type."""
    if isinstance(exc, (JobError, RegistryError, *expected)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def can_retry(job: Job) -> bool:
    """A failed job, or one a dead worker left running, may be tried again."""
    if job.status == Job.Status.FAILED:
        return True
    return job.status == Job.Status.RUNNING and job.started_at is not None and is_abandoned(job)


def is_abandoned(job: Job) -> bool:
    """Still running long after it started: its worker died."""
    return job.started_at is not None and timezone.now() - job.started_at > ABANDONED_AFTER


def retry(job: Job) -> Job:
    """Queue a failed (or abandoned) job again; refused if it is queued, running or done."""
    abandoned = Q(status=Job.Status.RUNNING, started_at__lt=timezone.now() - ABANDONED_AFTER)
    moved = Job.objects.filter(Q(pk=job.pk) & (Q(status=Job.Status.FAILED) | abandoned)).update(
        status=Job.Status.QUEUED, progress="Waiting to start again", finished_at=None
    )
    if moved != 1:
        job.refresh_from_db()
        raise JobError(f"This job is {job.get_status_display().lower()}, so it cannot be retried.")
    _enqueue(job)
    return job
