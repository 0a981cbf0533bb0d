"""Slowing down password guessing without locking real people out for long.

Three rules, each answering one way a determined guesser got past the old limit:

* A username is *normalised* (Unicode NFKC, trimmed, case-folded) before it is looked up
  or counted, so " Alice.Admin", "alice.admin" and "ａｌｉｃｅ.ａｄｍｉｎ" share one count.
* The caller's address is ``REMOTE_ADDR`` unless a deployment names the header its own
  load balancer sets (``SIGNIN_CLIENT_IP_HEADER``); a header nobody configured is never
  believed, since anyone can send one.
* Failures earn an *exponential back-off*, per account and per address: a few are free,
  then each further failure doubles the wait before the next try, up to a ceiling. An
  attacker is slowed to a handful of guesses an hour, while the owner of the account
  waits at most the ceiling once the attack stops.
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from lineofsight.accounts.models import SignInAttempt
from lineofsight.core.text import for_looking_up_usernames


def normalise_username(raw: str) -> str:
    """The form of a username used for lookup and for counting failures."""
    return for_looking_up_usernames(raw)[:150]


def client_ip(request: HttpRequest) -> str | None:
    """The caller's address: from the trusted proxy's header when one is configured,
    else the address the server saw.

    ``SIGNIN_CLIENT_IP_HEADER`` names the header (e.g. ``X-Forwarded-For``) and
    ``SIGNIN_TRUSTED_PROXIES`` how many proxies of ours append to it; the client is the
    entry that many places from the right (entries further left were sent by the client
    and prove nothing).
    """
    header = getattr(settings, "SIGNIN_CLIENT_IP_HEADER", "")
    if header:
        key = "HTTP_" + header.upper().replace("-", "_")
        entries = [e.strip() for e in request.META.get(key, "").split(",") if e.strip()]
        hops = max(1, int(getattr(settings, "SIGNIN_TRUSTED_PROXIES", 1)))
        if len(entries) >= hops:
            candidate = entries[-hops]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass  # a malformed header: fall back to the proxy's own address
    return request.META.get("REMOTE_ADDR")


@dataclass(frozen=True)
class Lockout:
    """Why a sign-in must wait, and for how long."""

    seconds: int

    @property
    def message(self) -> str:
        if self.seconds < 60:
            wait = f"{self.seconds} second{'s' if self.seconds != 1 else ''}"
        else:
            minutes = math.ceil(self.seconds / 60)
            wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
        return f"Too many failed sign-in attempts. Wait {wait}, then try again."


def back_off_seconds(failures: int, free: int) -> int:
    """The wait after ``failures`` recent failures: none before the ``free``-th, then
    LOGIN_BACKOFF_BASE_SECONDS, doubling with each failure, never more than
    LOGIN_BACKOFF_MAX_SECONDS (with the defaults 30 s, 1, 2, 4, 8 minutes, then 15)."""
    if failures < free:
        return 0
    base = int(settings.LOGIN_BACKOFF_BASE_SECONDS)
    ceiling = int(settings.LOGIN_BACKOFF_MAX_SECONDS)
    return int(min(ceiling, base * 2 ** min(failures - free, 30)))


def _wait(failures: list, free: int) -> int:  # type: ignore[type-arg]
    if not failures:
        return 0
    delay = back_off_seconds(len(failures), free)
    if not delay:
        return 0
    elapsed = (timezone.now() - max(failures)).total_seconds()
    return max(0, math.ceil(delay - elapsed))


def lockout(username: str, ip_address: str | None) -> Lockout | None:
    """The wait this username or address must sit out before trying again, or None."""
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = SignInAttempt.objects.filter(created__gte=since)
    name = normalise_username(username)
    free = int(settings.LOGIN_FAILURE_LIMIT)
    by_user = list(recent.filter(username=name).values_list("created", flat=True)) if name else []
    # An address gets more room than an account: an office shares one public address.
    by_ip = list(recent.filter(ip_address=ip_address).values_list("created", flat=True)) if ip_address else []
    seconds = max(_wait(by_user, free), _wait(by_ip, free * 4))
    return Lockout(seconds) if seconds > 0 else None


def is_locked_out(username: str, ip_address: str | None) -> bool:
    """True when this username or address must wait before trying again."""
    return lockout(username, ip_address) is not None


def record_failure(username: str, ip_address: str | None) -> None:
    """Remember a failed sign-in under the normalised username, and forget old ones."""
    SignInAttempt.objects.create(username=normalise_username(username), ip_address=ip_address)
    cutoff = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    SignInAttempt.objects.filter(created__lt=cutoff).delete()


def clear_failures(username: str) -> None:
    """A successful sign-in wipes the account's failures (not its address's)."""
    SignInAttempt.objects.filter(username=normalise_username(username)).delete()
