"""Scorecard workflows: seeding the catalogue, storing values (computed, uploaded or
typed), summarising indicators for the scorecard and board packs, and linking
indicators to the plan. Each write happens in one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Protocol

from django.db import IntegrityError, models, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from lineofsight.accounts.models import Organisation
from lineofsight.indicators import rules
from lineofsight.indicators.csv_values import parse_values_csv
from lineofsight.indicators.models import Indicator, IndicatorLink, IndicatorValue, Unit

SERIES_LENGTH = 12  # periods shown in a chart: three years of quarters


# --- The catalogue ------------------------------------------------------------------


@cache
def standard_catalogue() -> tuple[dict[str, Any], ...]:
    """The standard indicators shipped with Line of Sight (``data/standard_indicators.json``)."""
    text = resources.files("lineofsight.indicators").joinpath("data/standard_indicators.json").read_text("utf-8")
    return tuple(json.loads(text))


def ensure_standard_indicators(organisation: Organisation) -> int:
    """Give the organisation every standard indicator it lacks; return how many were added.

    Safe to call on every scorecard visit: indicators the council already has (even if
    it has edited their wording) are left alone.
    """
    have = {code.upper() for code in Indicator.objects.filter(organisation=organisation).values_list("code", flat=True)}
    missing = [
        Indicator(
            organisation=organisation,
            code=entry["code"],
            aliases=list(entry.get("aliases", [])),
            title=entry["title"],
            definition=entry["definition"],
            unit=entry["unit"],
            polarity=entry["polarity"],
            data_source=entry["data_source"],
            kind=Indicator.Kind.STANDARD,
            order=position,
        )
        for position, entry in enumerate(standard_catalogue(), start=1)
        if entry["code"].upper() not in have
    ]
    # Two first visits at once: the other request may have seeded the catalogue already.
    return _create_unless_raced(missing, Indicator)


def _create_unless_raced(objects: list[Any], model: type[models.Model]) -> int:
    """Create ``objects`` (with history) all at once and return how many; 0 when a
    concurrent request created them first and a unique constraint refused these."""
    if not objects:
        return 0
    try:
        with transaction.atomic():
            bulk_create_with_history(objects, model)
    except IntegrityError:
        return 0
    return len(objects)


def code_index(organisation: Organisation) -> dict[str, Indicator]:
    """Every code and alias of the organisation's indicators, upper-cased, to its indicator."""
    index: dict[str, Indicator] = {}
    for indicator in Indicator.objects.filter(organisation=organisation):
        for code in indicator.all_codes():
            index.setdefault(code.upper(), indicator)
    return index


def next_order(organisation: Organisation) -> int:
    """The scorecard position after the organisation's last indicator."""
    last = (
        Indicator.objects.filter(organisation=organisation).order_by("-order").values_list("order", flat=True).first()
    )
    return (last or 0) + 1


# --- Storing values -------------------------------------------------------------------


class ComputedResult(Protocol):
    """What the compute package hands over for one indicator (read-only, so a result
    whose counts are plain ints satisfies it)."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def numerator(self) -> float | int | None: ...
    @property
    def denominator(self) -> float | int | None: ...
    @property
    def unit(self) -> str: ...


@dataclass(frozen=True)
class NewValue:
    """A value about to be stored for an indicator and period."""

    indicator: Indicator
    period: rules.Period
    value: float
    numerator: float | None = None
    denominator: float | None = None


VALUE_FIELDS = ("period_kind", "period_label", "value", "numerator", "denominator", "provenance", "entered_by_id")


@dataclass(frozen=True)
class StoreCounts:
    """How many values were new, replaced, or already held exactly as given."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def stored(self) -> int:
        return self.created + self.updated

    def describe(self) -> str:
        """ "2 new, 1 replaced, 3 already held"."""
        return f"{self.created} new, {self.updated} replaced, {self.unchanged} already held"


