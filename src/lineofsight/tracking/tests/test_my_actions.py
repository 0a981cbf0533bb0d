""" "My actions": an owner's actions across the organisation's plans, sorted by urgency."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from lineofsight.plans.interchange import load_plan
from lineofsight.plans.models import Person
from lineofsight.tracking import services

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _second_plan(council, owner_name: str, due: date) -> None:
    load_plan(
        {
            "schema": "lineofsight/plan@1",
            "title": "Focused visit plan",
            "organisation": "Example Borough Council",
            "recommendations": [
                {
                    "ref": "3",
                    "text": "Supervision is not regular.",
                    "actions": [
                        {
                            "ref": "a",
                            "text": "Monthly supervision audit.",
                            "owners": [owner_name],
                            "due": {"text": "soon", "date": due.isoformat()},
                            "status": "in_progress",
                            "rag": "green",
                        },
                    ],
                }
            ],
        },
        council,
    )


def test_owner_sees_due_soon_action_and_actions_from_every_plan(client_for, council, action_owner) -> None:
    _second_plan(council, "Service Manager, Leaving Care", TODAY - timedelta(days=3))
    buckets = services.my_actions(action_owner, council.pk, today=TODAY)
    assert [a.text for a in buckets.overdue] == ["Monthly supervision audit."]
    assert [a.text for a in buckets.due_soon] == ["Review every unsuitable placement of a care leaver."]
    page = client_for(action_owner).get(reverse("tracking:my_actions"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Monthly supervision audit." in html
    assert "Review every unsuitable placement of a care leaver." in html
    assert "Open a joint housing panel" not in html  # someone else's action


def test_overdue_and_due_soon_buckets(council, action_owner, action_1b) -> None:
    assert services.my_actions(action_owner, council.pk, today=date(2026, 7, 1)).overdue == [action_1b]
    assert services.my_actions(action_owner, council.pk, today=date(2026, 6, 16)).due_soon == [action_1b]
    far = services.my_actions(action_owner, council.pk, today=date(2026, 5, 1))
    assert (far.overdue, far.due_soon) == ([], [])


def test_awaiting_an_update_after_the_stale_period(council, action_owner, action_1b) -> None:
    services.post_update(action_1b, action_owner, services.UpdateInput("Started"), today=date(2026, 3, 1))
    buckets = services.my_actions(action_owner, council.pk, today=date(2026, 4, 20))
    assert buckets.awaiting_update == [action_1b]


def test_returned_update_shows_with_comment(council, action_owner, plan_manager, action_1b) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Done?"))
    services.review_update(update, plan_manager, accept=False, comment="Add the panel minutes")
    buckets = services.my_actions(action_owner, council.pk, today=TODAY)
    assert buckets.returned == [(action_1b, update)]


def test_signed_off_actions_leave_the_list(council, action_owner, plan_manager, action_1b) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Done", status="complete"))
    services.review_update(update, plan_manager, accept=True)
    assert services.my_actions(action_owner, council.pk, today=TODAY).total == 0


def test_viewer_with_no_actions_sees_an_empty_list(client_for, viewer, example_plan) -> None:
    html = client_for(viewer).get(reverse("tracking:my_actions")).content.decode()
    assert "No open actions are assigned to you" in html


def test_other_councils_actions_never_show(client_for, other_council, outsider, example_plan, action_owner) -> None:
    # Same person name in another council, linked to the outsider.
    _second_plan(other_council, "Service Manager, Leaving Care", TODAY)
    Person.objects.filter(organisation=other_council).update(user=outsider)
    html = client_for(outsider).get(reverse("tracking:my_actions")).content.decode()
    assert "Monthly supervision audit." in html
    assert "Review every unsuitable placement" not in html
    mine = client_for(action_owner).get(reverse("tracking:my_actions")).content.decode()
    assert "Monthly supervision audit." not in mine


def test_plan_manager_sees_updates_awaiting_sign_off(client_for, action_owner, plan_manager, action_1b) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Progress"))
    html = client_for(plan_manager).get(reverse("tracking:my_actions")).content.decode()
    assert "Updates awaiting your sign-off (1)" in html
    assert reverse("tracking:review_update", args=[update.pk]) in html


def test_my_actions_is_in_the_navigation(client_for, action_owner) -> None:
    html = client_for(action_owner).get(reverse("tracking:my_actions")).content.decode()
    assert f'href="{reverse("tracking:my_actions")}">My actions</a>' in html


def test_my_actions_query_count_does_not_grow_with_actions(
    client_for, council, action_owner, django_assert_max_num_queries
) -> None:
    for n in range(10):
        _second_plan(council, "Service Manager, Leaving Care", TODAY + timedelta(days=n))
    client = client_for(action_owner)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("tracking:my_actions")).status_code == 200
