"""Reminder digests: one email a day to each owner with something to do.

An owner hears about actions that are overdue, due in the next 14 days, or drifting
(no update for the council's stale period), in one message rather than one per action.
Each person's digest is claimed in ``ReminderLog`` before it is sent, so running the
command twice on the same day, or from two servers, sends nothing new.
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

from lineofsight.plans.models import Action, ActionOwner, Person, Status
from lineofsight.tracking import rules
from lineofsight.tracking.models import ReminderLog
from lineofsight.tracking.services import RulesCache, action_facts, london_today

DUE_SOON_DAYS = 14


@dataclass
class PersonItems:
    """One owner's actions that need attention."""

    overdue: list[Action] = field(default_factory=list)
    due_soon: list[Action] = field(default_factory=list)
    stale: list[Action] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_soon or self.stale)


@dataclass
class Digest:
    """Everything one email address will be told today (several people may share it)."""

    email: str
    today: date
    items: dict[Person, PersonItems] = field(default_factory=dict)

    def merged(self) -> PersonItems:
        out = PersonItems()
        seen: set[int] = set()
        for part in self.items.values():
            for bucket in ("overdue", "due_soon", "stale"):
                for action in getattr(part, bucket):
                    if action.pk not in seen:
                        seen.add(action.pk)
                        getattr(out, bucket).append(action)
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
        m = self.merged()
        names = ", ".join(sorted(p.name for p in self.items))
        lines = [f"Actions owned by {names}, as of {self.today:%d %B %Y}.", ""]
        for title, bucket in (
            ("Overdue", m.overdue),
            (f"Due in the next {DUE_SOON_DAYS} days", m.due_soon),
            ("No recent update", m.stale),
        ):
            if not bucket:
                continue
            lines += [f"{title} ({len(bucket)})", "-" * (len(title) + 4)]
            for action in bucket:
                rec = action.recommendation
                due = f"due {action.due_date:%d %b %Y}" if action.due_date else "no deadline"
                lines.append(f"* {rec.plan.title} {rec.ref}{action.ref}: {action.text[:120]} ({due})")
                lines.append(
                    f"  Post an update: {settings.SITE_URL}{reverse('tracking:post_update', args=[action.pk])}"
                )
            lines.append("")
        lines.append(f"See all your actions: {settings.SITE_URL}{reverse('tracking:my_actions')}")
        return "\n".join(lines)


def owner_email(person: Person) -> str:
    """Where the person's reminders go: their own address, else their sign-in's."""
    return (person.email or (person.user.email if person.user else "") or "").strip()


def build_digests(today: date | None = None, organisation_slug: str | None = None) -> list[Digest]:
    """Work out today's digests without sending anything (a fixed number of queries)."""
    today = today or london_today()
    actions = (
        Action.objects.exclude(status=Status.COMPLETE)
        .exclude(recommendation__plan__status="closed")
        .filter(owner_links__isnull=False)
        .distinct()
        .select_related("recommendation__plan")
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
    for action in actions:
        facts = action_facts(action)
        if rules.is_overdue(action.due_date, facts.complete, today):
            bucket = "overdue"
        elif rules.is_due_within(action.due_date, today, DUE_SOON_DAYS):
            bucket = "due_soon"
        elif rules.is_stale(facts, rules_of(action.recommendation.plan.organisation_id), today):
            bucket = "stale"
        else:
            continue
        for link in action.owner_links.all():
            email = owner_email(link.person)
            if not email:
                continue
            digest = digests.setdefault(email.lower(), Digest(email, today))
            getattr(digest.items.setdefault(link.person, PersonItems()), bucket).append(action)
    return sorted(digests.values(), key=lambda d: d.email.lower())


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


def send_digests(
    today: date | None = None,
    *,
    dry_run: bool = False,
    organisation_slug: str | None = None,
    write: Callable[[str], object] = print,
) -> int:
    """Send (or, with ``dry_run``, print) today's digests; returns how many went."""
    sent = 0
    for digest in build_digests(today, organisation_slug):
        if dry_run:
            write(f"To: {digest.email}\nSubject: {digest.subject()}\n\n{digest.body()}\n")
            continue
        # Claim first so two runs (or two servers) never send the same reminder.
        claimed = {p: part for p, part in digest.items.items() if _claim(p, digest, part)}
        if not claimed:
            continue
        digest.items = claimed
        try:
            send_mail(digest.subject(), digest.body(), settings.DEFAULT_FROM_EMAIL, [digest.email])
        except Exception:
            # Give the claim back so tomorrow's cron (or a rerun today) tries again.
            ReminderLog.objects.filter(person__in=list(claimed), sent_on=digest.today).delete()
            raise
        ReminderLog.objects.filter(person__in=list(claimed), sent_on=digest.today).update(state=ReminderLog.State.SENT)
        sent += 1
    return sent
