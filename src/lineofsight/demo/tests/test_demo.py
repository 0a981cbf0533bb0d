"""The demo council loads once, dated to the load day, with a plan that shows every RAG."""

from __future__ import annotations

from datetime import date, timedelta
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from lineofsight.accounts.models import Membership, Organisation
from lineofsight.demo.loader import DATA, Shift, fixture_day, load_demo, plan_document, read_json
from lineofsight.indicators.models import IndicatorLink, IndicatorValue, Target
from lineofsight.plans.interchange import export_plan, plan_queryset, validate_document
from lineofsight.plans.models import Action, GovernanceBody, Judgement, Person, Plan, ProgressUpdate

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


def test_the_fixture_is_a_valid_plan_document_written_as_of_its_day():
    fixture = read_json("plan.json")
    validate_document(fixture, source="demo/data/plan.json")
    assert fixture_day() == date.fromisoformat(fixture["as_of"])
    validate_document(plan_document(TODAY), source="the demo plan moved to 23 November 2026")


def test_loading_moves_every_date_by_the_time_since_the_fixture_was_written():
    fixture = read_json("plan.json")
    later = fixture_day() + timedelta(days=100)
    moved = plan_document(later)
    assert (
        moved["inspection"]["ended"]
        == (date.fromisoformat(fixture["inspection"]["ended"]) + timedelta(100)).isoformat()
    )
    pairs = [
        (old, new)
        for old_rec, new_rec in zip(fixture["recommendations"], moved["recommendations"], strict=True)
        for old, new in zip(old_rec["actions"], new_rec["actions"], strict=True)
    ]
    for old, new in pairs:
        for old_update, new_update in zip(old["updates"], new["updates"], strict=True):
            assert date.fromisoformat(new_update["as_of"]) - date.fromisoformat(old_update["as_of"]) == timedelta(100)
        if new["due"]["date"]:
            # A month-end deadline stays a month's end, and its timescale names that month.
            deadline = date.fromisoformat(new["due"]["date"])
            assert (deadline + timedelta(days=1)).day == 1
            assert new["due"]["text"] == deadline.strftime("%B %Y")
        else:
            assert new["due"] == old["due"]
    # 1 December + 100 days is 11 March: deadlines move by the three months between.
    first = pairs[0]
    assert (first[0]["due"]["date"], first[1]["due"]["date"]) == ("2026-09-30", "2026-12-31")


def test_quarters_and_month_ends_move_across_year_ends():
    shift = Shift(as_of=date(2026, 12, 1), today=date(2027, 3, 2))  # one quarter, three months on
    assert shift.quarter("2026-27 Q3") == "2026-27 Q4"
    assert shift.quarter("2026-27 Q4") == "2027-28 Q1"
    assert shift.month_end(date(2026, 11, 30)) == date(2027, 2, 28)
    assert shift.deadline({"text": "November 2026", "date": "2026-11-30"}) == {
        "text": "February 2027",
        "date": "2027-02-28",
    }
    # A deadline that is not a month's end keeps its words and moves by days (91 here).
    assert shift.deadline({"text": "By 15 December", "date": "2026-12-15"}) == {
        "text": "By 15 December",
        "date": "2027-03-16",
    }
    with pytest.raises(ValueError, match="'Spring 2026' is not a quarter"):
        shift.quarter("Spring 2026")


@override_settings(DEBUG=True)
def test_demo_command_loads_once_and_prints_the_sign_ins():
    first = StringIO()
    call_command("demo", stdout=first)
    second = StringIO()
    call_command("demo", stdout=second)
    assert "Loaded Example Borough Council (slug example)" in first.getvalue()
    assert "manager  demo-manager-pass" in first.getvalue()
    assert "admin    demo-admin-pass      Administrator (and Django admin)" in first.getvalue()
    assert "Already loaded" in second.getvalue()
    assert Plan.objects.count() == 1
    assert Membership.objects.filter(organisation__slug="example").count() == 4
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("demo-admin-pass")


def test_demo_refuses_published_passwords_without_debug():
    with pytest.raises(Exception, match="Demo sign-ins have published passwords"):
        call_command("demo")


