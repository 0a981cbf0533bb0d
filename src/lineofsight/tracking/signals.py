"""Keep storage tidy: an evidence file leaves storage when its record is deleted."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from lineofsight.tracking.models import EvidenceFile


@receiver(post_delete, sender=EvidenceFile)
def delete_stored_file(sender: type[EvidenceFile], instance: EvidenceFile, **kwargs: Any) -> None:
    """Remove the stored file once the deletion has committed (a rollback keeps it)."""
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
