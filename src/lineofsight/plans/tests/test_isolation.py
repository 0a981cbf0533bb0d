"""Nobody sees another organisation's plans: every object URL answers 404 to outsiders."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def object_urls(plan) -> list[str]:  # type: ignore[no-untyped-def]
    urls = [reverse("plans:plan_detail", args=[plan.pk]), reverse("plans:plan_export", args=[plan.pk])]
    for recommendation in plan.recommendations.all():
        urls.append(reverse("plans:recommendation_detail", args=[recommendation.pk]))
        for action in recommendation.actions.all():
            urls.append(reverse("plans:action_detail", args=[action.pk]))
    return urls


def test_member_of_another_organisation_gets_404_on_every_plan_url(client_for, outsider, example_plan):
    client = client_for(outsider)
    urls = object_urls(example_plan)
    assert len(urls) == 2 + 2 + 3
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_members_of_the_organisation_can_open_every_plan_url(client_for, viewer, example_plan):
    client = client_for(viewer)
    for url in object_urls(example_plan):
        assert client.get(url).status_code == 200, url


def test_signed_out_visitor_is_sent_to_sign_in(client, example_plan):
    response = client.get(reverse("plans:plan_detail", args=[example_plan.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_plan_list_shows_only_the_users_organisation(client_for, outsider, example_plan):
    from conftest import example_plan_document
    from lineofsight.plans.interchange import load_plan

    document = example_plan_document()
    document["title"] = "Northfield improvement plan"
    load_plan(document, outsider.memberships.get().organisation)
    page = client_for(outsider).get(reverse("plans:plan_list")).content.decode()
    assert "Northfield improvement plan" in page
    assert "Test Borough post-ILACS plan" not in page


def test_organisation_switcher_refuses_an_organisation_the_user_is_not_in(client_for, outsider, council):
    response = client_for(outsider).post(reverse("accounts:switch_organisation"), {"organisation": council.pk})
    assert response.status_code == 404
