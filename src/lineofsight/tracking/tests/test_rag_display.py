"""The reason for every RAG is shown beside it: on the plan page, the action page and
My actions; no deadline is "No RAG", never green; a claimed completion waits for sign-off."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lineofsight.plans.models import Action
from lineofsight.tracking import services

pytestmark = pytest.mark.django_db

DAY = date(2026, 6, 1)


@pytest.fixture
def rated(example_plan):  # type: ignore[no-untyped-def]
    services.refresh_rag(Action.objects.filter(recommendation__plan=example_plan), DAY)
    return example_plan


def test_plan_page_shows_each_rag_with_its_reason(client_for, viewer, rated, action_2) -> None:
    page = client_for(viewer).get(reverse("plans:plan_detail", args=[rated.pk])).content.decode()
    # "Ongoing": no RAG, and it says why.
    assert 'data-rag="none"' in page
    assert "needs a deadline" in page
    assert "complete and signed off" in page  # 1a, imported blue


def test_an_imported_completion_waits_for_sign_off(client_for, viewer, rated, action_1a) -> None:
    action_1a.rag = "green"  # the document said "Completed" but not closed (not blue)
    action_1a.save()
    services.refresh_rag(action_1a, DAY)
    action_1a.refresh_from_db()
    assert (action_1a.effective_rag, action_1a.rag_reason) == ("green", "complete, awaiting sign-off")
    page = client_for(viewer).get(reverse("plans:action_detail", args=[action_1a.pk])).content.decode()
    assert "complete, awaiting sign-off" in page


def test_an_override_shows_its_reason_beside_the_rag(client_for, viewer, plan_manager, rated, action_1b) -> None:
    services.override_rag(
        action_1b, plan_manager, expected_version=action_1b.version, rag="amber", reason="New date agreed"
    )
    page = client_for(viewer).get(reverse("plans:plan_detail", args=[rated.pk])).content.decode()
    assert "override: New date agreed" in page


def test_my_actions_shows_why(client_for, action_owner, rated, action_1b) -> None:
    services.refresh_rag(action_1b, date(2026, 7, 1))
    page = client_for(action_owner).get(reverse("tracking:my_actions")).content.decode()
    assert "due 30 Jun 2026" in page


def test_an_override_needs_a_reason_and_is_not_labelled_optional(client_for, plan_manager, action_1b) -> None:
    page = client_for(plan_manager).get(reverse("tracking:override_rag", args=[action_1b.pk])).content.decode()
    assert "Reason for the override (optional)" not in page
    assert "Reason for the override" in page
    with pytest.raises(ValueError, match="needs a reason"):
        services.override_rag(action_1b, plan_manager, expected_version=action_1b.version, rag="green", reason=" ")


def test_no_label_says_optional_twice(client_for, action_owner, action_1b) -> None:
    page = client_for(action_owner).get(reverse("tracking:post_update", args=[action_1b.pk])).content.decode()
    assert "(optional) (optional)" not in page
    assert "Impact for children (optional)" in page
    assert "Evidence files (optional)" in page


def test_the_edit_form_does_not_call_the_override_reason_optional(client_for, plan_manager, action_1b) -> None:
    page = client_for(plan_manager).get(reverse("tracking:edit_action", args=[action_1b.pk])).content.decode()
    assert "Reason for the override (optional)" not in page
    assert "Timescale as printed (optional)" in page
