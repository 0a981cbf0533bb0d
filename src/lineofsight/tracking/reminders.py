"""Reminder digests: every overdue or due-soon action reaches someone.

Each day an owner gets at most one email listing their actions that

* are **overdue** (every day until they are delivered),
* are **due soon** and reach one of the council's reminder points today (by default 14
  and 3 days before the deadline, set in RAG settings), or are due today,
* are **drifting** (no update for the council's stale period): on the day they start
  drifting, then each Monday.

An action none of whose owners has an email address is not dropped: it goes in the plan
managers' digest ("no one can be reminded about these 6 actions"), and when the council
has no plan manager with an address either, the run says so ("reaches no one").

Each digest is claimed (``ReminderLog`` for owners, ``EmailLog`` for plan managers)
before it is sent, so running the command twice on the same day, or from two servers,
sends nothing new.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse

from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import Action, ActionOwner, Person
from lineofsight.tracking import notifications, rules
from lineofsight.tracking.models import ReminderLog
from lineofsight.tracking.services import RulesCache, action_facts, london_today, open_actions

BUCKETS = ("overdue", "due_soon", "stale")
TITLES = {"overdue": "Overdue", "due_soon": "Due soon", "stale": "No recent update"}
# A drifting action is mentioned on the day it crosses the stale period, then on Mondays.
STALE_WEEKDAY = 0


@dataclass
class PersonItems:
    """One owner's actions that need attention."""

    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.stale)

    def add(self, bucket: str, action: Action) -> None:
        items = getattr(self, bucket)
        if all(a.pk != action.pk for a in items):
            items.append(action)

    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.stale)


def _action_lines(items: PersonItems) -> list[str]:
    lines: list[str] = []
    for bucket in BUCKETS:
        actions = getattr(items, bucket)
        if not actions:
            continue
        title = TITLES[bucket]
        lines += [f"{title} ({len(actions)})", "-" * (len(title) + 4)]
        for action in actions:
            rec = action.recommendation
            due = f"due {action.due_date:%d %b %Y}" if action.due_date else "no deadline"
            lines.append(f"* {rec.plan.title} {rec.ref}{action.ref}: {action.text[:120]} ({due})")
            if action.rag_reason:
                lines.append(f"  RAG: {rules.RAG_LABELS.get(action.effective_rag, 'No RAG')}: {action.rag_reason}")
            lines.append(f"  Post an update: {settings.SITE_URL}{reverse('tracking:post_update', args=[action.pk])}")
        lines.append("")
    return lines


@dataclass
class Digest:
    """Everything one email address will be told today (several people may share it)."""

    email: str
    today: date
    items: dict[Person, PersonItems] = field(default_factory=dict)

    def merged(self) -> PersonItems:
        out = PersonItems()
        for part in self.items.values():
            for bucket in BUCKETS:
                for action in getattr(part, bucket):
                    out.add(bucket, action)
        return out

    def subject(self) -> str:
        m = self.merged()
        bits = [
            f"{len(m.overdue)} overdue" if m.overdue else "",
            f"{len(m.due_soon)} due soon" if m.due_soon else "",
            f"{len(m.stale)} needing an update" if m.stale else "",
        ]
        return "Your improvement plan actions: " + ", ".join(b for b in bits if b)

    def body(self) -> str:
        names = ", ".join(sorted(p.name for p in self.items))
        lines = [f"Actions owned by {names}, as of {self.today:%d %B %Y}.", ""]
        lines += _action_lines(self.merged())
        lines.append(f"See all your actions: {settings.SITE_URL}{reverse('tracking:my_actions')}")
        return "\n".join(lines)


@dataclass
class Unreachable:
    """One council's actions due a reminder today that no owner can be emailed about."""

    organisation: Organisation
    today: date
    items: PersonItems = field(default_factory=PersonItems)
    managers: list[str] = field(default_factory=list)

    def subject(self) -> str:
        return f"No one can be reminded about these {self.items.count()} actions"

    def body(self) -> str:
        lines = [
            f"These actions of {self.organisation.name} need a reminder today, but none of their owners "
            f"has an email address (or they have no owner). Chase them yourself, or add an address "
            f"to the owner, as of {self.today:%d %B %Y}.",
            "",
        ]
        lines += _action_lines(self.items)
        return "\n".join(lines)


@dataclass
class ReminderRun:
    """Today's reminders: owners' digests and, per council, what no owner can be told."""

    digests: list[Digest] = field(default_factory=list)
    unreachable: list[Unreachable] = field(default_factory=list)


def owner_email(person: Person) -> str:
    """Where the person's reminders go: their own address, else their sign-in's."""
    return (person.email or (person.user.email if person.user else "") or "").strip()


