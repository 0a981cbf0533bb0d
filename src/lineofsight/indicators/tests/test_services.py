"""The catalogue, and what the scorecard offers the board pack builder."""

from __future__ import annotations

from datetime import date

from lineofsight.indicators.models import Indicator, IndicatorLink
from lineofsight.indicators.rules import AMBER, IMPROVING, financial_quarter
from lineofsight.indicators.services import (
    add_link,
    ensure_standard_indicators,
    indicators_for_actions,
    refresh_link_suggestions,
    scorecard,
    standard_catalogue,
    store_value,
)


def test_every_council_gets_the_standard_indicators_once(council, other_council):
    assert ensure_standard_indicators(council) == len(standard_catalogue()) == 15
    Indicator.objects.filter(organisation=council, code="NI66").update(title="Reviews on time (our wording)")

    assert ensure_standard_indicators(council) == 0
    assert Indicator.objects.get(organisation=council, code="NI66").title == "Reviews on time (our wording)"
    assert Indicator.objects.filter(organisation=council).count() == 15
    assert ensure_standard_indicators(other_council) == 15
    ni62 = Indicator.objects.get(organisation=council, code="NI62")
    assert (ni62.unit, ni62.polarity, ni62.aliases, ni62.kind) == ("percent", "lower", ["STAB1"], "standard")
    assert ni62.history.count() == 1  # the seeding is recorded in the change history


def test_the_catalogue_names_every_indicator_in_the_design(shared_dir):
    design = (shared_dir / "design" / "indicators.md").read_text()
    for entry in standard_catalogue():
        assert entry["code"] in design, entry["code"]
        assert entry["unit"] in {"percent", "days", "count", "rate"}
        assert entry["polarity"] in {"higher", "lower"}


def test_suggestions_come_from_action_measures(council, example_plan):
    assert refresh_link_suggestions(council) == 2
    assert refresh_link_suggestions(council) == 0  # idempotent

    links = {(link.indicator.code, link.action.text[:20], link.suggested_from) for link in IndicatorLink.objects.all()}
    assert links == {
        ("NI147", "Open a joint housing", "NI147 % of care leavers in suitable accommodation"),
        ("NI66", "Weekly tracker of re", "NI66"),
    }
    assert not IndicatorLink.objects.filter(confirmed=True).exists()


def test_board_packs_get_confirmed_indicators_of_their_actions(council, example_plan):
    from lineofsight.plans.models import Action

    ensure_standard_indicators(council)
    refresh_link_suggestions(council)
    ni147 = Indicator.objects.get(organisation=council, code="NI147")
    IndicatorLink.objects.filter(indicator=ni147).update(confirmed=True)  # NI66 stays unconfirmed
    ni147.targets.create(value=80, tolerance=5, by_date=date(2026, 3, 31))
    for quarter, value in ((1, 70.0), (2, 76.0)):
        store_value(ni147, financial_quarter(2025, quarter), value, None, None, "test")

    care_leaver_actions = Action.objects.filter(recommendation__ref="1")
    summaries = indicators_for_actions(care_leaver_actions)

    assert [s.code for s in summaries] == ["NI147"]
    summary = summaries[0]
    assert (summary.latest.value, summary.target.value, summary.rag, summary.trend) == (76.0, 80.0, AMBER, IMPROVING)
    assert [(p.period_label, p.value, p.target) for p in summary.series] == [
        ("2025-26 Q1", 70.0, 80.0),
        ("2025-26 Q2", 76.0, 80.0),
    ]
    assert indicators_for_actions(Action.objects.filter(recommendation__ref="2")) == []
    assert indicators_for_actions([]) == []


def test_an_indicator_linked_to_a_recommendation_counts_for_its_actions(council, example_plan):
    from lineofsight.plans.models import Action, Recommendation

    ensure_standard_indicators(council)
    cla48 = Indicator.objects.get(organisation=council, code="CLA48")
    add_link(cla48, recommendation=Recommendation.objects.get(ref="1"))

    codes = [s.code for s in indicators_for_actions(Action.objects.filter(recommendation__ref="1")[:1])]
    assert codes == ["CLA48"]


def test_scorecard_summaries_take_three_queries(council, django_assert_num_queries):
    ensure_standard_indicators(council)
    for indicator in Indicator.objects.filter(organisation=council):
        for quarter in (1, 2, 3):
            store_value(indicator, financial_quarter(2025, quarter), 50.0 + quarter, None, None, "test")
        indicator.targets.create(value=55)

    with django_assert_num_queries(3):
        summaries = scorecard(council)
    assert len(summaries) == 15 and all(s.latest.period_label == "2025-26 Q3" for s in summaries)


def test_the_latest_value_and_trend_come_from_periods_of_the_same_kind(council):
    from lineofsight.indicators.rules import financial_year

    indicator = Indicator.objects.create(organisation=council, code="LOC1", title="Local", polarity="lower")
    store_value(indicator, financial_year(2024), 30.0, None, None, "test")
    store_value(indicator, financial_quarter(2025, 1), 20.0, None, None, "test")
    store_value(indicator, financial_quarter(2025, 2), 25.0, None, None, "test")

    summary = scorecard(council)[0]
    assert (summary.latest.period_label, summary.previous.period_label, summary.trend) == (
        "2025-26 Q2",
        "2025-26 Q1",
        "worsening",
    )
