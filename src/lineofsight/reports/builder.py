"""The board pack builder: what a pack says, computed once for every format.

:func:`build_pack` reads the actions that report to one governance body (across the
organisation's active plans) and returns a :class:`BoardPackContent` of plain
dataclasses. Exporters (``reports/exporters``) only lay that content out, so the HTML,
PDF, Word and Excel packs can never disagree with each other.

"What changed" compares each action's state now with a *baseline*: the frozen content of
the body's last issued pack when there is one, else the plan's history (django-simple-
history) as it stood one meeting cycle ago. The comparison itself is the pure function
:func:`compare_snapshots`.

Optional sections (the scorecard's indicators, and whatever comes next) are registered in
:data:`pack_sections` from ``AppConfig.ready()``; a provider that returns ``None`` is left
out of the pack.
"""

from __future__ import annotations

import dataclasses
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped]

from lineofsight.core.registry import Registry

if TYPE_CHECKING:
    from lineofsight.plans.models import Action, GovernanceBody
    from lineofsight.reports.models import BoardPack

RAGS = ("red", "amber", "green", "blue", "")
RAG_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue", "": "No RAG"}
STATUS_LABELS = {"complete": "Complete", "in_progress": "In progress", "not_started": "Not started", "": "Not stated"}
# The drift threshold a pack's content starts with; ``build_pack`` sets the council's own
# from the tracking app's RAG rules.
DEFAULT_STALE_AFTER_DAYS = 90
NO_THEME = "No theme"

CHANGE_KINDS: OrderedDict[str, str] = OrderedDict(
    [
        ("completed", "Completed"),
        ("deadline_moved", "Deadlines moved"),
        ("rag_moved", "RAG moved"),
        ("new_update", "New progress updates"),
        ("new_action", "New actions"),
    ]
)


# --------------------------------------------------------------------------- content


def long_date(day: date) -> str:
    """A date as councils write it in papers: "7 March 2026"."""
    return f"{day.day} {day:%B %Y}"


@dataclass
class RagCount:
    """How many actions are at each RAG rating."""

    red: int = 0
    amber: int = 0
    green: int = 0
    blue: int = 0
    none: int = 0

    def add(self, rag: str) -> None:
        attr = rag if rag in ("red", "amber", "green", "blue") else "none"
        setattr(self, attr, getattr(self, attr) + 1)

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.blue + self.none

    def items(self) -> list[tuple[str, str, int]]:
        """(rag, label, count) in display order, for exporters."""
        return [(rag, RAG_LABELS[rag], getattr(self, rag or "none")) for rag in RAGS]


@dataclass
class ActionLine:
    """One action as the pack shows it."""

    id: int
    plan: str
    recommendation_ref: str
    label: str
    text: str
    owners: list[str]
    due_text: str
    due_date: date | None
    status: str
    rag: str
    last_update_on: date | None = None
    # Why the action has its RAG ("due 31 Jan 2026, no update since 3 Nov 2025"), from
    # the council's rules or the plan manager's override.
    rag_reason: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def rag_label(self) -> str:
        return RAG_LABELS.get(self.rag, self.rag)

    @property
    def rag_summary(self) -> str:
        """The rating and its reason: "Red: due 31 Jan 2026, no update since 3 Nov 2025"."""
        return f"{self.rag_label}: {self.rag_reason}" if self.rag_reason else self.rag_label

    @property
    def due(self) -> str:
        """The timescale as printed, else the normalised date."""
        if self.due_text:
            return self.due_text
        return long_date(self.due_date) if self.due_date else ""


@dataclass
class UpdateLine:
    """A signed-off (or imported) progress update quoted in the narrative."""

    id: int
    action_label: str
    as_of: date | None
    text: str
    impact: str = ""


@dataclass
class RecommendationBlock:
    """A recommendation with its actions for this body, their RAG and the narrative."""

    id: int
    plan: str
    ref: str
    text: str
    theme: str
    outcomes: list[str]
    counts: RagCount
    actions: list[ActionLine]
    updates: list[UpdateLine]

    @property
    def heading(self) -> str:
        return f"{self.ref}. {self.text}" if self.ref else self.text


