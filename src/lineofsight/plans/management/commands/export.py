"""``lineofsight export PLAN --format json|docx|xlsx [-o FILE]``: write a plan back out.

JSON is the interchange format; DOCX and XLSX are the landscape table councils send
to Ofsted, laid out by the reports app.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.plans.interchange import export_plan, plan_queryset
from lineofsight.plans.management.commands._common import organisation_from_option, plan_from_argument
from lineofsight.plans.models import Plan


def _json(plan: Plan) -> bytes:
    return (json.dumps(export_plan(plan), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _from_reports(name: str) -> Callable[[Plan], bytes]:
    def export(plan: Plan) -> bytes:
        return getattr(import_module("lineofsight.reports.plan_table"), name)(plan)

    return export


EXPORTERS: dict[str, Callable[[Plan], bytes]] = {
    "json": _json,
    "docx": _from_reports("export_plan_docx"),
    "xlsx": _from_reports("export_plan_xlsx"),
}


class Command(BaseCommand):
    help = "Export a plan as lineofsight/plan@1 JSON, or as the Ofsted plan table in DOCX or XLSX."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", help="Plan id (see `lineofsight plans --org ORG`)")
        parser.add_argument("--format", choices=sorted(EXPORTERS), default="json")
        parser.add_argument("-o", "--output", help="File to write (default: standard output, JSON only)")
        parser.add_argument("--org", help="Only find the plan within this organisation")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"]) if options.get("org") else None
        plan = plan_from_argument(options["plan"], organisation)
        plan = plan_queryset().get(pk=plan.pk)
        data = EXPORTERS[options["format"]](plan)
        if options.get("output"):
            Path(options["output"]).write_bytes(data)
            self.stderr.write(f"Wrote {options['output']}")
        elif options["format"] == "json":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            if sys.stdout.isatty():
                raise CommandError(f"{options['format']} is a binary file: give -o FILE")
            sys.stdout.buffer.write(data)
