"""The rules applied to stored actions: refresh_rag, the daily command, overrides."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from lineofsight.plans.models import Action
from lineofsight.tracking import services
from lineofsight.tracking.models import RagSettings

pytestmark = pytest.mark.django_db


def test_refresh_applies_the_rules_to_every_action(example_plan, action_1a, action_1b, action_2) -> None:
    changed = services.refresh_rag(Action.objects.filter(recommendation__plan=example_plan), date(2026, 7, 1))
    assert changed == 3
    for action in (action_1a, action_1b, action_2):
        action.refresh_from_db()
    assert action_1a.rag_computed == "blue"  # imported complete and blue: closed
    assert action_1b.rag_computed == "red"  # due 30 June, not complete
    assert action_1b.rag_reason.startswith("due 30 Jun 2026, ")
    assert action_2.rag_computed == "none"  # "Ongoing": no RAG until it has a deadline
    assert action_2.rag_reason == "needs a deadline"
    assert action_1b.rag_computed_on == date(2026, 7, 1)


def test_refresh_twice_changes_nothing_the_second_time(example_plan) -> None:
    actions = Action.objects.filter(recommendation__plan=example_plan)
    services.refresh_rag(actions, date(2026, 7, 1))
    assert services.refresh_rag(actions, date(2026, 7, 1)) == 0


def test_rule_changes_are_recorded_in_history_without_bumping_the_version(action_1b) -> None:
    services.refresh_rag(action_1b, date(2026, 7, 1))
    action_1b.refresh_from_db()
    assert action_1b.version == 1
    latest = action_1b.history.first()
    assert latest.history_change_reason == "RAG rules"
    assert latest.history_user is None
    assert latest.rag_computed == "red"


def test_council_settings_drive_the_rules(council, action_1b) -> None:
    # 1b's clock starts on the day it was imported (today), so a 60-day window is amber.
    RagSettings.objects.create(organisation=council, due_soon_days=60, no_update_days=1)
    services.refresh_rag(action_1b, date(2026, 6, 1))
    assert action_1b.rag_computed == "red"  # the imported red: updated "today"
    services.post_update(action_1b, None, services.UpdateInput("Progress", rag="green"), today=date(2026, 5, 1))
    services.refresh_rag(action_1b, date(2026, 6, 1))
    action_1b.refresh_from_db()
    assert action_1b.rag_computed == "amber"
    assert action_1b.rag_reason == ("due 30 Jun 2026, no update since 1 May 2026; proposed: Green, awaiting sign-off")


def test_council_without_blue_sees_closed_actions_green(council, action_1a) -> None:
    RagSettings.objects.create(organisation=council, use_blue=False)
    services.refresh_rag(action_1a, date(2026, 7, 1))
    action_1a.refresh_from_db()
    assert action_1a.effective_rag == "green"


def test_override_is_kept_beside_the_computed_rag(plan_manager, action_1b) -> None:
    services.edit_action(
        action_1b,
        plan_manager,
        expected_version=1,
        fields={"rag_override": "amber", "rag_override_reason": "Deadline moved by the board"},
        today=date(2026, 7, 1),
    )
    action_1b.refresh_from_db()
    assert (action_1b.rag_computed, action_1b.rag_override, action_1b.effective_rag) == ("red", "amber", "amber")
    assert action_1b.rag_override_reason == "Deadline moved by the board"


def test_override_needs_a_reason(client_for, plan_manager, action_1b) -> None:
    from django.urls import reverse

    response = client_for(plan_manager).post(
        reverse("tracking:override_rag", args=[action_1b.pk]),
        {"rag_override": "green", "rag_override_reason": " ", "version": 1},
    )
    assert response.status_code == 400
    assert "Give a reason for overriding the RAG" in response.content.decode()
    action_1b.refresh_from_db()
    assert action_1b.rag_override == ""


def test_override_is_shown_as_an_override(client_for, plan_manager, viewer, action_1b) -> None:
    from django.urls import reverse

    client_for(plan_manager).post(
        reverse("tracking:override_rag", args=[action_1b.pk]),
        {"rag_override": "green", "rag_override_reason": "Agreed at DMT", "version": 1},
    )
    page = client_for(viewer).get(reverse("tracking:action_updates", args=[action_1b.pk])).content.decode()
    assert "Override" in page
    assert "Overridden: Agreed at DMT. The rules give" in page


def test_clearing_the_override_clears_its_reason(plan_manager, action_1b) -> None:
    services.edit_action(
        action_1b, plan_manager, expected_version=1, fields={"rag_override": "green", "rag_override_reason": "x"}
    )
    services.edit_action(
        action_1b, plan_manager, expected_version=2, fields={"rag_override": "", "rag_override_reason": "ignored"}
    )
    action_1b.refresh_from_db()
    assert (action_1b.rag_override, action_1b.rag_override_reason) == ("", "")


def test_refresh_rag_command(example_plan, capsys) -> None:
    call_command("refresh_rag", "--date", "2026-07-01")
    assert "3 actions changed RAG or drift (3 checked)" in capsys.readouterr().out
    call_command("refresh_rag", "--date", "2026-07-01")
    assert "0 actions changed" in capsys.readouterr().out


def test_refresh_rag_command_rejects_a_bad_date() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date must be YYYY-MM-DD, got '1/7/2026'"):
        call_command("refresh_rag", "--date", "1/7/2026")


def test_refresh_defaults_to_the_london_date(action_1b, settings) -> None:
    """At 23:30 UTC on 30 June (00:30 BST, 1 July) an action due 30 June is overdue."""
    from datetime import UTC, datetime
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=datetime(2026, 6, 30, 23, 30, tzinfo=UTC)):
        services.refresh_rag(action_1b)
    action_1b.refresh_from_db()
    assert action_1b.rag_computed_on == date(2026, 7, 1)
    assert action_1b.rag_computed == "red"


def test_rag_settings_page_saves_and_refreshes(client_for, plan_manager, council, example_plan) -> None:
    from django.urls import reverse

    response = client_for(plan_manager).post(
        reverse("tracking:rag_settings"), {"due_soon_days": 21, "no_update_days": 14, "stale_days": 60}
    )
    assert response.status_code == 302
    saved = RagSettings.objects.get(organisation=council)
    assert (saved.due_soon_days, saved.no_update_days, saved.stale_days, saved.use_blue) == (21, 14, 60, False)
