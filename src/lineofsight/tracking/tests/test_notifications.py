"""Emails about events: one per event, to the right people, with a link, and each
person may turn the optional ones off."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from lineofsight.plans.models import Person
from lineofsight.tracking import notifications, services
from lineofsight.tracking.models import EmailPreferences
from lineofsight.tracking.tests.mailbox import assert_lists_1b_as_overdue, the_only_email_to

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 1)


@pytest.fixture
def leaving_care(council, example_plan) -> Person:  # type: ignore[no-untyped-def]
    """1b's owner, with an address of their own."""
    person = Person.objects.get(organisation=council, name="Service Manager, Leaving Care")
    person.email = "leaving.care@example.test"
    person.save()
    return person


def _post(action, user, rag="green", capture=None):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        return services.post_update(action, user, services.UpdateInput("Reviewed 12 of 15", rag=rag), today=DAY)


def test_plan_manager_is_emailed_when_an_owner_posts_an_update(
    action_owner, plan_manager, action_1b, django_capture_on_commit_callbacks
) -> None:
    update = _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    message = the_only_email_to(plan_manager.email)
    assert message.subject == "Update to sign off: Test Borough post-ILACS plan – action 1b"
    assert "Proposed RAG: Green" in message.body
    assert "Reviewed 12 of 15" in message.body
    assert f"http://127.0.0.1:8000{reverse('tracking:review_update', args=[update.pk])}" in message.body


def test_no_email_goes_for_an_update_that_rolled_back(action_owner, plan_manager, action_1b) -> None:
    # Without a commit the on-commit email never runs (the default test transaction).
    services.post_update(action_1b, action_owner, services.UpdateInput("Progress", rag="green"), today=DAY)
    assert mail.outbox == []


def test_owner_is_emailed_when_the_update_is_signed_off(
    action_owner, plan_manager, action_1b, leaving_care, django_capture_on_commit_callbacks
) -> None:
    update = _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_update(update, plan_manager, accept=True, today=DAY)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([action_owner.email, "leaving.care@example.test"])
    assert all(m.subject == "Update signed off: Test Borough post-ILACS plan – action 1b" for m in mail.outbox)
    assert "The action's RAG is now Green." in mail.outbox[0].body


def test_returned_update_reaches_the_owner_even_with_optional_emails_off(
    action_owner, plan_manager, action_1b, django_capture_on_commit_callbacks
) -> None:
    EmailPreferences.objects.create(
        user=action_owner, update_signed_off=False, rag_overridden=False, weekly_summary=False
    )
    update = _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_update(update, plan_manager, accept=False, comment="Attach the audit", today=DAY)
    assert [m.to for m in mail.outbox] == [[action_owner.email]]
    assert mail.outbox[0].subject.startswith("Update returned: ")
    assert "Attach the audit" in mail.outbox[0].body
    assert reverse("tracking:post_update", args=[action_1b.pk]) in mail.outbox[0].body


def test_owner_who_turned_sign_off_emails_off_is_not_told(
    action_owner, plan_manager, action_1b, django_capture_on_commit_callbacks
) -> None:
    EmailPreferences.objects.create(user=action_owner, update_signed_off=False)
    update = _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_update(update, plan_manager, accept=True, today=DAY)
    assert mail.outbox == []


def test_plan_manager_who_turned_update_emails_off_is_not_told(
    action_owner, plan_manager, action_1b, django_capture_on_commit_callbacks
) -> None:
    EmailPreferences.objects.create(user=plan_manager, updates_posted=False)
    _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_owners_are_told_when_a_plan_manager_overrides_the_rag(
    plan_manager, action_1b, leaving_care, client_for, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(plan_manager).post(
            reverse("tracking:override_rag", args=[action_1b.pk]),
            {"rag_override": "amber", "rag_override_reason": "The board agreed a new date", "version": 1},
        )
    assert response.status_code == 302
    message = the_only_email_to("leaving.care@example.test")
    assert message.subject == "RAG set to Amber: Test Borough post-ILACS plan – action 1b"
    assert "Reason: The board agreed a new date" in message.body
    assert reverse("plans:action_detail", args=[action_1b.pk]) in message.body


def test_a_failed_send_does_not_undo_the_update(
    action_owner, plan_manager, action_1b, settings, django_capture_on_commit_callbacks
) -> None:
    settings.EMAIL_BACKEND = "lineofsight.tracking.tests.test_reminders.BrokenBackend"
    update = _post(action_1b, action_owner, capture=django_capture_on_commit_callbacks)
    assert update.pk is not None
    assert action_1b.updates.filter(pk=update.pk).exists()


def test_weekly_summary_goes_once_a_week(example_plan, plan_manager, capsys) -> None:
    call_command("weekly_summary", "--date", "2026-07-06")
    message = the_only_email_to(plan_manager.email)
    assert message.subject == "Weekly summary for Example Borough Council, week of 06 July 2026"
    assert_lists_1b_as_overdue(message)
    assert "No one can be reminded about these 1 actions" in message.body
    call_command("weekly_summary", "--date", "2026-07-08")  # same ISO week
    assert len(mail.outbox) == 1
    call_command("weekly_summary", "--date", "2026-07-13")
    assert len(mail.outbox) == 2


def test_weekly_summary_can_be_turned_off(example_plan, plan_manager) -> None:
    EmailPreferences.objects.create(user=plan_manager, weekly_summary=False)
    assert notifications.send_weekly_summaries(date(2026, 7, 6)) == 0
    assert mail.outbox == []


def test_each_member_sets_their_own_email_preferences(client_for, action_owner) -> None:
    client = client_for(action_owner)
    page = client.get(reverse("tracking:email_preferences")).content.decode()
    assert "My update is signed off" in page
    response = client.post(reverse("tracking:email_preferences"), {"updates_posted": "on", "weekly_summary": "on"})
    assert response.status_code == 302
    prefs = EmailPreferences.objects.get(user=action_owner)
    assert (prefs.updates_posted, prefs.update_signed_off, prefs.rag_overridden, prefs.weekly_summary) == (
        True,
        False,
        False,
        True,
    )
