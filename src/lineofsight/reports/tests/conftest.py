"""Fixtures for board pack tests: the example plan's bodies and a way to age it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Issued packs' files go to a fresh folder per test, not the shared test media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def improvement_board(example_plan):  # type: ignore[no-untyped-def]
    """The Improvement Board: actions 1b (red, June 2026) and 2.1 (amber, ongoing)."""
    from lineofsight.plans.models import GovernanceBody

    body = GovernanceBody.objects.get(organisation=example_plan.organisation, name="Improvement Board")
    body.short_name = "IB"
    body.meeting_frequency = "Monthly"
    body.save()
    return body


@pytest.fixture
def parenting_board(example_plan):  # type: ignore[no-untyped-def]
    """The Corporate Parenting Board: actions 1a (complete, blue) and 1b (red)."""
    from lineofsight.plans.models import GovernanceBody

    return GovernanceBody.objects.get(organisation=example_plan.organisation, name="Corporate Parenting Board")


def age_plan(plan, when: date) -> None:  # type: ignore[no-untyped-def]
    """Pretend the plan was loaded on ``when``: move its history and timestamps back."""
    from lineofsight.plans.models import Action, ProgressUpdate

    moment = datetime(when.year, when.month, when.day, 9, 0, tzinfo=UTC)
    actions = Action.objects.filter(recommendation__plan=plan)
    Action.history.filter(id__in=actions.values("id")).update(history_date=moment)
    actions.update(created=moment)
    ProgressUpdate.objects.filter(action__in=actions).update(created=moment)


@pytest.fixture
def aged_plan(example_plan):  # type: ignore[no-untyped-def]
    """The example plan as if it had been loaded on 1 February 2026."""
    age_plan(example_plan, date(2026, 2, 1))
    return example_plan


def action(plan, label: str):  # type: ignore[no-untyped-def]
    """An action of the example plan by its printed number: '1a', '1b' or '2'."""
    from lineofsight.plans.models import Action

    rec_ref, action_ref = label[0], label[1:] or ""
    return Action.objects.get(recommendation__plan=plan, recommendation__ref=rec_ref, ref=action_ref)
