"""Running the plan: the council's RAG settings, evidence files and reminder records."""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import Person, ProgressUpdate
from lineofsight.tracking.rules import RagRules

# The file types a council may attach as evidence; anything else (scripts, macros,
# archives) is refused at upload.
EVIDENCE_EXTENSIONS = ("pdf", "docx", "xlsx", "png", "jpg", "jpeg", "csv", "txt")


def parse_reminder_days(text: str) -> tuple[int, ...]:
    """'14, 3' → (14, 3); raises ValueError naming the part that is not a number of days."""
    days = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 0 <= int(part) <= 365:
            raise ValueError(f"'{part}' is not a number of days from 0 to 365")
        days.append(int(part))
    return tuple(sorted(set(days), reverse=True))


def validate_reminder_days(text: str) -> None:
    """Model validator for ``RagSettings.reminder_days``."""
    try:
        parse_reminder_days(text)
    except ValueError as exc:
        raise ValidationError(f"Enter days separated by commas, like 14, 3: {exc}") from exc


class RagSettings(models.Model):
    """How one council turns dates and updates into a RAG rating.

    Councils differ: one calls an action amber two weeks before its deadline, another
    a month before; some mark closed actions blue, others keep them green.
    """

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="rag_settings")
    due_soon_days = models.PositiveSmallIntegerField(
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="An action is 'due soon' this many days before its deadline",
    )
    no_update_days = models.PositiveSmallIntegerField(
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="A due-soon action with no update for this many days turns amber",
    )
    stale_days = models.PositiveSmallIntegerField(
        default=42,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text="An open action with no update for this many days is flagged as drifting",
    )
    use_blue = models.BooleanField(default=True, help_text="Show complete and signed-off actions as blue (else green)")
    reminder_days = models.CharField(
        max_length=50,
        default="14,3",
        blank=True,
        validators=[validate_reminder_days],
        help_text="Remind owners this many days before a deadline, e.g. '14,3' (each at most the due-soon days)",
    )

    class Meta:
        verbose_name = "RAG settings"
        verbose_name_plural = "RAG settings"

    def __str__(self) -> str:
        return f"RAG settings for {self.organisation}"

    def as_rules(self) -> RagRules:
        """The settings as the plain-Python rules object."""
        return RagRules(
            due_soon_days=self.due_soon_days,
            no_update_days=self.no_update_days,
            stale_days=self.stale_days,
            use_blue=self.use_blue,
            reminder_days=parse_reminder_days(self.reminder_days),
        )

    @classmethod
    def for_organisation(cls, organisation: Organisation | int) -> RagSettings:
        """The council's settings, or the defaults (unsaved) if it never set any."""
        org_id = organisation if isinstance(organisation, int) else organisation.pk
        found = cls.objects.filter(organisation_id=org_id).first()
        return found or cls(organisation_id=org_id)


def evidence_path(instance: EvidenceFile, filename: str) -> str:
    """Store under the organisation and action with a random name: the original name is
    kept in the database, never trusted as a path."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    action = instance.update.action
    org_id = action.recommendation.plan.organisation_id
    return f"evidence/{org_id}/{action.pk}/{uuid.uuid4().hex}{suffix}"


class EvidenceFile(models.Model):
    """A document an owner attaches to a progress update as evidence (an audit report, a
    panel's terms of reference, a spreadsheet of figures).

    Files go through Django's storage API, so production can keep them in object storage.
    """

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReminderLog(models.Model):
    """One reminder digest for one owner on one (London) date.

    The row is claimed *before* the email goes, so a second run of ``remind`` the same
    day (or two schedulers by mistake) never sends the same digest twice.
    """

    class State(models.TextChoices):
        CLAIMED = "claimed", "Sending"
        SENT = "sent", "Sent"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="reminders")
    sent_on = models.DateField()
    email = models.EmailField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.CLAIMED)
    overdue = models.PositiveIntegerField(default=0)
    due_soon = models.PositiveIntegerField(default=0)
    stale = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on", "person"]
        constraints = [models.UniqueConstraint(fields=["person", "sent_on"], name="one_reminder_per_person_per_day")]

    def __str__(self) -> str:
        return f"Reminder to {self.person} on {self.sent_on}"


class EmailPreferences(models.Model):
    """Which optional emails one person wants.

    Reminders about their own actions and a returned update (something they must do)
    always go; the rest are news they may prefer to read in the service.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences")
    updates_posted = models.BooleanField(
        default=True, help_text="An owner posted an update that needs your sign-off (plan managers)"
    )
    update_signed_off = models.BooleanField(default=True, help_text="Your update was signed off")
    rag_overridden = models.BooleanField(default=True, help_text="A plan manager overrode the RAG of your action")
    weekly_summary = models.BooleanField(default=True, help_text="A weekly summary of the plan (plan managers)")

    class Meta:
        verbose_name = "email preferences"
        verbose_name_plural = "email preferences"

    def __str__(self) -> str:
        return f"Email preferences of {self.user}"


class EmailLog(models.Model):
    """One email of a kind sent to one address for one occasion (``key``).

    Claimed before sending, like ``ReminderLog``, so the plan manager's list of actions
    no one can be reminded about, or the weekly summary, goes once however often the
    daily job runs.
    """

    kind = models.CharField(max_length=30)
    key = models.CharField(max_length=100, help_text="The occasion, e.g. the organisation and the day or week")
    email = models.EmailField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [models.UniqueConstraint(fields=["kind", "key", "email"], name="one_email_per_occasion")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} to {self.email}"
