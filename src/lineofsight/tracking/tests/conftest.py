"""Tracking's extra personas: a second owner, and the example plan's actions by ref."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

# Mid-June 2026: action 1a (due 30 April) is complete; 1b (due 30 June) is due soon.
TODAY = date(2026, 6, 20)


@pytest.fixture
def action_1a(example_plan):  # type: ignore[no-untyped-def]
    from lineofsight.plans.models import Action

    return Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="a")


@pytest.fixture
def action_1b(example_plan):  # type: ignore[no-untyped-def]
    from lineofsight.plans.models import Action

    return Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")


@pytest.fixture
def action_2(example_plan):  # type: ignore[no-untyped-def]
    from lineofsight.plans.models import Action

    return Action.objects.get(recommendation__plan=example_plan, recommendation__ref="2")


@pytest.fixture
def other_owner(council, example_plan):  # type: ignore[no-untyped-def]
    """An action owner of the same council who owns 1a and 2 but not 1b."""
    from django.contrib.auth import get_user_model

    from lineofsight.accounts.models import Membership
    from lineofsight.plans.models import Person

    user = get_user_model().objects.create_user(
        username="olga.other", password="correct-horse-9", email="olga.other@example.test"
    )
    Membership.objects.create(user=user, organisation=council, role="action_owner")
    Person.objects.filter(
        organisation=council, name__in=["Head of Corporate Parenting", "Head of Safeguarding and Quality Assurance"]
    ).update(user=user)
    return user


@pytest.fixture
def persona(request, admin_user, plan_manager, action_owner, other_owner, viewer, outsider) -> Any:  # type: ignore[no-untyped-def]
    """Look a persona up by name, for parametrised role matrices."""
    return {
        "admin": admin_user,
        "plan_manager": plan_manager,
        "owner": action_owner,
        "other_owner": other_owner,
        "viewer": viewer,
        "outsider": outsider,
    }
