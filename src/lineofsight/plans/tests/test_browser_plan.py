"""In a real browser: the demo plan manager filters the example plan to red actions."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from lineofsight.demo.loader import load_demo
from lineofsight.plans.models import Action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(DEBUG=True)
def test_plan_manager_filters_the_demo_plan_to_red_actions(page, sign_in_browser):
    _, plan, _ = load_demo(timezone.localdate())
    red = [a for a in Action.objects.filter(recommendation__plan=plan) if a.effective_rag == "red"]
    assert red, "the demo plan should have red actions"

    sign_in_browser("manager", "demo-manager-pass")
    page.get_by_role("link", name="Post-ILACS Improvement Plan").click()
    page.select_option("#id_rag", "red")
    # With JavaScript htmx swaps the actions in on change; the button works without it.
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_selector(f"text=Showing {len(red)} of")
    rows = page.locator("tr.los-action-row")
    assert rows.count() == len(red)
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.rag)")) == {"red"}
    assert page.locator(".los-count--red .los-count__number").inner_text() == str(len(red))


@override_settings(DEBUG=True)
def test_choosing_a_filter_updates_the_actions_in_place_and_announces_the_count(page, sign_in_browser):
    _, plan, _ = load_demo(timezone.localdate())
    amber = [a for a in Action.objects.filter(recommendation__plan=plan) if a.effective_rag == "amber"]

    sign_in_browser("manager", "demo-manager-pass")
    page.goto(f"/plans/{plan.pk}/")
    page.select_option("#id_rag", "amber")  # htmx fetches on change; no button pressed

    # Playwright's expect() polls without evaluating a string, which the page's CSP forbids.
    expect(page.locator("#filter-status")).to_have_text(f"Showing {len(amber)} of 30 actions")
    assert page.locator("tr.los-action-row").count() == len(amber)
    assert "rag=amber" in page.url  # the filtered view can be bookmarked and shared
