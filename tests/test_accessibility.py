"""Every main page, with real data, passes axe-core's WCAG 2.2 A and AA checks in a real
browser (headless Chromium), signed in as the persona who uses it.

axe-core comes from npm (a devDependency in frontend/package.json, installed by
``scripts/build-assets.sh``); the tests skip when it has not been installed. A failure
lists every violation by page, rule, impact and the offending HTML.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_JS = Path(__file__).resolve().parents[1] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files heading order, landmarks and the like under "best-practice", not a WCAG tag;
# they are how a screen reader user finds their way about a page (WCAG 1.3.1, 2.4.1,
# 2.4.6), so these rules are run too.
STRUCTURE_RULES = [
    "heading-order",
    "empty-heading",
    "page-has-heading-one",
    "empty-table-header",
    "scope-attr-valid",
    "table-duplicate-name",
    "region",
    "skip-link",
    "landmark-one-main",
    "landmark-unique",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "aria-allowed-role",
    "aria-text",
    "presentation-role-conflict",
    "label-title-only",
    "tabindex",
    "image-redundant-alt",
]
# axe reports these as "needs review" rather than a violation when, for example, an
# aria-describedby names an id that is not on the page (it might be added later). On a
# finished server-rendered page that is a defect: the hint or error is never read out.
INCOMPLETE_IS_DEFECT = ["aria-valid-attr-value", "aria-prohibited-attr", "aria-allowed-attr"]
MEETING = "2026-07-01"

# Keep only what a reader needs to find and fix each problem.
RUN_AXE = """
async ([tags, rules, defects]) => {
  const wcag = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const structure = await axe.run(document, {runOnly: {type: 'rule', values: rules}});
  const unsure = wcag.incomplete.filter(v => defects.includes(v.id));
  return wcag.violations.concat(structure.violations, unsure).map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({html: n.html, target: n.target.join(' '), summary: n.failureSummary})),
  }));
}
"""

VALUES_CSV = (
    "code,period,value,numerator,denominator\n"
    "NI147,2025-26 Q1,70,35,50\n"
    "NI147,2025-26 Q2,78.8,41,52\n"
    "NI147,2025-26 Q3,74.5,38,51\n"
    "NI66,2025-26 Q2,88,,\n"
    "NI66,2025-26 Q3,91,,\n"
)


@pytest.fixture
def axe_js() -> Path:
    if not AXE_JS.is_file():
        pytest.skip(f"{AXE_JS} is missing: run scripts/build-assets.sh (npm ci in frontend/) to install axe-core")
    return AXE_JS


class Audit:
    """Runs axe on each page it is shown and keeps every violation for one report."""

    def __init__(self, page: Any, axe_js: Path) -> None:
        self.page = page
        self.axe_js = axe_js
        self.violations: list[str] = []
        self.pages: list[str] = []

    def check(self, label: str, path: str | None = None, status: int = 200) -> None:
        """Open ``path`` (or stay on the current page) and run axe over it."""
        if path is not None:
            response = self.page.goto(path)
            assert response is not None and response.status == status, (
                f"{label}: {path} answered {response and response.status}, not {status}"
            )
        self.page.wait_for_load_state("load")
        # Evaluated, not added as a <script>: the pages' Content-Security-Policy forbids inline scripts.
        self.page.evaluate(self.axe_js.read_text(encoding="utf-8") + "\n;true")
        url = urlsplit(self.page.url)
        where = f"{label} ({url.path}{'?' + url.query if url.query else ''})"
        self.pages.append(where)
        for violation in self.page.evaluate(RUN_AXE, [WCAG_TAGS, STRUCTURE_RULES, INCOMPLETE_IS_DEFECT]):
            for node in violation["nodes"]:
                self.violations.append(
                    f"- {where}: {violation['id']} [{violation['impact']}] {violation['help']}\n"
                    f"    at {node['target']}: {node['html'][:300]}\n"
                    f"    {' '.join((node['summary'] or '').split())[:400]}"
                )

    def assert_clean(self) -> None:
        assert self.pages, "no page was checked"
        assert not self.violations, (
            f"axe found {len(self.violations)} accessibility problem(s) on {len(self.pages)} page(s):\n"
            + "\n".join(self.violations)
        )


@pytest.fixture
def audit(page, axe_js) -> Audit:  # type: ignore[no-untyped-def]
    return Audit(page, axe_js)


@pytest.fixture
def media_in_tmp(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Evidence and issued packs go to a fresh folder, not the shared test media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def lived_in_plan(example_plan, plan_manager, action_owner, viewer, admin_user, other_council, media_in_tmp):  # type: ignore[no-untyped-def]
    """The example plan after a few weeks of use: updates posted, signed off and returned,
    an override, scorecard values with targets and links, and an issued board pack."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lineofsight.accounts.models import Membership
    from lineofsight.indicators.models import Target
    from lineofsight.indicators.services import code_index, import_values_csv, refresh_link_suggestions
    from lineofsight.plans.models import Action, GovernanceBody, Person
    from lineofsight.reports.services import issue_pack
    from lineofsight.tracking import services

    council = example_plan.organisation
    # A plan manager of two councils sees the organisation switcher.
    Membership.objects.create(user=plan_manager, organisation=other_council, role="viewer")
    actions = {
        f"{a.recommendation.ref}{a.ref}": a
        for a in Action.objects.filter(recommendation__plan=example_plan).select_related("recommendation")
    }
    owned = actions["1b"]
    owned.due_date = services.london_today() + timedelta(days=20)
    owned.save()
    returned = services.post_update(owned, action_owner, services.UpdateInput("Half the placements reviewed"))
    services.review_update(returned, plan_manager, accept=False, comment="Attach the panel minutes, please.")
    # The owner also holds action 2, whose latest update was returned for more work.
    Person.objects.filter(organisation=council, name="Head of Safeguarding and Quality Assurance").update(
        user=action_owner
    )
    services.review_update(
        services.post_update(actions["2"], action_owner, services.UpdateInput("Tracker sent weekly")),
        plan_manager,
        accept=False,
        comment="Say how many reviews were late this month.",
    )
    evidence = SimpleUploadedFile("panel-minutes.txt", b"Panel met on 3 June.", content_type="text/plain")
    submitted = services.post_update(
        owned,
        action_owner,
        services.UpdateInput(
            "All placements reviewed",
            status="in_progress",
            rag="amber",
            impact="Unsuitable placements down from 15 to 3.",
            files=[evidence],
        ),
    )
    override = actions["2"]
    override.rag_override = "red"
    override.rag_override_reason = "Reviews still late in two teams"
    override.save()

    import_values_csv(council, VALUES_CSV.encode(), source="q3.csv", entered_by=plan_manager)
    index = code_index(council)
    Target.objects.create(indicator=index["NI147"], value=80, by_date=date(2027, 3, 31), tolerance=5)
    refresh_link_suggestions(council)

    board = GovernanceBody.objects.get(organisation=council, name="Improvement Board")
    issued = issue_pack(board, date(2026, 6, 1), user=plan_manager)
    return {
        "plan": example_plan,
        "recommendation": owned.recommendation,
        "owned": owned,
        "override": override,
        "submitted": submitted,
        "board": board,
        "pack": issued,
        "indicator": index["NI147"],
    }


def test_sign_in_page_is_accessible(audit, page, plan_manager) -> None:
    audit.check("Sign in", "/accounts/sign-in/")
    page.fill("#id_username", "priya.manager")
    page.fill("#id_password", "wrong-password")
    page.click("button[type=submit]")
    audit.check("Sign in, wrong password")
    audit.assert_clean()


def test_plan_pages_are_accessible_to_a_plan_manager(audit, sign_in_browser, lived_in_plan) -> None:
    plan = lived_in_plan["plan"]
    sign_in_browser("priya.manager")
    audit.check("Plan list", reverse("plans:plan_list"))
    audit.check("Plan", reverse("plans:plan_detail", args=[plan.pk]))
    audit.check("Plan, filtered", reverse("plans:plan_detail", args=[plan.pk]) + "?rag=red&status=in_progress")
    audit.check("Plan, filtered to nothing", reverse("plans:plan_detail", args=[plan.pk]) + "?rag=blue&due=overdue")
    audit.check("Recommendation", reverse("plans:recommendation_detail", args=[lived_in_plan["recommendation"].pk]))
    audit.check("Action", reverse("plans:action_detail", args=[lived_in_plan["owned"].pk]))
    audit.check("Action with an override", reverse("plans:action_detail", args=[lived_in_plan["override"].pk]))
    audit.check("Plan activity", reverse("tracking:plan_activity", args=[plan.pk]))
    audit.assert_clean()


