"""Running the plan at council scale: RAG refresh, "my actions", reminders, activity feed.

Run: ``.venv/bin/python bench/tracking.py [--actions 500] [--runs 5]``. Sets Django up on
a throwaway SQLite database, loads a generated plan (one owner holds every tenth action),
then prints the median time of: ``refresh_rag`` over the whole plan (first run writes
every action, later runs only the day's bookkeeping); the "my actions" page for that
owner; building the day's reminder digests; and the first page of the plan's activity
feed. Prints figures; asserts nothing (tests are never timing-based).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pack import plan_document, setup_django


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lineofsight-bench-") as workdir:
        os.environ["ALLOWED_HOSTS"] = "testserver"
        setup_django(workdir)
        from django.contrib.auth import get_user_model
        from django.test import Client

        from lineofsight.accounts.models import Membership, Organisation
        from lineofsight.plans.interchange import load_plan
        from lineofsight.plans.models import Action, Person
        from lineofsight.tracking import reminders, services

        org = Organisation.objects.create(name="Bench Council", slug="bench")
        plan = load_plan(plan_document(args.actions), org)
        user = get_user_model().objects.create_user("owner", "owner@example.test", "bench-password-1")
        Membership.objects.create(user=user, organisation=org, role="action_owner")
        Person.objects.filter(organisation=org, name="Head of Service 3").update(user=user, email="hos3@example.test")
        for person in Person.objects.filter(organisation=org, email=""):
            person.email = f"person{person.pk}@example.test"
            person.save(update_fields=["email"])
        actions = Action.objects.filter(recommendation__plan=plan)
        today = date(2026, 6, 15)

        start = time.perf_counter()
        changed = services.refresh_rag(actions, today)
        first = time.perf_counter() - start
        again = median_seconds(lambda: services.refresh_rag(actions, today), args.runs)
        print(
            f"refresh_rag, {args.actions} actions: first run {first * 1000:.0f} ms ({changed} changed), "
            f"repeat median {again * 1000:.0f} ms"
        )

        client = Client()
        client.force_login(user)
        mine = len(services.my_actions(user, org.pk, today).overdue)
        assert client.get("/tracking/my-actions/").status_code == 200
        page = median_seconds(lambda: client.get("/tracking/my-actions/"), args.runs)
        print(f"my actions page: median {page * 1000:.0f} ms ({mine} overdue shown)")

        digests = median_seconds(lambda: reminders.build_digests(today), args.runs)
        print(
            f"reminder digests for the day: median {digests * 1000:.0f} ms "
            f"({len(reminders.build_digests(today))} digests)"
        )

        staff = get_user_model().objects.create_user("viewer", "v@example.test", "bench-password-1")
        Membership.objects.create(user=staff, organisation=org, role="viewer")
        client.force_login(staff)
        assert client.get(f"/tracking/plans/{plan.pk}/activity/").status_code == 200
        feed = median_seconds(lambda: client.get(f"/tracking/plans/{plan.pk}/activity/"), args.runs)
        print(f"plan activity feed, first page: median {feed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