def store_values(new_values: Sequence[NewValue], provenance: str, entered_by: Any = None) -> StoreCounts:
    """Create or replace many values at once, each with its change history.

    One query finds the values already held; new ones go in with one bulk insert. A
    value already held exactly as given (same figures, same source) is left alone, so
    running the same import twice adds nothing to the change history.
    """
    if not new_values:
        return StoreCounts()
    existing = {
        (v.indicator_id, v.period_start, v.period_end): v
        for v in IndicatorValue.objects.filter(
            indicator_id__in={n.indicator.pk for n in new_values},
            period_start__in={n.period.start for n in new_values},
        )
    }
    now = timezone.now()
    to_create: list[IndicatorValue] = []
    to_update: list[IndicatorValue] = []
    unchanged = 0
    for new in new_values:
        fields: dict[str, Any] = {
            "period_kind": new.period.kind,
            "period_label": new.period.label,
            "value": new.value,
            "numerator": new.numerator,
            "denominator": new.denominator,
            "provenance": provenance,
            # The id, not the user, so comparing with a held value needs no query per row.
            "entered_by_id": entered_by.pk if entered_by is not None else None,
        }
        current = existing.get((new.indicator.pk, new.period.start, new.period.end))
        if current is None:
            to_create.append(
                IndicatorValue(
                    indicator=new.indicator, period_start=new.period.start, period_end=new.period.end, **fields
                )
            )
        elif all(getattr(current, name) == value for name, value in fields.items()):
            unchanged += 1
        else:
            for name, value in fields.items():
                setattr(current, name, value)
            current.updated = now
            to_update.append(current)
    with transaction.atomic():
        if to_create:
            bulk_create_with_history(to_create, IndicatorValue, batch_size=500, default_user=entered_by)
        if to_update:
            # One plain UPDATE per row: Django's bulk_update writes a CASE per field and row
            # that SQLite plans ten times slower than this for a few hundred rows.
            for value in to_update:
                IndicatorValue.objects.filter(pk=value.pk).update(
                    **{name: getattr(value, name) for name in (*VALUE_FIELDS, "updated")}
                )
            IndicatorValue.history.bulk_history_create(  # type: ignore[attr-defined]
                to_update, update=True, default_user=entered_by
            )
    return StoreCounts(len(to_create), len(to_update), unchanged)


def store_value(
    indicator: Indicator,
    period: rules.Period,
    value: float,
    numerator: float | None,
    denominator: float | None,
    provenance: str,
    entered_by: Any = None,
) -> bool:
    """Create or replace the indicator's value for one period; True if it was new."""
    counts = store_values([NewValue(indicator, period, value, numerator, denominator)], provenance, entered_by)
    return counts.created == 1


def period_from(period_label: str, period_start: date, period_end: date) -> rules.Period:
    """The period for a label and dates given together (the dates win if they disagree)."""
    try:
        parsed = rules.parse_period(period_label)
    except rules.PeriodError:
        parsed = None
    if parsed is not None and (parsed.start, parsed.end) == (period_start, period_end):
        return parsed
    return rules.Period(rules.period_kind_for(period_start, period_end), period_start, period_end, period_label)


_UNIT_WORDS = {
    "%": Unit.PERCENT,
    "percentage": Unit.PERCENT,
    "day": Unit.DAYS,
    "children": Unit.COUNT,
    "episodes": Unit.COUNT,
    "number": Unit.COUNT,
}


def unit_from(text: str | None) -> str:
    """The catalogue unit for a unit as the compute package or a person writes it."""
    word = (text or "").strip().lower()
    if word in Unit.values:
        return word
    return _UNIT_WORDS.get(word, Unit.COUNT)


