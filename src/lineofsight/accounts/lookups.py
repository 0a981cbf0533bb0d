"""Finding an organisation from what someone typed on the command line."""

from __future__ import annotations

from django.core.management.base import CommandError

from lineofsight.accounts.models import Organisation


def organisation_from_option(value: str) -> Organisation:
    """The organisation whose slug, name (any case) or id is ``value``.

    Raises CommandError listing the known slugs, so a typo in ``--org`` is fixed in one go.
    """
    text = value.strip()
    found = (
        Organisation.objects.filter(slug=text).first()
        or Organisation.objects.filter(name__iexact=text).first()
        or (Organisation.objects.filter(pk=int(text)).first() if text.isdigit() else None)
    )
    if found is None:
        known = ", ".join(Organisation.objects.order_by("slug").values_list("slug", flat=True)[:20]) or "none yet"
        raise CommandError(f"--org: no organisation {value!r}. Known organisations: {known}")
    return found
