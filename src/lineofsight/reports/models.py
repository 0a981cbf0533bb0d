"""Issued board packs: what a governance body was sent, frozen as it was sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import GovernanceBody


def pack_file_path(instance: BoardPackFile, filename: str) -> str:
    """Files sit under the organisation and body so a storage bucket reads sensibly."""
    pack = instance.pack
    return f"board-packs/{pack.organisation_id}/{pack.body_id}/{pack.meeting_date:%Y-%m-%d}-{pack.pk}/{filename}"


class BoardPack(models.Model):
    """A board pack issued to a governance body for one meeting.

    Issuing freezes it: ``content`` keeps everything the pack said (including each
    action's state, which the next pack compares with to say what changed), and the
    files the body received are kept in storage exactly as generated.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="board_packs")
    body = models.ForeignKey(GovernanceBody, on_delete=models.CASCADE, related_name="board_packs")
    meeting_date = models.DateField()
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    content = models.JSONField(help_text="The pack as built, frozen when issued")

    class Meta:
        ordering = ["body", "-meeting_date"]
        constraints = [models.UniqueConstraint(fields=["body", "meeting_date"], name="one_issued_pack_per_meeting")]

    def __str__(self) -> str:
        return f"{self.body.name} pack for {self.meeting_date.day} {self.meeting_date:%B %Y}"

    def file_for(self, fmt: str) -> BoardPackFile | None:
        """The stored file in one format (uses prefetched files when present)."""
        return next((f for f in self.files.all() if f.format == fmt), None)


class BoardPackFile(models.Model):
    """One format (HTML, PDF, Word, Excel) of an issued pack, as the body received it."""

    pack = models.ForeignKey(BoardPack, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(max_length=10)
    file = models.FileField(upload_to=pack_file_path, max_length=300)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pack", "format"]
        constraints = [models.UniqueConstraint(fields=["pack", "format"], name="one_file_per_format")]

    def __str__(self) -> str:
        return f"{self.pack} ({self.format})"
