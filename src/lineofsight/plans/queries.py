"""Reading plans for the pages: filtering actions and counting them by RAG.

Filtering happens in Python over one prefetched plan so the page costs a fixed number
of queries whatever the plan's size (hundreds of actions at most per plan).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from lineofsight.plans.due import is_due_within, is_overdue
from lineofsight.plans.models import Action, Plan, Rag, Recommendation, Status

RAG_ORDER = [Rag.RED, Rag.AMBER, Rag.GREEN, Rag.BLUE]


@dataclass
class ActionFilter:
    """What the plan page's filter form asked for; empty means no restriction."""

    owner_id: int | None = None
    rag: str = ""
    status: str = ""
    body_id: int | None = None
    due: str = ""

    @property
    def active(self) -> bool:
        return bool(self.owner_id or self.rag or self.status or self.body_id or self.due)

    def matches(self, action: Action, today: date) -> bool:
        """Whether one action passes every chosen filter."""
        if self.owner_id and not any(link.person_id == self.owner_id for link in action.owner_links.all()):
            return False
        if self.body_id and not any(link.body_id == self.body_id for link in action.report_links.all()):
            return False
        rag = action.effective_rag
        if self.rag and (rag or "none") != self.rag:
            return False
        if self.status and (action.status or "none") != self.status:
            return False
        return self._due_matches(action, today)

    def _due_matches(self, action: Action, today: date) -> bool:
        if not self.due:
            return True
        if self.due == "none":
            return action.due_date is None
        # The same definitions the RAG rules and reminders build on (plans.due), so the
        # filter and the rating never disagree about what "overdue" means.
        if self.due == "overdue":
            return is_overdue(action.due_date, action.status == Status.COMPLETE, today)
        return is_due_within(action.due_date, today, int(self.due))


@dataclass
class RecommendationView:
    """A recommendation with the actions that pass the filter."""

    recommendation: Recommendation
    actions: list[Action] = field(default_factory=list)


@dataclass
class PlanView:
    """What the plan page shows: filtered recommendations and counts by RAG."""

    plan: Plan
    recommendations: list[RecommendationView]
    rag_counts: dict[str, int]
    total_actions: int
    shown_actions: int


def rag_counts(actions: list[Action]) -> dict[str, int]:
    """Actions counted by effective RAG, red first, with 'none' for unrated ones."""
    counter = Counter(action.effective_rag or "none" for action in actions)
    return {str(rag): counter.get(str(rag), 0) for rag in [*RAG_ORDER, "none"]}


def build_plan_view(plan: Plan, action_filter: ActionFilter, today: date) -> PlanView:
    """Apply the filter to a prefetched plan and count what is shown."""
    recommendations = []
    shown: list[Action] = []
    total = 0
    for recommendation in plan.recommendations.all():
        actions = list(recommendation.actions.all())
        total += len(actions)
        kept = [a for a in actions if action_filter.matches(a, today)]
        shown.extend(kept)
        if kept or not action_filter.active:
            recommendations.append(RecommendationView(recommendation, kept))
    return PlanView(plan, recommendations, rag_counts(shown), total, len(shown))
