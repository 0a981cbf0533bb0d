"""API tokens: how a council's other systems (Power BI, a case-management system) sign in."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from lineofsight.accounts.models import Organisation


class ApiToken(models.Model):
    """A bearer token that acts as one user, with that user's role, in one organisation.

    Only a hash of the token is stored: the token itself is shown once, when it is made,
    and cannot be read back. A token stops working when it is revoked, when it expires,
    or when its user leaves the organisation.
    """

    class Scope(models.TextChoices):
        READ = "read", "Read only"
        WRITE = "write", "Read and write"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="api_tokens")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=200, blank=True, help_text="What the token is for, e.g. 'Power BI scorecard'")
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.READ)
    # SHA-256 of the token: the token carries 256 random bits, so a fast hash cannot be
    # brute-forced, and one indexed lookup finds it on every request.
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=16, help_text="The token's first characters, to tell tokens apart")
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Blank for a token that does not expire")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation", "-created"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.get_scope_display()}) for {self.user} at {self.organisation}"

    def is_active(self, now: datetime | None = None) -> bool:
        """Neither revoked nor past its expiry."""
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE
