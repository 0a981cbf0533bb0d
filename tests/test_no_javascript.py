"""The core journeys work with JavaScript switched off (product brief: no JavaScript is
needed to sign in, filter the plan, open an action and post an update)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lineofsight.plans.models import Action, ProgressUpdate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_js_page(browser, live_server) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A browser tab with JavaScript disabled: htmx and GOV.UK Frontend's scripts never run."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


def test_owner_filters_to_red_opens_an_action_and_posts_an_update_without_javascript(
    no_js_page, example_plan, action_owner, media_in_tmp
) -> None:
    page = no_js_page
    red = [a for a in Action.objects.filter(recommendation__plan=example_plan) if a.effective_rag == "red"]
    owned = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    assert owned in red, "the example plan's action 1b should be red (past its June 2026 deadline)"

    # Sign in through the form.
    page.goto("/accounts/sign-in/")
    page.fill("#id_username", "owen.owner")
    page.fill("#id_password", "correct-horse-9")
    page.click("button[type=submit]")
    # An owner lands on My actions; without JavaScript the whole navigation shows.
    page.wait_for_url("**/tracking/my-actions/")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    page.locator(".govuk-header__navigation").get_by_role("link", name="Plans").click()

    # Filter the plan to red actions with the "Apply filters" button (htmx is not running).
    page.get_by_role("link", name=example_plan.title).click()
    page.select_option("#id_rag", "red")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**rag=red**")
    assert f"Showing {len(red)} of 3 actions" in page.locator("#shown-count").inner_text()
    rows = page.locator("tr.los-action-row")
    assert rows.count() == len(red)
    assert {rows.nth(i).get_attribute("data-rag") for i in range(rows.count())} == {"red"}

    # Open the action and post an update, with evidence, as its owner.
    page.get_by_role("link", name="Review every unsuitable placement").click()
    page.wait_for_url(f"**/actions/{owned.pk}/")
    page.get_by_role("link", name="Post an update").first.click()
    page.wait_for_url(f"**/tracking/actions/{owned.pk}/updates/new/**")
    page.fill("#id_text", "Every unsuitable placement reviewed; 3 moves agreed.")
    page.select_option("#id_status", "in_progress")
    page.select_option("#id_rag", "amber")
    page.set_input_files(
        "#id_evidence", files=[{"name": "review.csv", "mimeType": "text/csv", "buffer": b"placement,ok\nA,yes\n"}]
    )
    page.get_by_role("button", name="Post update").click()

    page.wait_for_selector("text=Your update has been posted and is awaiting sign-off")
    update = ProgressUpdate.objects.get(action=owned, text="Every unsuitable placement reviewed; 3 moves agreed.")
    assert update.author == action_owner
    assert update.review == ProgressUpdate.Review.SUBMITTED
    assert [f.original_name for f in update.evidence.all()] == ["review.csv"]
    owned.refresh_from_db()
    assert owned.status == "in_progress"


def test_a_form_error_is_shown_without_javascript(no_js_page, example_plan, action_owner) -> None:
    page = no_js_page
    owned = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    page.goto("/accounts/sign-in/")
    page.fill("#id_username", "owen.owner")
    page.fill("#id_password", "correct-horse-9")
    page.click("button[type=submit]")
    page.wait_for_url("**/")

    page.goto(f"/tracking/actions/{owned.pk}/updates/new/")
    page.get_by_role("button", name="Post update").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.count() == 1
    # The summary's link takes the user to the field without any script.
    summary.locator("a").first.click()
    assert page.url.endswith("#id_text")
    assert not ProgressUpdate.objects.filter(action=owned, author=action_owner).exists()