def record_computed_values(
    organisation: Organisation,
    period_label: str,
    period_start: date,
    period_end: date,
    results: Iterable[ComputedResult],
    provenance: str,
) -> int:
    """Store the values computed from the statutory returns for one period.

    Each result (attributes code, title, value, numerator, denominator, unit; polarity
    and definition if it has them) replaces the indicator's value for the period; an
    unknown code becomes a local indicator.
    A result without a value (nothing to count, or a return missing) is skipped rather
    than blanking a value entered by hand. Returns the number of values stored (new,
    replaced, or already held exactly so).
    """
    ensure_standard_indicators(organisation)
    period = period_from(period_label, period_start, period_end)
    new_values: dict[int, NewValue] = {}
    with transaction.atomic():
        index = code_index(organisation)
        for result in results:
            if result.value is None:
                continue
            code = str(result.code).strip()
            indicator = index.get(code.upper())
            if indicator is None:
                polarity = getattr(result, "polarity", None)
                indicator = Indicator.objects.create(
                    organisation=organisation,
                    code=code,
                    title=(result.title or code)[:300],
                    definition=str(getattr(result, "definition", "") or ""),
                    unit=unit_from(result.unit),
                    polarity=polarity if polarity in (rules.HIGHER, rules.LOWER) else rules.HIGHER,
                    data_source="Computed from statutory returns",
                    kind=Indicator.Kind.LOCAL,
                    order=next_order(organisation),
                )
                index[code.upper()] = indicator
            # Keyed by indicator: a code and its alias in one run store one value.
            new_values[indicator.pk] = NewValue(
                indicator,
                period,
                float(result.value),
                None if result.numerator is None else float(result.numerator),
                None if result.denominator is None else float(result.denominator),
            )
        store_values(list(new_values.values()), provenance)
    return len(new_values)


class ValuesImportError(ValueError):
    """The CSV was refused; ``errors`` lists every problem, by row and column."""

    def __init__(self, errors: Sequence[str], source: str = "") -> None:
        self.errors = list(errors)
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + "; ".join(self.errors[:5]) + (" …" if len(self.errors) > 5 else ""))


def import_values_csv(
    organisation: Organisation, data: bytes, *, source: str, entered_by: Any = None, via: str = "CSV upload"
) -> StoreCounts:
    """Store a CSV of values for the organisation's indicators: all rows or none.

    Raises ValuesImportError with every problem found (row and column named) and
    stores nothing if any row is wrong.
    """
    ensure_standard_indicators(organisation)
    index = code_index(organisation)
    units = {code: indicator.unit for code, indicator in index.items()}
    parsed = parse_values_csv(data, units)
    errors = list(parsed.errors)
    # The parser sees codes as written; an alias (STAB1) and its code (NI62) for the same
    # period are the same value twice.
    first_row: dict[tuple[int, date, date], int] = {}
    for row in parsed.rows:
        key = (index[row.code].pk, row.period.start, row.period.end)
        if key in first_row:
            errors.append(
                f"row {row.row}: repeats row {first_row[key]} ({index[row.code].code}, {row.period.label}); "
                "give each indicator one value per period"
            )
        first_row.setdefault(key, row.row)
    if errors:
        raise ValuesImportError(errors, source)
    who = f" by {entered_by.get_username()}" if entered_by is not None else ""
    provenance = f"{via} of {source}{who} on {timezone.localdate():%Y-%m-%d}"
    new_values = [
        NewValue(index[row.code], row.period, row.value, row.numerator, row.denominator) for row in parsed.rows
    ]
    try:
        with transaction.atomic():
            return store_values(new_values, provenance, entered_by)
    except IntegrityError as exc:
        raise ValuesImportError(
            ["another upload stored values for the same periods at the same moment; upload the file again"], source
        ) from exc


# --- Summaries for the scorecard, the indicator page and board packs -----------------------


@dataclass(frozen=True)
class ValuePoint:
    """One period's value, with the target that applied to it."""

    period_label: str
    period_kind: str
    period_start: date
    period_end: date
    value: float
    numerator: float | None = None
    denominator: float | None = None
    target: float | None = None

    @property
    def fraction(self) -> str:
        """ "41 of 52", or "" when the counts are not known."""
        return rules.fraction_text(self.numerator, self.denominator)


