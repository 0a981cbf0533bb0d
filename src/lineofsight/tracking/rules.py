"""RAG rules for running a plan: plain Python, no Django.

A council sets a few numbers (``RagRules``); each action is reduced to the few facts the
rules need (``ActionFacts``). Two functions answer everything else in the project asks:

* ``classify`` says what state an action is in today — overdue, due soon, drifting
  (stale), awaiting sign-off, no deadline — and is the one definition the plan filter,
  My actions, reminders, board packs and the nightly refresh all use;
* ``compute_rag`` turns that state into the RAG a board sees, with the reason in words
  ("due 31 Jan 2026, no update since 3 Nov 2025").

What a board trusts is the *signed-off* RAG: an owner's proposal waiting for the plan
manager never becomes the shown rating, it is shown beside it ("proposed: Green"). An
action without a real deadline ("Ongoing", "Immediately") has no RAG, because nothing can
be late against no date.

"Today" is always the date in London: an officer updating a plan at 00:30 BST on
1 April is working on 1 April, although UTC still says 31 March.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# Overdue and due-within are defined once, with the plan (its page filters by them);
# ``rules.is_overdue`` stays the name the rest of tracking reads.
from lineofsight.plans.due import is_due_within, is_overdue

LONDON = ZoneInfo("Europe/London")

RED = "red"
AMBER = "amber"
GREEN = "green"
BLUE = "blue"
RAGS = (RED, AMBER, GREEN, BLUE)
# Stored in ``Action.rag_computed`` when the rules cannot rate an action: it has no
# deadline. Every list already shows an unknown rating as "No RAG".
NO_RAG = "none"
RAG_LABELS = {RED: "Red", AMBER: "Amber", GREEN: "Green", BLUE: "Blue", NO_RAG: "No RAG"}

NEEDS_DEADLINE = "needs a deadline"
AWAITING_SIGN_OFF = "complete, awaiting sign-off"


@dataclass(frozen=True)
class RagRules:
    """A council's thresholds, in days.

    ``due_soon_days`` (N): how close a deadline must be to count as "due soon";
    ``no_update_days`` (M): how long without an update makes a due-soon action amber;
    ``stale_days`` (K): how long without an update flags any open action as drifting;
    ``use_blue``: whether the council marks complete-and-signed-off actions blue;
    ``reminder_days``: how many days before a deadline the owner is reminded (each one
    at most ``due_soon_days``; empty means "when it becomes due soon").
    """

    due_soon_days: int = 14
    no_update_days: int = 28
    stale_days: int = 42
    use_blue: bool = True
    reminder_days: tuple[int, ...] = (14, 3)

    def reminder_points(self) -> tuple[int, ...]:
        """Days before the deadline on which to remind, within the due-soon window."""
        points = tuple(sorted({d for d in self.reminder_days if 0 <= d <= self.due_soon_days}, reverse=True))
        return points or (self.due_soon_days,)


@dataclass(frozen=True)
class ActionFacts:
    """What the rules need to know about one action.

    ``last_update`` is the date of the latest progress update that was not returned (or,
    with none, the date the action entered the system); ``signed_off_rag`` is the RAG the
    plan manager last accepted (or the plan document reported); ``proposed_rag`` is an
    owner's proposal still waiting for sign-off; ``awaiting_sign_off`` says an update
    is waiting, with or without a proposed RAG.
    """

    due_date: date | None = None
    complete: bool = False
    signed_off: bool = False
    last_update: date | None = None
    signed_off_rag: str | None = None
    proposed_rag: str | None = None
    awaiting_sign_off: bool = False


@dataclass(frozen=True)
class ActionState:
    """What an action needs today: the single classification every list uses.

    ``days_left`` is negative when overdue (``-3`` is three days late) and ``None``
    without a deadline.
    """

    overdue: bool = False
    due_soon: bool = False
    stale: bool = False
    awaiting_sign_off: bool = False
    no_deadline: bool = False
    closed: bool = False
    days_left: int | None = None
    days_since_update: int | None = None

    @property
    def needs_reminder(self) -> bool:
        """Overdue, due soon or drifting: something the owner should hear about."""
        return not self.closed and (self.overdue or self.due_soon or self.stale)


@dataclass(frozen=True)
class RagResult:
    """The computed rating, the drift flag, and a sentence saying why."""

    rag: str
    stale: bool = False
    reason: str = ""
    reasons: tuple[str, ...] = field(default_factory=tuple)
    proposed: str | None = None

    @property
    def label(self) -> str:
        """The rating as a board reads it: "Red", "No RAG"."""
        return RAG_LABELS.get(self.rag, self.rag)

    @property
    def summary(self) -> str:
        """The rating and its reason in one line: "Red: due 31 Jan 2026, no update since 3 Nov 2025"."""
        text = f"{self.label}: {self.reason}" if self.reason else self.label
        if self.proposed:
            text += f" (proposed: {RAG_LABELS.get(self.proposed, self.proposed)}, awaiting sign-off)"
        return text


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


def short_date(day: date) -> str:
    """A date as a reason says it: "31 Jan 2026"."""
    return f"{day.day} {day:%b %Y}"


def is_stale(facts: ActionFacts, rules: RagRules, today: date) -> bool:
    """Open and without an update for ``stale_days`` or more (drift)."""
    if facts.complete:
        return False
    since = days_since(facts.last_update, today)
    return since is not None and since >= rules.stale_days


def classify(facts: ActionFacts, rules: RagRules, today: date) -> ActionState:
    """The one answer to "what does this action need today?".

    Overdue: past the deadline and not delivered. Due soon: not delivered and the
    deadline within the council's due-soon days (today included). Stale: open with no
    update for the council's stale days. No deadline: nothing to be late against.
    Closed: delivered and signed off, so nothing is asked of anyone.
    """
    days_left = (facts.due_date - today).days if facts.due_date else None
    return ActionState(
        overdue=is_overdue(facts.due_date, facts.complete, today),
        due_soon=not facts.complete and is_due_within(facts.due_date, today, rules.due_soon_days),
        stale=is_stale(facts, rules, today),
        awaiting_sign_off=facts.awaiting_sign_off or (facts.complete and not facts.signed_off),
        no_deadline=facts.due_date is None,
        closed=facts.complete and facts.signed_off,
        days_left=days_left,
        days_since_update=days_since(facts.last_update, today),
    )


def _since(facts: ActionFacts, today: date) -> str:
    if facts.last_update is None:
        return "no update yet"
    if facts.last_update >= today:
        return "updated today"
    return f"no update since {short_date(facts.last_update)}"


def compute_rag(facts: ActionFacts, rules: RagRules, today: date) -> RagResult:
    """Apply the council's rules, first match wins:

    1. complete and signed off → blue (green if the council does not use blue);
    2. complete, not yet signed off → the signed-off RAG (else green), "complete,
       awaiting sign-off";
    3. no deadline ("Ongoing", "Immediately") → no RAG, "needs a deadline";
    4. past due and not complete → red;
    5. due within N days and no update for M days → amber;
    6. otherwise the RAG last signed off (or reported in the plan document), else green.

    An owner's proposal awaiting sign-off never decides the rating; it travels beside it
    in ``proposed``. Drift (no update for K days) is a separate flag, so a green action
    that nobody has touched for months is green *and* stale rather than silently changed.
    """
    state = classify(facts, rules, today)
    reasons: list[str] = []
    if state.stale:
        reasons.append(f"no update for {state.days_since_update} days")
    proposed = facts.proposed_rag if facts.proposed_rag in RAGS else None
    signed = facts.signed_off_rag if facts.signed_off_rag in RAGS else None
    if signed == BLUE and not state.closed:
        # Blue means closed, which only sign-off of a completion can do.
        signed = GREEN

    def result(rag: str, reason: str) -> RagResult:
        return RagResult(rag, state.stale, reason, tuple(reasons), proposed if proposed != rag else None)

    if state.closed:
        return result(BLUE if rules.use_blue else GREEN, "complete and signed off")
    if facts.complete:
        return result(signed or GREEN, AWAITING_SIGN_OFF)
    if facts.due_date is None:
        return result(NO_RAG, NEEDS_DEADLINE)
    due = f"due {short_date(facts.due_date)}"
    if state.overdue:
        return result(RED, f"{due}, {_since(facts, today)}")
    since = state.days_since_update
    no_recent_update = since is None or since >= rules.no_update_days
    if state.due_soon and no_recent_update:
        return result(AMBER, f"{due}, {_since(facts, today)}")
    if signed:
        return result(signed, f"{due}; signed off as {RAG_LABELS[signed]}")
    return result(GREEN, f"{due}, on track: no rule applies")
