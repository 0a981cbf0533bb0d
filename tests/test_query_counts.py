"""Each main page costs the same, pinned number of queries whatever the size of the plan.

NetBox's ``query_counts.json`` pattern: the counts each page takes at a small and a large
council are measured and kept in ``query_counts.json`` beside this file. A page whose count
changes fails here; a page whose count grows with the plan (an N+1) fails twice, because its
large count differs from its small one. After a deliberate change, rewrite the file with
``UPDATE_QUERY_COUNTS=1 pytest tests/test_query_counts.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

COUNTS_FILE = Path(__file__).with_name("query_counts.json")
# Small and large councils: (plans, recommendations per plan, actions per recommendation,
# updates per action, indicators with values).
SIZES = {"small": (1, 2, 2, 1, 3), "large": (3, 5, 6, 3, 12)}
PAGES = ["plan_list", "plan_page", "my_actions", "action_page", "scorecard", "pack_preview"]
OWNERS = ["Head of Corporate Parenting", "Service Manager, Leaving Care", "Head of Quality Assurance"]
BODIES = ["Improvement Board", "Corporate Parenting Board"]


def plan_document(number: int, recommendations: int, actions: int, updates: int) -> dict[str, Any]:
    """A plan@1 document of the given size, every action owned, reported and updated."""
    start = date(2026, 1, 5)
    return {
        "schema": "lineofsight/plan@1",
        "title": f"Query count plan {number}",
        "organisation": "Example Borough Council",
        "inspection": {"kind": "ILACS", "started": "2026-01-05", "ended": "2026-01-16"},
        "recommendations": [
            {
                "ref": str(r + 1),
                "text": f"Recommendation {r + 1} of plan {number}.",
                "section": None,
                "outcomes": [f"Outcome {r + 1}"],
                "see_also": [],
                "actions": [
                    {
                        "ref": f"{r + 1}.{a + 1}",
                        "text": f"Action {a + 1} of recommendation {r + 1}.",
                        "owners": [OWNERS[(r + a) % len(OWNERS)]],
                        "partners": ["Housing Options"],
                        "due": {"text": "due", "date": (start + timedelta(days=30 * (a + r))).isoformat()},
                        "status": "in_progress",
                        "rag": ["red", "amber", "green"][a % 3],
                        "measures": ["NI147"],
                        "reported_to": [BODIES[a % len(BODIES)], BODIES[0]] if a % 2 else [BODIES[0]],
                        "updates": [
                            {"as_of": (start + timedelta(days=7 * u)).isoformat(), "text": f"Update {u + 1}."}
                            for u in range(updates)
                        ],
                    }
                    for a in range(actions)
                ],
            }
            for r in range(recommendations)
        ],
    }


def _council_of_size(size: str) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from lineofsight.accounts.models import Membership, Organisation
    from lineofsight.indicators.models import Indicator
    from lineofsight.indicators.rules import financial_quarter
    from lineofsight.indicators.services import ensure_standard_indicators, store_value
    from lineofsight.plans.interchange import load_plan
    from lineofsight.plans.models import GovernanceBody, Person

    plans, recommendations, actions, updates, indicators = SIZES[size]
    council = Organisation.objects.create(name="Example Borough Council", slug=f"example-{size}")
    loaded = [load_plan(plan_document(n + 1, recommendations, actions, updates), council) for n in range(plans)]
    users = {}
    for role in ("plan_manager", "action_owner"):
        users[role] = get_user_model().objects.create_user(username=f"{role}-{size}", password="correct-horse-9")
        Membership.objects.create(user=users[role], organisation=council, role=role)
    Person.objects.filter(organisation=council, name=OWNERS[1]).update(user=users["action_owner"])
    ensure_standard_indicators(council)
    for indicator in Indicator.objects.filter(organisation=council).order_by("code")[:indicators]:
        for quarter in (1, 2, 3, 4):
            store_value(indicator, financial_quarter(2025, quarter), 40.0 + quarter, 4 + quarter, 10, "test")
        indicator.targets.create(value=43, tolerance=2)
    action = loaded[0].recommendations.first().actions.first()  # type: ignore[union-attr]
    return {
        "users": users,
        "plan": loaded[-1],
        "action": action,
        "body": GovernanceBody.objects.get(organisation=council, name=BODIES[0]),
    }


def _url(page: str, council: dict[str, Any]) -> tuple[str, str]:
    """The page's URL and the role that opens it."""
    return {
        "plan_list": (reverse("plans:plan_list"), "plan_manager"),
        "plan_page": (reverse("plans:plan_detail", args=[council["plan"].pk]), "plan_manager"),
        "my_actions": (reverse("tracking:my_actions"), "action_owner"),
        "action_page": (reverse("plans:action_detail", args=[council["action"].pk]), "plan_manager"),
        "scorecard": (reverse("indicators:scorecard"), "plan_manager"),
        "pack_preview": (
            reverse("reports:pack_preview", args=[council["body"].pk]) + "?date=2026-07-01",
            "plan_manager",
        ),
    }[page]


def _measure(client: Any, size: str) -> dict[str, int]:
    council = _council_of_size(size)
    counts = {}
    for page in PAGES:
        url, role = _url(page, council)
        client.force_login(council["users"][role])
        warm = client.get(url)  # warm the session and any per-process cache
        assert warm.status_code == 200, (page, url, warm.status_code, warm.content[:300])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (page, response.status_code)
        counts[page] = len(captured)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("size", SIZES)
def test_each_page_takes_its_pinned_number_of_queries(client, size):
    measured = _measure(client, size)
    pinned: dict[str, dict[str, int]] = json.loads(COUNTS_FILE.read_text()) if COUNTS_FILE.exists() else {}
    if os.environ.get("UPDATE_QUERY_COUNTS"):
        for page, count in measured.items():
            pinned.setdefault(page, {})[size] = count
        COUNTS_FILE.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n")
    expected = {page: pinned.get(page, {}).get(size) for page in PAGES}
    assert measured == expected, f"{size} council: measured {measured}, pinned {expected}"


def test_no_page_costs_more_queries_for_a_larger_plan():
    pinned = json.loads(COUNTS_FILE.read_text())
    assert set(pinned) == set(PAGES)
    grows = {page: sizes for page, sizes in pinned.items() if sizes["large"] != sizes["small"]}
    assert not grows, f"these pages cost more queries for a larger plan (an N+1): {grows}"
