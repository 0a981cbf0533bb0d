"""Who changed what: an action's history and a plan's activity feed."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lineofsight.tracking import services
from lineofsight.tracking.tests.edit_form import action_edit_form

pytestmark = pytest.mark.django_db


def test_history_shows_who_changed_what_old_to_new(client_for, plan_manager, viewer, action_1b) -> None:
    client_for(plan_manager).post(
        reverse("tracking:edit_action", args=[action_1b.pk]),
        action_edit_form(
            action_1b,
            due_text="July 2026",
            due_date="2026-07-31",
            due_date_reason="Agreed with the Improvement Board",
            status="in_progress",
            version=1,
        ),
    )
    html = client_for(viewer).get(reverse("tracking:action_history", args=[action_1b.pk])).content.decode()
    assert "Action edited" in html
    assert "priya.manager" in html
    assert "<del>June 2026</del> → <ins>July 2026</ins>" in html
    assert "<del>30 Jun 2026</del> → <ins>31 Jul 2026</ins>" in html
    assert "Action added" in html


def test_history_records_rules_changes_as_the_rules(client_for, viewer, action_1b) -> None:
    services.refresh_rag(action_1b, date(2026, 7, 1))
    html = client_for(viewer).get(reverse("tracking:action_history", args=[action_1b.pk])).content.decode()
    assert "RAG rules recomputed" in html
    assert "<ins>Red</ins>" in html


def test_owner_changes_appear_in_history(client_for, plan_manager, viewer, action_1b) -> None:
    client_for(plan_manager).post(
        reverse("tracking:edit_action", args=[action_1b.pk]),
        action_edit_form(action_1b, due_text="June 2026", due_date="2026-06-30", status="in_progress", owners=[]),
    )
    html = client_for(viewer).get(reverse("tracking:action_history", args=[action_1b.pk])).content.decode()
    assert "Owner removed" in html
    assert "Service Manager, Leaving Care" in html


def test_plan_feed_lists_updates_sign_offs_and_edits_newest_first(
    client_for, action_owner, plan_manager, viewer, example_plan, action_1b, action_2
) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Placements reviewed"))
    services.review_update(update, plan_manager, accept=True)
    services.edit_action(action_2, plan_manager, expected_version=1, fields={"due_text": "March 2027"})
    html = client_for(viewer).get(reverse("tracking:plan_activity", args=[example_plan.pk])).content.decode()
    edited, signed, posted = html.index("Action edited"), html.index("Update signed off"), html.index("Update posted")
    assert edited < signed < posted
    assert "Placements reviewed" in html
    assert "owen.owner" in html


def test_plan_feed_is_paginated(client_for, viewer, plan_manager, example_plan, action_2) -> None:
    for n in range(30):
        services.edit_action(action_2, plan_manager, expected_version=n + 1, fields={"due_text": f"Week {n}"})
    client = client_for(viewer)
    first = client.get(reverse("tracking:plan_activity", args=[example_plan.pk])).content.decode()
    assert "Page 1 of 2" in first
    assert "<ins>Week 29</ins>" in first
    second = client.get(reverse("tracking:plan_activity", args=[example_plan.pk]) + "?page=2").content.decode()
    assert "Page 2 of 2" in second
    assert "<ins>Week 29</ins>" not in second


def test_user_text_is_escaped_in_the_feed(client_for, action_owner, viewer, example_plan, action_1b) -> None:
    services.post_update(action_1b, action_owner, services.UpdateInput("<script>alert(1)</script>"))
    html = client_for(viewer).get(reverse("tracking:plan_activity", args=[example_plan.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_plan_feed_query_count_is_pinned(
    client_for, viewer, plan_manager, example_plan, action_2, django_assert_max_num_queries
) -> None:
    for n in range(30):
        services.edit_action(action_2, plan_manager, expected_version=n + 1, fields={"due_text": f"Week {n}"})
    client = client_for(viewer)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("tracking:plan_activity", args=[example_plan.pk])).status_code == 200
