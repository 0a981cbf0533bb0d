"""Issuing a board pack is background work: the page answers at once, shows progress,
then the files; a failure shows its error and can be retried; no pack is issued twice."""

from __future__ import annotations

import time
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from lineofsight.background import jobs
from lineofsight.background.models import Job
from lineofsight.reports import services
from lineofsight.reports.models import BoardPack

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_for_a_worker(settings):  # type: ignore[no-untyped-def]
    """Tasks wait in the database for `lineofsight worker`, as in production."""
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_BACKEND = "database"


def issue(client, body, day: str = "2026-07-01"):  # type: ignore[no-untyped-def]
    return client.post(reverse("reports:pack_issue", args=[body.pk]), {"date": day})


# The worker closes stale database connections between tasks, as a long-running process
# must; inside a test's wrapping transaction that would close it, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_issuing_answers_at_once_and_the_pack_appears_when_its_task_has_run(
    client_for, plan_manager, improvement_board, queued_for_a_worker
):
    client = client_for(plan_manager)
    # The body's page first, as a manager would: it also loads the pack code (Altair's
    # import alone takes seconds), which a production worker has done before it serves.
    assert client.get(reverse("reports:body_detail", args=[improvement_board.pk])).status_code == 200

    started = time.perf_counter()
    response = issue(client, improvement_board)
    elapsed = time.perf_counter() - started

    assert response.status_code == 302
    assert elapsed < 1.0, f"issuing took {elapsed:.2f} s inside the request"
    assert not BoardPack.objects.exists()
    waiting = client.get(response["Location"]).content.decode()
    assert "Waiting for the worker to start issuing the pack." in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting

    call_command("worker", "--once", stdout=None)

    pack = BoardPack.objects.get()
    assert sorted(f.format for f in pack.files.all()) == ["docx", "html", "pdf", "xlsx"]
    assert pack.issued_by == plan_manager
    done = client.get(response["Location"]).content.decode()
    assert "Improvement Board pack for 1 July 2026 issued." in done
    assert 'http-equiv="refresh"' not in done
    for fmt in ("html", "pdf", "docx", "xlsx"):
        assert reverse("reports:pack_download", args=[pack.pk, fmt]) in done


def test_pressing_issue_twice_queues_one_job(client_for, plan_manager, improvement_board, queued_for_a_worker):
    client = client_for(plan_manager)

    first, second = issue(client, improvement_board), issue(client, improvement_board)

    assert first["Location"] == second["Location"]
    assert Job.objects.filter(kind="issue_pack").count() == 1


# The worker closes stale database connections between tasks, as a long-running process
# must; inside a test's wrapping transaction that would close it, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_issue_the_same_pack_twice(client_for, plan_manager, improvement_board, queued_for_a_worker):
    issue(client_for(plan_manager), improvement_board)
    job = Job.objects.get()
    # The same job reaches the queue twice (a redelivery, or two workers handed it).
    from lineofsight.background.tasks import run_job

    run_job.enqueue(job.pk)

    call_command("worker", "--once", "--worker-id", "first", stdout=None)
    call_command("worker", "--once", "--worker-id", "second", stdout=None)

    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert job.attempts == 1  # claimed once; the second delivery found nothing to claim
    assert BoardPack.objects.count() == 1
    assert BoardPack.objects.get().files.count() == 4


def test_a_second_worker_cannot_claim_a_job_already_running(improvement_board, queued_for_a_worker):
    job, _ = jobs.submit("issue_pack", params={"body_id": improvement_board.pk, "meeting_date": "2026-07-01"}, key="k")

    assert jobs.claim(job.pk) is True  # worker A
    assert jobs.claim(job.pk) is False  # worker B, a moment later
    assert jobs.run(job.pk) == Job.Status.RUNNING  # B does no work: still A's
    assert not BoardPack.objects.exists()


def test_a_failed_issue_shows_its_error_and_can_be_retried(client_for, plan_manager, improvement_board, monkeypatch):
    client = client_for(plan_manager)
    real_export_all = services.export_all

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the chart renderer stopped")

    monkeypatch.setattr(services, "export_all", broken)
    response = issue(client, improvement_board)
    failed = client.get(response["Location"]).content.decode()

    assert "The pack was not issued" in failed
    assert "RuntimeError: the chart renderer stopped" in failed
    assert "Try issuing again" in failed
    assert not BoardPack.objects.exists()

    monkeypatch.setattr(services, "export_all", real_export_all)
    job = Job.objects.get()
    retried = client.post(reverse("reports:issue_retry", args=[job.pk]), follow=True).content.decode()

    assert "Improvement Board pack for 1 July 2026 issued." in retried
    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (Job.Status.DONE, 2, "")
    assert BoardPack.objects.get().files.count() == 4


def test_a_finished_issue_cannot_be_retried(client_for, plan_manager, improvement_board):
    client = client_for(plan_manager)
    issue(client, improvement_board)
    job = Job.objects.get()

    page = client.post(reverse("reports:issue_retry", args=[job.pk]), follow=True).content.decode()

    assert "This job is finished, so it cannot be retried." in page
    assert BoardPack.objects.count() == 1


def test_asking_again_for_an_issued_pack_goes_to_it(client_for, plan_manager, improvement_board):
    client = client_for(plan_manager)
    services.issue_pack(improvement_board, date(2026, 7, 1))

    response = issue(client, improvement_board)

    assert response["Location"] == reverse("reports:pack_detail", args=[BoardPack.objects.get().pk])
    assert not Job.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("viewer", 403), ("action_owner", 403), ("outsider", 404)])
def test_only_the_councils_plan_managers_follow_an_issue(
    request, client_for, plan_manager, improvement_board, persona, status
):
    issue(client_for(plan_manager), improvement_board)
    job = Job.objects.get()
    client = client_for(request.getfixturevalue(persona))

    assert client.get(reverse("reports:issue_status", args=[job.pk])).status_code == status
    assert client.post(reverse("reports:issue_retry", args=[job.pk])).status_code == status
