"""A plan manager uploads values in a real browser and sees the chart."""

from __future__ import annotations

import pytest

CSV = "code,period,value,numerator,denominator\nNI147,2025-26 Q1,70,35,50\nNI147,2025-26 Q2,78.8,41,52\n"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_plan_manager_uploads_values_and_sees_the_chart(plan_manager, sign_in_browser):
    page = sign_in_browser("priya.manager")

    page.goto("/scorecard/")
    page.click("text=Upload values (CSV)")
    page.set_input_files("input[type=file]", files=[{"name": "q2.csv", "mimeType": "text/csv", "buffer": CSV.encode()}])
    page.click("button:has-text('Upload')")

    page.wait_for_selector("text=Stored 2 values from q2.csv")
    row = page.locator("#indicator-ni147")
    assert "78.8%" in row.inner_text() and "41 of 52" in row.inner_text()
    row.locator("a").first.click()

    page.wait_for_selector("h1:has-text('suitable accommodation')")
    chart = page.locator("figure.los-chart svg")
    assert chart.count() == 1
    assert chart.bounding_box()["width"] > 200
    assert page.locator("text=2025-26 Q2").count() >= 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upload_errors_are_shown_in_the_browser(plan_manager, sign_in_browser):
    page = sign_in_browser("priya.manager")

    page.goto("/scorecard/upload/")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": (CSV + "NI147,2025-26 Q3,n/a,,\n").encode()}],
    )
    page.click("button:has-text('Upload')")

    summary = page.locator("#upload-errors")
    summary.wait_for()
    assert "row 4, column 'value': expected a number, got 'n/a'" in summary.inner_text()
