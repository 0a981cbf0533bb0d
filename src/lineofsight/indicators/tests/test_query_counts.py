"""Query counts pinned on the scorecard pages, so an N+1 cannot creep in."""

from __future__ import annotations

from django.urls import reverse

from lineofsight.indicators.models import Indicator, IndicatorLink
from lineofsight.indicators.rules import financial_quarter
from lineofsight.indicators.services import ensure_standard_indicators, refresh_link_suggestions, store_value


def _fill(council):
    ensure_standard_indicators(council)
    for indicator in Indicator.objects.filter(organisation=council):
        for quarter in (1, 2, 3, 4):
            store_value(indicator, financial_quarter(2025, quarter), 40.0 + quarter, 4 + quarter, 10, "test")
        indicator.targets.create(value=43, tolerance=2)


def test_scorecard_page_queries_do_not_grow_with_indicators(council, viewer, client_for, django_assert_num_queries):
    _fill(council)
    client = client_for(viewer)
    client.get(reverse("indicators:scorecard"))  # warm the session and chart cache

    # session, user, memberships, catalogue check, indicators, values, targets
    with django_assert_num_queries(7):
        response = client.get(reverse("indicators:scorecard"))
    assert response.content.decode().count("<svg") >= 15


def test_indicator_page_queries_do_not_grow_with_links(
    council, plan_manager, example_plan, client_for, django_assert_num_queries
):
    _fill(council)
    refresh_link_suggestions(council)
    IndicatorLink.objects.update(confirmed=True)
    ni147 = Indicator.objects.get(organisation=council, code="NI147")
    client = client_for(plan_manager)
    client.get(reverse("indicators:indicator_detail", args=[ni147.pk]))

    # session, user, memberships (loaded once by the middleware), indicator,
    # values and targets for the summary, values table, targets list, links
    with django_assert_num_queries(9):
        client.get(reverse("indicators:indicator_detail", args=[ni147.pk]))


def test_uploading_new_values_takes_the_same_queries_for_4_rows_or_40(council):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lineofsight.indicators.services import import_values_csv

    ensure_standard_indicators(council)

    def queries_for(years: range) -> int:
        rows = [f"NI66,{y}-{(y + 1) % 100:02d} Q{q},50,," for y in years for q in (1, 2, 3, 4)]
        with CaptureQueriesContext(connection) as captured:
            import_values_csv(
                council, ("code,period,value,numerator,denominator\n" + "\n".join(rows)).encode(), source="v.csv"
            )
        return len(captured)

    assert queries_for(range(2000, 2001)) == queries_for(range(2010, 2020))
