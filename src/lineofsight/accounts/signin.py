"""Slowing down password guessing: a limit on recent failed sign-ins."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from lineofsight.accounts.models import SignInAttempt


def is_locked_out(username: str, ip_address: str | None) -> bool:
    """True when this username or address failed too often within the window."""
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = SignInAttempt.objects.filter(created__gte=since)
    limit = settings.LOGIN_FAILURE_LIMIT
    by_user = recent.filter(username__iexact=username).count() if username else 0
    by_ip = recent.filter(ip_address=ip_address).count() if ip_address else 0
    # An address gets more room than a username: offices share one public address.
    return by_user >= limit or by_ip >= limit * 4


def record_failure(username: str, ip_address: str | None) -> None:
    """Remember a failed sign-in, and forget ones older than the window."""
    SignInAttempt.objects.create(username=username[:150], ip_address=ip_address)
    cutoff = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    SignInAttempt.objects.filter(created__lt=cutoff).delete()


def clear_failures(username: str) -> None:
    """A successful sign-in wipes the user's failure count."""
    SignInAttempt.objects.filter(Q(username__iexact=username)).delete()
