"""A list costs the same number of queries whatever its length, so a Power BI refresh of
a 500-action plan is as cheap as one of a 3-action plan."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lineofsight.plans.models import Action, ActionOwner, ActionReport, ProgressUpdate

pytestmark = pytest.mark.django_db


def queries(call: Any, token: str, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call(token, "get", url, {"limit": 500})
    assert response.status_code == 200
    return len(captured.captured_queries)


def grow(plan: Any, extra: int) -> None:
    """Add ``extra`` actions, each with an owner, a body and an update."""
    template = Action.objects.filter(recommendation__plan=plan).first()
    owner = template.owner_links.first().person
    body = template.report_links.first().body
    for index in range(extra):
        action = Action.objects.create(recommendation=template.recommendation, text=f"Extra action {index}", order=99)
        ActionOwner.objects.create(action=action, person=owner)
        ActionReport.objects.create(action=action, body=body)
        ProgressUpdate.objects.create(action=action, text="Started")


def test_action_list_and_feed_queries_do_not_grow_with_the_plan(call, token_for, example_plan, viewer, council):
    token = token_for(viewer, council)
    action = Action.objects.filter(recommendation__plan=example_plan).first()
    urls = [
        f"/api/v1/plans/{example_plan.pk}/actions",
        f"/api/v1/plans/{example_plan.pk}/actions.csv",
        f"/api/v1/plans/{example_plan.pk}/recommendations",
        f"/api/v1/actions/{action.pk}/updates",
        "/api/v1/plans",
    ]
    call(token, "get", "/api/v1/plans")  # the first use records last_used_at: one UPDATE, once a minute
    before = {url: queries(call, token, url) for url in urls}
    grow(example_plan, 20)
    ProgressUpdate.objects.bulk_create([ProgressUpdate(action=action, text=f"Update {n}") for n in range(10)])
    after = {url: queries(call, token, url) for url in urls}
    assert after == before
    # Token check, membership, then the plan and its prefetches: a handful, not one per action.
    assert before[urls[0]] <= 7
