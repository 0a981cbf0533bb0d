"""``lineofsight pack BODY --org ORG --date YYYY-MM-DD --format pdf -o FILE [--issue]``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS
from lineofsight.reports.services import PackError, find_body, issue_pack


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date: expected a date as YYYY-MM-DD, got '{value}'") from exc


class Command(BaseCommand):
    help = (
        "Build the board pack for a governance body's meeting and write it as HTML, PDF, "
        "Word or Excel. With --issue, also issue (freeze) it, so the next pack reports what "
        "changed since this one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("body", help="The governance body's short name or full name")
        parser.add_argument("--org", required=True, help="The organisation's slug or name")
        parser.add_argument("--date", required=True, help="The meeting date, YYYY-MM-DD")
        parser.add_argument("--format", default="pdf", choices=sorted(FORMATS), help="File format (default pdf)")
        parser.add_argument("-o", "--output", required=True, help="The file to write")
        parser.add_argument(
            "--since",
            help="Compare with the plan as it stood on this date (YYYY-MM-DD) instead of the last issued pack",
        )
        parser.add_argument("--issue", action="store_true", help="Issue the pack: keep it and all its files")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"])
        meeting_date = _date(options["date"])
        since = _date(options["since"]) if options.get("since") else None
        try:
            body = find_body(organisation, options["body"])
        except PackError as exc:
            raise CommandError(str(exc)) from exc
        pack = build_pack(body, meeting_date, since=since)
        fmt = options["format"]
        stored = None
        if options["issue"]:
            try:
                stored = issue_pack(body, meeting_date, pack=pack).file_for(fmt)
            except PackError as exc:
                raise CommandError(str(exc)) from exc
        if stored is not None:
            # Write exactly the file that was issued, not a second rendering of it.
            with stored.file.open("rb") as handle:
                data = handle.read()
        else:
            data = FORMATS[fmt].export(pack)
        Path(options["output"]).write_bytes(data)
        issued = " and issued the pack" if options["issue"] else ""
        self.stdout.write(
            f"{pack.title}: {pack.overall.total} actions ({pack.overall.red} red, {pack.overall.amber} amber, "
            f"{pack.overall.green} green, {pack.overall.blue} blue), {len(pack.changes)} changes, "
            f"{len(pack.exceptions)} exceptions. Wrote {options['output']}{issued}."
        )
