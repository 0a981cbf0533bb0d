"""Attach the user's chosen organisation (the organisation switcher) to each request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from lineofsight.accounts.permissions import SESSION_KEY, memberships_of


class CurrentOrganisationMiddleware:
    """Sets ``request.membership`` and ``request.organisation`` for signed-in users.

    The chosen organisation lives in the session; a stale choice (membership removed)
    falls back to the user's first organisation rather than leaking the old one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = None  # type: ignore[attr-defined]
        request.organisation = None  # type: ignore[attr-defined]
        request.memberships = []  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            memberships = list(memberships_of(request.user))
            request.user._lineofsight_memberships = memberships  # type: ignore[union-attr,attr-defined]
            request.memberships = memberships  # type: ignore[attr-defined]
            chosen = request.session.get(SESSION_KEY)
            current = next((m for m in memberships if m.organisation_id == chosen), None)
            if current is None and memberships:
                current = memberships[0]
            if current is not None:
                request.membership = current  # type: ignore[attr-defined]
                request.organisation = current.organisation  # type: ignore[attr-defined]
        return self.get_response(request)
