"""Bearer-token authentication and the per-token rate limit for the API.

A token request is made to look, to the permission helpers, like a signed-in user who
belongs to one organisation only: ``accounts.permissions.get_for_user`` then answers
404 for every other organisation's objects, even when the user is a member there too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyQuery, HttpBearer
from ninja.throttling import SimpleRateThrottle

from lineofsight.api.tokens import Authenticated, authenticate


def _attach(request: HttpRequest, raw: str) -> Authenticated | None:
    found = authenticate(raw)
    if found is None:
        return None
    user = found.membership.user
    # Only the token's organisation: the helpers read this list instead of every
    # membership the user holds.
    user._lineofsight_memberships = [found.membership]  # type: ignore[attr-defined]
    request.user = user
    request.membership = found.membership  # type: ignore[attr-defined]
    request.organisation = found.membership.organisation  # type: ignore[attr-defined]
    request.memberships = [found.membership]  # type: ignore[attr-defined]
    request.api_token = found.token  # type: ignore[attr-defined]
    return found


class TokenAuth(HttpBearer):
    """``Authorization: Bearer TOKEN``."""

    def authenticate(self, request: HttpRequest, token: str) -> Authenticated | None:
        return _attach(request, token.strip())


class QueryTokenAuth(APIKeyQuery):
    """``?token=TOKEN``, accepted only by the spreadsheet feeds, because Excel's and Power
    BI's "from web" sources cannot always send a header. Use a read-only token there:
    a URL is easier to leak than a header."""

    param_name = "token"

    def authenticate(self, request: HttpRequest, key: str | None) -> Authenticated | None:
        return _attach(request, (key or "").strip())


class TokenRateThrottle(SimpleRateThrottle):
    """At most API_RATE_LIMIT requests per token (e.g. "120/m"), counted in the cache,
    so one runaway script cannot slow the service for everyone else."""

    scope = "api_token"

    def __init__(self) -> None:
        super().__init__(rate=settings.API_RATE_LIMIT)

    def allow_request(self, request: HttpRequest) -> bool:
        # Read the setting on each request so a deployment (or a test) can change it.
        self.rate = settings.API_RATE_LIMIT
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        auth: Any = getattr(request, "auth", None)
        if auth is None:
            return None
        # The hash, not the id: ids are reused after a database is reset, hashes never are.
        return self.cache_format % {"scope": self.scope, "ident": auth.token.token_hash[:32]}
