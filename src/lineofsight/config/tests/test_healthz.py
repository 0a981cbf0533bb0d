"""/healthz tells the load balancer whether this web worker can serve."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from lineofsight.config import healthz

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_check(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(healthz, "_migrated", False)


def test_a_migrated_database_is_healthy_even_probed_by_ip_address(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # a probe over plain HTTP is not redirected

    response = client.get("/healthz", HTTP_HOST="10.0.4.17")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "migrations": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_unapplied_migrations_make_it_unhealthy(client, monkeypatch):
    monkeypatch.setattr(healthz, "unapplied_migrations", lambda: ["background.0002_next"])

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["migrations"] == "1 not applied: background.0002_next"


def test_an_unreachable_database_makes_it_unhealthy(client, monkeypatch):
    class Down:
        def cursor(self):  # type: ignore[no-untyped-def]
            raise OperationalError("connection refused")

    monkeypatch.setattr(healthz, "connection", Down())

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable: OperationalError"
