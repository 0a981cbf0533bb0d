"""``/healthz`` for the load balancer: is the database reachable and fully migrated?

Answered by a middleware placed first, so the probe needs no host name from
``ALLOWED_HOSTS`` (balancers probe by IP address), is not redirected to HTTPS, and
touches no session. 200 with ``{"database": "ok", "migrations": "ok"}`` when ready; 503
with the reason otherwise, so a worker on a new release waits out ``migrate``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

PATH = "/healthz"
# Once every migration is applied it stays so for this process's life; checking the
# migration graph costs tens of milliseconds, so it is not repeated on every probe.
_migrated = False


def unapplied_migrations() -> list[str]:
    """Names of migrations the code has that the database has not applied."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def check() -> tuple[int, dict[str, str]]:
    """The status code and the report the endpoint answers."""
    global _migrated
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return 503, {"database": f"unreachable: {type(exc).__name__}", "migrations": "unknown"}
    if not _migrated:
        try:
            pending = unapplied_migrations()
        except DatabaseError as exc:
            return 503, {"database": "ok", "migrations": f"cannot be read: {type(exc).__name__}"}
        if pending:
            shown = ", ".join(pending[:5]) + (" …" if len(pending) > 5 else "")
            return 503, {"database": "ok", "migrations": f"{len(pending)} not applied: {shown}"}
        _migrated = True
    return 200, {"database": "ok", "migrations": "ok"}


class HealthCheckMiddleware:
    """Answer ``/healthz`` before any other middleware sees the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.rstrip("/") != PATH:
            return self.get_response(request)
        status, report = check()
        response = JsonResponse(report, status=status)
        response["Cache-Control"] = "no-store"
        return response
