"""The task the queue runs: one job, by id (see ``jobs.run`` for the claim)."""

from __future__ import annotations

from django_tasks import task

from lineofsight.background import jobs


@task()
def run_job(job_id: int) -> str:
    """Run background job ``job_id`` unless another worker already has; returns its status."""
    return str(jobs.run(job_id))
