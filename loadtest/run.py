"""``make load``: the production server under 50 people of two councils, then a check
that no accepted progress update was lost.

Starts PostgreSQL (``scripts/pg-test-server.sh``) or uses a SQLite file, migrates and
seeds two organisations (a 100-action plan each, managers, owners and viewers, an issued
board pack), starts gunicorn with ``--workers`` processes on 127.0.0.1, runs locust
headless for ``--seconds``, stops everything, and counts each accepted update in the
database. The last line printed is::

    load: N requests, E errors, p95 X ms, lost U updates

It exits non-zero when there were errors or lost updates.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "load-test-pass-9"  # noqa: S105 - a throwaway account on a throwaway database
ROLES = {"plan_manager": 4, "action_owner": 12, "viewer": 9}  # per council: 25 people


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_environment(workdir: Path, database_url: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TASKS_", "FILE_STORAGE"))}
    environment |= {
        "DEBUG": "false",
        "SECRET_KEY": "load-test-only-secret-key-" + "l0aDt3sT" * 5,  # settings refuse keys under 50 characters
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_COOKIES": "false",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "LINEOFSIGHT_VAR": str(workdir / "var"),
        "MEDIA_ROOT": str(workdir / "var" / "media"),
        "CACHE_BACKEND": "db",
        "LOG_LEVEL": "WARNING",
        # The simulated managers have no authenticator app; two-factor sign-in is tested on
        # its own (accounts/tests), and here would only turn their pages into code prompts.
        "TWO_FACTOR_REQUIRED_ROLES": "",
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "PYTHONPATH": str(ROOT / "src"),
    }
    return environment


def seed(fixture_path: Path) -> None:
    """Two councils, each with a plan, 25 people and an issued pack; ids to ``fixture_path``."""
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from pack import plan_document  # bench/pack.py: the generated 300-action plan

    from lineofsight.accounts.models import Membership, Organisation
    from lineofsight.plans.interchange import load_plan
    from lineofsight.plans.models import Action, GovernanceBody, Person
    from lineofsight.reports.services import issue_pack

    hashed = make_password(PASSWORD)  # one hash for everyone: seeding 50 accounts stays quick
    people = []
    for slug, name in (("northfield", "Northfield Council"), ("southdale", "Southdale Council")):
        organisation = Organisation.objects.create(name=name, slug=slug)
        plan = load_plan(plan_document(100), organisation)
        body = GovernanceBody.objects.get(organisation=organisation, name="Improvement Board")
        pack = issue_pack(body, date(2026, 7, 1))
        all_actions = list(Action.objects.filter(recommendation__plan=plan).values_list("pk", flat=True))
        for role, count in ROLES.items():
            for n in range(1, count + 1):
                user = get_user_model().objects.create(username=f"{slug}-{role}-{n}", password=hashed)
                Membership.objects.create(user=user, organisation=organisation, role=role)
                actions = all_actions
                if role == "action_owner":
                    owner = Person.objects.get(organisation=organisation, name=f"Head of Service {n}")
                    owner.user = user
                    owner.save()
                    actions = list(
                        Action.objects.filter(owner_links__person=owner).values_list("pk", flat=True).distinct()
                    )
                # Most people arrive signed in already (a session made as Django's test client
                # does); the first of each role signs in through the form (6 of 50), so sign-in is
                # exercised without 50 deliberately slow password hashes in the same few seconds.
                session = SessionStore()
                session[SESSION_KEY] = str(user.pk)
                session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
                session[HASH_SESSION_KEY] = user.get_session_auth_hash()
                session.create()
                people.append(
                    {
                        "username": user.username,
                        "session": session.session_key,
                        "sign_in": n == 1,
                        "role": role,
                        "plan_id": plan.pk,
                        "actions": actions,
                        "body_id": body.pk,
                        "pack_id": pack.pk,
                    }
                )
    fixture_path.write_text(json.dumps({"password": PASSWORD, "people": people}))


def count_updates(markers: list[str]) -> tuple[int, int]:
    """(lost, duplicated): accepted updates missing from the database, or there twice."""
    from lineofsight.plans.models import ProgressUpdate

    stored: dict[str, int] = {}
    for text in ProgressUpdate.objects.filter(text__contains="[load-").values_list("text", flat=True):
        marker = text[text.index("[load-") + 1 : text.index("]", text.index("[load-"))]
        stored[marker] = stored.get(marker, 0) + 1
    lost = sum(1 for m in markers if stored.get(m, 0) == 0)
    duplicated = sum(1 for m in markers if stored.get(m, 0) > 1)
    return lost, duplicated


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310 - 127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not become healthy within a minute")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="lineofsight-load-") as tmp:
        workdir = Path(tmp)
        workdir.chmod(0o755)  # the PostgreSQL server runs as its own user and must reach pg/
        pg_dir = workdir / "pg"
        if args.database == "postgres":
            database_url = subprocess.run(
                [str(ROOT / "scripts/pg-test-server.sh"), "start", str(pg_dir)],
                check=True,
                capture_output=True,
                text=True,
                timeout=120,
            ).stdout.strip()
        else:
            database_url = f"sqlite:///{workdir / 'load.sqlite3'}"
        gunicorn = None
        try:
            environment = server_environment(workdir, database_url)
            os.environ.update(environment)
            print(f"== seeding two councils on {args.database}", flush=True)
            fixture = workdir / "fixture.json"
            seed(fixture)

            port = free_port()
            host = f"http://127.0.0.1:{port}"
            gunicorn = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "-c",
                    "python:lineofsight.config.gunicorn_conf",
                    "lineofsight.config.wsgi",
                ],
                env=environment
                | {
                    "WEB_BIND": f"127.0.0.1:{port}",
                    "WEB_WORKERS": str(args.workers),
                    "WEB_ACCESS_LOG": str(workdir / "access.log"),
                },
                stdout=subprocess.DEVNULL,
                stderr=open(workdir / "gunicorn.log", "wb"),  # noqa: SIM115 - closed with the process
                start_new_session=True,
            )
            wait_healthy(host, gunicorn)
            print(f"== {args.users} users for {args.seconds} s against {args.workers} gunicorn worker(s)", flush=True)
            accepted_path = workdir / "accepted.json"
            subprocess.run(
                [
                    str(BIN / "locust"),
                    "-f",
                    str(ROOT / "loadtest/locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    "10",
                    "--run-time",
                    f"{args.seconds}s",
                    "--stop-timeout",
                    "10",
                    "--host",
                    host,
                    "--csv",
                    str(workdir / "stats"),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env=environment | {"LOAD_FIXTURE": str(fixture), "LOAD_ACCEPTED": str(accepted_path)},
                check=False,
                timeout=args.seconds + 120,
            )
            with open(workdir / "stats_stats.csv", newline="") as handle:
                total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
            markers = json.loads(accepted_path.read_text()) if accepted_path.exists() else []
            lost, duplicated = count_updates(markers)
        finally:
            if gunicorn is not None:
                os.killpg(gunicorn.pid, signal.SIGTERM)
                gunicorn.wait(timeout=60)
                errors = (workdir / "gunicorn.log").read_text(errors="replace")
                if "Traceback" in errors:
                    print(errors[-4000:])
                # A worker the master killed for not answering in WEB_TIMEOUT shows as resets.
                for line in errors.splitlines():
                    if "TIMEOUT" in line or "[ERROR]" in line:
                        print("gunicorn:", line)
            if "django" in sys.modules:
                from django.db import connections

                connections.close_all()
            if args.database == "postgres":
                subprocess.run([str(ROOT / "scripts/pg-test-server.sh"), "stop", str(pg_dir)], check=False, timeout=120)
        requests, failures = int(total["Request Count"]), int(total["Failure Count"])
        print(f"{len(markers)} updates accepted, {duplicated} stored twice; database {args.database}")
        print(f"load: {requests} requests, {failures} errors, p95 {total['95%']} ms, lost {lost + duplicated} updates")
        return 0 if failures == 0 and lost == 0 and duplicated == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
