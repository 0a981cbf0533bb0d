"""Scorecard speed: CSV upload, summaries, charts, the page, and link suggestions.

Run: ``.venv/bin/python bench/scorecard.py [--indicators 60] [--quarters 12] [--runs 5]``.
Sets Django up on a throwaway SQLite database, gives a council the standard indicators
plus local ones up to ``--indicators``, uploads ``--quarters`` quarters of values for each
as one CSV, then times the summaries, chart rendering (cold and cached), the whole
scorecard page, and suggesting links for a 300-action plan. Prints figures; asserts
nothing (tests are never timing-based).
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
from pathlib import Path


def setup_django(workdir: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-" + "b3nCh7kEy" * 6)  # settings refuse short keys
    os.environ["LINEOFSIGHT_VAR"] = workdir
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:52} {seconds * 1000:9.1f} ms  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--indicators", type=int, default=60)
    parser.add_argument("--quarters", type=int, default=12)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lineofsight-bench-") as workdir:
        setup_django(workdir)
        from django.contrib.auth import get_user_model
        from django.core.cache import cache
        from django.test import Client

        from lineofsight.accounts.models import Membership, Organisation
        from lineofsight.indicators import charts, services
        from lineofsight.indicators.models import Indicator
        from lineofsight.plans.interchange import load_plan

        def clear_chart_caches() -> None:
            charts._compiled.cache_clear()
            cache.clear()

        rng = random.Random(7)
        council = Organisation.objects.create(name="Bench Council", slug="bench")
        services.ensure_standard_indicators(council)
        for n in range(Indicator.objects.filter(organisation=council).count(), args.indicators):
            Indicator.objects.create(organisation=council, code=f"LOC{n}", title=f"Local indicator {n}", order=100 + n)
        codes = list(Indicator.objects.filter(organisation=council).values_list("code", "unit"))

        rows = ["code,period,value,numerator,denominator"]
        for code, unit in codes:
            for q in range(args.quarters):
                year, quarter = 2023 + q // 4, q % 4 + 1
                denominator = rng.randint(20, 200)
                numerator = rng.randint(0, denominator)
                value = 100 * numerator / denominator if unit == "percent" else rng.uniform(1, 500)
                rows.append(f"{code},{year}-{(year + 1) % 100:02d} Q{quarter},{value:.1f},{numerator},{denominator}")
        data = "\n".join(rows).encode()

        start = time.perf_counter()
        summary = services.import_values_csv(council, data, source="bench.csv")
        report(
            "CSV upload, first (all new)",
            time.perf_counter() - start,
            f"{summary.stored} rows, {len(data) / 1024:.0f} KB",
        )
        # Nudge every other value, as a corrected re-upload would.
        changed = "\n".join(
            row if i % 2 or i == 0 else ",".join(row.split(",")[:2]) + ",0.5,," for i, row in enumerate(rows)
        ).encode()
        start = time.perf_counter()
        again = services.import_values_csv(council, changed, source="bench.csv")
        report("CSV upload, half the values changed", time.perf_counter() - start, again.describe())
        start = time.perf_counter()
        same = services.import_values_csv(council, changed, source="bench.csv")
        report("CSV upload, the same file again", time.perf_counter() - start, same.describe())

        for indicator in Indicator.objects.filter(organisation=council):
            indicator.targets.create(value=50, tolerance=5)

        summaries = services.scorecard(council)
        report(
            "scorecard summaries (median)",
            median_seconds(lambda: services.scorecard(council), args.runs),
            f"{len(summaries)} indicators",
        )

        clear_chart_caches()
        start = time.perf_counter()
        charts.sparkline_svg(summaries[0])
        report("first chart in a process (vl-convert start-up)", time.perf_counter() - start)
        clear_chart_caches()
        start = time.perf_counter()
        for s in summaries:
            charts.sparkline_svg(s)
        cold = time.perf_counter() - start
        report("sparklines, not cached", cold, f"{cold / len(summaries) * 1000:.1f} ms each")
        report(
            "sparklines, cached (median)",
            median_seconds(lambda: [charts.sparkline_svg(s) for s in summaries], args.runs),
        )
        clear_chart_caches()
        start = time.perf_counter()
        charts.indicator_chart_svg(summaries[0])
        report("indicator chart, not cached", time.perf_counter() - start, f"{len(summaries[0].series)} periods")

        user = get_user_model().objects.create_user("bench")
        Membership.objects.create(user=user, organisation=council, role="viewer")
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        client.get("/scorecard/")
        report(
            "scorecard page, warm (median)",
            median_seconds(lambda: client.get("/scorecard/"), args.runs),
            f"{len(summaries)} rows",
        )
        first = Indicator.objects.filter(organisation=council).first()
        url = f"/scorecard/indicators/{first.pk}/"
        client.get(url)
        report("indicator page, warm (median)", median_seconds(lambda: client.get(url), args.runs))

        recommendations = [
            {
                "ref": str(r + 1),
                "text": f"Recommendation {r + 1}",
                "section": None,
                "outcomes": [],
                "see_also": [],
                "actions": [
                    {
                        "ref": "abcde"[a],
                        "text": f"Action {r + 1}{'abcde'[a]}",
                        "owners": [],
                        "partners": [],
                        "due": {"text": "", "date": None},
                        "status": None,
                        "rag": None,
                        "measures": [f"P{rng.randint(1, 30)} {rng.choice(codes)[0]} within timescale", "Case audits"],
                        "reported_to": [],
                        "updates": [],
                    }
                    for a in range(5)
                ],
            }
            for r in range(60)
        ]
        load_plan(
            {
                "schema": "lineofsight/plan@1",
                "title": "Bench plan",
                "organisation": "Bench Council",
                "inspection": None,
                "recommendations": recommendations,
            },
            council,
        )
        start = time.perf_counter()
        made = services.refresh_link_suggestions(council)
        report("link suggestions, 300 actions (first)", time.perf_counter() - start, f"{made} suggested")
        report(
            "link suggestions, 300 actions (again, median)",
            median_seconds(lambda: services.refresh_link_suggestions(council), args.runs),
        )


if __name__ == "__main__":
    main()
