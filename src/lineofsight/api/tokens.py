"""Making, checking and revoking API tokens. No HTTP here: the CLI, the admin pages and
the API's authentication all call these."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from lineofsight.accounts.models import Membership, Organisation
from lineofsight.api.models import ApiToken

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Every token starts with this, so a leaked one is recognisable in logs and by secret
# scanners, and so the API can tell a token from other text.
TOKEN_PREFIX = "los_"  # noqa: S105 (a public marker, not a secret)


class TokenError(ValueError):
    """A token cannot be made as asked (the user is not a member, a bad expiry)."""


def hash_token(raw: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``raw`` is shown once and never stored."""

    token: ApiToken
    raw: str


def create_token(
    organisation: Organisation,
    user: User,
    *,
    scope: str = ApiToken.Scope.READ,
    expires_days: int | None = None,
    name: str = "",
    created_by: Any = None,
) -> NewToken:
    """Make a token acting as ``user`` in ``organisation``; the user must be a member."""
    if scope not in ApiToken.Scope.values:
        raise TokenError(f"scope must be one of {', '.join(ApiToken.Scope.values)}, not {scope!r}")
    if expires_days is not None and expires_days < 1:
        raise TokenError(f"a token must last at least one day, not {expires_days}")
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise TokenError(f"{user.get_username()} is not a member of {organisation.name}")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        user=user,
        name=name[:200],
        scope=scope,
        token_hash=hash_token(raw),
        prefix=raw[:12],
        created_by=created_by,
        expires_at=timezone.now() + timedelta(days=expires_days) if expires_days else None,
    )
    return NewToken(token, raw)


@dataclass(frozen=True)
class Authenticated:
    """A token that passed every check, with the membership it acts through."""

    token: ApiToken
    membership: Membership


def authenticate(raw: str) -> Authenticated | None:
    """The live token for ``raw`` and its user's current membership, else None.

    Revoked and expired tokens, and tokens whose user has left the organisation, are
    refused exactly like unknown ones, so a caller cannot tell them apart.
    """
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = ApiToken.objects.select_related("user", "organisation").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.is_active() or not token.user.is_active:
        return None
    # The role comes from the membership now, not when the token was made, so a demoted
    # user's token is demoted with them.
    membership = (
        Membership.objects.select_related("organisation", "user")
        .filter(user_id=token.user_id, organisation_id=token.organisation_id)
        .first()
    )
    if membership is None:
        return None
    now = timezone.now()
    # Record use at most once a minute, so a busy feed does not write on every request.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return Authenticated(token, membership)


def revoke_token(token: ApiToken, by: Any = None) -> ApiToken:
    """Stop a token working at once; a revoked token is kept, to show who revoked it."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def tokens_of(organisation: Organisation | int) -> QuerySet[ApiToken]:
    """The organisation's tokens, newest first, for the admin page and the CLI."""
    org_id = organisation if isinstance(organisation, int) else organisation.pk
    return ApiToken.objects.filter(organisation_id=org_id).select_related("user", "created_by", "revoked_by")
