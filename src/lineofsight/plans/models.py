"""The improvement plan as councils write it after an Ofsted inspection.

Organisation → Inspection → Plan → Recommendation → Action → ProgressUpdate, with the
people who own actions and the governance bodies that actions report to.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from simple_history.models import HistoricalRecords

from lineofsight.accounts.models import Organisation


class Status(models.TextChoices):
    """Delivery status of an action, as the plan documents word it."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


class Rag(models.TextChoices):
    """Red / amber / green rating; blue is complete-and-closed in many councils."""

    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"


class Person(models.Model):
    """Someone who owns actions: an officer, a role ("Head of Corporate Parenting") or a
    partner agency lead.

    Plans name owners as printed, often by role alone, and many owners never sign in:
    the optional user account links a person to a sign-in for "my actions".
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=300, help_text="As printed in the plan, e.g. 'Jo Bloggs – Head of Service'")
    role_title = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    agency = models.CharField(max_length=200, blank=True, help_text="Partner agency, if not the council")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_person_name_per_org")]

    def __str__(self) -> str:
        return self.name


class PersonAlias(models.Model):
    """Another spelling of a person's name, kept when two spellings are merged so that a
    later import of the same document maps "Julian Watkins, Head of Service" to the same
    person as "Julian Watkins – Head of Service"."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="person_aliases")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_person_alias_per_org")]

    def __str__(self) -> str:
        return f"{self.name} (= {self.person.name})"


class Inspection(models.Model):
    """An Ofsted inspection (or visit) whose report the plan responds to."""

    class Kind(models.TextChoices):
        ILACS_STANDARD = "ILACS", "ILACS standard inspection"
        ILACS_SHORT = "ILACS short", "ILACS short inspection"
        FOCUSED_VISIT = "Focused visit", "Focused visit"
        MONITORING_VISIT = "Monitoring visit", "Monitoring visit"
        JTAI = "JTAI", "Joint targeted area inspection"
        SLAC = "S&LAC", "Safeguarding and looked after children inspection"
        SIF = "SIF", "Single inspection framework"
        OTHER = "Other", "Other"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="inspections")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.ILACS_STANDARD)
    kind_text = models.CharField(
        max_length=100, blank=True, help_text="The kind as the plan words it, when it is not a standard one"
    )
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    report_url = models.URLField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-ended", "-started"]

    def __str__(self) -> str:
        when = f" ({self.ended:%B %Y})" if self.ended else ""
        return f"{self.kind_label}{when}"

    @property
    def kind_label(self) -> str:
        """The kind as the plan interchange format writes it."""
        return self.kind_text or self.kind


class Judgement(models.Model):
    """Ofsted's grade for one area of an inspection (e.g. care leavers: requires improvement)."""

    class Grade(models.TextChoices):
        OUTSTANDING = "outstanding", "Outstanding"
        GOOD = "good", "Good"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement to be good"
        INADEQUATE = "inadequate", "Inadequate"

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=200, help_text="e.g. Overall effectiveness, Care leavers")
    grade = models.CharField(max_length=30, choices=Grade.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_grade_display()}"


class GovernanceBody(models.Model):
    """A board or meeting the plan reports to: DMT, Improvement Board, Corporate
    Parenting Board, Scrutiny Panel, Safeguarding Children Partnership."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="governance_bodies")
    name = models.CharField(max_length=300)
    short_name = models.CharField(max_length=60, blank=True)
    chair = models.CharField(max_length=200, blank=True)
    meeting_frequency = models.CharField(max_length=100, blank=True, help_text="e.g. Monthly, Quarterly")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "governance bodies"
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_body_name_per_org")]

    def __str__(self) -> str:
        return self.short_name or self.name


class Plan(models.Model):
    """The improvement action plan written in response to an inspection."""

    class PlanStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="plans")
    inspection = models.ForeignKey(Inspection, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans")
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    organisation_text = models.CharField(
        max_length=200, blank=True, help_text="The council's name as the source document printed it"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title


class LiveManager(models.Manager):  # type: ignore[type-arg]
    """Leaves out archived rows, so every list, count, board pack and reminder works on
    the live plan; ``all_objects`` still reaches archived rows for their history."""

    def get_queryset(self) -> models.QuerySet:  # type: ignore[type-arg]
        return super().get_queryset().filter(archived_at__isnull=True)


class Recommendation(models.Model):
    """An Ofsted recommendation ("area for improvement", "issue raised", "priority area")
    and the outcomes the council promises for children.

    Recommendations are archived, never deleted: an archived one leaves the plan's pages,
    counts and packs but keeps its history.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    ref = models.CharField(max_length=50, blank=True, help_text="The number as printed, e.g. '13/14', 'Page 15'")
    text = models.TextField()
    report_page = models.CharField(max_length=30, blank=True)
    priority_band = models.CharField(max_length=100, blank=True, help_text="e.g. 'Within 3 months'")
    theme = models.CharField(max_length=100, blank=True, help_text="e.g. 'Care leavers'")
    section = models.CharField(max_length=300, blank=True, help_text="The heading row it sits under")
    order = models.PositiveIntegerField(default=0)
    outcomes = models.JSONField(default=list, blank=True)
    see_also = models.JSONField(default=list, blank=True, help_text="Refs this recommendation defers to")
    archived_at = models.DateTimeField(null=True, blank=True, help_text="When it was taken off the live plan")
    history = HistoricalRecords()

    # The first manager is the default one (and the one reverse relations use).
    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012  (the live manager must come first: it is the default)

    class Meta:
        ordering = ["plan", "order", "pk"]

    def __str__(self) -> str:
        prefix = f"{self.ref}. " if self.ref else ""
        return f"{prefix}{self.text[:80]}"


