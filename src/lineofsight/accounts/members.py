"""Who belongs to an organisation, in which role: the rules an admin's changes obey.

No HTTP here; the members page (``accounts.views``) calls these. Adding someone is an
invitation they accept (``membership_invitations``), never a membership made for them.
"""

from __future__ import annotations

from django.db import transaction

from lineofsight.accounts.models import Membership, Role


class MembershipError(Exception):
    """The change would leave the organisation without an administrator."""


def _other_admins(membership: Membership) -> bool:
    return (
        Membership.objects.filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )


def change_role(membership: Membership, role: str) -> Membership:
    """Change a member's role; the last administrator cannot be demoted."""
    with transaction.atomic():
        if membership.role == Role.ADMIN and role != Role.ADMIN and not _other_admins(membership):
            raise MembershipError("The organisation needs at least one administrator")
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


def remove_member(membership: Membership) -> None:
    """Remove a member (their people keep their actions); never the last administrator."""
    with transaction.atomic():
        if membership.role == Role.ADMIN and not _other_admins(membership):
            raise MembershipError("The organisation needs at least one administrator")
        membership.delete()
