"""A pending upload, held between the preview and the plan manager's confirmation."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from lineofsight.accounts.models import Organisation

# A preview older than this must be uploaded again: the plan may have moved on.
SESSION_LIFETIME = timedelta(hours=24)


class ImportSession(models.Model):
    """What the importer understood from an upload, waiting to be confirmed.

    The id is a random UUID so one upload cannot be guessed from another; every view
    still checks the organisation and role of the user against it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    plan_document = models.JSONField(help_text="The plan as imported, lineofsight/plan@1")
    warnings = models.JSONField(default=list, blank=True)
    target_plan = models.ForeignKey(
        "plans.Plan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The plan a re-import updates; empty for a new plan",
    )
    fingerprint = models.CharField(max_length=64, blank=True, help_text="Of the changes previewed")
    corrections = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the plan manager corrected in the preview: merged owner spellings "
        "(kept as aliases on confirm) and the inspection as the document printed it",
    )
    created = models.DateTimeField(auto_now_add=True)
    confirmed_plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Import of {self.filename} ({self.created:%d %b %Y %H:%M})"

    @property
    def expired(self) -> bool:
        return self.created < timezone.now() - SESSION_LIFETIME