@dataclass(frozen=True)
class IndicatorSummary:
    """Everything a scorecard line or a board pack needs to say about one indicator."""

    id: int
    code: str
    title: str
    unit: str
    polarity: str
    kind: str
    data_source: str
    latest: ValuePoint | None
    previous: ValuePoint | None
    target: rules.TargetRule | None
    rag: str | None
    trend: str | None
    series: list[ValuePoint] = field(default_factory=list)

    @property
    def latest_text(self) -> str:
        return rules.format_value(self.latest.value if self.latest else None, self.unit)

    @property
    def previous_text(self) -> str:
        return rules.format_value(self.previous.value if self.previous else None, self.unit)

    @property
    def target_text(self) -> str:
        """ "90% by Sep 2026", or "" without a target."""
        if self.target is None:
            return ""
        when = f" by {self.target.by_date:%b %Y}" if self.target.by_date else ""
        return rules.format_value(self.target.value, self.unit) + when

    @property
    def fraction(self) -> str:
        return self.latest.fraction if self.latest else ""

    @property
    def tolerance_text(self) -> str:
        """ "5 percentage points", "30 days", or "" without a tolerance."""
        if self.target is None or not self.target.tolerance:
            return ""
        amount = rules.format_number(self.target.tolerance)
        return {"percent": f"{amount} percentage points", "days": f"{amount} days"}.get(self.unit, amount)

    @property
    def direction(self) -> str:
        """Which way the value moved since the previous period: 'up', 'down' or 'flat'."""
        if self.latest is None or self.previous is None or self.trend == rules.SAME:
            return "flat"
        return "up" if self.latest.value > self.previous.value else "down"

    @property
    def polarity_text(self) -> str:
        return "Higher is better" if self.polarity == rules.HIGHER else "Lower is better"


def summarise(indicator: Indicator, series_length: int = SERIES_LENGTH) -> IndicatorSummary:
    """The indicator's latest value, target, RAG, trend and recent series.

    Uses prefetched ``values`` and ``targets`` when the caller prefetched them.
    """
    target_rules = [t.as_rule() for t in indicator.targets.all()]
    values = sorted(indicator.values.all(), key=lambda v: (v.period_end, v.period_start))
    latest_row = values[-1] if values else None
    same_kind = [v for v in values if latest_row is not None and v.period_kind == latest_row.period_kind]

    def point(row: IndicatorValue) -> ValuePoint:
        applies = rules.target_for(row.period_end, target_rules)
        return ValuePoint(
            period_label=row.period_label,
            period_kind=row.period_kind,
            period_start=row.period_start,
            period_end=row.period_end,
            value=row.value,
            numerator=row.numerator,
            denominator=row.denominator,
            target=applies.value if applies else None,
        )

    series = [point(v) for v in same_kind[-series_length:]]
    latest = series[-1] if series else None
    previous = series[-2] if len(series) > 1 else None
    target = rules.target_for(latest.period_end if latest else None, target_rules)
    return IndicatorSummary(
        id=indicator.pk,
        code=indicator.code,
        title=indicator.title,
        unit=indicator.unit,
        polarity=indicator.polarity,
        kind=indicator.kind,
        data_source=indicator.data_source,
        latest=latest,
        previous=previous,
        target=target,
        rag=rules.rag(
            latest.value if latest else None,
            target.value if target else None,
            target.tolerance if target else 0.0,
            indicator.polarity,
        ),
        trend=rules.trend(latest.value if latest else None, previous.value if previous else None, indicator.polarity),
        series=series,
    )


def _with_values(queryset: Any) -> Any:
    return queryset.prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("period_end", "period_start")),
        "targets",
    )


