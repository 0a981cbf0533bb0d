"""``lineofsight load FILE.json --org ORG``: create a plan from an interchange document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.plans.management.commands._common import organisation_from_option
from lineofsight.plans.schema import PlanDocumentError
from lineofsight.plans.services import create_plan


class Command(BaseCommand):
    help = "Create a plan from a lineofsight/plan@1 JSON document; prints the new plan's id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A lineofsight/plan@1 JSON file")
        parser.add_argument("--org", required=True, help="Organisation slug or name")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"])
        path = Path(options["file"])
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: not a JSON document ({exc})") from exc
        try:
            plan = create_plan(document, organisation, source=str(path))
        except PlanDocumentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(plan.pk))
