"""How long a board pack takes for a plan of 300 actions, in each format.

Run: ``.venv/bin/python bench/pack.py [--actions 300] [--runs 5]``. Sets Django up on a
throwaway SQLite database, loads a generated plan whose actions all report to one
board, issues an earlier pack, changes a tenth of the actions, then times the builder
alone and the builder plus each exporter (median of several runs), and the Ofsted
table export of the whole plan.
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


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret")
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
            acts.append({
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
                    {"as_of": (due - timedelta(days=30 * k)).isoformat(),
                     "text": "Audits completed; findings shared with team managers and the next steps agreed. " * 2}
                    for k in range(rng.randint(0, 3))
                ],
            })
        recommendations.append({
            "ref": str(r + 1), "text": f"Recommendation {r + 1}: the quality of practice is not consistently good.",
            "section": themes[r % len(themes)], "outcomes": ["Children get help at the right time"],
            "see_also": [], "actions": acts,
        })
    return {"schema": "lineofsight/plan@1", "title": "Bench improvement plan", "organisation": "Bench Council",
            "inspection": None, "recommendations": recommendations}


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
        from lineofsight.plans.interchange import load_plan
        from lineofsight.plans.models import Action, GovernanceBody
        from lineofsight.reports.builder import build_pack
        from lineofsight.reports.exporters import FORMATS
        from lineofsight.reports.models import BoardPack
        from lineofsight.reports.plan_table import export_plan_docx, export_plan_xlsx

        organisation = Organisation.objects.create(name="Bench Council", slug="bench")
        plan = load_plan(plan_document(args.actions), organisation)
        body = GovernanceBody.objects.get(organisation=organisation, name="Improvement Board")
        earlier = build_pack(body, date(2026, 5, 1))
        BoardPack.objects.create(organisation=organisation, body=body, meeting_date=earlier.meeting_date,
                                 issued_at=timezone.now(), content=earlier.to_json())
        for changed in Action.objects.filter(recommendation__plan=plan)[:: 10]:
            changed.rag, changed.due_date = "red", (changed.due_date or date(2026, 6, 30)) + timedelta(days=60)
            changed.save()
        meeting = date(2026, 7, 1)

        with CaptureQueriesContext(connection) as queries:
            pack = build_pack(body, meeting)
        # Warm the chart renderer once so the first format does not carry its start-up.
        FORMATS["html"].export(pack)
        print(f"Board pack for {pack.overall.total} actions, {len(pack.changes)} changes, "
              f"{len(pack.exceptions)} exceptions; builder ran {len(queries)} queries. "
              f"Median of {args.runs} runs:")
        print(f"  {'builder only':<22} {median_seconds(lambda: build_pack(body, meeting), args.runs):7.3f} s")
        for name, fmt in FORMATS.items():
            def work(fmt=fmt) -> bytes:
                return fmt.export(build_pack(body, meeting))
            size = len(work())
            print(f"  {'build + ' + name:<22} {median_seconds(work, args.runs):7.3f} s   ({size / 1024:,.0f} KB)")
        for name, exporter in (("Ofsted table docx", export_plan_docx), ("Ofsted table xlsx", export_plan_xlsx)):
            print(f"  {name:<22} {median_seconds(lambda exporter=exporter: exporter(plan), args.runs):7.3f} s")


if __name__ == "__main__":
    main()