def test_tracking_pages_are_accessible_to_a_plan_manager(audit, page, sign_in_browser, lived_in_plan) -> None:
    owned = lived_in_plan["owned"]
    sign_in_browser("priya.manager")
    audit.check("My actions (plan manager)", reverse("tracking:my_actions"))
    assert page.locator("#awaiting-sign-off").count() == 1
    audit.check("Progress updates", reverse("tracking:action_updates", args=[owned.pk]))
    audit.check("Review an update", reverse("tracking:review_update", args=[lived_in_plan["submitted"].pk]))
    page.check("input[value=return]")
    page.click("button:has-text('Save decision')")
    audit.check("Review an update, with an error")
    audit.check("Edit action", reverse("tracking:edit_action", args=[owned.pk]))
    page.fill("#id_text", "")
    page.click("button:has-text('Save action')")
    audit.check("Edit action, with an error")
    audit.check("Override the RAG", reverse("tracking:override_rag", args=[lived_in_plan["override"].pk]))
    audit.check("Action history", reverse("tracking:action_history", args=[owned.pk]))
    audit.check("RAG settings", reverse("tracking:rag_settings"))
    audit.assert_clean()


def test_owner_pages_are_accessible(audit, page, sign_in_browser, lived_in_plan) -> None:
    owned = lived_in_plan["owned"]
    sign_in_browser("owen.owner")
    audit.check("My actions (owner)", reverse("tracking:my_actions"))
    assert "Returned for more work" in page.content()
    audit.check("Action (owner)", reverse("plans:action_detail", args=[owned.pk]))
    audit.check("Post an update", reverse("tracking:post_update", args=[owned.pk]))
    page.click("button:has-text('Post update')")
    audit.check("Post an update, with an error")
    page.fill("#id_text", "Panel minutes attached.")
    page.click("button:has-text('Post update')")
    page.wait_for_selector("text=Your update has been posted")
    audit.check("After posting an update (success banner)")
    audit.assert_clean()


def test_members_page_is_accessible_to_an_admin(audit, page, sign_in_browser, lived_in_plan) -> None:
    sign_in_browser("alice.admin")
    audit.check("Settings", reverse("accounts:organisation_settings"))
    audit.check("Members", reverse("accounts:members"))
    page.click("button:has-text('Send invitation')")
    audit.check("Members, with an error")
    audit.check("Invite someone", reverse("accounts:invite"))
    page.click("button:has-text('Send invitation')")
    audit.check("Invite someone, with an error")
    audit.assert_clean()


def test_password_pages_are_accessible(audit, page, plan_manager) -> None:
    audit.check("Forgotten your password", reverse("accounts:password_reset"))
    page.fill("#id_email", "priya.manager@example.test")
    page.click("button:has-text('Send the link')")
    audit.check("Check your email")
    audit.check("Expired link", reverse("accounts:password_reset_confirm", args=["MQ", "bad-token"]))
    audit.assert_clean()


def test_change_password_and_invitations_pages_are_accessible(audit, page, sign_in_browser, plan_manager) -> None:
    sign_in_browser("priya.manager")
    audit.check("Change your password", reverse("accounts:password_change"))
    page.click("button:has-text('Change password')")
    audit.check("Change your password, with an error")
    audit.check("Invitations", reverse("accounts:invitations"))
    audit.assert_clean()


def test_import_pages_are_accessible(audit, page, sign_in_browser, lived_in_plan) -> None:
    from lineofsight.reports.plan_table import export_plan_xlsx

    plan = lived_in_plan["plan"]
    table = export_plan_xlsx(plan)
    sign_in_browser("priya.manager")
    audit.check("Import a plan", reverse("importing:upload"))
    page.click("button:has-text('Upload and preview')")
    audit.check("Import a plan, with an error")

    page.set_input_files(
        "#id_document", files=[{"name": "plan.xlsx", "mimeType": "application/octet-stream", "buffer": table}]
    )
    page.click("button:has-text('Upload and preview')")
    page.wait_for_selector("h1:has-text('Check what was read')")
    audit.check("Import preview, new plan")

    page.goto(reverse("importing:upload"))
    page.set_input_files(
        "#id_document", files=[{"name": "plan-v2.xlsx", "mimeType": "application/octet-stream", "buffer": table}]
    )
    page.select_option("#id_plan", str(plan.pk))
    page.click("button:has-text('Upload and preview')")
    page.wait_for_selector("h1:has-text('before updating')")
    audit.check("Import preview, re-import")
    audit.assert_clean()


