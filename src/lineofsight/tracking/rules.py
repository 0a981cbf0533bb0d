"""RAG rules for running a plan: plain Python, no Django.

A council sets four numbers (``RagRules``); each action is reduced to the few facts the
rules need (``ActionFacts``); ``compute_rag`` returns the rating and whether the action
has drifted (no update for too long). Keeping this free of Django means the rules are
tested as a table of dates, including month ends, 29 February and the clock changes.

"Today" is always the date in London: an officer updating a plan at 00:30 BST on
1 April is working on 1 April, although UTC still says 31 March.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

RED = "red"
AMBER = "amber"
GREEN = "green"
BLUE = "blue"
RAGS = (RED, AMBER, GREEN, BLUE)


@dataclass(frozen=True)
class RagRules:
    """A council's thresholds, in days.

    ``due_soon_days`` (N): how close a deadline must be to count as "due soon";
    ``no_update_days`` (M): how long without an update makes a due-soon action amber;
    ``stale_days`` (K): how long without an update flags any open action as drifting;
    ``use_blue``: whether the council marks complete-and-signed-off actions blue.
    """

    due_soon_days: int = 14
    no_update_days: int = 28
    stale_days: int = 42
    use_blue: bool = True


@dataclass(frozen=True)
class ActionFacts:
    """What the rules need to know about one action.

    ``last_update`` is the date of the latest progress update (or, with none, the date
    the action entered the system); ``proposed_rag`` is the owner's latest proposal.
    """

    due_date: date | None = None
    complete: bool = False
    signed_off: bool = False
    last_update: date | None = None
    proposed_rag: str | None = None


@dataclass(frozen=True)
class RagResult:
    """The computed rating, the drift flag, and a sentence saying why."""

    rag: str
    stale: bool = False
    reason: str = ""
    reasons: tuple[str, ...] = field(default_factory=tuple)


def london_today(now: datetime | None = None) -> date:
    """The calendar date in London at ``now`` (an aware datetime; default: the clock)."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("london_today needs an aware datetime, not a naive one")
    return moment.astimezone(LONDON).date()


def days_since(earlier: date | None, today: date) -> int | None:
    """Whole days from ``earlier`` to ``today`` (None when there is no earlier date)."""
    if earlier is None:
        return None
    return (today - earlier).days


def is_overdue(due_date: date | None, complete: bool, today: date) -> bool:
    """Past its deadline and not delivered. Due today is not yet overdue."""
    return due_date is not None and not complete and due_date < today


def is_due_within(due_date: date | None, today: date, days: int) -> bool:
    """Deadline falls between today and ``days`` days from now, inclusive."""
    if due_date is None:
        return False
    return 0 <= (due_date - today).days <= days


def is_stale(facts: ActionFacts, rules: RagRules, today: date) -> bool:
    """Open and without an update for ``stale_days`` or more (drift)."""
    if facts.complete:
        return False
    since = days_since(facts.last_update, today)
    return since is not None and since >= rules.stale_days


def compute_rag(facts: ActionFacts, rules: RagRules, today: date) -> RagResult:
    """Apply the council's rules, first match wins:

    1. complete and signed off → blue (green if the council does not use blue);
    2. past due and not complete → red;
    3. due within N days and no update for M days → amber;
    4. otherwise the owner's latest proposed RAG, else green.

    Drift (no update for K days) is a separate flag, so a green action that nobody has
    touched for months is shown as green *and* stale rather than silently changed.
    """
    stale = is_stale(facts, rules, today)
    reasons: list[str] = []
    if stale:
        reasons.append(f"no update for {days_since(facts.last_update, today)} days")

    if facts.complete and facts.signed_off:
        rag = BLUE if rules.use_blue else GREEN
        return RagResult(rag, stale, "complete and signed off", tuple(reasons))

    if is_overdue(facts.due_date, facts.complete, today):
        assert facts.due_date is not None
        late = (today - facts.due_date).days
        return RagResult(RED, stale, f"past its deadline by {late} days", tuple(reasons))

    since = days_since(facts.last_update, today)
    no_recent_update = since is None or since >= rules.no_update_days
    if not facts.complete and is_due_within(facts.due_date, today, rules.due_soon_days) and no_recent_update:
        assert facts.due_date is not None
        left = (facts.due_date - today).days
        why = "no update yet" if since is None else f"no update for {since} days"
        return RagResult(AMBER, stale, f"due in {left} days with {why}", tuple(reasons))

    proposed = facts.proposed_rag if facts.proposed_rag in RAGS else None
    if proposed == BLUE:
        # Blue means closed, which only sign-off can do; until then it reads as green.
        proposed = GREEN
    if proposed:
        return RagResult(proposed, stale, "the owner's latest proposed RAG", tuple(reasons))
    return RagResult(GREEN, stale, "on track: no rule applies", tuple(reasons))
