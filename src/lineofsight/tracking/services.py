"""Workflows for running a plan: RAG refresh, progress updates, sign-off, action edits
with optimistic locking, and the lists behind "my actions" and reminders.

Every write to an action goes through ``plans.changes.change_action``; the RAG refresh
here is connected to its ``actions_changed`` signal (``tracking/signals.py``).

Each workflow that writes runs in one transaction, so a failure changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.files import File
from django.db import transaction
from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone

from lineofsight.plans.changes import (
    COMPUTED_FIELDS,
    change_action,
)
from lineofsight.plans.models import (
    Action,
    ActionOwner,
    GovernanceBody,
    Person,
    Plan,
    ProgressUpdate,
    Rag,
    Status,
)
from lineofsight.tracking import notifications, rules
from lineofsight.tracking.models import EvidenceFile, RagSettings

if TYPE_CHECKING:
    from django.contrib.auth.models import User

RULES_CHANGE_REASON = "RAG rules"


def open_plans(queryset: QuerySet[Plan] | None = None) -> QuerySet[Plan]:
    """Plans that are running: active ones. A draft is still being written (nobody is
    chased about it and no board sees it) and a closed plan is finished; the plan
    filter, My actions, reminders, board packs and the nightly refresh all use this."""
    plans = Plan.objects.all() if queryset is None else queryset
    return plans.filter(status=Plan.PlanStatus.ACTIVE)


def open_actions(queryset: QuerySet[Action] | None = None) -> QuerySet[Action]:
    """Actions of open plans (see :func:`open_plans`), complete or not."""
    actions = Action.objects.all() if queryset is None else queryset
    return actions.filter(recommendation__plan__status=Plan.PlanStatus.ACTIVE)


def london_today() -> date:
    """Today's date in London (the date every rule and reminder works to)."""
    return rules.london_today(timezone.now())


def update_day(update: ProgressUpdate) -> date:
    """The date an update speaks for: its as-of date, else the London day it was posted."""
    if update.as_of:
        return update.as_of
    return rules.london_today(update.created) if update.created else london_today()


def is_signed_off(action: Action, updates: Sequence[ProgressUpdate]) -> bool:
    """Whether delivery has been accepted by the plan manager.

    The latest update posted in the app that reports completion decides; a plan imported
    as complete and blue (closed in the council's own document) counts as signed off until
    someone posts in the app.
    """
    if action.status != Status.COMPLETE:
        return False
    claims = [u for u in updates if u.review != ProgressUpdate.Review.IMPORTED and u.status == Status.COMPLETE]
    if claims:
        latest = max(claims, key=lambda u: (u.created, u.pk))
        return latest.review == ProgressUpdate.Review.ACCEPTED
    return action.rag == Rag.BLUE


def latest_posted(updates: Sequence[ProgressUpdate]) -> ProgressUpdate | None:
    """The latest update posted in the app (not imported from the plan document)."""
    posted = [u for u in updates if u.review != ProgressUpdate.Review.IMPORTED]
    return max(posted, key=lambda u: (u.created, u.pk)) if posted else None


def action_facts(action: Action) -> rules.ActionFacts:
    """Reduce an action (with ``updates`` prefetched if possible) to the rules' facts.

    ``Action.rag`` is the RAG the plan manager last signed off (or the plan document
    reported); an owner's proposal stays on its update until it is signed off.
    """
    updates = list(action.updates.all())
    # Never updated: the clock starts when the action started or entered the system.
    entered = action.start_date or (rules.london_today(action.created) if action.created else None)
    # A returned update was not good enough to count as progress.
    counted = [u for u in updates if u.review != ProgressUpdate.Review.RETURNED]
    last = max((update_day(u) for u in counted), default=entered)
    latest = latest_posted(updates)
    waiting = latest is not None and latest.review == ProgressUpdate.Review.SUBMITTED
    return rules.ActionFacts(
        due_date=action.due_date,
        complete=action.status == Status.COMPLETE,
        signed_off=is_signed_off(action, updates),
        last_update=last,
        signed_off_rag=action.rag or None,
        proposed_rag=(latest.rag or None) if waiting and latest is not None else None,
        awaiting_sign_off=waiting,
    )


