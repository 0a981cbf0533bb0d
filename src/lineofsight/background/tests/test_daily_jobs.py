"""The worker queues the daily jobs itself, once a day however many workers run."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from lineofsight.background import daily
from lineofsight.background.models import Job

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_nothing_is_queued_before_the_configured_hours(settings):
    settings.DAILY_JOBS_HOUR, settings.REMINDERS_HOUR = 1, 7

    assert daily.schedule_due(datetime(2026, 12, 2, 0, 30, tzinfo=LONDON)) == []
    assert not Job.objects.exists()


def test_reminders_wait_for_the_working_day_and_skip_weekends(settings):
    settings.DAILY_JOBS_HOUR, settings.REMINDERS_HOUR = 0, 7
    wednesday_2am, wednesday_8am = datetime(2026, 12, 2, 2, tzinfo=LONDON), datetime(2026, 12, 2, 8, tzinfo=LONDON)
    saturday_8am = datetime(2026, 12, 5, 8, tzinfo=LONDON)

    assert [job.kind for job in daily.schedule_due(wednesday_2am)] == ["refresh_rag", "prune_imports"]
    assert [job.kind for job in daily.schedule_due(wednesday_8am)] == ["remind"]
    assert [job.kind for job in daily.schedule_due(saturday_8am)] == ["refresh_rag", "prune_imports"]


def test_each_daily_job_runs_once_a_day_however_many_workers_ask(settings, example_plan):
    settings.DAILY_JOBS_HOUR, settings.REMINDERS_HOUR = 1, 7
    nine_am = datetime(2026, 12, 2, 9, 0, tzinfo=LONDON)

    first_worker = daily.schedule_due(nine_am)
    second_worker = daily.schedule_due(nine_am)

    assert [job.kind for job in first_worker] == ["refresh_rag", "prune_imports", "remind"]
    assert second_worker == []
    assert Job.objects.count() == 3
    # Tests run tasks as they are queued: each called the project's own command.
    refresh = Job.objects.get(kind="refresh_rag")
    assert refresh.status == Job.Status.DONE
    assert "checked" in refresh.result["output"]
    assert "expired upload" in Job.objects.get(kind="prune_imports").result["output"]


def test_the_next_day_queues_them_again(settings):
    settings.DAILY_JOBS_HOUR, settings.REMINDERS_HOUR = 1, 7
    daily.schedule_due(datetime(2026, 12, 2, 9, 0, tzinfo=LONDON))
    daily.schedule_due(datetime(2026, 12, 3, 9, 0, tzinfo=LONDON))

    assert sorted(Job.objects.filter(kind="remind").values_list("key", flat=True)) == [
        "remind:2026-12-02",
        "remind:2026-12-03",
    ]


# The worker closes stale database connections between tasks, as a long-running process
# must; inside a test's wrapping transaction that would close it, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_the_worker_queues_and_runs_todays_jobs(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_BACKEND = "database"
    settings.DAILY_JOBS_HOUR = settings.REMINDERS_HOUR = 0
    out = io.StringIO()

    call_command("worker", "--once", stdout=out)

    assert "Queued refresh_rag for today" in out.getvalue()
    assert set(Job.objects.values_list("status", flat=True)) == {Job.Status.DONE}
    call_command("worker", "--once", stdout=io.StringIO())
    # Saturday and Sunday have no reminders: two or three jobs, never queued twice.
    assert Job.objects.count() in (2, 3)
    assert Job.objects.values("kind").distinct().count() == Job.objects.count()


def test_the_worker_refuses_when_tasks_run_immediately(settings):
    settings.TASKS_BACKEND = "immediate"

    with pytest.raises(CommandError, match="Set TASKS_BACKEND=database"):
        call_command("worker", "--once")