def _snapshot(organisation: Organisation) -> dict[str, Any]:
    """Everything the demo writes, to compare before and after a second load."""
    plan = plan_queryset().get(organisation=organisation)
    return {
        "plan": export_plan(plan),
        "counts": [
            model.objects.count()
            for model in (Plan, Action, ProgressUpdate, Person, GovernanceBody, Judgement, Membership)
        ]
        + [Target.objects.count(), IndicatorValue.objects.count(), IndicatorLink.objects.count()],
        "people": sorted(Person.objects.values_list("name", "email", "user__username")),
        "ratings": sorted(Action.objects.values_list("pk", "rag", "rag_computed", "status")),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
    }


def test_loading_twice_changes_nothing_even_on_a_later_day():
    organisation, _, created = load_demo(TODAY)
    before = _snapshot(organisation)
    again, _, created_again = load_demo(TODAY)
    assert (created, created_again) == (True, False)
    assert _snapshot(again) == before
    load_demo(TODAY + timedelta(days=40))
    assert _snapshot(organisation) == before


def test_demo_plan_has_a_mix_of_ratings_and_progress():
    _, plan, created = load_demo(TODAY, with_users=False)
    assert created
    actions = Action.objects.filter(recommendation__plan=plan)
    assert plan.recommendations.count() == 8
    assert 25 <= actions.count() <= 35
    assert {a.rag for a in actions} >= {"red", "amber", "green", "blue"}
    assert ProgressUpdate.objects.filter(action__recommendation__plan=plan).count() >= 20
    assert not ProgressUpdate.objects.exclude(review=ProgressUpdate.Review.ACCEPTED).exists()
    assert actions.filter(due_date__lt=TODAY).exclude(status="complete").exists()
    inspection = plan.inspection
    assert inspection.published == inspection.ended + timedelta(days=35)
    assert inspection.judgements.count() == 5


@pytest.mark.parametrize("today", [date(2027, 1, 31), date(2027, 2, 1), date(2028, 6, 15)])
def test_every_rag_appears_whatever_the_load_day(today):
    _, plan, _ = load_demo(today, with_users=False)
    actions = list(Action.objects.filter(recommendation__plan=plan))
    assert {a.effective_rag for a in actions} >= {"red", "amber", "green", "blue"}
    assert any(a.due_date and a.due_date < today and a.status != "complete" for a in actions)
    assert any(a.due_date and a.due_date > today and a.status != "complete" for a in actions)


def test_demo_scorecard_has_six_quarters_of_values_targets_and_confirmed_links():
    organisation, _, _ = load_demo(TODAY, with_users=False)
    codes = {row.split(",")[0] for row in DATA.joinpath("scorecard.csv").read_text("utf-8").splitlines()[1:]}
    values = IndicatorValue.objects.filter(indicator__organisation=organisation)
    assert values.count() == 6 * len(codes)
    # The six quarters completed before 23 November 2026 end with 2026-27 Q2 (July to September).
    assert sorted({v.period_label for v in values}) == [
        "2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"
    ]  # fmt: skip
    latest_ni66 = values.get(indicator__code="NI66", period_label="2026-27 Q2")
    assert (latest_ni66.numerator, latest_ni66.denominator, latest_ni66.value) == (143, 162, 88.3)
    targets = Target.objects.filter(indicator__organisation=organisation)
    assert targets.count() == len(codes)
    assert {t.by_date for t in targets} == {date(2027, 11, 30)}
    linked = IndicatorLink.objects.filter(indicator__organisation=organisation, confirmed=True)
    assert {link.indicator.code for link in linked} >= {"NI66", "NI147", "A1"}


def test_a_year_later_the_scorecard_moves_on_four_quarters():
    organisation, _, _ = load_demo(TODAY + timedelta(days=365), with_users=False)
    labels = set(
        IndicatorValue.objects.filter(indicator__organisation=organisation).values_list("period_label", flat=True)
    )
    assert min(labels) == "2026-27 Q1" and max(labels) == "2027-28 Q2"
