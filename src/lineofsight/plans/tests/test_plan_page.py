"""The plan page: recommendations with actions, filters and counts by RAG."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_plan_page_counts_actions_by_rag(client_for, plan_manager, example_plan):
    page = client_for(plan_manager).get(reverse("plans:plan_detail", args=[example_plan.pk]))
    counts = page.context["view"].rag_counts
    assert counts == {"red": 1, "amber": 1, "green": 0, "blue": 1, "none": 0}
    assert "Care leavers do not all live in suitable accommodation." in page.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"rag": "red"}, ["Review every unsuitable placement of a care leaver."]),
        ({"status": "complete"}, ["Open a joint housing panel for care leavers."]),
        ({"status": "none"}, ["Weekly tracker of reviews due, sent to team managers."]),
        ({"due": "none"}, ["Weekly tracker of reviews due, sent to team managers."]),
    ],
)
def test_filters_narrow_the_actions(client_for, plan_manager, example_plan, query, expected):
    page = client_for(plan_manager).get(reverse("plans:plan_detail", args=[example_plan.pk]), query)
    shown = [a.text for item in page.context["view"].recommendations for a in item.actions]
    assert shown == expected


def test_filter_by_owner_and_governance_body(client_for, plan_manager, example_plan, council):
    person = council.people.get(name="Head of Safeguarding and Quality Assurance")
    body = council.governance_bodies.get(name="Corporate Parenting Board")
    client = client_for(plan_manager)
    url = reverse("plans:plan_detail", args=[example_plan.pk])
    by_owner = client.get(url, {"owner": person.pk}).context["view"]
    assert by_owner.shown_actions == 1
    by_body = client.get(url, {"body": body.pk}).context["view"]
    assert by_body.shown_actions == 2


def test_overdue_filter_uses_todays_date(client_for, plan_manager, example_plan):
    # The example plan's deadlines are in 2026: April (complete) and June (in progress).
    view = client_for(plan_manager).get(reverse("plans:plan_detail", args=[example_plan.pk]), {"due": "overdue"})
    assert [a.ref for item in view.context["view"].recommendations for a in item.actions] == ["b"]


def test_htmx_request_gets_only_the_actions_fragment(client_for, plan_manager, example_plan):
    response = client_for(plan_manager).get(
        reverse("plans:plan_detail", args=[example_plan.pk]), {"rag": "red"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="plan-actions">')
    assert "Showing 1 of 3 actions" in html


def test_plan_page_query_count_does_not_grow_with_actions(
    client_for, plan_manager, example_plan, django_assert_max_num_queries
):
    client = client_for(plan_manager)
    with django_assert_max_num_queries(20):
        client.get(reverse("plans:plan_detail", args=[example_plan.pk]))


def test_user_text_is_escaped(client_for, plan_manager, example_plan):
    action = example_plan.recommendations.first().actions.first()
    action.text = "<script>alert('x')</script>"
    action.save()
    html = client_for(plan_manager).get(reverse("plans:action_detail", args=[action.pk])).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;" in html


def test_action_page_shows_updates_and_history(client_for, plan_manager, example_plan):
    action = example_plan.recommendations.first().actions.first()
    action.due_text = "May 2026"
    action.save()
    html = client_for(plan_manager).get(reverse("plans:action_detail", args=[action.pk])).content.decode()
    assert "Panel meets fortnightly." in html
    assert "April 2026" in html and "May 2026" in html  # old → new in the change history


def test_plan_list_counts_use_the_rating_shown_on_the_plan_page(client_for, plan_manager, example_plan):
    action = example_plan.recommendations.get(ref="2").actions.get()
    action.rag_computed = "red"  # the rules say red although the document said amber
    action.save()
    plans = client_for(plan_manager).get(reverse("plans:plan_list")).context["plans"]
    assert (plans[0].action_count, plans[0].red, plans[0].amber, plans[0].blue) == (3, 2, 0, 1)


def test_htmx_filtering_updates_the_live_status_out_of_band(client_for, plan_manager, example_plan):
    html = (
        client_for(plan_manager)
        .get(reverse("plans:plan_detail", args=[example_plan.pk]), {"rag": "red"}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert '<p id="filter-status" class="govuk-visually-hidden" role="status" hx-swap-oob="true">' in html
    assert html.count("Showing 1 of 3 actions") == 2  # the visible count and the announced one
