"""In a real browser: a plan manager builds the Improvement Board's pack, issues it, and a
board member downloads the issued PDF."""

from __future__ import annotations

import pytest
from django.test import override_settings

from lineofsight.reports.models import BoardPack

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(DEBUG=True)
def test_plan_manager_issues_a_pack_and_a_viewer_downloads_it(
    page, sign_in_browser, improvement_board, plan_manager, viewer
):
    sign_in_browser("priya.manager")
    page.get_by_role("link", name="Board packs").first.click()
    page.get_by_role("link", name="Improvement Board").click()
    page.fill("#id_date", "2026-07-01")
    page.get_by_role("button", name="Build pack for this date").click()

    page.wait_for_selector("text=Improvement Board: board pack for the meeting on 1 July 2026")
    assert page.locator(".los-tile--red strong").inner_text() == "1"
    assert page.locator("#exceptions tbody tr").count() == 1
    page.get_by_role("button", name="Issue this pack").click()
    page.wait_for_selector("text=Improvement Board pack for 1 July 2026 issued.")
    assert BoardPack.objects.get().files.count() == 4

    page.context.clear_cookies()
    sign_in_browser("victor.viewer")
    page.goto(f"/reports/bodies/{improvement_board.pk}/")
    assert page.get_by_role("button", name="Build pack for this date").count() == 0
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX of the pack for 1 July 2026").click()
    assert download.value.suggested_filename == "ib-board-pack-2026-07-01.docx"
