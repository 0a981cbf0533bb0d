"""Tracking's receivers: an evidence file leaves storage when its record is deleted, and
an action the plan app changed is re-rated by the council's RAG rules."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from lineofsight.plans.changes import actions_changed
from lineofsight.plans.models import Action
from lineofsight.tracking.models import EvidenceFile
from lineofsight.tracking.services import refresh_rag


@receiver(post_delete, sender=EvidenceFile)
def delete_stored_file(sender: type[EvidenceFile], instance: EvidenceFile, **kwargs: Any) -> None:
    """Remove the stored file once the deletion has committed (a rollback keeps it)."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(actions_changed)
def rate_changed_actions(sender: type[Action], actions: Any, today: date | None = None, **kwargs: Any) -> int:
    """The plan app's write path changed these actions: run the council's RAG rules over
    them now (``services.refresh_rag``), in the writer's transaction."""
    return refresh_rag(actions, today)
