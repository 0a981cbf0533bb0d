"""Two-factor sign-in with a time-based code (TOTP, django-otp).

Who must use it: anyone who is an administrator or plan manager anywhere (they change
plans and people), and every member of an organisation whose admin requires it. Anyone
else may turn it on. Someone who must use it and has not set it up yet is signed in, but
every page sends them to the set-up page until they have.

The code is checked by django-otp's TOTP device, whose own throttle doubles the wait
after each wrong code, so six digits cannot be guessed.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from lineofsight.accounts.models import Membership

PENDING_KEY = "lineofsight_two_factor_pending"


def must_use(user: Any, memberships: list[Membership] | None = None) -> bool:
    """Whether this person may only use the app after a second factor."""
    if not user.is_authenticated:
        return False
    if memberships is None:
        memberships = list(Membership.objects.filter(user=user).select_related("organisation"))
    roles = set(getattr(settings, "TWO_FACTOR_REQUIRED_ROLES", []))
    return any(m.role in roles or m.organisation.require_two_factor for m in memberships)


def confirmed_device(user: Any) -> Any | None:
    """The person's confirmed authenticator, or None."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def unconfirmed_device(user: Any) -> Any:
    """The device being set up (a new secret until a first code confirms it)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret_text(device: Any) -> str:
    """The secret as people type it into an authenticator app: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def check_code(device: Any, code: str) -> tuple[bool, str | None]:
    """Verify a code; (True, None), or (False, why) with the throttle's wait when there is one."""
    allowed, data = device.verify_is_allowed()
    if not allowed:
        wait = (data or {}).get("locked_until")
        return False, "Too many wrong codes. Wait a little, then try the newest code." if wait else "Try again later."
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    if device.verify_token(code):
        return True, None
    return False, "That code is not right. Enter the 6-digit code your authenticator app shows now."


class TwoFactorRequiredMiddleware:
    """Send someone who must use two-factor sign-in, and has not passed it in this session,
    to the page that sets it up or asks for the code."""

    ALLOWED_PREFIXES = ("/static/", "/media/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():  # type: ignore[union-attr,attr-defined]
            allowed = {reverse("accounts:two_factor"), reverse("accounts:logout")}
            path = request.path
            exempt = path in allowed or path.startswith(self.ALLOWED_PREFIXES)
            if not exempt and must_use(user, getattr(request, "memberships", None)):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('accounts:two_factor')}?{query}")
        return self.get_response(request)
