"""How long a board pack takes for a plan of 300 actions, in each format.

Run: ``.venv/bin/python bench/pack.py [--actions 300] [--runs 5]``. Sets Django up on a
throwaway SQLite database, loads a generated plan whose actions all report to one
board, issues an earlier pack, changes a tenth of the actions, then times the builder
alone, the builder plus each exporter, issuing the pack (build once, all four files,
stored), and the Ofsted table export of the whole plan. Prints one table: the median of
``--runs`` runs, wall-clock and CPU seconds (CPU is steadier on a busy machine).
Chart caches are emptied before every run, so each run draws its charts afresh as a
new pack would.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-" + "b3nCh7kEy" * 6)  # settings refuse short keys
    os.environ["LINEOFSIGHT_VAR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def plan_document(actions: int) -> dict:
    """A plan of ``actions`` actions in recommendations of five, all reporting to one board."""
    rng = random.Random(7)
    themes = ["Care leavers", "Front door", "Children in care", "Permanence", "Leadership"]
    rags = ["red", "amber", "green", "blue", None]
    recommendations = []
    for r in range((actions + 4) // 5):
        acts = []
        for a in range(min(5, actions - r * 5)):
            due = date(2026, 1, 31) + timedelta(days=rng.randint(0, 330))
            rag = rng.choice(rags)
            acts.append(
                {
                    "ref": "abcde"[a],
                    "text": f"Action {r + 1}{'abcde'[a]}: review and strengthen practice for children, with audits "
                    f"of {rng.randint(10, 60)} cases and feedback to team managers.",
                    "owners": [f"Head of Service {rng.randint(1, 12)}", "Principal Social Worker"][: rng.randint(1, 2)],
                    "partners": [],
                    "due": {"text": f"{due:%B %Y}", "date": due.isoformat()},
                    "status": "complete" if rag == "blue" else "in_progress",
                    "rag": rag,
                    "measures": [f"NI{rng.randint(60, 70)} within timescale"],
                    "reported_to": ["Improvement Board"],
                    "updates": [
                        {
                            "as_of": (due - timedelta(days=30 * k)).isoformat(),
                            "text": "Audits completed; findings shared with team managers and the next steps agreed. "
                            * 2,
                        }
                        for k in range(rng.randint(0, 3))
                    ],
                }
            )
        recommendations.append(
            {
                "ref": str(r + 1),
                "text": f"Recommendation {r + 1}: the quality of practice is not consistently good.",
                "section": themes[r % len(themes)],
                "outcomes": ["Children get help at the right time"],
                "see_also": [],
                "actions": acts,
            }
        )
    return {
        "schema": "lineofsight/plan@1",
        "title": "Bench improvement plan",
        "organisation": "Bench Council",
        "inspection": None,
        "recommendations": recommendations,
    }


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def median_seconds(work: Callable[[], object], runs: int, before: Callable[[], object] | None = None) -> Timing:
    """Median wall-clock and CPU seconds of ``work`` over ``runs`` runs (``before`` untimed)."""
    walls, cpus = [], []
    for _ in range(runs):
        if before is not None:
            before()
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lineofsight-bench-") as workdir:
        setup_django(workdir)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from lineofsight.accounts.models import Organisation
        from lineofsight.indicators import charts
        from lineofsight.plans.interchange import load_plan
        from lineofsight.plans.models import Action, GovernanceBody
        from lineofsight.reports.builder import build_pack
        from lineofsight.reports.exporters import FORMATS
        from lineofsight.reports.models import BoardPack
        from lineofsight.reports.plan_table import export_plan_docx, export_plan_xlsx
        from lineofsight.reports.services import issue_pack

        organisation = Organisation.objects.create(name="Bench Council", slug="bench")
        plan = load_plan(plan_document(args.actions), organisation)
        body = GovernanceBody.objects.get(organisation=organisation, name="Improvement Board")
        earlier = build_pack(body, date(2026, 5, 1))
        BoardPack.objects.create(
            organisation=organisation,
            body=body,
            meeting_date=earlier.meeting_date,
            issued_at=timezone.now(),
            content=earlier.to_json(),
        )
        for changed in Action.objects.filter(recommendation__plan=plan)[::10]:
            changed.rag, changed.due_date = "red", (changed.due_date or date(2026, 6, 30)) + timedelta(days=60)
            changed.save()
        meeting = date(2026, 7, 1)

        with CaptureQueriesContext(connection) as queries:
            pack = build_pack(body, meeting)
        # Start the chart renderer once so the first format does not carry its start-up.
        FORMATS["html"].export(pack)

        def cold_charts() -> None:
            charts.clear_cache()

        def unissue() -> None:
            cold_charts()
            for issued in BoardPack.objects.filter(body=body, meeting_date=meeting):
                for stored in issued.files.all():
                    stored.file.delete(save=False)
                issued.delete()

        rows: list[tuple[str, Timing, str]] = [
            ("builder only", median_seconds(lambda: build_pack(body, meeting), args.runs), ""),
        ]
        for name, fmt in FORMATS.items():

            def work(fmt: Any = fmt) -> bytes:
                return fmt.export(build_pack(body, meeting))

            kilobytes = len(work()) / 1024
            rows.append((f"build + {name}", median_seconds(work, args.runs, cold_charts), f"{kilobytes:,.0f} KB"))
        rows.append(("issue (all four)", median_seconds(lambda: issue_pack(body, meeting), args.runs, unissue), ""))
        unissue()
        for name, exporter in (("Ofsted table docx", export_plan_docx), ("Ofsted table xlsx", export_plan_xlsx)):

            def table(exporter: Callable[[Any], bytes] = exporter) -> bytes:
                return exporter(plan)

            rows.append((name, median_seconds(table, args.runs), ""))

        print(
            f"Board pack for {pack.overall.total} actions, {len(pack.changes)} changes, "
            f"{len(pack.exceptions)} exceptions; builder ran {len(queries)} queries. "
            f"Median of {args.runs} runs:"
        )
        print()
        print(f"| {'step':<20} | {'wall s':>7} | {'CPU s':>7} | {'size':>7} |")
        print(f"| {'-' * 20} | {'-' * 6}: | {'-' * 6}: | {'-' * 6}: |")
        for label, (wall, cpu), size in rows:
            print(f"| {label:<20} | {wall:7.2f} | {cpu:7.2f} | {size:>7} |")


if __name__ == "__main__":
    main()
