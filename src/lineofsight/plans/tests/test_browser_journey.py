"""In a real browser, the whole journey from the council's document to a live plan: a
plan manager uploads a Word plan giving the inspection date, merges two spellings of an
owner in the preview, confirms, adds a recommendation, a governance body and an action,
builds that body's board pack and links the owner to their sign-in; the owner then sees
every one of their actions in My actions."""

from __future__ import annotations

import pytest
from django.test import override_settings

from lineofsight.importing.tests.test_preview_corrections import focused_visit_docx
from lineofsight.plans.models import Action, Person, PersonAlias

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JULIAN = "Julian Watkins – Head of Service"


@override_settings(DEBUG=True)
def test_from_word_plan_to_board_pack_and_my_actions(page, sign_in_browser, council, plan_manager, tmp_path):
    from django.contrib.auth import get_user_model

    from lineofsight.accounts.models import Membership

    julian_user = get_user_model().objects.create_user("julian.watkins", password="correct-horse-9")
    Membership.objects.create(user=julian_user, organisation=council, role="action_owner")
    document = tmp_path / "focused-visit-plan.docx"
    document.write_bytes(focused_visit_docx())

    sign_in_browser("priya.manager")
    page.get_by_role("link", name="Import a plan").click()
    page.set_input_files("#id_document", str(document))
    page.select_option("#id_inspection_kind", "Focused visit")
    page.fill("#id_inspection_end", "2025-10-03")
    page.get_by_role("button", name="Upload and preview").click()

    # The preview: "3 months" is dated from the inspection, and Julian's two spellings are offered as one.
    page.wait_for_selector("text=Check what was read")
    assert page.locator("#action-0-0").inner_text().count("3 Jan 2026") == 1
    page.get_by_role("button", name="Merge these 2 spellings").click()
    page.wait_for_selector("text=Merged Julian Watkins, Head of Service into")
    page.get_by_role("button", name="Create the plan").click()
    page.wait_for_selector("text=was created from focused-visit-plan.docx")

    page.get_by_role("link", name="Add a recommendation").click()
    page.fill("#id_ref", "3")
    page.fill("#id_text", "Partnership working at the front door is not consistently effective.")
    page.get_by_role("button", name="Save recommendation").click()
    page.wait_for_selector("text=Recommendation added")
    recommendation_url = page.url

    page.get_by_role("link", name="Settings").first.click()
    page.get_by_role("link", name="Governance bodies").first.click()
    page.fill("#id_name", "Children's Scrutiny Panel")
    page.fill("#id_short_name", "CSP")
    page.fill("#id_meeting_frequency", "Quarterly")
    page.get_by_role("button", name="Add the body").click()
    page.wait_for_selector("text=Children's Scrutiny Panel added")

    page.goto(recommendation_url)
    page.get_by_role("link", name="Add an action").first.click()
    page.fill("#id_text", "Joint audit of contacts with the police each month.")
    page.get_by_label(JULIAN).check()
    page.get_by_label("Children's Scrutiny Panel").check()
    page.fill("#id_due_date", "2026-06-30")
    page.get_by_role("button", name="Add the action").click()
    page.wait_for_selector("text=Action added")

    page.get_by_role("link", name="Board packs").first.click()
    page.get_by_role("link", name="Children's Scrutiny Panel").first.click()
    page.fill("#id_date", "2026-07-01")
    page.get_by_role("button", name="Build pack for this date").click()
    page.wait_for_selector("text=Children's Scrutiny Panel: board pack for the meeting on 1 July 2026")
    assert "Joint audit of contacts with the police each month." in page.content()

    page.get_by_role("link", name="People").first.click()
    page.get_by_role("link", name=JULIAN).click()
    page.select_option("#id_user", label="julian.watkins")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector(f"text={JULIAN} saved")

    julian = Person.objects.get(organisation=council, name=JULIAN)
    assert PersonAlias.objects.get(name="Julian Watkins, Head of Service").person == julian
    assert Action.objects.filter(owner_links__person=julian).count() == 3

    page.context.clear_cookies()
    sign_in_browser("julian.watkins")
    page.get_by_role("link", name="My actions").first.click()
    page.wait_for_selector("text=Joint audit of contacts with the police each month.")
    content = page.content()
    for text in (
        "Audit supervision records monthly.",
        "Train all team managers in reflective supervision.",
        "Joint audit of contacts with the police each month.",
    ):
        assert text in content, text