def action_state(action: Action, rag_rules: rules.RagRules, today: date | None = None) -> rules.ActionState:
    """The action's state today (overdue, due soon, stale, awaiting sign-off, no deadline)."""
    return rules.classify(action_facts(action), rag_rules, today or london_today())


class RulesCache:
    """One RagSettings query per organisation per refresh."""

    def __init__(self) -> None:
        self._by_org: dict[int, rules.RagRules] = {}

    def __call__(self, org_id: int) -> rules.RagRules:
        if org_id not in self._by_org:
            self._by_org[org_id] = RagSettings.for_organisation(org_id).as_rules()
        return self._by_org[org_id]

    def for_action(self, action: Action) -> rules.RagRules:
        """The rules of the action's council (``recommendation__plan`` selected)."""
        return self(action.recommendation.plan.organisation_id)


def rules_for(org_id: int) -> rules.RagRules:
    """The council's RAG rules."""
    return RagSettings.for_organisation(org_id).as_rules()


def stored_reason(result: rules.RagResult) -> str:
    """The reason as kept on the action: "due 31 Jan 2026, no update since 3 Nov 2025",
    plus "proposed: Green, awaiting sign-off" when an owner's proposal is waiting."""
    if result.proposed:
        return f"{result.reason}; proposed: {rules.RAG_LABELS.get(result.proposed, result.proposed)}, awaiting sign-off"
    return result.reason


def refresh_rag(action_or_queryset: Action | QuerySet[Action] | Iterable[Action], today: date | None = None) -> int:
    """Recompute the rules' RAG and drift flag; returns how many actions changed colour
    or drift state (those changes are written to the action's history)."""
    today = today or london_today()
    single = action_or_queryset if isinstance(action_or_queryset, Action) else None
    if single is not None:
        queryset = Action.objects.filter(pk=single.pk)
    elif isinstance(action_or_queryset, QuerySet):
        queryset = action_or_queryset
    else:
        queryset = Action.objects.filter(pk__in=[a.pk for a in action_or_queryset])  # type: ignore[union-attr]
    queryset = queryset.select_related("recommendation__plan").prefetch_related("updates")
    rules_of = RulesCache()
    moved: list[Action] = []
    touched: list[Action] = []
    for action in queryset.iterator(chunk_size=500):
        result = rules.compute_rag(action_facts(action), rules_of(action.recommendation.plan.organisation_id), today)
        new = {
            "rag_computed": result.rag,
            "is_stale": result.stale,
            # The reason carries any proposal awaiting sign-off, so every page shows
            # "proposed: Green" beside the rating without reading the updates again.
            "rag_reason": stored_reason(result)[:200],
            "rag_computed_on": today,
        }
        if single is not None:
            # The caller's instance shows the result without another query.
            for name, value in new.items():
                setattr(single, name, value)
        if (action.rag_computed, action.is_stale) != (result.rag, result.stale):
            moved.append(action)
        elif all(getattr(action, name) == value for name, value in new.items()):
            continue
        for name, value in new.items():
            setattr(action, name, value)
        touched.append(action)
    with transaction.atomic():
        Action.objects.bulk_update(touched, list(COMPUTED_FIELDS), batch_size=500)
        for action in moved:
            # Rules, not the person whose request triggered the refresh, made this change.
            action._history_user = None  # type: ignore[attr-defined]
        Action.history.bulk_history_create(
            moved, update=True, default_change_reason=RULES_CHANGE_REASON, batch_size=500
        )
    return len(moved)


# --- Who may do what to an action ---------------------------------------------------


def owns_action(user: User, action: Action) -> bool:
    """Whether one of the action's owners is a person linked to this user."""
    return ActionOwner.objects.filter(action=action, person__user=user).exists()


def can_post_update(membership: Any, user: User, action: Action) -> bool:
    """Plan managers and admins may post on any action; owners on their own only."""
    if membership.can_edit_plans:
        return True
    return membership.can_update_actions and owns_action(user, action)


# --- Progress updates and sign-off --------------------------------------------------


@dataclass
class UpdateInput:
    """What an owner types when posting an update."""

    text: str
    status: str = ""
    rag: str = ""
    impact: str = ""
    files: Sequence[File] = field(default_factory=list)


