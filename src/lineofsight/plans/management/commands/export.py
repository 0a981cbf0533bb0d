"""``lineofsight export PLAN --format json|docx|xlsx [-o FILE]``: write a plan back out.

JSON is the interchange format; DOCX and XLSX are the landscape table councils send
to Ofsted, which the reports app registers in ``plans.exports.plan_formats``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.plans.exports import plan_formats
from lineofsight.plans.interchange import plan_queryset
from lineofsight.plans.management.commands._common import organisation_from_option, plan_from_argument


class Command(BaseCommand):
    help = "Export a plan as lineofsight/plan@1 JSON, or as the Ofsted plan table in DOCX or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", help="Plan id (see `lineofsight plans --org ORG`)")
        parser.add_argument("--format", choices=sorted(plan_formats), default="json")
        parser.add_argument("-o", "--output", help="File to write (default: standard output, JSON only)")
        parser.add_argument("--org", help="Only find the plan within this organisation")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"]) if options.get("org") else None
        plan = plan_from_argument(options["plan"], organisation)
        plan = plan_queryset().get(pk=plan.pk)
        chosen = plan_formats.get(options["format"])
        data = chosen.export(plan)
        if options.get("output"):
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"Wrote {options['output']}")
        elif not chosen.binary:
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            if sys.stdout.isatty():
                raise CommandError(f"{options['format']} is a binary file: give -o FILE")
            sys.stdout.buffer.write(data)
