"""Every environment variable the settings read is documented in .env.example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lineofsight.config import env

ROOT = Path(__file__).resolve().parents[4]


def test_every_setting_read_from_the_environment_is_in_env_example():
    settings_source = (ROOT / "src/lineofsight/config/settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list|secret)\("([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert read, "found no settings read from the environment"
    assert read - documented == set()


def test_bad_boolean_fails_loudly(monkeypatch):
    monkeypatch.setenv("DEBUG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be a boolean"):
        env.env_bool("DEBUG")


def test_secret_is_required_in_production(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set when DEBUG is off"):
        env.env_secret("SECRET_KEY", required=True, dev_default="x")


def test_an_oversized_upload_is_refused_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BYTES = 3 * 1024 * 1024
    response = client.post("/import/", data=b"x" * (4 * 1024 * 1024), content_type="application/octet-stream")
    assert response.status_code == 413
    assert response.content.decode() == "The upload is too large: at most 3 MB can be sent at once."


@pytest.mark.django_db
def test_a_request_within_the_limit_goes_through(client, settings):
    settings.MAX_REQUEST_BYTES = 10_000
    assert client.post("/accounts/sign-in/", {"username": "x", "password": "y"}).status_code == 200
