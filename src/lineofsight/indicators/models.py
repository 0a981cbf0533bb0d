"""The council's scorecard: indicators, their targets, their values per period, and the
links between an indicator and the recommendations and actions meant to move it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from lineofsight.accounts.models import Organisation
from lineofsight.indicators import rules


class Unit(models.TextChoices):
    """What an indicator's numbers count, which sets how a value is printed."""

    PERCENT = "percent", "Percentage"
    DAYS = "days", "Days"
    COUNT = "count", "Count"
    RATE = "rate", "Rate (per 10,000 children)"


class Polarity(models.TextChoices):
    """Which way is good: most indicators improve upwards, delays and repeats downwards."""

    HIGHER = rules.HIGHER, "Higher is better"
    LOWER = rules.LOWER, "Lower is better"


class PeriodKind(models.TextChoices):
    """The length of time a value speaks for."""

    MONTH = rules.MONTH, "Month"
    QUARTER = rules.QUARTER, "Quarter"
    YEAR = rules.YEAR, "Year"


class Indicator(models.Model):
    """One line of the council's scorecard, such as "NI147 % of care leavers aged 19–21 in
    suitable accommodation": what it measures, which way is good, and where the data
    comes from.

    Standard indicators (national definitions, many computed from the SSDA903 and CIN
    census returns) are seeded for every council; a council adds its own local ones
    (visits within 6 weeks, adopter applications) and enters or uploads their values.
    """

    class Kind(models.TextChoices):
        STANDARD = "standard", "Standard (national definition)"
        LOCAL = "local", "Local (defined by the council)"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(max_length=30, help_text="As the scorecard and the plan write it, e.g. 'NI147', 'A1'")
    aliases = models.JSONField(
        default=list, blank=True, help_text="Other codes plans use for it, e.g. 'STAB1' for NI62"
    )
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True, help_text="Exactly what is counted, and over which children")
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.PERCENT)
    polarity = models.CharField(max_length=10, choices=Polarity.choices, default=Polarity.HIGHER)
    data_source = models.CharField(max_length=200, blank=True, help_text="e.g. 'SSDA903 oc3', 'Case management system'")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LOCAL)
    order = models.PositiveIntegerField(default=0, help_text="Position on the scorecard")
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="unique_indicator_code_per_org")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_standard(self) -> bool:
        return self.kind == self.Kind.STANDARD

    def all_codes(self) -> list[str]:
        """The code and every alias, as plans may write any of them."""
        return [self.code, *[str(a) for a in self.aliases or []]]


class Target(models.Model):
    """What the council aims for on an indicator, and by when: "90% by September 2026",
    "121 days by 2027". Within ``tolerance`` of the target (in the indicator's unit,
    percentage points for a percentage) a value is amber rather than red."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    value = models.FloatField()
    by_date = models.DateField(
        null=True, blank=True, help_text="The date the target is to be met; blank for a standing target"
    )
    tolerance = models.FloatField(default=0, help_text="How far short still counts as amber")
    note = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "by_date", "pk"]

    def __str__(self) -> str:
        when = f" by {self.by_date:%B %Y}" if self.by_date else ""
        return f"{self.indicator.code}: {self.value:g}{when}"

    def as_rule(self) -> rules.TargetRule:
        """The target in the pure form the RAG rules take."""
        return rules.TargetRule(value=self.value, tolerance=self.tolerance, by_date=self.by_date)


class IndicatorValue(models.Model):
    """The indicator's value for one month, quarter or year ("79%", "41 of 52" in
    2025-26 Q2), with where it came from: computed from the statutory returns, uploaded
    as CSV, or typed in. One value per indicator and period; a later one replaces it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    period_start = models.DateField()
    period_end = models.DateField()
    period_label = models.CharField(max_length=40, help_text="e.g. '2025-26 Q2'")
    value = models.FloatField()
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    provenance = models.TextField(blank=True, help_text="e.g. 'computed from SSDA903 files x, y on 2026-11-23'")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "period_end", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"], name="one_value_per_indicator_period"
            )
        ]
        indexes = [models.Index(fields=["indicator", "period_end"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period_label}: {self.value:g}"

    @property
    def fraction(self) -> str:
        """ "41 of 52" when the count behind the value is known, else ""."""
        return rules.fraction_text(self.numerator, self.denominator)


class IndicatorLink(models.Model):
    """An indicator that a recommendation or action is meant to move, so boards see
    whether the action made a difference for children.

    Links are suggested from the plan's "how will we measure it" text and stay
    unconfirmed until the plan manager confirms (or rejects) them; only confirmed links
    appear in board packs.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="links")
    recommendation = models.ForeignKey(
        "plans.Recommendation", null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_links"
    )
    action = models.ForeignKey(
        "plans.Action", null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_links"
    )
    confirmed = models.BooleanField(default=False)
    rejected = models.BooleanField(
        default=False, help_text="The plan manager said no, so the suggestion is not made again"
    )
    suggested_from = models.TextField(blank=True, help_text="The plan text the code was found in")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(recommendation__isnull=False, action__isnull=True)
                    | Q(recommendation__isnull=True, action__isnull=False)
                ),
                name="link_to_recommendation_or_action",
            ),
            models.CheckConstraint(
                condition=~Q(confirmed=True, rejected=True), name="link_not_both_confirmed_and_rejected"
            ),
            models.UniqueConstraint(
                fields=["indicator", "action"],
                condition=Q(action__isnull=False),
                name="unique_indicator_action_link",
            ),
            models.UniqueConstraint(
                fields=["indicator", "recommendation"],
                condition=Q(recommendation__isnull=False),
                name="unique_indicator_recommendation_link",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} ↔ {self.action or self.recommendation}"

    @property
    def state(self) -> str:
        """'confirmed', 'rejected' or 'suggested'."""
        if self.confirmed:
            return "confirmed"
        return "rejected" if self.rejected else "suggested"
