"""Finding the organisation a command works on from ``--org``."""

from __future__ import annotations

from django.core.management.base import CommandError

from lineofsight.accounts.models import Organisation


def organisation_from(text: str) -> Organisation:
    """The organisation whose slug, name or id is ``text``; a CommandError otherwise."""
    found = (
        Organisation.objects.filter(slug=text).first()
        or Organisation.objects.filter(name__iexact=text).first()
        or (Organisation.objects.filter(pk=int(text)).first() if text.isdigit() else None)
    )
    if found is None:
        known = ", ".join(Organisation.objects.values_list("slug", flat=True)[:20]) or "none yet"
        raise CommandError(f"no organisation {text!r} (known organisations: {known})")
    return found