def post_update(action: Action, user: User, data: UpdateInput, today: date | None = None) -> ProgressUpdate:
    """Record an owner's update, attach its evidence, carry its delivery status onto the
    action, recompute the RAG and tell the plan manager — all or nothing.

    The proposed RAG stays on the update: the shown RAG is the signed-off one, so a
    proposal is shown as "proposed: Green" until the plan manager signs it off.
    """
    today = today or london_today()
    with transaction.atomic():
        last_order = action.updates.order_by("-order").values_list("order", flat=True).first()
        update = ProgressUpdate(
            action=action,
            as_of=today,
            text=data.text,
            status=data.status,
            rag=data.rag,
            impact=data.impact,
            author=user,
            review=ProgressUpdate.Review.SUBMITTED,
            order=(last_order or 0) + 1,
        )
        # Name the author in the history even when no web request is in progress.
        update._history_user = user  # type: ignore[attr-defined]
        update.save()
        for upload in data.files:
            EvidenceFile.objects.create(
                update=update,
                file=upload,
                original_name=(upload.name or "evidence")[:255],
                content_type=(getattr(upload, "content_type", "") or "")[:100],
                size=upload.size or 0,
                uploaded_by=user,
            )
        changes: dict[str, Any] = {}
        if data.status:
            changes["status"] = data.status
        if changes:
            # The update wins over any open edit form: bump the version so an editor
            # working from the older copy sees this change instead of overwriting it.
            save_action_fields(action, changes, user=user, reason="Progress update posted")
        refresh_rag(action, today)
        # Sent once the update is safely stored, never for one that rolled back.
        transaction.on_commit(lambda: notifications.update_posted(update.pk))
    return update


class ReviewError(Exception):
    """The update cannot be reviewed (already reviewed, or a return without a comment)."""


def review_update(
    update: ProgressUpdate, user: User, *, accept: bool, comment: str = "", today: date | None = None
) -> ProgressUpdate:
    """Sign an update off, or return it to the owner with a comment saying what is missing.

    Signing off makes the update's proposed RAG the action's RAG; either way the owner
    is told by email.
    """
    comment = comment.strip()
    if not accept and not comment:
        raise ReviewError("Say what the owner needs to do before you return the update")
    decision = ProgressUpdate.Review.ACCEPTED if accept else ProgressUpdate.Review.RETURNED
    with transaction.atomic():
        # Claim the update: only one reviewer's decision lands, even if two managers
        # press the button at the same moment.
        claimed = ProgressUpdate.objects.filter(pk=update.pk, review=ProgressUpdate.Review.SUBMITTED).update(
            review=decision, reviewed_by=user, reviewed_at=timezone.now(), review_comment=comment
        )
        if not claimed:
            raise ReviewError("This update has already been reviewed")
        update.refresh_from_db()
        update._history_user = user  # type: ignore[attr-defined]
        ProgressUpdate.history.bulk_history_create(
            [update], update=True, default_change_reason="Signed off" if accept else "Returned"
        )
        action = update.action
        if accept and update.rag and update.rag != action.rag:
            save_action_fields(action, {"rag": update.rag}, user=user, reason="Signed off")
        refresh_rag(action, today)
        transaction.on_commit(lambda: notifications.update_reviewed(update.pk))
    return update


def override_rag(
    action: Action,
    user: User,
    *,
    expected_version: int,
    rag: str,
    reason: str,
    today: date | None = None,
) -> Action:
    """Set (or, with an empty ``rag``, clear) the plan manager's RAG override.

    An override needs a reason, which the owners are sent with the new rating.
    """
    reason = reason.strip()
    if rag and not reason:
        raise ValueError("An override needs a reason")
    before = action.rag_override
    with transaction.atomic():
        edit_action(
            action,
            user,
            expected_version=expected_version,
            fields={"rag_override": rag, "rag_override_reason": reason if rag else ""},
            today=today,
        )
        if rag and rag != before:
            transaction.on_commit(lambda: notifications.rag_overridden(action.pk, user.pk))
    return action


# --- Editing an action with optimistic locking (through plans.changes.change_action) ---


