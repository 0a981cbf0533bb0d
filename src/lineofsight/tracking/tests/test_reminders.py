"""`lineofsight remind`: one digest per owner per day, never sent twice, and every
overdue or due-soon action reaches someone."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from lineofsight.plans.models import Person
from lineofsight.tracking import reminders, services
from lineofsight.tracking.models import ReminderLog
from lineofsight.tracking.tests.mailbox import assert_lists_1b_as_overdue, the_only_email_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def emails(council, example_plan) -> None:  # type: ignore[no-untyped-def]
    Person.objects.filter(organisation=council, name="Service Manager, Leaving Care").update(
        email="leaving.care@example.test"
    )
    Person.objects.filter(organisation=council, name="Head of Safeguarding and Quality Assurance").update(
        email="hosqa@example.test"
    )


def test_owner_gets_one_digest_with_overdue_and_due_soon(emails, capsys) -> None:
    # 16 June is 14 days before 1b's deadline: the council's first reminder point.
    call_command("remind", "--date", "2026-06-16")
    assert "1 reminder digests sent" in capsys.readouterr().out
    assert len(mail.outbox) == 1  # 1a is complete; 2 has no deadline and is not yet stale
    message = mail.outbox[0]
    assert message.to == ["leaving.care@example.test"]
    assert message.subject == "Your improvement plan actions: 1 due soon"
    assert "Due soon (1)" in message.body
    assert "Review every unsuitable placement of a care leaver. (due 30 Jun 2026)" in message.body
    assert "http://127.0.0.1:8000/tracking/actions/" in message.body


def test_running_twice_on_a_day_sends_nothing_new(emails) -> None:
    call_command("remind", "--date", "2026-07-10")
    first = len(mail.outbox)
    assert first >= 1
    call_command("remind", "--date", "2026-07-10")
    assert len(mail.outbox) == first
    assert ReminderLog.objects.filter(sent_on=date(2026, 7, 10), state="sent").count() == first
    call_command("remind", "--date", "2026-07-11")
    assert len(mail.outbox) == 2 * first


def test_overdue_and_stale_actions_are_included(emails) -> None:
    # Far in the future, on a Monday: 1b overdue, 2 drifting (no update since it was imported).
    call_command("remind", "--date", "2027-05-31")
    by_to = {m.to[0]: m for m in mail.outbox}
    assert "Overdue (1)" in by_to["leaving.care@example.test"].body
    assert "No recent update (1)" in by_to["hosqa@example.test"].body
    assert "Weekly tracker of reviews due" in by_to["hosqa@example.test"].body


def test_dry_run_prints_and_sends_nothing(emails, capsys) -> None:
    call_command("remind", "--dry-run", "--date", "2026-06-16")
    out = capsys.readouterr().out
    assert "To: leaving.care@example.test" in out
    assert "Subject: Your improvement plan actions: 1 due soon" in out
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 0


def test_linked_users_email_is_used_when_the_person_has_none(action_owner) -> None:
    call_command("remind", "--date", "2026-06-16")
    assert [m.to for m in mail.outbox] == [["owen.owner@example.test"]]


def test_actions_no_owner_can_be_reminded_about_go_to_the_plan_manager(example_plan, plan_manager, capsys) -> None:
    # Nobody in the plan has an address: 1b, overdue on 10 July, goes to the plan manager.
    call_command("remind", "--date", "2026-07-10")
    message = the_only_email_to(plan_manager.email)
    assert message.subject == "No one can be reminded about these 1 actions"
    assert_lists_1b_as_overdue(message)
    # A second run the same day sends nothing new.
    call_command("remind", "--date", "2026-07-10")
    assert len(mail.outbox) == 1


def test_a_dry_run_says_what_reaches_no_one(example_plan, capsys) -> None:
    call_command("remind", "--dry-run", "--date", "2026-07-10")
    out = capsys.readouterr().out
    assert "Reaches no one: 1 actions of Example Borough Council need a reminder" in out
    assert "Review every unsuitable placement of a care leaver." in out
    assert "1 actions reach no one. Nothing was sent." in out
    assert mail.outbox == []


def test_reminders_follow_the_councils_own_intervals(emails, council) -> None:
    from lineofsight.tracking.models import RagSettings

    RagSettings.objects.create(organisation=council, due_soon_days=21, reminder_days="21,7")
    sent_on = {}
    for day in range(1, 31):
        before = len(mail.outbox)
        reminders.send_digests(date(2026, 6, day))
        sent_on[day] = len(mail.outbox) - before
    # 21 and 7 days before 30 June, and on the day itself.
    assert [day for day, n in sent_on.items() if n] == [9, 23, 30]


def test_draft_plans_send_no_reminders(emails, example_plan) -> None:
    example_plan.status = "draft"
    example_plan.save()
    call_command("remind", "--date", "2026-07-10")
    assert mail.outbox == []


def test_complete_actions_are_not_reminded(emails, action_1b, action_owner, plan_manager) -> None:
    services.post_update(action_1b, action_owner, services.UpdateInput("Done", status="complete"))
    call_command("remind", "--date", "2026-07-10")
    assert all("Review every unsuitable placement" not in m.body for m in mail.outbox)


def test_a_claim_made_elsewhere_blocks_a_second_send(emails, council) -> None:
    """Another server claimed today's digest first: this run sends nothing."""
    person = Person.objects.get(organisation=council, name="Service Manager, Leaving Care")
    ReminderLog.objects.create(person=person, sent_on=date(2026, 6, 16), email=person.email)
    assert reminders.send_digests(date(2026, 6, 16)) == 0
    assert mail.outbox == []


def test_a_failed_send_releases_the_claim(emails, settings) -> None:
    settings.EMAIL_BACKEND = "lineofsight.tracking.tests.test_reminders.BrokenBackend"
    with pytest.raises(ConnectionError):
        reminders.send_digests(date(2026, 6, 16))
    assert ReminderLog.objects.count() == 0


class BrokenBackend:
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        pass

    def send_messages(self, messages):  # type: ignore[no-untyped-def]
        raise ConnectionError("SMTP server unreachable")


def test_reminders_doc_shows_the_cron_line_and_matches_help() -> None:
    from pathlib import Path

    from django.core.management import load_command_class

    doc = (Path(__file__).resolve().parents[4] / "docs" / "reminders.md").read_text(encoding="utf-8")
    assert "lineofsight remind" in doc
    assert "lineofsight refresh_rag" in doc
    assert "Europe/London" in doc or "London" in doc
    for name in ("remind", "refresh_rag", "weekly_summary"):
        command = load_command_class("lineofsight.tracking", name)
        assert command.help in doc.replace("\n", " ")


def test_working_out_reminders_takes_the_same_queries_for_a_bigger_plan(emails, council, plan_manager) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import example_plan_document
    from lineofsight.plans.interchange import load_plan

    with CaptureQueriesContext(connection) as small:
        reminders.build_reminders(date(2026, 7, 10))
    for n in range(3):
        document = example_plan_document()
        document["title"] = f"Another plan {n}"
        load_plan(document, council)
    with CaptureQueriesContext(connection) as big:
        run = reminders.build_reminders(date(2026, 7, 10))
    assert len(run.digests) >= 1
    assert len(big) == len(small)
