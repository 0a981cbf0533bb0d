"""Sign-in hardening, deployment settings and CSRF on every tracking form."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from lineofsight.accounts.models import SignInAttempt

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[4]


def _sign_in(client: Client, password: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("accounts:login"), {"username": "owen.owner", "password": password})


def test_five_failed_sign_ins_lock_the_account_with_429(client, action_owner) -> None:
    for _ in range(5):
        assert _sign_in(client, "wrong").status_code == 200
    response = _sign_in(client, "correct-horse-9")  # even the right password waits
    assert response.status_code == 429
    assert "Too many failed sign-in attempts. Wait" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_clears_the_failures(client, action_owner) -> None:
    for _ in range(4):
        _sign_in(client, "wrong")
    assert _sign_in(client, "correct-horse-9").status_code == 302
    assert SignInAttempt.objects.filter(username="owen.owner").count() == 0
    client.logout()
    for _ in range(4):
        _sign_in(client, "wrong")
    assert _sign_in(client, "correct-horse-9").status_code == 302


def test_failures_for_one_user_do_not_lock_out_another(client, action_owner, viewer) -> None:
    for _ in range(5):
        _sign_in(client, "wrong")
    other = client.post(reverse("accounts:login"), {"username": "victor.viewer", "password": "correct-horse-9"})
    assert other.status_code == 302


def _django_check(env: dict[str, str], *options: str) -> subprocess.CompletedProcess[str]:
    """``django check`` in a fresh process with only ``env``, as a production server starts."""
    return subprocess.run(
        [sys.executable, "-m", "django", "check", *options],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_deploy_checks_pass_with_production_settings(tmp_path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "plans.example.gov.uk",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_PRELOAD": "true",
        "LINEOFSIGHT_VAR": str(tmp_path),
    }
    result = _django_check(env, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "DEBUG": "false",
        "LINEOFSIGHT_VAR": str(tmp_path),
    }
    result = _django_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_session_cookies_are_hardened(settings) -> None:
    from lineofsight.config import settings as real

    assert real.SESSION_COOKIE_HTTPONLY is True
    assert real.SESSION_COOKIE_SAMESITE == "Lax"
    assert real.CSRF_COOKIE_HTTPONLY is True
    assert real.X_FRAME_OPTIONS == "DENY"


@pytest.fixture
def csrf_world(action_owner, plan_manager, viewer, action_1b):  # type: ignore[no-untyped-def]
    from lineofsight.accounts.models import Membership
    from lineofsight.tracking import services

    update = services.post_update(action_1b, action_owner, services.UpdateInput("Progress"))
    return {"action": action_1b, "update": update, "membership": Membership.objects.get(user=viewer)}


FORMS = [
    ("tracking:post_update", "action", {"text": "x"}),
    ("tracking:edit_action", "action", {"text": "x", "version": 1}),
    ("tracking:override_rag", "action", {"rag_override": "green", "rag_override_reason": "x", "version": 1}),
    ("tracking:review_update", "update", {"decision": "accept"}),
    ("tracking:rag_settings", None, {"due_soon_days": 1, "no_update_days": 1, "stale_days": 1}),
    ("accounts:members", None, {"who": "victor.viewer", "role": "admin"}),
    ("accounts:member_role", "membership", {"role": "admin"}),
    ("accounts:member_remove", "membership", {}),
]


@pytest.mark.parametrize(("name", "obj", "data"), FORMS, ids=[f[0] for f in FORMS])
def test_post_without_csrf_token_is_refused(admin_user, csrf_world, name, obj, data) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    url = reverse(name, args=[csrf_world[obj].pk]) if obj else reverse(name)
    response = client.post(url, data)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Your form has expired" in page and "Nothing was saved" in page


def test_sign_in_without_csrf_token_is_refused(action_owner) -> None:
    response = Client(enforce_csrf_checks=True).post(
        reverse("accounts:login"), {"username": "owen.owner", "password": "correct-horse-9"}
    )
    assert response.status_code == 403


def test_forms_carry_a_csrf_token(client_for, admin_user, csrf_world) -> None:
    client = client_for(admin_user)
    for url in (
        reverse("tracking:post_update", args=[csrf_world["action"].pk]),
        reverse("tracking:edit_action", args=[csrf_world["action"].pk]),
        reverse("tracking:override_rag", args=[csrf_world["action"].pk]),
        reverse("tracking:review_update", args=[csrf_world["update"].pk]),
        reverse("tracking:rag_settings"),
        reverse("accounts:members"),
    ):
        assert b'name="csrfmiddlewaretoken"' in client.get(url).content, url
