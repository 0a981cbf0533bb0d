"""The deployment settings read from the environment: storage and background work."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SHOW = (
    "from lineofsight.config import settings as s; import json; "
    "print(json.dumps({'storage': s.STORAGES['default'], 'tasks': s.TASKS['default']['BACKEND']}))"
)


def settings_with(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("S3_", "FILE_STORAGE", "TASKS_", "DJANGO_"))
    }
    # A long random-looking key: the settings refuse a short or published one with DEBUG off.
    secret = "deploy-settings-test-key-" + "k7Qz9Lm2" * 5
    environment |= {"SECRET_KEY": secret, "DEBUG": "false", "LINEOFSIGHT_VAR": str(tmp_path), **env}
    return subprocess.run([sys.executable, "-c", SHOW], env=environment, capture_output=True, text=True, timeout=60)


def test_s3_storage_is_configured_from_the_environment(tmp_path):
    shown = settings_with(
        tmp_path,
        FILE_STORAGE="s3",
        S3_BUCKET="council-files",
        S3_ENDPOINT_URL="https://objects.example.gov.uk",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        S3_PREFIX="northfield",
    )

    assert shown.returncode == 0, shown.stderr
    settings = json.loads(shown.stdout)
    assert settings["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = settings["storage"]["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["location"]) == (
        "council-files",
        "https://objects.example.gov.uk",
        "northfield",
    )
    assert options["default_acl"] is None  # evidence is never public
    assert settings["tasks"] == "django_tasks_db.DatabaseBackend"  # production default


def test_local_folder_is_the_default_and_a_missing_bucket_is_refused(tmp_path):
    local = json.loads(settings_with(tmp_path).stdout)
    assert local["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"

    missing = settings_with(tmp_path, FILE_STORAGE="s3")
    assert missing.returncode != 0
    assert "S3_BUCKET must be set when FILE_STORAGE is s3" in missing.stderr

    typo = settings_with(tmp_path, TASKS_BACKEND="celery")
    assert "TASKS_BACKEND must be immediate or database, got 'celery'" in typo.stderr