def scorecard(organisation: Organisation) -> list[IndicatorSummary]:
    """Every indicator of the organisation, in scorecard order, summarised (3 queries)."""
    indicators = _with_values(Indicator.objects.filter(organisation=organisation).order_by("order", "code"))
    return [summarise(indicator) for indicator in indicators]


def indicators_for_actions(actions: Iterable[Any]) -> list[IndicatorSummary]:
    """Summaries of the indicators linked (and confirmed) to any of these actions or to
    their recommendations, for a board pack; in scorecard order, each once."""
    action_list = list(actions)
    action_ids = {a.pk for a in action_list}
    recommendation_ids = {a.recommendation_id for a in action_list}
    if not action_ids:
        return []
    linked = IndicatorLink.objects.filter(confirmed=True).filter(
        Q(action_id__in=action_ids) | Q(recommendation_id__in=recommendation_ids)
    )
    indicators = _with_values(Indicator.objects.filter(pk__in=linked.values("indicator_id")).order_by("order", "code"))
    return [summarise(indicator) for indicator in indicators]


# --- Links between indicators and the plan --------------------------------------------


def _measure_texts(measures: Any) -> list[str]:
    if isinstance(measures, str):
        return [measures]
    return [str(m) for m in measures or [] if m]


def refresh_link_suggestions(organisation: Organisation) -> int:
    """Suggest links from every action's measures (and every recommendation's outcomes)
    to the indicators whose codes they mention; return how many new suggestions.

    Links already confirmed or rejected are never suggested again.
    """
    from lineofsight.plans.models import Action, Recommendation

    ensure_standard_indicators(organisation)
    index = code_index(organisation)
    if not index:
        return 0
    codes = list(index)
    new_links: list[IndicatorLink] = []
    # Actions say what they measure in ``measures``, recommendations in ``outcomes``.
    linkable = (
        ("action", Action.objects.filter(recommendation__plan__organisation=organisation).only("pk", "measures")),
        ("recommendation", Recommendation.objects.filter(plan__organisation=organisation).only("pk", "outcomes")),
    )
    for link_to, objects in linkable:
        existing = set(
            IndicatorLink.objects.filter(
                indicator__organisation=organisation, **{f"{link_to}__isnull": False}
            ).values_list("indicator_id", f"{link_to}_id")
        )
        for obj in objects:
            text = obj.measures if isinstance(obj, Action) else obj.outcomes
            for suggestion in rules.suggest_links(_measure_texts(text), codes):
                indicator = index[suggestion.code]
                if (indicator.pk, obj.pk) not in existing:
                    existing.add((indicator.pk, obj.pk))
                    new_links.append(
                        IndicatorLink(indicator=indicator, suggested_from=suggestion.text, **{link_to: obj})
                    )
    # Another plan manager's visit may have made the same suggestions a moment ago.
    return _create_unless_raced(new_links, IndicatorLink)


def decide_link(link: IndicatorLink, *, confirm: bool, user: Any) -> IndicatorLink:
    """The plan manager confirms a suggested link (it then shows in board packs) or
    rejects it (it is then not suggested again)."""
    link.confirmed = confirm
    link.rejected = not confirm
    link.decided_by = user
    link.save(update_fields=["confirmed", "rejected", "decided_by"])
    return link


def add_link(
    indicator: Indicator, *, action: Any = None, recommendation: Any = None, user: Any = None
) -> IndicatorLink:
    """Link an indicator to an action or recommendation by hand, confirmed at once."""
    target_org = (action.recommendation.plan if action is not None else recommendation.plan).organisation_id
    if target_org != indicator.organisation_id:
        raise ValueError("The indicator and the plan belong to different organisations")
    link, _ = IndicatorLink.objects.update_or_create(
        indicator=indicator,
        action=action,
        recommendation=None if action is not None else recommendation,
        defaults={"confirmed": True, "rejected": False, "decided_by": user, "suggested_from": ""},
    )
    return link