@dataclass
class ThemeSummary:
    """RAG counts for one theme of the plan."""

    theme: str
    counts: RagCount


@dataclass
class Change:
    """Something that changed for an action since the baseline."""

    kind: str
    action_id: int
    action_label: str
    action_text: str
    before: str
    after: str

    @property
    def kind_label(self) -> str:
        return CHANGE_KINDS.get(self.kind, self.kind)


@dataclass
class ExceptionLine:
    """An action the body should look at: red, overdue or stale."""

    action: ActionLine
    reasons: list[str]


@dataclass
class SeriesPoint:
    label: str
    value: float | None


@dataclass
class Series:
    """A run of values over time, drawn as a trend chart (e.g. one indicator)."""

    title: str
    points: list[SeriesPoint]
    target: float | None = None
    unit: str = ""


@dataclass
class PackSection:
    """An optional section: a table, plus trend charts when it has series."""

    key: str
    title: str
    intro: str
    columns: list[str]
    rows: list[list[str]]
    series: list[Series] = field(default_factory=list)


@dataclass
class Baseline:
    """What "changed since" compares with."""

    kind: str  # "pack": the last issued pack; "history": the plan as it stood; "none"
    description: str
    since: date | None = None


@dataclass
class BoardPackContent:
    """Everything a board pack says, ready for any exporter."""

    organisation: str
    body_name: str
    body_short_name: str
    meeting_date: date
    generated_at: datetime
    baseline: Baseline
    plans: list[str]
    overall: RagCount
    by_theme: list[ThemeSummary]
    by_recommendation: list[RecommendationBlock]
    changes: list[Change]
    exceptions: list[ExceptionLine]
    sections: list[PackSection]
    snapshot: dict[str, dict[str, Any]]
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    # A preview downloaded before issue: every format says DRAFT, so it cannot pass for
    # the issued pack.
    draft: bool = False

    @property
    def title(self) -> str:
        title = f"{self.body_name}: board pack for the meeting on {long_date(self.meeting_date)}"
        return f"DRAFT – {title}" if self.draft else title

    @property
    def actions(self) -> list[ActionLine]:
        return [line for block in self.by_recommendation for line in block.actions]

    def changes_by_kind(self) -> list[tuple[str, str, list[Change]]]:
        """(kind, label, changes) for every kind, in a fixed order, empty kinds included."""
        return [(kind, label, [c for c in self.changes if c.kind == kind]) for kind, label in CHANGE_KINDS.items()]

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe dict (dates as ISO strings) to freeze in an issued pack."""
        return _jsonable(dataclasses.asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


# --------------------------------------------------------------------------- snapshots


def action_state(
    *,
    label: str,
    text: str,
    status: str,
    rag: str,
    due_date: date | None,
    due_text: str,
    update_ids: Iterable[int],
) -> dict[str, Any]:
    """The part of an action a later pack compares with (JSON-safe)."""
    return {
        "label": label,
        "text": text,
        "status": status or "",
        "rag": rag or "",
        "due_date": due_date.isoformat() if due_date else None,
        "due_text": due_text or "",
        "updates": sorted(update_ids),
    }


def _is_complete(state: dict[str, Any]) -> bool:
    return state.get("status") == "complete" or state.get("rag") == "blue"


def _due_words(state: dict[str, Any]) -> str:
    if state.get("due_date"):
        shown = long_date(date.fromisoformat(state["due_date"]))
        text = state.get("due_text") or ""
        return f"{text} ({shown})" if text and text != shown else shown
    return state.get("due_text") or "no deadline"


def compare_snapshots(
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    update_text: dict[int, str] | None = None,
) -> list[Change]:
    """What changed from ``before`` to ``after`` (both keyed by action id as a string).

    Pure function: completed, deadline moved, RAG moved, new progress updates and
    actions that were not there before. Actions that left the body are not reported.
    """
    update_text = update_text or {}
    changes: list[Change] = []
    for key, now in after.items():
        action_id = int(key)

        def change(kind: str, was: str, becomes: str, now: dict[str, Any] = now, action_id: int = action_id) -> None:
            changes.append(Change(kind, action_id, now["label"], now["text"], was, becomes))

        was = before.get(key)
        if was is None:
            change("new_action", "", STATUS_LABELS.get(now["status"], now["status"]))
            continue
        if _is_complete(now) and not _is_complete(was):
            change("completed", STATUS_LABELS.get(was["status"], was["status"]), "Complete")
        if (was.get("due_date"), was.get("due_text")) != (now.get("due_date"), now.get("due_text")):
            change("deadline_moved", _due_words(was), _due_words(now))
        if was.get("rag", "") != now.get("rag", ""):
            change("rag_moved", RAG_LABELS.get(was["rag"], was["rag"]), RAG_LABELS.get(now["rag"], now["rag"]))
        for update_id in sorted(set(now["updates"]) - set(was.get("updates") or [])):
            change("new_update", "", update_text.get(update_id, ""))
    order = list(CHANGE_KINDS)
    changes.sort(key=lambda c: order.index(c.kind))
    return changes


# --------------------------------------------------------------------------- optional sections


@dataclass
class SectionContext:
    """What an optional section provider gets: the pack's actions and their lines."""

    body: GovernanceBody
    meeting_date: date
    actions: list[Action]
    lines: dict[int, ActionLine]


