"""The scorecard and indicator pages show what a board needs to see."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from lineofsight.indicators.models import Indicator, IndicatorLink, IndicatorValue, Target
from lineofsight.indicators.rules import financial_quarter
from lineofsight.indicators.services import ensure_standard_indicators, refresh_link_suggestions, store_value


def _values(indicator, pairs):
    for quarter, (value, numerator, denominator) in pairs.items():
        store_value(indicator, financial_quarter(2025, quarter), value, numerator, denominator, "test")


def test_viewer_sees_latest_value_target_rag_and_trend_on_the_scorecard(council, viewer, client_for):
    ensure_standard_indicators(council)
    ni147 = Indicator.objects.get(organisation=council, code="NI147")
    Target.objects.create(indicator=ni147, value=82, tolerance=5, by_date=date(2026, 3, 31))
    _values(ni147, {1: (70.0, 35, 50), 2: (78.8, 41, 52)})

    response = client_for(viewer).get(reverse("indicators:scorecard"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "78.8%" in html and "41 of 52" in html and "2025-26 Q2" in html
    assert "82% by Mar 2026" in html
    row = html.split('id="indicator-ni147"')[1].split("</tr>")[0]
    assert "los-rag--amber" in row  # 78.8% is within 5 points of 82%
    assert "Improving" in row
    assert "<svg" in row
    assert "Upload values" not in html  # viewers read, they do not upload


def test_indicator_page_shows_chart_values_and_linked_actions_with_status(
    council, plan_manager, example_plan, client_for
):
    ensure_standard_indicators(council)
    ni147 = Indicator.objects.get(organisation=council, code="NI147")
    _values(ni147, {1: (70.0, 35, 50), 2: (78.8, 41, 52)})
    Target.objects.create(indicator=ni147, value=90, tolerance=5)
    refresh_link_suggestions(council)
    IndicatorLink.objects.filter(indicator=ni147).update(confirmed=True)

    response = client_for(plan_manager).get(reverse("indicators:indicator_detail", args=[ni147.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert "Open a joint housing panel for care leavers." in html
    assert "Complete" in html  # the linked action's status
    assert "41 of 52" in html


def test_user_text_is_escaped_on_every_page(council, plan_manager, client_for):
    indicator = Indicator.objects.create(
        organisation=council, code="X<1>", title="<script>alert('x')</script>", unit="count"
    )
    _values(indicator, {1: (3.0, None, None), 2: (4.0, None, None)})
    client = client_for(plan_manager)

    for url in (reverse("indicators:scorecard"), reverse("indicators:indicator_detail", args=[indicator.pk])):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html


def test_plan_manager_enters_a_value_and_a_target_through_forms(council, plan_manager, client_for):
    ensure_standard_indicators(council)
    ni66 = Indicator.objects.get(organisation=council, code="NI66")
    client = client_for(plan_manager)

    response = client.post(
        reverse("indicators:value_new", args=[ni66.pk]),
        {"period": "2025-26 Q2", "value": "81.5", "numerator": "163", "denominator": "200"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("indicators:target_new", args=[ni66.pk]),
        {"value": "90", "by_date": "2026-03-31", "tolerance": "5", "note": ""},
    )
    assert response.status_code == 302

    value = IndicatorValue.objects.get(indicator=ni66)
    assert (value.period_label, value.value, value.fraction, value.entered_by) == (
        "2025-26 Q2",
        81.5,
        "163 of 200",
        plan_manager,
    )
    assert ni66.targets.get().tolerance == 5


def test_a_bad_period_in_the_value_form_is_explained(council, plan_manager, client_for):
    ensure_standard_indicators(council)
    ni66 = Indicator.objects.get(organisation=council, code="NI66")

    response = client_for(plan_manager).post(
        reverse("indicators:value_new", args=[ni66.pk]), {"period": "Q5", "value": "81"}
    )

    assert response.status_code == 200
    assert "Expected a period like" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_plan_manager_adds_a_local_indicator(council, plan_manager, client_for):
    response = client_for(plan_manager).post(
        reverse("indicators:indicator_new"),
        {
            "code": "VIS6",
            "title": "% of children in care visited within 6 weeks",
            "definition": "",
            "unit": "percent",
            "polarity": "higher",
            "data_source": "Case system",
        },
    )

    indicator = Indicator.objects.get(organisation=council, code="VIS6")
    assert response.status_code == 302
    assert indicator.kind == Indicator.Kind.LOCAL


def test_a_local_indicator_code_must_be_new_to_the_council(council, plan_manager, client_for):
    ensure_standard_indicators(council)
    response = client_for(plan_manager).post(
        reverse("indicators:indicator_new"),
        {"code": "ni66", "title": "Duplicate", "unit": "percent", "polarity": "higher"},
    )
    assert response.status_code == 200
    assert "already has an indicator with code ni66" in response.content.decode()


def test_plan_manager_confirms_and_rejects_suggested_links(council, plan_manager, example_plan, client_for):
    client = client_for(plan_manager)
    html = client.get(reverse("indicators:links")).content.decode()
    assert "NI147 % of care leavers in suitable accommodation" in html
    ni147 = IndicatorLink.objects.get(indicator__code="NI147")
    ni66 = IndicatorLink.objects.get(indicator__code="NI66")

    client.post(reverse("indicators:link_decide", args=[ni147.pk]), {"decision": "confirm"})
    client.post(reverse("indicators:link_decide", args=[ni66.pk]), {"decision": "reject"})
    client.get(reverse("indicators:links"))  # a second visit suggests nothing again

    ni147.refresh_from_db()
    ni66.refresh_from_db()
    assert (ni147.confirmed, ni147.decided_by) == (True, plan_manager)
    assert (ni66.confirmed, ni66.rejected) == (False, True)
    assert IndicatorLink.objects.count() == 2


def test_plan_manager_links_an_indicator_by_hand(council, plan_manager, example_plan, client_for):
    from lineofsight.plans.models import Action

    ensure_standard_indicators(council)
    cla48 = Indicator.objects.get(organisation=council, code="CLA48")
    action = Action.objects.get(text__startswith="Review every unsuitable")

    response = client_for(plan_manager).post(
        reverse("indicators:link_add"), {"indicator": cla48.pk, "plan_item": f"action-{action.pk}"}
    )

    assert response.status_code == 302
    link = IndicatorLink.objects.get(indicator=cla48)
    assert (link.action, link.confirmed, link.decided_by) == (action, True, plan_manager)


def test_an_indicator_cannot_be_linked_to_another_councils_plan(
    council, other_council, outsider, example_plan, client_for
):
    from lineofsight.plans.models import Action

    ensure_standard_indicators(other_council)
    theirs = Indicator.objects.get(organisation=other_council, code="CLA48")
    ours = Action.objects.filter(recommendation__plan__organisation=council).first()

    response = client_for(outsider).post(
        reverse("indicators:link_add"), {"indicator": theirs.pk, "plan_item": f"action-{ours.pk}"}
    )

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not IndicatorLink.objects.exists()


def test_the_value_form_refuses_more_children_counted_than_there_are(council, plan_manager, client_for):
    ensure_standard_indicators(council)
    ni147 = Indicator.objects.get(organisation=council, code="NI147")

    response = client_for(plan_manager).post(
        reverse("indicators:value_new", args=[ni147.pk]),
        {"period": "2025-26 Q2", "value": "80", "numerator": "53", "denominator": "52"},
    )

    assert "The numerator cannot be more than the denominator." in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_indicator_page_writes_every_value_and_target_as_the_scorecard_does(council, viewer, client_for):
    days = Indicator.objects.create(organisation=council, code="A1D", title="Days to adoption", unit="days")
    Target.objects.create(indicator=days, value=426, tolerance=2.5, by_date=date(2026, 3, 31))
    _values(days, {1: (1234.0, None, None), 2: (480.5, None, None)})

    html = client_for(viewer).get(reverse("indicators:indicator_detail", args=[days.pk])).content.decode()

    # One formatter (indicators.rules.format_value): thousands separated, no trailing ".0".
    assert "1,234 days" in html and "480.5 days" in html
    assert "426 days by 31 March 2026, amber within 2.5" in html
