"""The server refuses a published or short SECRET_KEY, and every page carries a strict
Content-Security-Policy that no template needs to break."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

PACKAGE = Path(__file__).resolve().parents[2]
REPO = PACKAGE.parents[1]


def _start(tmp_path: Path, secret_key: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "lineofsight.config.settings",
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "LINEOFSIGHT_VAR": str(tmp_path),
    }
    code = "import django; django.setup(); print('started')"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "key",
    [
        "change-me",  # the value in .env.example
        "CHANGE-ME",
        "insecure-development-key-not-for-production",
        "django-insecure-" + "k" * 50,
        "short-but-random-3f9a",
        "a" * 60,
    ],
)
def test_production_refuses_a_placeholder_or_short_secret_key(tmp_path, key):
    result = _start(tmp_path, key)
    assert result.returncode != 0
    assert "SECRET_KEY is a published placeholder or shorter than 50 characters" in result.stderr


def test_production_starts_with_a_long_random_secret_key(tmp_path):
    result = _start(tmp_path, secrets.token_urlsafe(64))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client_for, plan_manager, client):
    for response in (client.get(reverse("accounts:login")), client_for(plan_manager).get(reverse("plans:plan_list"))):
        policy = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives["script-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script is on the page"


def test_no_template_has_inline_script_event_handlers_or_style_attributes():
    offenders = []
    for path in sorted((PACKAGE / "templates").rglob("*.html")):
        if path.name == "pack_document.html":
            continue  # the downloaded pack: a standalone file with its own policy (reports/views.py)
        text = path.read_text()
        for pattern in (r"<script(?![^>]*\bsrc=)[^>]*>", r"\son[a-z]+\s*=", r"\sstyle\s*=", r"javascript:"):
            offenders += [f"{path.relative_to(PACKAGE)}: {m.group(0)}" for m in re.finditer(pattern, text)]
        for style in re.finditer(r"<style(?P<attrs>[^>]*)>", text):
            if "csp_nonce" not in style.group("attrs"):
                offenders.append(f"{path.relative_to(PACKAGE)}: <style> without the request's nonce")
    assert offenders == []


def test_a_style_element_gets_the_nonce_the_policy_names(rf):
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse
    from django.template import engines

    template = engines["django"].from_string('<style nonce="{{ request.csp_nonce }}">p{}</style>')

    def view(request):  # type: ignore[no-untyped-def]
        return HttpResponse(template.render({}, request))

    response = CSPMiddleware(view)(rf.get("/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
