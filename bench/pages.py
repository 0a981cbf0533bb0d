"""Plan pages at council scale: the plan list, the plan page (unfiltered and filtered),
a recommendation, an action and the JSON export, for a plan of 500 actions.

Run: ``.venv/bin/python bench/pages.py [--actions 500] [--runs 7]``. Sets Django up on a
throwaway SQLite database, loads a generated plan, signs a plan manager in and prints the
median time and the number of database queries of each page. Prints figures; asserts
nothing (tests are never timing-based).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pack import plan_document, setup_django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lineofsight-bench-") as workdir:
        os.environ["ALLOWED_HOSTS"] = "testserver"
        setup_django(workdir)
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client

        from lineofsight.accounts.models import Membership, Organisation
        from lineofsight.plans.services import create_plan

        org = Organisation.objects.create(name="Bench Council", slug="bench")
        start, start_cpu = time.perf_counter(), time.process_time()
        plan = create_plan(plan_document(args.actions), org)
        loaded, loaded_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        print(
            f"load and rate a plan of {args.actions} actions: "
            f"{loaded * 1000:.0f} ms wall, {loaded_cpu * 1000:.0f} ms cpu"
        )
        user = get_user_model().objects.create_user("manager", "m@example.test", "bench-password-1")
        Membership.objects.create(user=user, organisation=org, role="plan_manager")
        client = Client()
        client.force_login(user)
        recommendation = plan.recommendations.first()
        action = recommendation.actions.first()
        pages = {
            "plan list": "/",
            "plan page": f"/plans/{plan.pk}/",
            "plan page, red only": f"/plans/{plan.pk}/?rag=red",
            "plan page, overdue (htmx)": f"/plans/{plan.pk}/?due=overdue",
            "recommendation": f"/recommendations/{recommendation.pk}/",
            "action": f"/actions/{action.pk}/",
            "plan JSON export": f"/plans/{plan.pk}/export.json",
        }
        # CPU time is printed beside wall time: on a shared machine it is the steadier figure.
        print(f"{'page':<28}{'wall ms':>9}{'cpu ms':>8}{'queries':>9}")
        for name, url in pages.items():
            headers = {"HTTP_HX_REQUEST": "true"} if "htmx" in name else {}
            queries: list[str] = []

            def count(execute, sql, params, many, context, queries=queries):  # type: ignore[no-untyped-def]
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                response = client.get(url, **headers)
            assert response.status_code == 200, (url, response.status_code)
            wall, cpu = [], []
            for _ in range(args.runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get(url, **headers)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(
                f"{name:<28}{statistics.median(wall) * 1000:>9.0f}{statistics.median(cpu) * 1000:>8.0f}"
                f"{len(queries):>9}"
            )


if __name__ == "__main__":
    main()
