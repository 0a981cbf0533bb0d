"""``lineofsight import FILE``: read a council's plan document into Line of Sight.

lineofsight import plan.docx --dry-run --format json    # print the plan, write nothing
lineofsight import plan.docx --org example-borough      # create the plan, print its id
lineofsight import plan-v2.docx --plan 12               # update plan 12 from a new version
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lineofsight.importing import MAX_UPLOAD_BYTES, ImportFailed, sandbox
from lineofsight.importing.merge import ChangeSet
from lineofsight.plans.management.commands._common import (
    organisation_from_option,
    plan_from_argument,
)
from lineofsight.plans.schema import PlanDocumentError


def describe_changes(changes: ChangeSet) -> list[str]:
    """Lines a plan manager reads before confirming a re-import."""
    lines = []
    for rec in changes.updated_recommendations:
        for change in rec.changes:
            lines.append(
                f"recommendation {rec.ref or rec.recommendation_id}: {change.label} {change.old!r} -> {change.new!r}"
            )
    for action in changes.updated_actions:
        for change in action.changes:
            lines.append(
                f"action {action.action_id} ({action.text[:50]}): {change.label} {change.old!r} -> {change.new!r}"
            )
        for update in action.new_updates:
            lines.append(
                f"action {action.action_id}: new update {update.get('as_of') or 'undated'}: {update['text'][:60]}"
            )
    for new in changes.new_actions:
        lines.append(
            f"new action under recommendation {new.recommendation_ref or new.recommendation_id}: "
            f"{new.action['text'][:60]}"
        )
    for spec in changes.new_recommendations:
        lines.append(f"new recommendation {spec.get('ref') or ''}: {spec['text'][:60]}")
    for kept in changes.kept_actions:
        lines.append(f"kept (not in the new document): action {kept['id']} {kept['text'][:50]}")
    return lines or ["no changes"]


class Command(BaseCommand):
    help = (
        "Import an action plan document (.docx, .xlsx, .csv, .pdf, .html, .md or a text "
        "extraction). With --dry-run nothing is written; --format json prints the plan "
        "as lineofsight/plan@1. Warnings go to stderr."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The plan document")
        parser.add_argument("--org", help="Organisation slug or name (needed to create a plan)")
        parser.add_argument("--plan", help="Id of a plan to update from a newer version of its document")
        parser.add_argument("--dry-run", action="store_true", help="Read and report; write nothing")
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="Output of a dry run: a summary (text) or the plan@1 document (json)",
        )
        parser.add_argument(
            "--inspection-end",
            type=date.fromisoformat,
            help="Last day of the inspection (YYYY-MM-DD), for timescales like '3 months'",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_UPLOAD_BYTES:
                raise CommandError(
                    f"{path.name}: the file is larger than the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from exc
        try:
            result = sandbox.read_plan(data, path.name, inspection_end=options["inspection_end"])
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")

        organisation = organisation_from_option(options["org"]) if options["org"] else None
        plan = plan_from_argument(options["plan"], organisation) if options["plan"] else None
        if options["dry_run"]:
            self._report(result.plan, plan, options["format"])
            return
        from lineofsight.importing import services

        if plan is not None:
            changes = services.apply_reimport(plan, result.plan, source=path.name)
            for line in describe_changes(changes):
                self.stderr.write(line)
            self.stdout.write(str(plan.pk))
            return
        if organisation is None:
            raise CommandError("--org is needed to create a plan (or --plan to update one)")
        try:
            created = services.create_plan(result.plan, organisation, source=path.name)
        except PlanDocumentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(created.pk))

    def _report(self, document: dict[str, Any], plan: Any, fmt: str) -> None:
        if plan is not None:
            from lineofsight.importing.services import preview_reimport

            changes = preview_reimport(plan, document)
            if fmt == "json":
                self.stdout.write(json.dumps(changes.as_dict(), indent=2, ensure_ascii=False, default=str))
            else:
                self.stdout.write("\n".join(describe_changes(changes)))
            return
        if fmt == "json":
            self.stdout.write(json.dumps(document, indent=2, ensure_ascii=False))
            return
        recs = document["recommendations"]
        actions = sum(len(r["actions"]) for r in recs)
        self.stdout.write(f"{document.get('title') or 'Untitled plan'}: {len(recs)} recommendations, {actions} actions")
        for rec in recs:
            self.stdout.write(f"  {rec.get('ref') or '-'}  {rec['text'][:70]}  ({len(rec['actions'])} actions)")
