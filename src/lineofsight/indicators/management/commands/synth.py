"""``lineofsight synth --children N --seed S -o DIR``: write synthetic statutory returns."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lineofsight.indicators.compute.synth import SynthOptions, generate

RATES = {
    "late_review_rate": "Share of children in care given a late review in the year",
    "unstable_rate": "Share of children in care given 2-3 placement moves in the year",
    "missing_rate": "Share of children in care with missing episodes",
    "in_touch_rate": "Share of care leavers in touch",
    "eet_rate": "Share of care leavers in education, employment or training",
    "suitable_accommodation_rate": "Share of care leavers in suitable accommodation",
    "foster_carer_adoption_rate": "Share of adoptions by the child's foster carer",
    "late_assessment_rate": "Share of assessments authorised after 45 working days",
    "late_icpc_rate": "Share of initial conferences after 15 working days",
    "rereferral_rate": "Share of later referrals within 12 months of the previous one",
}


class Command(BaseCommand):
    help = (
        "Write synthetic SSDA903 (CSV tables and XML) and CIN census (XML) returns with "
        "known indicator values (expected.json), for demonstrations, tests and benchmarks."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--children", type=int, default=1000, help="How many children in the SSDA903 return (default 1000)"
        )
        parser.add_argument("--seed", type=int, default=0, help="Random seed: the same seed gives the same files")
        parser.add_argument(
            "-o", "--output", type=Path, required=True, help="Folder to write into (created if missing)"
        )
        parser.add_argument("--period", default="2025-26", help="The year the returns cover, e.g. 2025-26")
        parser.add_argument("--no-xml", action="store_true", help="Write only the CSV tables and the CIN census")
        defaults = SynthOptions()
        for name, text in RATES.items():
            parser.add_argument(
                "--" + name.replace("_", "-"),
                type=float,
                default=getattr(defaults, name),
                help=f"{text} (default {getattr(defaults, name)})",
            )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["children"] < 1:
            raise CommandError("--children must be at least 1")
        for name in RATES:
            if not 0 <= options[name] <= 1:
                raise CommandError(f"--{name.replace('_', '-')} must be between 0 and 1")
        chosen = SynthOptions(
            children=options["children"],
            seed=options["seed"],
            period=options["period"],
            xml=not options["no_xml"],
            **{name: options[name] for name in RATES},
        )
        started = time.perf_counter()
        try:
            expected = generate(chosen, options["output"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Wrote returns for {chosen.children} children to {options['output']} in "
            f"{seconds:.1f}s; expected values for {len(expected)} indicators are in "
            "expected.json."
        )
