"""Emails about what happens on a plan: one email per event, to the people who need it,
with a link straight to the page where they act.

| event | who hears | optional? |
| --- | --- | --- |
| an owner posts an update | the organisation's plan managers | yes (``updates_posted``) |
| an update is returned | its author and the action's owners | no: they have to act |
| an update is signed off | its author and the action's owners | yes (``update_signed_off``) |
| a plan manager overrides a RAG | the action's owners | yes (``rag_overridden``) |
| the weekly summary | the organisation's plan managers | yes (``weekly_summary``) |

Each function takes primary keys, so a background worker can run it later; the services
call them after the transaction commits. A failed send is logged, never raised: the
owner's update is already saved and must not look as if it failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from lineofsight.accounts.models import Membership, Organisation, Role
from lineofsight.plans.models import Action, ProgressUpdate
from lineofsight.tracking import rules

if TYPE_CHECKING:
    from django.contrib.auth.models import User

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Email:
    """One message to one address."""

    to: str
    subject: str
    body: str

    def preview(self, to_note: str = "") -> str:
        """The message as a dry run prints it instead of sending it."""
        to = f"{self.to} ({to_note})" if to_note else self.to
        return f"To: {to}\nSubject: {self.subject}\n\n{self.body}\n"


def link(name: str, *args: object) -> str:
    """An absolute link into the service (emails are read outside it)."""
    return f"{settings.SITE_URL}{reverse(name, args=list(args))}"


def wants(user: User | None, preference: str) -> bool:
    """Whether this user still wants an optional email (everyone does until they say not)."""
    from lineofsight.tracking.models import EmailPreferences

    if user is None or user.pk is None:
        return True
    prefs = EmailPreferences.objects.filter(user=user).first()
    return True if prefs is None else bool(getattr(prefs, preference))


def plan_managers(organisation_id: int) -> list[User]:
    """The organisation's plan managers with an address; its administrators when it has none."""
    members = list(
        Membership.objects.filter(organisation_id=organisation_id, role__in=[Role.PLAN_MANAGER, Role.ADMIN])
        .exclude(user__email="")
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("user__username")
    )
    managers = [m.user for m in members if m.role == Role.PLAN_MANAGER]
    return managers or [m.user for m in members]


def owner_addresses(action: Action) -> list[tuple[str, User | None]]:
    """(address, user or None) of each owner who can be emailed, in the plan's order."""
    from lineofsight.tracking.reminders import owner_email

    out: list[tuple[str, User | None]] = []
    seen: set[str] = set()
    for owner in sorted(action.owner_links.select_related("person__user"), key=lambda o: o.position):
        email = owner_email(owner.person)
        if email and email.lower() not in seen:
            seen.add(email.lower())
            out.append((email, owner.person.user))
    return out


def deliver(emails: Iterable[Email]) -> int:
    """Send each email on its own (nobody sees who else was told); returns how many went."""
    sent = 0
    for email in emails:
        try:
            send_mail(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to])
        except Exception:
            # The event is saved; losing its email is logged rather than undoing it.
            log.exception("Could not send %r to %s", email.subject, email.to)
            continue
        sent += 1
    return sent


def _action_title(action: Action) -> str:
    rec = action.recommendation
    ref = f"{rec.ref}{action.ref}".strip()
    return f"{rec.plan.title} – action {ref}" if ref else rec.plan.title


def _rag_label(rag: str) -> str:
    return rules.RAG_LABELS.get(rag, rag or "none")


