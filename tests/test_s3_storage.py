"""Evidence and issued board packs round-trip through S3-compatible object storage.

The harness starts a real S3 server (moto's server mode) on 127.0.0.1 for these tests,
and the project's storage settings point Django's storage API at it, exactly as a
deployment with ``FILE_STORAGE=s3`` does.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.reports.models import BoardPack
from lineofsight.tracking.models import EvidenceFile

pytestmark = pytest.mark.django_db
BUCKET = "lineofsight-test"
REGION = "eu-west-2"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A real S3-compatible HTTP server on 127.0.0.1, for this module's tests."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch) -> Any:  # type: ignore[no-untyped-def]
    """A fresh, empty bucket, with Django's default storage pointed at it."""
    import boto3

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="test-key",
        aws_secret_access_key="test-secret",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": "test-key",
                "secret_key": "test-secret",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    yield client
    listing = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listing:
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def action_1b(example_plan):  # type: ignore[no-untyped-def]
    """Action 1b, owned by the action owner persona (Service Manager, Leaving Care)."""
    from lineofsight.plans.models import Action

    return Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")


def keys(client: Any) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def test_evidence_an_owner_uploads_is_kept_in_the_bucket_and_downloads_intact(
    bucket, client_for, action_owner, viewer, action_1b, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "not-used"
    audit = b"%PDF-1.4\n% placement audit, 12 of 15 reviewed\n%%EOF\n"
    client = client_for(action_owner)

    response = client.post(
        reverse("tracking:post_update", args=[action_1b.pk]),
        {
            "text": "Reviewed 12 of 15 placements.",
            "status": "in_progress",
            "rag": "amber",
            "impact": "",
            "evidence": [SimpleUploadedFile("placement-audit.pdf", audit, content_type="application/pdf")],
        },
    )

    assert response.status_code == 302
    stored = EvidenceFile.objects.get()
    assert keys(bucket) == [stored.file.name]
    assert bucket.get_object(Bucket=BUCKET, Key=stored.file.name)["Body"].read() == audit
    assert not (tmp_path / "not-used").exists()  # nothing went to the local folder
    download = client_for(viewer).get(reverse("tracking:evidence_download", args=[stored.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == audit


def test_an_issued_pack_keeps_its_four_files_in_the_bucket(bucket, client_for, plan_manager, viewer, example_plan):
    body = example_plan.organisation.governance_bodies.get(name="Improvement Board")
    client = client_for(plan_manager)

    client.post(reverse("reports:pack_issue", args=[body.pk]), {"date": "2026-07-01"})

    pack = BoardPack.objects.get()
    files = {f.format: f for f in pack.files.all()}
    assert sorted(files) == ["docx", "html", "pdf", "xlsx"]
    assert keys(bucket) == sorted(f.file.name for f in files.values())
    pdf = client_for(viewer).get(reverse("reports:pack_download", args=[pack.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf.content == bucket.get_object(Bucket=BUCKET, Key=files["pdf"].file.name)["Body"].read()
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) == files["pdf"].size


def test_a_failed_issue_leaves_nothing_in_the_bucket(bucket, plan_manager, example_plan, monkeypatch):
    from datetime import date

    from lineofsight.reports import services
    from lineofsight.reports.models import BoardPackFile

    body = example_plan.organisation.governance_bodies.get(name="Improvement Board")
    real_save = BoardPackFile.save
    saved = []

    def fail_on_third(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        saved.append(self.format)
        if len(saved) == 3:
            raise RuntimeError("database went away")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(BoardPackFile, "save", fail_on_third)

    with pytest.raises(RuntimeError):
        services.issue_pack(body, date(2026, 7, 1), user=plan_manager)

    assert keys(bucket) == []
