"""``lineofsight token``: a council's administrator makes a token for Power BI."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from lineofsight.api.models import ApiToken
from lineofsight.api.tokens import hash_token

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_create_prints_the_token_once_and_stores_only_its_hash(plan_manager, council, call):
    raw, note = run("create", "--org", council.slug, "--user", "priya.manager", "--scope", "write", "--expires", "30")
    token = ApiToken.objects.get()
    assert token.token_hash == hash_token(raw) and raw not in note
    assert token.scope == "write" and "shown only now" in note
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    assert call(raw, "get", "/api/v1/plans").status_code == 200
    listing, _ = run("list", "--org", council.slug)
    assert token.prefix in listing and "active" in listing and raw not in listing


def test_revoke_from_the_command_line(plan_manager, council, call):
    raw, _ = run("create", "--org", council.slug, "--user", "priya.manager")
    run("revoke", str(ApiToken.objects.get().pk))
    assert call(raw, "get", "/api/v1/plans").status_code == 401
    assert "revoked" in run("list", "--org", council.slug)[0]


def test_a_user_outside_the_organisation_gets_no_token(outsider, council):
    with pytest.raises(CommandError, match=r"oscar\.outsider is not a member of Example Borough Council"):
        run("create", "--org", council.slug, "--user", "oscar.outsider")
    with pytest.raises(CommandError, match="no user 'nobody'"):
        run("create", "--org", council.slug, "--user", "nobody")
    assert not ApiToken.objects.exists()