def update_posted(update_id: int) -> int:
    """Tell the plan managers an update waits for their sign-off."""
    update = ProgressUpdate.objects.select_related("action__recommendation__plan", "author").get(pk=update_id)
    action = update.action
    org_id = action.recommendation.plan.organisation_id
    author = update.author.get_full_name() or update.author.get_username() if update.author else "An owner"
    proposal = f"Proposed RAG: {_rag_label(update.rag)}\n" if update.rag else ""
    status = f"Delivery status: {update.get_status_display()}\n" if update.status else ""
    body = (
        f"{author} posted an update on {_action_title(action)}:\n\n"
        f"{action.text[:300]}\n\n{proposal}{status}\n{update.text[:1500]}\n\n"
        f"Sign it off or return it: {link('tracking:review_update', update.pk)}\n"
    )
    subject = f"Update to sign off: {_action_title(action)}"
    return deliver(
        Email(user.email, subject, body)
        for user in plan_managers(org_id)
        if user != update.author and wants(user, "updates_posted")
    )


def update_reviewed(update_id: int) -> int:
    """Tell the author and the owners that an update was signed off or returned."""
    update = ProgressUpdate.objects.select_related("action__recommendation__plan", "author", "reviewed_by").get(
        pk=update_id
    )
    action = update.action
    returned = update.review == ProgressUpdate.Review.RETURNED
    recipients = owner_addresses(action)
    if update.author and update.author.email and update.author.email.lower() not in {e.lower() for e, _ in recipients}:
        recipients.insert(0, (update.author.email, update.author))
    reviewer = update.reviewed_by.get_full_name() or update.reviewed_by.get_username() if update.reviewed_by else ""
    title = _action_title(action)
    if returned:
        subject = f"Update returned: {title}"
        body = (
            f"{reviewer or 'The plan manager'} returned the update of "
            f"{update.as_of:%d %B %Y} on {title} for more work:\n\n"
            f"{update.review_comment}\n\nPost a new update: {link('tracking:post_update', action.pk)}\n"
        )
    else:
        rag = f" The action's RAG is now {_rag_label(action.effective_rag)}." if action.effective_rag else ""
        subject = f"Update signed off: {title}"
        body = (
            f"{reviewer or 'The plan manager'} signed off the update of {update.as_of:%d %B %Y} on {title}.{rag}\n\n"
            f"{update.review_comment + chr(10) + chr(10) if update.review_comment else ''}"
            f"See the action: {link('tracking:action_updates', action.pk)}\n"
        )
    return deliver(
        Email(email, subject, body)
        for email, user in recipients
        if user != update.reviewed_by and (returned or wants(user, "update_signed_off"))
    )


def rag_overridden(action_id: int, by_user_id: int | None = None) -> int:
    """Tell the action's owners a plan manager set its RAG by hand, and why."""
    action = Action.objects.select_related("recommendation__plan").get(pk=action_id)
    by = get_user_model().objects.filter(pk=by_user_id).first() if by_user_id else None
    who = (by.get_full_name() or by.get_username()) if by else "A plan manager"
    title = _action_title(action)
    subject = f"RAG set to {_rag_label(action.rag_override)}: {title}"
    body = (
        f"{who} set the RAG of {title} to {_rag_label(action.rag_override)}"
        f" (the rules said {_rag_label(action.rag_computed)}).\n\n"
        f"Reason: {action.rag_override_reason}\n\nSee the action: {link('plans:action_detail', action.pk)}\n"
    )
    return deliver(
        Email(email, subject, body)
        for email, user in owner_addresses(action)
        if user != by and wants(user, "rag_overridden")
    )


# --- Emails claimed once per occasion -------------------------------------------------


def claim(kind: str, key: str, email: str) -> bool:
    """Record that this email is going; False when it already went for this occasion."""
    from lineofsight.tracking.models import EmailLog

    try:
        with transaction.atomic():
            EmailLog.objects.create(kind=kind, key=key, email=email)
    except IntegrityError:
        return False
    return True


def release(kind: str, key: str, email: str) -> None:
    """Give a claim back after a failed send, so the next run tries again."""
    from lineofsight.tracking.models import EmailLog

    EmailLog.objects.filter(kind=kind, key=key, email=email).delete()


def send_claimed(kind: str, key: str, email: Email) -> bool:
    """Claim, then send; a failed send gives the claim back and raises."""
    if not claim(kind, key, email.to):
        return False
    try:
        send_mail(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to])
    except Exception:
        release(kind, key, email.to)
        raise
    return True