class Action(models.Model):
    """One thing the council will do: by whom, with whom, by when, measured how and
    reported to which governance body.

    ``version`` increases on every save through the app, so a second person saving an
    edit made from an older copy is refused instead of overwriting the first. Every
    change goes through ``plans.changes.change_action``.

    Actions are archived, never deleted: an archived action leaves counts, lists, packs
    and reminders but keeps its history.
    """

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    ref = models.CharField(max_length=20, blank=True, help_text="Sub-letter or number as printed, e.g. 'a'")
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    owners: models.ManyToManyField[Person, ActionOwner] = models.ManyToManyField(
        Person, through="ActionOwner", related_name="actions", blank=True
    )
    lead_agency = models.CharField(max_length=200, blank=True)
    partners = models.JSONField(default=list, blank=True)
    due_text = models.CharField(max_length=300, blank=True, help_text="The timescale as printed")
    due_date = models.DateField(null=True, blank=True, help_text="The normalised deadline")
    original_due_date = models.DateField(
        null=True, blank=True, help_text="The deadline before it was first moved (kept so boards see the slip)"
    )
    due_date_reason = models.TextField(blank=True, help_text="Why the deadline was last moved")
    start_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True, help_text="Reported RAG")
    rag_override = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    rag_override_reason = models.TextField(blank=True)
    measures = models.JSONField(default=list, blank=True)
    reported_to: models.ManyToManyField[GovernanceBody, ActionReport] = models.ManyToManyField(
        GovernanceBody, through="ActionReport", related_name="actions", blank=True
    )
    evidence_notes = models.TextField(blank=True)
    # Set by the council's RAG rules (tracking.services.refresh_rag), kept beside the
    # reported RAG and any override so lists can filter on it without recomputing.
    rag_computed = models.CharField(
        max_length=10, choices=Rag.choices, blank=True, help_text="RAG from the council's rules"
    )
    rag_reason = models.CharField(max_length=200, blank=True, help_text="Why the rules gave that RAG")
    is_stale = models.BooleanField(default=False, help_text="No update for the council's stale period (drift)")
    rag_computed_on = models.DateField(null=True, blank=True, help_text="London date the rules last ran")
    version = models.PositiveIntegerField(default=1)
    archived_at = models.DateTimeField(null=True, blank=True, help_text="When it was taken off the live plan")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012  (the live manager must come first: it is the default)

    class Meta:
        ordering = ["recommendation", "order", "pk"]

    def __str__(self) -> str:
        prefix = f"{self.ref}) " if self.ref else ""
        return f"{prefix}{self.text[:80]}"

    @staticmethod
    def effective_rag_expression(prefix: str = "") -> Coalesce:
        """``effective_rag`` as a database expression, for counting and filtering in SQL.

        ``prefix`` is the path from the queried model, e.g. ``"recommendations__actions__"``.
        """
        return Coalesce(
            NullIf(F(f"{prefix}rag_override"), Value("")),
            NullIf(F(f"{prefix}rag_computed"), Value("")),
            NullIf(F(f"{prefix}rag"), Value("")),
            Value(""),
            output_field=models.CharField(),
        )

    @property
    def effective_rag(self) -> str:
        """The RAG to show: a manual override wins over the computed rating, which wins
        over the rating reported in the plan document."""
        return self.rag_override or self.rag_computed or self.rag

    @property
    def plan_id(self) -> int:
        return self.recommendation.plan_id

    def owner_names(self) -> list[str]:
        """Owners in the order the plan lists them (uses prefetched links when present)."""
        links = sorted(self.owner_links.all(), key=lambda link: link.position)
        return [link.person.name for link in links]

    def body_names(self) -> list[str]:
        """Governance bodies in the order the plan lists them."""
        links = sorted(self.report_links.all(), key=lambda link: link.position)
        return [link.body.name for link in links]


class _ActionLink(models.Model):
    """What an action's ordered links share: their place in the plan's list, and history."""

    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["position"]


class ActionOwner(_ActionLink):
    """An owner of an action, in the order the plan names them."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="owner_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="owner_links")

    class Meta(_ActionLink.Meta):
        constraints = [models.UniqueConstraint(fields=["action", "person"], name="unique_action_owner")]

    def __str__(self) -> str:
        return f"{self.person} owns {self.action}"


class ActionReport(_ActionLink):
    """A governance body an action reports to, in the order the plan names them."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="report_links")
    body = models.ForeignKey(GovernanceBody, on_delete=models.CASCADE, related_name="report_links")

    class Meta(_ActionLink.Meta):
        constraints = [models.UniqueConstraint(fields=["action", "body"], name="unique_action_body")]

    def __str__(self) -> str:
        return f"{self.action} reports to {self.body}"


class ProgressUpdate(models.Model):
    """A dated progress narrative on an action, with the status and RAG it reports.

    Delivery (status complete), sign-off (the plan manager accepts it) and impact
    (evidence that things changed for children) are recorded separately, because
    boards ask about all three.
    """

    class Review(models.TextChoices):
        IMPORTED = "imported", "Imported from the plan document"
        SUBMITTED = "submitted", "Awaiting sign-off"
        ACCEPTED = "accepted", "Signed off"
        RETURNED = "returned", "Returned for more work"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    as_of = models.DateField(null=True, blank=True, help_text="The date the update speaks for")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    impact = models.TextField(blank=True, help_text="Evidence that things changed for children")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review = models.CharField(max_length=20, choices=Review.choices, default=Review.IMPORTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "order", "created", "pk"]

    def __str__(self) -> str:
        when = f"{self.as_of:%d %b %Y}" if self.as_of else "undated"
        return f"Update {when} on {self.action}"