SectionProvider = Callable[[SectionContext], PackSection | None]
# Optional sections, in the order a pack shows them. Apps add theirs in ``AppConfig.ready()``
# (``ReportsConfig.ready`` registers the scorecard's; see ``reports/sections.py``).
pack_sections: Registry[SectionProvider] = Registry("board-pack section")


# --------------------------------------------------------------------------- building


StaleCheck = Callable[["Action", date], bool]


def drift_rules(organisation_id: int) -> tuple[int, StaleCheck]:
    """The council's drift threshold and test: the RAG rules' own ``is_stale``, so a pack
    calls "drifting" exactly what the plan page and reminders do."""
    from lineofsight.tracking import rules as tracking_rules
    from lineofsight.tracking import services as tracking_services

    rag_rules = tracking_services.rules_for(organisation_id)

    def check(action: Action, day: date) -> bool:
        return tracking_rules.is_stale(tracking_services.action_facts(action), rag_rules, day)

    return rag_rules.stale_days, check


def meeting_cycle(frequency: str) -> relativedelta:
    """How far back "since the last meeting" reaches for a body with no issued pack."""
    text = (frequency or "").lower()
    if "fortnight" in text:
        return relativedelta(weeks=2)
    if "week" in text:
        return relativedelta(weeks=1)
    if "bi-month" in text or "two month" in text or "2 month" in text:
        return relativedelta(months=2)
    if "quarter" in text or "three month" in text or "3 month" in text:
        return relativedelta(months=3)
    if "six month" in text or "6 month" in text or "half" in text:
        return relativedelta(months=6)
    if "year" in text or "annual" in text:
        return relativedelta(years=1)
    return relativedelta(months=1)


def visible_updates(action: Action) -> list[Any]:
    """Updates a board may read: imported from the plan or signed off, in order.

    Updates awaiting sign-off or returned to the owner are not quoted to a board.
    """
    from lineofsight.plans.models import ProgressUpdate

    shown = (ProgressUpdate.Review.IMPORTED, ProgressUpdate.Review.ACCEPTED)
    return [u for u in action.updates.all() if u.review in shown]


def _action_label(recommendation: Any, action: Any, rec_position: int) -> str:
    rec_ref = recommendation.ref or str(rec_position)
    if not action.ref:
        return f"{rec_ref}.{action.order + 1}"
    joiner = "" if re.fullmatch(r"[A-Za-z]{1,3}|[ivx]{1,4}", action.ref) and rec_ref[-1:].isdigit() else "."
    return f"{rec_ref}{joiner}{action.ref}"