def test_board_pack_pages_are_accessible(audit, sign_in_browser, lived_in_plan) -> None:
    board = lived_in_plan["board"]
    sign_in_browser("priya.manager")
    audit.check("Board packs", reverse("reports:body_list"))
    audit.check("Governance body", reverse("reports:body_detail", args=[board.pk]))
    audit.check("Pack preview", reverse("reports:pack_preview", args=[board.pk]) + f"?date={MEETING}")
    audit.check("Pack preview, bad date", reverse("reports:pack_preview", args=[board.pk]) + "?date=soon", status=400)
    audit.check("Issued pack", reverse("reports:pack_detail", args=[lived_in_plan["pack"].pk]))
    audit.assert_clean()


def test_scorecard_pages_are_accessible(audit, page, sign_in_browser, lived_in_plan) -> None:
    indicator = lived_in_plan["indicator"]
    sign_in_browser("priya.manager")
    audit.check("Scorecard", reverse("indicators:scorecard"))
    audit.check("Indicator", reverse("indicators:indicator_detail", args=[indicator.pk]))
    audit.check("Values upload", reverse("indicators:values_upload"))
    page.set_input_files(
        "input[type=file]",
        files=[
            {"name": "bad.csv", "mimeType": "text/csv", "buffer": (VALUES_CSV + "NI147,2025-26 Q4,n/a,,\n").encode()}
        ],
    )
    page.click("button:has-text('Upload')")
    audit.check("Values upload, with errors")
    audit.check("Links to the plan", reverse("indicators:links"))
    audit.check("Add a local indicator", reverse("indicators:indicator_new"))
    audit.check("Set a target", reverse("indicators:target_new", args=[indicator.pk]))
    audit.check("Enter a value", reverse("indicators:value_new", args=[indicator.pk]))
    audit.check("Edit an indicator", reverse("indicators:indicator_edit", args=[indicator.pk]))
    audit.assert_clean()


def test_a_viewer_sees_accessible_read_only_pages(audit, sign_in_browser, lived_in_plan) -> None:
    sign_in_browser("victor.viewer")
    audit.check("Plan (viewer)", reverse("plans:plan_detail", args=[lived_in_plan["plan"].pk]))
    audit.check("Action (viewer)", reverse("plans:action_detail", args=[lived_in_plan["owned"].pk]))
    audit.check("Governance body (viewer)", reverse("reports:body_detail", args=[lived_in_plan["board"].pk]))
    audit.check("Scorecard (viewer)", reverse("indicators:scorecard"))
    audit.assert_clean()


# --- Issue 12: maintaining the plan, people, governance bodies, correcting an import --


def test_plan_maintenance_pages_are_accessible(audit, page, sign_in_browser, lived_in_plan) -> None:
    from lineofsight.importing.tests.test_preview_corrections import focused_visit_docx
    from lineofsight.plans.models import Person

    plan, recommendation = lived_in_plan["plan"], lived_in_plan["recommendation"]
    person = Person.objects.filter(organisation=plan.organisation).first()
    sign_in_browser("priya.manager")
    audit.check("Edit plan details", reverse("plans:plan_edit", args=[plan.pk]))
    audit.check("Add a recommendation", reverse("plans:recommendation_add", args=[plan.pk]))
    page.click("button:has-text('Save recommendation')")
    audit.check("Add a recommendation, with an error")
    audit.check("Edit recommendation", reverse("plans:recommendation_edit", args=[recommendation.pk]))
    audit.check("Add an action", reverse("plans:action_add", args=[recommendation.pk]))
    audit.check("Archived", reverse("plans:plan_archive", args=[plan.pk]))
    audit.check("People", reverse("plans:people"))
    audit.check("Person", reverse("plans:person_edit", args=[person.pk]))
    audit.check("Governance bodies", reverse("plans:governance_bodies"))
    audit.check("Governance body", reverse("plans:governance_body_edit", args=[lived_in_plan["board"].pk]))

    page.goto(reverse("importing:upload"))
    page.set_input_files(
        "#id_document",
        files=[{"name": "fv.docx", "mimeType": "application/octet-stream", "buffer": focused_visit_docx()}],
    )
    page.click("button:has-text('Upload and preview')")
    page.wait_for_selector("h1:has-text('Check what was read')")
    audit.check("Import preview with checks and owner merges")
    page.get_by_role("link", name="Correct").first.click()
    page.wait_for_selector("button:has-text('Save the correction')")
    audit.check("Import preview, correcting an action in its row")
    audit.assert_clean()
