"""The demo organisation loads once, with a plan that shows every RAG."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from lineofsight.accounts.models import Membership
from lineofsight.plans.demo import load_demo
from lineofsight.plans.models import Action, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_demo_command_loads_once_and_prints_the_sign_ins():
    first = StringIO()
    call_command("demo", stdout=first)
    second = StringIO()
    call_command("demo", stdout=second)
    assert "Loaded Example Borough Council (slug example)" in first.getvalue()
    assert "manager  demo-manager-pass" in first.getvalue()
    assert "Already loaded" in second.getvalue()
    assert Plan.objects.count() == 1
    assert Membership.objects.filter(organisation__slug="example").count() == 4


def test_demo_refuses_published_passwords_without_debug():
    with pytest.raises(Exception, match="Demo sign-ins have published passwords"):
        call_command("demo")


def test_demo_plan_has_a_mix_of_ratings_and_progress():
    _, plan, created = load_demo(date(2026, 11, 23), with_users=False)
    assert created
    actions = Action.objects.filter(recommendation__plan=plan)
    assert plan.recommendations.count() == 8
    assert 25 <= actions.count() <= 35
    assert {a.rag for a in actions} >= {"red", "amber", "green", "blue"}
    assert ProgressUpdate.objects.filter(action__recommendation__plan=plan).count() >= 20
    assert actions.filter(due_date__lt=date(2026, 11, 23)).exclude(status="complete").exists()


def test_demo_scorecard_has_values_targets_and_confirmed_links():
    from lineofsight.indicators.models import IndicatorLink, IndicatorValue, Target
    from lineofsight.plans.demo import DEMO_SCORECARD, _financial_quarters_before

    organisation, _, _ = load_demo(date(2026, 11, 23), with_users=False)
    assert _financial_quarters_before(date(2026, 11, 23), 2) == ["2026-27 Q1", "2026-27 Q2"]
    assert _financial_quarters_before(date(2026, 4, 1), 1) == ["2025-26 Q4"]
    values = IndicatorValue.objects.filter(indicator__organisation=organisation)
    assert values.count() == 6 * len(DEMO_SCORECARD)
    latest_ni66 = values.get(indicator__code="NI66", period_label="2026-27 Q2")
    assert (latest_ni66.numerator, latest_ni66.denominator, latest_ni66.value) == (143, 162, 88.3)
    assert Target.objects.filter(indicator__organisation=organisation).count() == len(DEMO_SCORECARD)
    linked = IndicatorLink.objects.filter(indicator__organisation=organisation, confirmed=True)
    assert {link.indicator.code for link in linked} >= {"NI66", "NI147", "A1"}