def body_actions(body: GovernanceBody) -> list[Action]:
    """The actions that report to ``body`` across its organisation's active plans,
    in plan order, with everything the pack needs prefetched."""
    from django.db.models import Prefetch

    from lineofsight.plans.models import Action, ActionOwner, ProgressUpdate
    from lineofsight.tracking.services import open_actions

    queryset = (
        # Open plans only (the one definition, shared with reminders and My actions).
        open_actions(
            Action.objects.filter(report_links__body=body, recommendation__plan__organisation_id=body.organisation_id)
        )
        .select_related("recommendation__plan")
        .prefetch_related(
            Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person")),
            Prefetch("updates", queryset=ProgressUpdate.objects.order_by("order", "created", "pk")),
        )
        .order_by(
            "recommendation__plan__created",
            "recommendation__plan_id",
            "recommendation__order",
            "recommendation_id",
            "order",
            "pk",
        )
        .distinct()
    )
    return list(queryset)


def last_issued_pack(body: GovernanceBody, before: date) -> BoardPack | None:
    """The body's most recent issued pack for a meeting before ``before``."""
    from lineofsight.reports.models import BoardPack

    return BoardPack.objects.filter(body=body, meeting_date__lt=before).order_by("-meeting_date").first()


def history_snapshot(actions: list[Action], labels: dict[int, str], since: datetime) -> dict[str, dict[str, Any]]:
    """Each action's state as it stood at ``since``, from django-simple-history."""
    from lineofsight.plans.models import Action as ActionModel
    from lineofsight.plans.models import ProgressUpdate

    ids = [a.pk for a in actions]
    past = {a.pk: a for a in ActionModel.history.as_of(since).filter(id__in=ids)}
    # Imported updates are created in bulk (no history rows); an update counts as seen
    # then if it existed and a board could already read it (imported, or signed off).
    seen: dict[int, list[int]] = {}
    for update in ProgressUpdate.objects.filter(action_id__in=ids, created__lte=since).only(
        "id", "action_id", "review", "reviewed_at"
    ):
        readable = update.review == ProgressUpdate.Review.IMPORTED or (
            update.review == ProgressUpdate.Review.ACCEPTED
            and update.reviewed_at is not None
            and update.reviewed_at <= since
        )
        if readable:
            seen.setdefault(update.action_id, []).append(update.pk)
    return {
        str(pk): action_state(
            label=labels[pk],
            text=old.text,
            status=old.status,
            rag=old.rag_override or old.rag,
            due_date=old.due_date,
            due_text=old.due_text,
            update_ids=seen.get(pk, []),
        )
        for pk, old in past.items()
    }


def _aware(day: date) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time.max))


