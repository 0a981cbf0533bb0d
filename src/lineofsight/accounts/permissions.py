"""Organisation and role checks that every view goes through.

Views never query a plan, recommendation or action directly: they call these helpers,
which return 404 for anything outside the user's organisations (so another council's
objects cannot even be shown to exist) and 403 when the role is not enough.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from lineofsight.accounts.models import Membership, Organisation, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

M = TypeVar("M", bound=Model)

SESSION_KEY = "organisation_id"


def memberships_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    """All memberships of a signed-in user, with their organisations."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user_id=user.pk).select_related("organisation")


def membership_in(user: AbstractBaseUser | AnonymousUser, organisation: Organisation | int) -> Membership | None:
    """The user's membership of an organisation, or None."""
    if not user.is_authenticated:
        return None
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    for membership in getattr(user, "_lineofsight_memberships", None) or memberships_of(user):
        if membership.organisation_id == org_id:
            return membership
    return None


def current_membership(request: HttpRequest) -> Membership | None:
    """The membership for the organisation chosen in the switcher (or the first one)."""
    return getattr(request, "membership", None)


def require_current_membership(request: HttpRequest, *roles: Role) -> Membership:
    """The membership of the organisation chosen in the switcher, refused with 403 when the
    user belongs to none, or (given ``roles``) when their role there is not one of them."""
    membership = current_membership(request)
    if membership is None:
        raise PermissionDenied("You are not a member of any organisation")
    if roles:
        require_role(membership, *roles)
    return membership


def require_membership(request: HttpRequest, organisation_id: int) -> Membership:
    """The user's membership of the object's organisation, else 404."""
    membership = membership_in(request.user, organisation_id)
    if membership is None:
        raise Http404("No such object in your organisations")
    return membership


def require_role(membership: Membership, *roles: Role) -> None:
    """Refuse with 403 unless the member holds one of ``roles``."""
    if membership.role not in roles:
        raise PermissionDenied("Your role does not allow this")


def get_for_user(request: HttpRequest, queryset: QuerySet[M], org_path: str, **lookup: object) -> tuple[M, Membership]:
    """Fetch one object visible to the user, with their membership of its organisation.

    ``org_path`` is the lookup from the model to its organisation id, e.g.
    ``"recommendation__plan__organisation_id"``. Objects of other organisations give
    404, exactly as objects that do not exist.
    """
    if not request.user.is_authenticated:
        raise Http404
    # The middleware has already loaded the user's memberships for this request.
    memberships = getattr(request.user, "_lineofsight_memberships", None) or memberships_of(request.user)
    org_ids = [m.organisation_id for m in memberships]
    try:
        obj = queryset.get(**lookup, **{f"{org_path}__in": org_ids})
    except ObjectDoesNotExist as exc:
        raise Http404("No such object in your organisations") from exc
    org_id: Any = obj
    for part in org_path.split("__"):
        org_id = getattr(org_id, part)
    return obj, require_membership(request, int(org_id))