def reminder_bucket(state: rules.ActionState, rag_rules: rules.RagRules, today: date) -> str | None:
    """Which part of today's digest the action belongs in, or None if not today."""
    if state.closed:
        return None
    if state.overdue:
        return "overdue"
    if state.due_soon and state.days_left is not None:
        if state.days_left == 0 or state.days_left in rag_rules.reminder_points():
            return "due_soon"
        return None
    # Drifting: on the day it starts, then each Monday — a nudge, not a daily nag.
    if state.stale and (state.days_since_update == rag_rules.stale_days or today.weekday() == STALE_WEEKDAY):
        return "stale"
    return None


def build_reminders(today: date | None = None, organisation_slug: str | None = None) -> ReminderRun:
    """Work out today's reminders without sending anything (a fixed number of queries)."""
    today = today or london_today()
    actions = (
        open_actions()
        .select_related("recommendation__plan__organisation")
        .prefetch_related(
            Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person__user")),
            "updates",
        )
        .order_by("due_date", "pk")
    )
    if organisation_slug:
        actions = actions.filter(recommendation__plan__organisation__slug=organisation_slug)
    rules_of = RulesCache()
    digests: dict[str, Digest] = {}
    lost: dict[int, Unreachable] = {}
    for action in actions:
        rag_rules = rules_of.for_action(action)
        state = rules.classify(action_facts(action), rag_rules, today)
        bucket = reminder_bucket(state, rag_rules, today)
        if bucket is None:
            continue
        reached = False
        for link in action.owner_links.all():
            email = owner_email(link.person)
            if not email:
                continue
            reached = True
            digest = digests.setdefault(email.lower(), Digest(email, today))
            digest.items.setdefault(link.person, PersonItems()).add(bucket, action)
        if not reached:
            org = action.recommendation.plan.organisation
            lost.setdefault(org.pk, Unreachable(org, today)).items.add(bucket, action)
    for unreachable in lost.values():
        unreachable.managers = [u.email for u in notifications.plan_managers(unreachable.organisation.pk)]
    return ReminderRun(
        sorted(digests.values(), key=lambda d: d.email.lower()),
        sorted(lost.values(), key=lambda u: u.organisation.slug),
    )


def build_digests(today: date | None = None, organisation_slug: str | None = None) -> list[Digest]:
    """The owners' digests of today's reminders."""
    return build_reminders(today, organisation_slug).digests


def _claim(person: Person, digest: Digest, part: PersonItems) -> bool:
    """Record the reminder before sending; False if today's was already claimed."""
    try:
        with transaction.atomic():
            ReminderLog.objects.create(
                person=person,
                sent_on=digest.today,
                email=digest.email,
                overdue=len(part.overdue),
                due_soon=len(part.due_soon),
                stale=len(part.stale),
            )
    except IntegrityError:
        return False
    return True


def _send_digest(digest: Digest) -> bool:
    # Claim first so two runs (or two servers) never send the same reminder.
    claimed = {p: part for p, part in digest.items.items() if _claim(p, digest, part)}
    if not claimed:
        return False
    digest.items = claimed
    try:
        send_mail(digest.subject(), digest.body(), settings.DEFAULT_FROM_EMAIL, [digest.email])
    except Exception:
        # Give the claim back so tomorrow's cron (or a rerun today) tries again.
        ReminderLog.objects.filter(person__in=list(claimed), sent_on=digest.today).delete()
        raise
    ReminderLog.objects.filter(person__in=list(claimed), sent_on=digest.today).update(state=ReminderLog.State.SENT)
    return True


def send_digests(
    today: date | None = None,
    *,
    dry_run: bool = False,
    organisation_slug: str | None = None,
    write: Callable[[str], object] = print,
) -> int:
    """Send (or, with ``dry_run``, print) today's reminders; returns how many emails went.

    Whatever reaches no one — no owner with an address and no plan manager with one —
    is written out on every run, dry or not, so it cannot pass unnoticed.
    """
    run = build_reminders(today, organisation_slug)
    sent = 0
    for digest in run.digests:
        if dry_run:
            write(notifications.Email(digest.email, digest.subject(), digest.body()).preview())
        elif _send_digest(digest):
            sent += 1
    for lost in run.unreachable:
        for manager in lost.managers:
            email = notifications.Email(manager, lost.subject(), lost.body())
            if dry_run:
                write(email.preview("plan manager"))
            elif notifications.send_claimed("unreachable", f"{lost.organisation.pk}:{lost.today}", email):
                sent += 1
        if not lost.managers:
            write(
                f"Reaches no one: {lost.items.count()} actions of {lost.organisation.name} need a reminder, "
                "but no owner and no plan manager has an email address:\n" + "\n".join(_action_lines(lost.items))
            )
    if dry_run:
        owners = len(run.digests)
        managers = sum(len(lost.managers) for lost in run.unreachable)
        nobody = sum(lost.items.count() for lost in run.unreachable if not lost.managers)
        write(
            f"Dry run: {owners} digests to owners, {managers} to plan managers about actions no owner "
            f"can be reminded about, {nobody} actions reach no one. Nothing was sent."
        )
    return sent