def build_pack(
    body: GovernanceBody,
    meeting_date: date,
    *,
    since: date | None = None,
    now: datetime | None = None,
    sections: Iterable[str] | None = None,
) -> BoardPackContent:
    """Build the pack for ``body``'s meeting on ``meeting_date``.

    ``since`` forces the history baseline to a date (else the last issued pack, else one
    meeting cycle before the meeting). ``sections`` limits the optional sections by key
    (default: all registered).
    """
    from django.utils import timezone

    now = now or timezone.now()
    actions = body_actions(body)
    stale_days, is_stale = drift_rules(body.organisation_id)
    plans: list[str] = []
    blocks: dict[int, RecommendationBlock] = {}
    themes: dict[str, RagCount] = {}
    overall = RagCount()
    lines: dict[int, ActionLine] = {}
    snapshot: dict[str, dict[str, Any]] = {}
    update_text: dict[int, str] = {}
    exceptions: list[ExceptionLine] = []
    rec_positions: dict[int, int] = {}

    for action in actions:
        recommendation = action.recommendation
        plan = recommendation.plan
        if plan.title not in plans:
            plans.append(plan.title)
        position = rec_positions.setdefault(recommendation.pk, recommendation.order + 1)
        label = _action_label(recommendation, action, position)
        updates = visible_updates(action)
        last_on = None
        for update in updates:
            on = update.as_of or timezone.localdate(update.created)
            last_on = on if last_on is None or on > last_on else last_on
        # The rules' "none" (no deadline) and a blank rating are both "No RAG" to a board.
        rag = action.effective_rag or ""
        if rag not in RAG_LABELS:
            rag = ""
        line = ActionLine(
            id=action.pk,
            plan=plan.title,
            recommendation_ref=recommendation.ref,
            label=label,
            text=action.text,
            owners=action.owner_names(),
            due_text=action.due_text,
            due_date=action.due_date,
            status=action.status or "",
            rag=rag,
            last_update_on=last_on,
            rag_reason=(f"override: {action.rag_override_reason}" if action.rag_override else action.rag_reason or ""),
        )
        lines[action.pk] = line
        theme = recommendation.theme or recommendation.section or NO_THEME
        block = blocks.get(recommendation.pk)
        if block is None:
            block = blocks[recommendation.pk] = RecommendationBlock(
                id=recommendation.pk,
                plan=plan.title,
                ref=recommendation.ref,
                text=recommendation.text,
                theme=theme,
                outcomes=list(recommendation.outcomes or []),
                counts=RagCount(),
                actions=[],
                updates=[],
            )
        block.actions.append(line)
        block.counts.add(rag)
        themes.setdefault(theme, RagCount()).add(rag)
        overall.add(rag)
        for update in updates:
            block.updates.append(UpdateLine(update.pk, label, update.as_of, update.text, update.impact))
            update_text[update.pk] = f"{long_date(update.as_of)}: {update.text}" if update.as_of else update.text
        snapshot[str(action.pk)] = action_state(
            label=label,
            text=action.text,
            status=line.status,
            rag=rag,
            due_date=action.due_date,
            due_text=action.due_text,
            update_ids=[u.pk for u in updates],
        )
        reasons = exception_reasons(line, meeting_date, stale=is_stale(action, meeting_date))
        if reasons:
            exceptions.append(ExceptionLine(line, reasons))

    baseline, before = _baseline(body, meeting_date, since, actions, {k: v.label for k, v in lines.items()})
    changes = compare_snapshots(before, snapshot, update_text) if before is not None else []

    wanted = set(pack_sections) if sections is None else set(sections)
    context = SectionContext(body, meeting_date, actions, lines)
    extra = []
    for key, provider in pack_sections.items():
        if key in wanted:
            section = provider(context)
            if section is not None:
                extra.append(section)

    return BoardPackContent(
        organisation=body.organisation.name,
        body_name=body.name,
        body_short_name=body.short_name or body.name,
        meeting_date=meeting_date,
        generated_at=now,
        baseline=baseline,
        plans=plans,
        overall=overall,
        by_theme=[ThemeSummary(theme, counts) for theme, counts in sorted(themes.items())],
        by_recommendation=list(blocks.values()),
        changes=changes,
        exceptions=exceptions,
        sections=extra,
        snapshot=snapshot,
        stale_after_days=stale_days,
    )


def exception_reasons(line: ActionLine, meeting_date: date, *, stale: bool) -> list[str]:
    """Why an action is an exception at the meeting: red, overdue, stale. Pure."""
    if line.status == "complete" or line.rag == "blue":
        return []
    reasons = []
    if line.rag == "red":
        reasons.append("Red")
    if line.due_date and line.due_date < meeting_date:
        days = (meeting_date - line.due_date).days
        reasons.append(f"Overdue by {days} day{'s' if days != 1 else ''}")
    if stale:
        last = line.last_update_on
        reasons.append(f"Stale: last update {long_date(last)}" if last else "Stale: no progress update yet")
    return reasons


def _baseline(
    body: GovernanceBody, meeting_date: date, since: date | None, actions: list[Action], labels: dict[int, str]
) -> tuple[Baseline, dict[str, dict[str, Any]] | None]:
    if since is None:
        previous = last_issued_pack(body, meeting_date)
        if previous is not None:
            issued = previous.issued_at.date()
            description = f"the pack issued for the meeting on {long_date(previous.meeting_date)}"
            return Baseline("pack", description, issued), dict(previous.content.get("snapshot") or {})
        since = meeting_date - meeting_cycle(body.meeting_frequency)
    before = history_snapshot(actions, labels, _aware(since))
    if not before:
        return Baseline("none", "nothing: no earlier pack, and the plan did not exist a meeting cycle ago"), None
    description = f"the plan as it stood on {long_date(since)}"
    return Baseline("history", description, since), before