# --- The weekly summary ---------------------------------------------------------------


@dataclass
class WeeklySummary:
    """What a plan manager reads on Monday: where the organisation's open plans stand."""

    organisation: Organisation
    today: date
    counts: dict[str, int] = field(default_factory=dict)
    overdue: list[Action] = field(default_factory=list)
    awaiting_sign_off: int = 0
    unreachable: list[Action] = field(default_factory=list)

    @property
    def week(self) -> str:
        year, week, _ = self.today.isocalendar()
        return f"{year}-W{week:02d}"

    def subject(self) -> str:
        return f"Weekly summary for {self.organisation.name}, week of {self.today:%d %B %Y}"

    def body(self) -> str:
        total = sum(self.counts.values())
        lines = [f"Open improvement plans of {self.organisation.name}, as of {self.today:%d %B %Y}.", ""]
        lines.append(f"{total} actions: " + ", ".join(f"{n} {_rag_label(rag)}" for rag, n in self.counts.items() if n))
        lines.append(f"{self.awaiting_sign_off} updates awaiting your sign-off: {link('tracking:my_actions')}")
        lines.append("")
        if self.overdue:
            lines.append(f"Overdue ({len(self.overdue)})")
            for action in self.overdue:
                lines.append(f"* {_action_title(action)}: {action.text[:100]} ({action.rag_reason})")
                lines.append(f"  {link('plans:action_detail', action.pk)}")
            lines.append("")
        if self.unreachable:
            lines.append(
                f"No one can be reminded about these {len(self.unreachable)} actions (no owner with an address)"
            )
            for action in self.unreachable:
                lines.append(f"* {_action_title(action)}: {action.text[:100]}")
            lines.append("")
        lines.append(f"Turn this summary off: {link('tracking:email_preferences')}")
        return "\n".join(lines)


def build_weekly_summary(organisation: Organisation, today: date) -> WeeklySummary:
    """The summary of one organisation's open plans (a fixed number of queries)."""
    from lineofsight.tracking import reminders, services

    summary = WeeklySummary(organisation, today)
    actions = list(
        services.open_actions()
        .filter(recommendation__plan__organisation=organisation)
        .select_related("recommendation__plan")
        .prefetch_related("updates", "owner_links__person__user")
        .order_by("due_date", "pk")
    )
    rag_rules = services.rules_for(organisation.pk)
    summary.counts = dict.fromkeys((*rules.RAGS, rules.NO_RAG), 0)
    for action in actions:
        rag = action.effective_rag if action.effective_rag in summary.counts else rules.NO_RAG
        summary.counts[rag] += 1
        state = rules.classify(services.action_facts(action), rag_rules, today)
        if state.overdue:
            summary.overdue.append(action)
        if state.needs_reminder and not any(reminders.owner_email(o.person) for o in action.owner_links.all()):
            summary.unreachable.append(action)
    summary.awaiting_sign_off = services.awaiting_sign_off(organisation.pk).count()
    return summary


def send_weekly_summaries(
    today: date | None = None,
    *,
    dry_run: bool = False,
    organisation_slug: str | None = None,
    write: Callable[[str], object] = print,
) -> int:
    """Send each plan manager the weekly summary once per ISO week (safe to call daily)."""
    from lineofsight.tracking import services

    today = today or services.london_today()
    orgs = Organisation.objects.filter(plans__in=services.open_plans()).distinct().order_by("slug")
    if organisation_slug:
        orgs = orgs.filter(slug=organisation_slug)
    sent = 0
    for org in orgs:
        summary = build_weekly_summary(org, today)
        for user in plan_managers(org.pk):
            if not wants(user, "weekly_summary"):
                continue
            email = Email(user.email, summary.subject(), summary.body())
            if dry_run:
                write(email.preview())
                continue
            if send_claimed("weekly", f"{org.pk}:{summary.week}", email):
                sent += 1
    return sent
