"""``lineofsight compute --903 DIR [--cin FILE] --period 2025-26 [--org ORG]``."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.indicators import rules
from lineofsight.indicators.compute import (
    IndicatorResult,
    ReturnFileError,
    compute_indicators,
    parse_period,
)
from lineofsight.indicators.services import record_computed_values, unit_from


def format_table(results: list[IndicatorResult]) -> str:
    """A plain-text table: code, title, value, numerator/denominator."""
    rows = [("Code", "Indicator", "Value", "Of")]
    for r in results:
        # A count has no denominator: its value says it all.
        fraction = "" if r.denominator is None else f"{r.numerator or 0} / {r.denominator}"
        title = r.title if len(r.title) <= 70 else r.title[:69] + "…"
        rows.append((r.code, title, rules.format_value(r.value, unit_from(r.unit)), fraction))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append(
            "  ".join(
                [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]), row[3].rjust(widths[3])]
            ).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "Compute the scorecard indicators (NI66, NI62, NI63, NI147, NI148, CLA48, CLA39, "
        "CLA40, A1, A2, A10 and, with a CIN census, CIN-A45, CIN-ICPC15, CIN-RR, CP-REPEAT) "
        "from an SSDA903 return and print them; with --org, store them in that "
        "organisation's scorecard."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--903",
            dest="ssda903",
            type=Path,
            required=True,
            help="Folder of SSDA903 CSV tables (header.csv, episodes.csv, ...) or an SSDA903 XML file",
        )
        parser.add_argument(
            "--cin",
            type=Path,
            action="append",
            default=[],
            help="CIN census XML file; repeat to add last year's census so re-referrals and repeat plans can look back",
        )
        parser.add_argument("--period", default="2025-26", help="Financial year (2025-26) or quarter (2025-26 Q3)")
        parser.add_argument("--org", help="Store the values in this organisation's scorecard (slug or name)")

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["ssda903"]
        if not source.exists():
            raise CommandError(f"{source}: no such folder or file")
        for cin in options["cin"]:
            if not cin.is_file():
                raise CommandError(f"{cin}: no such file")
        try:
            period = parse_period(options["period"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        organisation = None
        if options["org"]:
            # Find the organisation before the work, so a typo fails fast.
            organisation = organisation_from_option(options["org"])
        try:
            results = compute_indicators(source, options["cin"] or None, period)
        except ReturnFileError as exc:
            lines = "\n".join(f"  {problem}" for problem in exc.problems)
            raise CommandError(f"nothing was computed; the return has problems:\n{lines}") from exc
        self.stdout.write(f"Indicators for {period.label} ({period.start:%d/%m/%Y} to {period.end:%d/%m/%Y})")
        self.stdout.write(format_table(results))
        if organisation is None:
            return
        files = sorted({Path(s).name for r in results for s in r.sources})
        provenance = (
            f"computed from {', '.join(files)} on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by lineofsight compute"
        )
        stored = record_computed_values(organisation, period.label, period.start, period.end, results, provenance)
        self.stdout.write(f"Stored {stored} value(s) in {organisation.name}'s scorecard for {period.label}.")
