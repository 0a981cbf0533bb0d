"""Board pack workflows: finding a body by name, issuing (freezing) a pack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from lineofsight.accounts.models import Organisation
from lineofsight.plans.models import GovernanceBody
from lineofsight.reports.builder import BoardPackContent, build_pack, long_date
from lineofsight.reports.exporters import export_all, pack_filename
from lineofsight.reports.models import BoardPack, BoardPackFile


class PackError(ValueError):
    """A pack cannot be built or issued as asked; the message says why."""


def find_body(organisation: Organisation, name: str) -> GovernanceBody:
    """The organisation's governance body by short name or full name (any case).

    The error lists the bodies there are, so a mistyped name is easy to correct.
    """
    wanted = name.strip()
    bodies = GovernanceBody.objects.filter(organisation=organisation)
    matches = list(bodies.filter(Q(short_name__iexact=wanted) | Q(name__iexact=wanted)))
    if len(matches) == 1:
        return matches[0]
    known = [f"{b.short_name} ({b.name})" if b.short_name else b.name for b in bodies]
    listing = "; ".join(known) if known else "none yet"
    if matches:
        raise PackError(
            f"'{name}' names {len(matches)} governance bodies of {organisation}; use the full name. Bodies: {listing}"
        )
    raise PackError(f"{organisation} has no governance body called '{name}'. Bodies: {listing}")


def issue_pack(
    body: GovernanceBody,
    meeting_date: date,
    *,
    user: Any = None,
    pack: BoardPackContent | None = None,
    progress: Callable[[str], None] | None = None,
) -> BoardPack:
    """Freeze the pack for ``body``'s meeting: keep its content and every format's file.

    Only one pack is issued per body per meeting date; a second attempt is refused so
    the body's record of what it was sent never changes under it.
    """
    if BoardPack.objects.filter(body=body, meeting_date=meeting_date).exists():
        raise PackError(f"A pack for {body}'s meeting on {long_date(meeting_date)} has already been issued.")
    say = progress or (lambda text: None)
    say("Gathering the actions, updates and indicators")
    content = pack or build_pack(body, meeting_date)
    # Rendered before the transaction, so no lock is held while the files are laid out.
    files = export_all(content, progress=say)
    say("Saving the files")
    saved: list[BoardPackFile] = []
    try:
        with transaction.atomic():
            issued = BoardPack.objects.create(
                organisation_id=body.organisation_id,
                body=body,
                meeting_date=meeting_date,
                issued_at=timezone.now(),
                issued_by=user if user is not None and user.is_authenticated else None,
                content=content.to_json(),
            )
            for name, data in files.items():
                stored = BoardPackFile(pack=issued, format=name, size=len(data))
                stored.file.save(pack_filename(content, name), ContentFile(data), save=False)
                saved.append(stored)
                stored.save()
    except IntegrityError as exc:  # two people pressed "issue" at once
        _remove_files(saved)
        raise PackError(f"A pack for {body}'s meeting on {long_date(meeting_date)} has already been issued.") from exc
    except Exception:
        # The database rolled back; storage does not, so take the files back out.
        _remove_files(saved)
        raise
    return issued


def _remove_files(files: list[BoardPackFile]) -> None:
    for stored in files:
        stored.file.storage.delete(stored.file.name)


def issue_job_key(body: GovernanceBody, meeting_date: date) -> str:
    """The background job key for issuing a body's pack for one meeting (one job each)."""
    return f"issue_pack:{body.pk}:{meeting_date.isoformat()}"


def run_issue_job(params: dict[str, Any], progress: Callable[[str], None]) -> dict[str, Any]:
    """Background job: issue the pack described by ``params`` (body id, meeting date, user id).

    Returns the issued pack's id for the progress page to link to its files.
    """
    from django.contrib.auth import get_user_model

    body = GovernanceBody.objects.select_related("organisation").get(pk=params["body_id"])
    user_id = params.get("user_id")
    user = get_user_model().objects.filter(pk=user_id).first() if user_id is not None else None
    issued = issue_pack(body, date.fromisoformat(params["meeting_date"]), user=user, progress=progress)
    return {"pack_id": issued.pk}