def save_action_fields(
    action: Action,
    changes: dict[str, Any],
    *,
    user: User | None,
    expected_version: int | None = None,
    owners: Sequence[Person] | None = None,
    reason: str = "",
) -> Action:
    """Write ``changes`` only if nobody saved since ``expected_version`` (through
    :func:`change_action`, without refreshing the RAG: the caller does)."""
    return change_action(
        action,
        user,
        fields=changes,
        owners=owners,
        expected_version=expected_version,
        reason=reason,
        deadline_reason=reason,
        refresh=False,
    )


def edit_action(
    action: Action,
    user: User,
    *,
    expected_version: int,
    fields: dict[str, Any],
    owners: Sequence[Person] | None = None,
    bodies: Sequence[GovernanceBody] | None = None,
    deadline_reason: str = "",
    today: date | None = None,
) -> Action:
    """A plan manager's edit of the action: text, owners, partners, deadline, status,
    measures, reported-to bodies or RAG override."""
    if fields.get("rag_override") and not (fields.get("rag_override_reason") or "").strip():
        raise ValueError("An override needs a reason")
    if "rag_override" in fields and not fields["rag_override"]:
        fields["rag_override_reason"] = ""
    return change_action(
        action,
        user,
        fields=fields,
        owners=owners,
        bodies=bodies,
        expected_version=expected_version,
        reason="Edited",
        deadline_reason=deadline_reason,
        today=today,
    )


# --- Lists: my actions and reminders ------------------------------------------------


@dataclass
class ActionBuckets:
    """One person's open actions sorted into what needs doing."""

    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    awaiting_update: list[Action] = field(default_factory=list)
    returned: list[tuple[Action, ProgressUpdate]] = field(default_factory=list)
    awaiting_sign_off: list[Action] = field(default_factory=list)
    other: list[Action] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(
            len(x)
            for x in (
                self.overdue,
                self.due_soon,
                self.awaiting_update,
                self.returned,
                self.awaiting_sign_off,
                self.other,
            )
        )


def actions_owned_by(people: QuerySet[Person] | Sequence[Person]) -> QuerySet[Action]:
    """Actions any of these people own, with what the lists show prefetched."""
    return (
        open_actions(Action.objects.filter(owner_links__person__in=people))
        .distinct()
        .select_related("recommendation__plan")
        .prefetch_related(
            Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person")),
            Prefetch("updates", queryset=ProgressUpdate.objects.order_by("created", "pk")),
        )
        .order_by(F("due_date").asc(nulls_last=True), "recommendation__plan_id", "recommendation__order", "order", "pk")
    )


def sort_actions(
    actions: Iterable[Action], rag_rules: rules.RagRules, today: date, *, due_within: int
) -> ActionBuckets:
    """Put each action in the first bucket that fits: returned, overdue, due soon,
    awaiting an update (drifting), awaiting sign-off, or the rest."""
    buckets = ActionBuckets()
    window = dataclasses.replace(rag_rules, due_soon_days=due_within)
    for action in actions:
        latest = latest_posted(list(action.updates.all()))
        state = rules.classify(action_facts(action), window, today)
        if latest is not None and latest.review == ProgressUpdate.Review.RETURNED:
            buckets.returned.append((action, latest))
        elif state.overdue:
            buckets.overdue.append(action)
        elif state.due_soon:
            buckets.due_soon.append(action)
        elif state.stale:
            buckets.awaiting_update.append(action)
        elif state.awaiting_sign_off:
            buckets.awaiting_sign_off.append(action)
        elif not state.closed:
            buckets.other.append(action)
    return buckets


def my_actions(user: User, organisation_id: int, today: date | None = None) -> ActionBuckets:
    """The signed-in person's actions across every plan of the current organisation."""
    today = today or london_today()
    people = Person.objects.filter(organisation_id=organisation_id, user=user)
    rag_rules = rules_for(organisation_id)
    actions = actions_owned_by(people).filter(recommendation__plan__organisation_id=organisation_id)
    return sort_actions(actions, rag_rules, today, due_within=rag_rules.due_soon_days)


def awaiting_sign_off(organisation_id: int) -> QuerySet[ProgressUpdate]:
    """Updates the plan manager has still to sign off or return."""
    return (
        ProgressUpdate.objects.filter(
            action__recommendation__plan__organisation_id=organisation_id,
            review=ProgressUpdate.Review.SUBMITTED,
        )
        .select_related("action__recommendation__plan", "author")
        .order_by("created")
    )
