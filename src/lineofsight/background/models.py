"""Background work a person or the worker asked for, and what became of it.

A :class:`Job` is the record people see (a board pack being issued, last night's RAG
refresh): its status, progress, error and result. The task queue (django-tasks) only
carries the job's id; the job row is what guarantees a piece of work runs once, because
a worker must first move it from *queued* to *running* with a conditional update.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from lineofsight.accounts.models import Organisation


class Job(models.Model):
    """One piece of background work: issuing a pack, or one day's run of a daily job."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=40)
    # At most one job per key: one issue of a body's pack per meeting, one run of a daily
    # job per day. Two people (or two workers) asking at once get the same job.
    key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        """Done or failed: nothing more will happen unless someone retries."""
        return self.status in (self.Status.DONE, self.Status.FAILED)
