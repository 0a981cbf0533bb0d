"""Real-browser journeys: an owner posts progress with evidence; a manager signs it off."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lineofsight.tracking import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def due_soon_1b(action_1b):  # type: ignore[no-untyped-def]
    """1b due in two months from the real today, shown red (its imported RAG)."""
    action_1b.due_date = services.london_today() + timedelta(days=60)
    action_1b.save()
    services.refresh_rag(action_1b)
    action_1b.refresh_from_db()
    assert action_1b.effective_rag == "red"
    return action_1b


def test_owner_proposes_green_the_manager_is_emailed_and_it_shows_as_proposed_until_sign_off(
    page, sign_in_browser, action_owner, plan_manager, due_soon_1b, tmp_path
) -> None:
    from django.core import mail

    evidence = tmp_path / "placement-review.csv"
    evidence.write_text("placement,suitable\nA,yes\nB,yes\n", encoding="utf-8")

    sign_in_browser("owen.owner")
    page.click("text=My actions")
    page.wait_for_url("**/tracking/my-actions/")
    row = page.locator(f"#action-{due_soon_1b.pk}")
    assert "Review every unsuitable placement" in row.inner_text()
    assert "Red" in row.locator(".los-rag").inner_text()

    row.get_by_role("link", name="Post an update").click()
    page.fill("#id_text", "All 15 placements reviewed; 3 moves agreed with Housing.")
    page.select_option("#id_status", "in_progress")
    page.select_option("#id_rag", "green")
    page.fill("#id_impact", "Care leavers in unsuitable accommodation down from 15 to 3.")
    page.set_input_files("#id_evidence", str(evidence))
    page.click("button:has-text('Post update')")

    page.wait_for_url("**/tracking/my-actions/")
    assert "Your update has been posted and is awaiting sign-off" in page.content()
    # The signed-off RAG stands; the proposal is shown beside it.
    row = page.locator(f"#action-{due_soon_1b.pk}")
    assert "Red" in row.locator(".los-rag").inner_text()
    assert "proposed: Green, awaiting sign-off" in row.inner_text()

    # The plan manager was emailed, with a link to sign it off.
    assert [m.to for m in mail.outbox] == [[plan_manager.email]]
    assert mail.outbox[0].subject.startswith("Update to sign off: ")
    assert "Proposed RAG: Green" in mail.outbox[0].body
    update = due_soon_1b.updates.get(review="submitted")
    assert f"/tracking/updates/{update.pk}/review/" in mail.outbox[0].body

    page.goto(f"/actions/{due_soon_1b.pk}/")
    assert "proposed: Green, awaiting sign-off" in page.locator("#tracking-panel").inner_text()
    assert "Red" in page.locator("#tracking-panel .los-rag").inner_text()
    page.goto(f"/tracking/actions/{due_soon_1b.pk}/updates/")
    assert "placement-review.csv" in page.content()
    assert "Awaiting sign-off" in page.content()

    # Signed off: the proposal becomes the RAG, and the owner hears.
    page.context.clear_cookies()
    sign_in_browser("priya.manager")
    page.goto(f"/tracking/updates/{update.pk}/review/")
    page.check("input[value=accept]")
    page.click("button:has-text('Save decision')")
    page.wait_for_url(f"**/tracking/actions/{due_soon_1b.pk}/updates/")
    assert "Update signed off" in page.content()
    page.goto(f"/actions/{due_soon_1b.pk}/")
    panel = page.locator("#tracking-panel")
    assert "Green" in panel.locator(".los-rag").inner_text()
    assert "proposed" not in panel.inner_text()
    assert mail.outbox[-1].to == [action_owner.email]
    assert mail.outbox[-1].subject.startswith("Update signed off: ")


def test_plan_manager_signs_off_a_completed_action(
    page, sign_in_browser, action_owner, plan_manager, due_soon_1b
) -> None:
    services.post_update(due_soon_1b, action_owner, services.UpdateInput("Every placement reviewed", status="complete"))

    sign_in_browser("priya.manager")
    page.click("text=My actions")
    table = page.locator("#awaiting-sign-off")
    assert "Review every unsuitable placement" in table.inner_text()
    table.get_by_role("link", name="Review").first.click()
    assert "Every placement reviewed" in page.content()
    page.check("input[value=accept]")
    page.click("button:has-text('Save decision')")

    page.wait_for_url("**/tracking/my-actions/")
    assert "Update signed off" in page.content()
    page.goto(f"/tracking/actions/{due_soon_1b.pk}/updates/")
    assert "Signed off" in page.content()
    assert "Blue" in page.locator("#tracking-panel .los-rag").inner_text()


def test_plan_manager_returns_an_update_and_the_owner_sees_why(
    page, sign_in_browser, action_owner, plan_manager, due_soon_1b
) -> None:
    services.post_update(due_soon_1b, action_owner, services.UpdateInput("Mostly done"))
    sign_in_browser("priya.manager")
    page.goto("/tracking/my-actions/")
    page.locator("#awaiting-sign-off").get_by_role("link", name="Review").first.click()
    page.check("input[value=return]")
    page.click("button:has-text('Save decision')")
    assert "Say what the owner needs to do" in page.locator(".govuk-error-summary").inner_text()
    page.check("input[value=return]")
    page.fill("#id_comment", "Attach the panel minutes, please.")
    page.click("button:has-text('Save decision')")
    page.wait_for_url("**/tracking/my-actions/")

    page.context.clear_cookies()
    sign_in_browser("owen.owner")
    page.goto("/tracking/my-actions/")
    assert "Returned for more work" in page.content()
    assert "Attach the panel minutes, please." in page.content()
