"""Every page of the project, walked from the URL map: a signed-out visitor is sent to
sign in, and a member of another council gets 404 on every object of Council A's, by GET
and by POST. A new URL with an object id fails this test until it is covered here."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from lineofsight.accounts.models import Membership, MembershipInvitation

pytestmark = pytest.mark.django_db

# Pages anyone may open, or that are not the project's own.
PUBLIC = {
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
}


def project_routes() -> list[tuple[str, list[str]]]:
    """(namespaced name, keyword arguments) of every project URL."""
    routes: list[tuple[str, list[str]]] = []

    def walk(resolver: URLResolver, namespace: str) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                # --- JSON API (issue 15): token-authenticated, answers 401 not a redirect;
                # src/lineofsight/api/tests walks its OpenAPI document the same way.
                if pattern.namespace == "api":
                    continue
                walk(pattern, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace:
                name = f"{namespace}:{pattern.name}"
                if name not in PUBLIC:
                    routes.append((name, list(pattern.pattern.converters)))

    walk(get_resolver(), "")
    return routes


@pytest.fixture
def council_a_objects(example_plan, plan_manager, viewer, council) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One of each kind of object Council A has, by the URL keyword that names it."""
    from lineofsight.background.models import Job
    from lineofsight.importing.models import ImportSession
    from lineofsight.indicators.models import IndicatorLink
    from lineofsight.indicators.services import code_index, ensure_standard_indicators
    from lineofsight.reports.models import BoardPack
    from lineofsight.tracking.models import EvidenceFile

    recommendation = example_plan.recommendations.first()
    action = recommendation.actions.first()
    update = action.updates.first()
    evidence = EvidenceFile.objects.create(
        update=update, file=ContentFile(b"minutes", name="minutes.txt"), original_name="minutes.txt", size=7
    )
    body = council.governance_bodies.first()
    pack = BoardPack.objects.create(
        organisation=council, body=body, meeting_date=timezone.localdate(), issued_at=timezone.now(), content={}
    )
    ensure_standard_indicators(council)
    indicator = code_index(council)["NI147"]
    link = IndicatorLink.objects.create(indicator=indicator, action=action, suggested_from="NI147")
    # --- JSON API (issue 15)
    from lineofsight.api.tokens import create_token

    token = create_token(council, plan_manager).token
    session = ImportSession.objects.create(
        organisation=council, user=plan_manager, filename="plan.docx", plan_document={"recommendations": []}
    )
    return {
        "plan_id": example_plan.pk,
        "recommendation_id": recommendation.pk,
        "action_id": action.pk,
        "update_id": update.pk,
        "evidence_id": evidence.pk,
        "membership_id": Membership.objects.get(user=viewer).pk,
        "body_id": body.pk,
        "pack_id": pack.pk,
        "fmt": "html",
        "indicator_id": indicator.pk,
        "link_id": link.pk,
        "session_id": session.pk,
        "token_id": token.pk,  # JSON API (issue 15)
        # Issuing a pack in the background (issue 14): its progress page.
        "job_id": Job.objects.create(
            kind="issue_pack", organisation=council, params={"body_id": body.pk, "meeting_date": "2026-07-01"}
        ).pk,
        # Issue 12: plan maintenance, people and governance bodies.
        "person_id": council.people.first().pk,
        "rec": 0,
        "index": 0,
        # Sign-in and access (issue 17): an invitation for Council A's viewer.
        "invitation_id": MembershipInvitation.objects.create(organisation=council, user=viewer, role="viewer").pk,
    }


def url_for(name: str, kwargs: list[str], objects: dict[str, Any]) -> str:
    missing = [k for k in kwargs if k not in objects]
    assert not missing, f"{name}: add a Council A object for {missing} to council_a_objects"
    return reverse(name, kwargs={k: objects[k] for k in kwargs})


def test_every_page_sends_a_signed_out_visitor_to_sign_in(client, council_a_objects):
    for name, kwargs in project_routes():
        url = url_for(name, kwargs, council_a_objects)
        response = client.get(url)
        if response.status_code == 405:  # a form's POST-only endpoint
            response = client.post(url)
        assert response.status_code == 302, f"{name} {url} gave {response.status_code}"
        assert response["Location"].startswith(reverse("accounts:login")), name


def test_another_council_gets_404_on_every_object_of_council_a(client_for, outsider, council_a_objects):
    client = client_for(outsider)
    checked = 0
    for name, kwargs in project_routes():
        if not kwargs or kwargs == ["fmt"]:
            continue  # lists show the outsider's own council
        url = url_for(name, kwargs, council_a_objects)
        statuses = {"GET": client.get(url).status_code, "POST": client.post(url).status_code}
        # 405 only says the page takes the other method; that one must then answer 404.
        assert set(statuses.values()) <= {404, 405} and 404 in statuses.values(), f"{name} {url} gave {statuses}"
        checked += 1
    assert checked >= 25


def test_outsiders_posts_change_nothing_of_council_a(client_for, outsider, council_a_objects, viewer):
    client = client_for(outsider)
    client.post(reverse("accounts:member_remove", args=[council_a_objects["membership_id"]]))
    client.post(reverse("accounts:member_role", args=[council_a_objects["membership_id"]]), {"role": "admin"})
    assert Membership.objects.get(user=viewer).role == "viewer"


def test_unknown_import_session_is_404_not_500(client_for, plan_manager):
    response = client_for(plan_manager).get(reverse("importing:preview", args=[uuid.uuid4()]))
    assert response.status_code == 404
