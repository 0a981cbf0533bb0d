"""Membership by invitation: an existing account joins an organisation only by accepting.

``offer`` never tells the caller whether the account exists, so the members page answers
the same for a colleague's username, another council's officer and a typo.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lineofsight.accounts.models import Membership, MembershipInvitation, Organisation
from lineofsight.accounts.signin import normalise_username

# An invitation not answered in this time lapses; the admin can send another.
INVITATION_LIFETIME = timedelta(days=14)


class InvitationGone(Exception):
    """The invitation was answered already or has lapsed."""


def find_account(who: str) -> Any | None:
    """The one account whose username (normalised) or email is ``who``, or None."""
    wanted = normalise_username(who)
    users = get_user_model().objects.filter(Q(username__iexact=wanted) | Q(email__iexact=who.strip()))
    matches = [
        u for u in users[:5] if normalise_username(u.get_username()) == wanted or u.email.lower() == who.strip().lower()
    ]
    return matches[0] if len(matches) == 1 else None


def offer(organisation: Organisation, who: str, role: str, *, invited_by: Any, site_url: str) -> None:
    """Invite the account ``who`` names to join ``organisation`` as ``role``.

    Says nothing back: no account, an account in another council, or one already
    invited all look the same to the caller. The person gets an email with the link to
    their invitations page.
    """
    user = find_account(who)
    if user is None or Membership.objects.filter(user=user, organisation=organisation).exists():
        return
    open_ones = MembershipInvitation.objects.filter(user=user, organisation=organisation, responded__isnull=True)
    try:
        with transaction.atomic():
            open_ones.delete()  # a newer offer (perhaps of another role) replaces an open one
            MembershipInvitation.objects.create(organisation=organisation, user=user, role=role, invited_by=invited_by)
    except IntegrityError:
        return  # another admin's offer landed at the same moment
    context = {
        "user": user,
        "organisation": organisation,
        "role": dict(MembershipInvitation._meta.get_field("role").choices or []).get(role, role),
        "invited_by": invited_by.get_full_name() or invited_by.get_username(),
        "link": site_url.rstrip("/") + reverse("accounts:invitations"),
        "days": INVITATION_LIFETIME.days,
    }
    send_mail(
        subject=f"{context['invited_by']} invites you to {organisation.name} on Line of Sight",
        message=render_to_string("accounts/membership_invitation_email.txt", context),
        from_email=None,
        recipient_list=[user.email] if user.email else [],
        fail_silently=True,  # the invitation stands on the person's invitations page either way
    )


def open_invitations(user: Any) -> list[MembershipInvitation]:
    """The user's invitations still waiting for an answer."""
    since = timezone.now() - INVITATION_LIFETIME
    return list(
        MembershipInvitation.objects.filter(user=user, responded__isnull=True, created__gte=since)
        .select_related("organisation", "invited_by")
        .order_by("created")
    )


@transaction.atomic
def answer(invitation: MembershipInvitation, *, accept: bool) -> Membership | None:
    """Accept (become a member with the offered role) or decline. All or nothing."""
    invitation = MembershipInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.responded is not None or invitation.created < timezone.now() - INVITATION_LIFETIME:
        raise InvitationGone("That invitation has been answered or has lapsed; ask the administrator for a new one")
    invitation.responded = timezone.now()
    invitation.accepted = accept
    invitation.save(update_fields=["responded", "accepted"])
    if not accept:
        return None
    membership, _ = Membership.objects.get_or_create(
        user=invitation.user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    return membership
