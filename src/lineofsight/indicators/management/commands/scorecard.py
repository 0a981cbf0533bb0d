"""``lineofsight scorecard --org ORG [--format json]``: print the scorecard."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.indicators.services import IndicatorSummary, ensure_standard_indicators, scorecard

COLUMNS = ("code", "title", "period", "latest", "count", "target", "rag", "trend")


def as_json(summary: IndicatorSummary) -> dict[str, Any]:
    """One scorecard line as plain data."""
    latest = summary.latest
    return {
        "code": summary.code,
        "title": summary.title,
        "unit": summary.unit,
        "polarity": summary.polarity,
        "period": latest.period_label if latest else None,
        "value": latest.value if latest else None,
        "numerator": latest.numerator if latest else None,
        "denominator": latest.denominator if latest else None,
        "target": summary.target.value if summary.target else None,
        "target_by": summary.target.by_date.isoformat() if summary.target and summary.target.by_date else None,
        "tolerance": summary.target.tolerance if summary.target else None,
        "rag": summary.rag,
        "trend": summary.trend,
        "previous": summary.previous.value if summary.previous else None,
    }


class Command(BaseCommand):
    help = "Print an organisation's scorecard: latest value, target, RAG and trend of every indicator."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--org", required=True, help="The organisation's slug (or name)")
        parser.add_argument(
            "--format", choices=["table", "json"], default="table", help="A text table (default) or JSON"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from_option(options["org"])
        ensure_standard_indicators(organisation)
        summaries = scorecard(organisation)
        if options["format"] == "json":
            self.stdout.write(
                json.dumps({"organisation": organisation.slug, "indicators": [as_json(s) for s in summaries]}, indent=2)
            )
            return
        rows = [
            (
                s.code,
                s.title if len(s.title) <= 50 else s.title[:49] + "…",
                s.latest.period_label if s.latest else "",
                s.latest_text,
                s.fraction,
                s.target_text,
                (s.rag or "").upper(),
                s.trend or "",
            )
            for s in summaries
        ]
        widths = [max(len(str(r[i])) for r in [COLUMNS, *rows]) for i in range(len(COLUMNS))]
        for row in [tuple(c.upper() for c in COLUMNS), *rows]:
            cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
