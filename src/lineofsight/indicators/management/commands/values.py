"""``lineofsight values import FILE.csv --org ORG``: load a CSV of indicator values."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.indicators.forms import MAX_CSV_BYTES
from lineofsight.indicators.services import ValuesImportError, import_values_csv


class Command(BaseCommand):
    help = "Work with scorecard values. 'values import FILE.csv --org ORG' loads a CSV of values."

    def add_arguments(self, parser: ArgumentParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        load = subcommands.add_parser(
            "import",
            help="Load a CSV of values (columns code, period, value, numerator, denominator); all rows or none.",
            description="Load a CSV of indicator values into an organisation's scorecard. Every row "
            "is checked first; if any is wrong nothing is stored and each problem is listed.",
        )
        load.add_argument("file", type=Path, help="The CSV file (see docs/scorecard.md for its columns)")
        load.add_argument("--org", required=True, help="The organisation's slug (or name)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "import":
            self._import(options["file"], options["org"])

    def _import(self, path: Path, org: str) -> None:
        organisation = organisation_from_option(org)
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if path.stat().st_size > MAX_CSV_BYTES:
            raise CommandError(f"{path}: larger than {MAX_CSV_BYTES // 1024 // 1024} MB")
        try:
            summary = import_values_csv(organisation, path.read_bytes(), source=path.name, via="Command-line import")
        except ValuesImportError as exc:
            lines = "\n".join(f"  {error}" for error in exc.errors)
            raise CommandError(f"{path}: nothing was stored; {len(exc.errors)} problem(s):\n{lines}") from exc
        self.stdout.write(
            f"Stored {summary.stored} value(s) for {organisation.name} from {path.name} ({summary.describe()})."
        )
