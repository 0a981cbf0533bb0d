"""Every tracking and members view × every role, with the status code each should get.

Another council's user gets 404 for anything of Council A's (it cannot even learn the
object exists); a role that may not act gets 403; a page about the user's own
organisation (my actions, settings, members) answers for their organisation only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.accounts.models import Membership
from lineofsight.api.tokens import create_token
from lineofsight.importing.models import ImportSession
from lineofsight.plans.interchange import export_plan, plan_queryset
from lineofsight.tracking import services
from lineofsight.tracking.models import EvidenceFile
from lineofsight.tracking.tests.edit_form import action_edit_form

pytestmark = pytest.mark.django_db

PERSONAS = ("admin", "plan_manager", "owner", "other_owner", "viewer", "outsider")
READ = dict.fromkeys(("admin", "plan_manager", "owner", "other_owner", "viewer"), 200) | {"outsider": 404}
EDIT_GET = {"admin": 200, "plan_manager": 200, "owner": 403, "other_owner": 403, "viewer": 403, "outsider": 404}
EDIT_POST = {**EDIT_GET, "admin": 302, "plan_manager": 302}
POST_UPDATE_GET = {"admin": 200, "plan_manager": 200, "owner": 200, "other_owner": 403, "viewer": 403, "outsider": 404}
POST_UPDATE_POST = {**POST_UPDATE_GET, "admin": 302, "plan_manager": 302, "owner": 302}
OWN_ORG_EDITORS = {"admin": 200, "plan_manager": 200, "owner": 403, "other_owner": 403, "viewer": 403, "outsider": 200}
ADMIN_ONLY = {"admin": 200, "plan_manager": 403, "owner": 403, "other_owner": 403, "viewer": 403, "outsider": 403}
ADMIN_ONLY_OBJECT = {
    "admin": 302,
    "plan_manager": 403,
    "owner": 403,
    "other_owner": 403,
    "viewer": 403,
    "outsider": 404,
}
EVERYONE = dict.fromkeys(PERSONAS, 200)
# --- issue 13: each member's own email preferences ---
EVERYONE_POST = dict.fromkeys(PERSONAS, 302)
EVERYONE_REDIRECTED = EVERYONE_POST


@pytest.fixture
def world(action_owner, plan_manager, viewer, action_1b) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    update = services.post_update(
        action_1b, action_owner, services.UpdateInput("Progress", files=[SimpleUploadedFile("n.txt", b"notes")])
    )
    return {
        "action": action_1b,
        "update": update,
        "evidence": EvidenceFile.objects.get(),
        "plan": action_1b.recommendation.plan,
        "viewer_membership": Membership.objects.get(user=viewer),
        # --- JSON API (issue 15)
        "api_token": create_token(action_1b.recommendation.plan.organisation, plan_manager).token,
        "session": ImportSession.objects.create(
            organisation=action_1b.recommendation.plan.organisation,
            user=plan_manager,
            filename="plan.docx",
            plan_document=export_plan(plan_queryset().get(pk=action_1b.recommendation.plan_id)),
        ),
    }


def _edit_data(w: dict[str, Any]) -> dict[str, Any]:
    return action_edit_form(w["action"], due_date="2026-06-30")


Case = tuple[
    str, str, Callable[[dict[str, Any]], str], Callable[[dict[str, Any]], dict[str, Any]] | None, dict[str, int]
]

CASES: list[Case] = [
    ("my actions", "get", lambda w: reverse("tracking:my_actions"), None, EVERYONE),
    ("action updates", "get", lambda w: reverse("tracking:action_updates", args=[w["action"].pk]), None, READ),
    (
        "post update form",
        "get",
        lambda w: reverse("tracking:post_update", args=[w["action"].pk]),
        None,
        POST_UPDATE_GET,
    ),
    (
        "post update",
        "post",
        lambda w: reverse("tracking:post_update", args=[w["action"].pk]),
        lambda w: {"text": "More progress"},
        POST_UPDATE_POST,
    ),
    ("edit form", "get", lambda w: reverse("tracking:edit_action", args=[w["action"].pk]), None, EDIT_GET),
    ("edit", "post", lambda w: reverse("tracking:edit_action", args=[w["action"].pk]), _edit_data, EDIT_POST),
    ("override form", "get", lambda w: reverse("tracking:override_rag", args=[w["action"].pk]), None, EDIT_GET),
    (
        "override",
        "post",
        lambda w: reverse("tracking:override_rag", args=[w["action"].pk]),
        lambda w: {"rag_override": "green", "rag_override_reason": "Agreed", "version": w["action"].version},
        EDIT_POST,
    ),
    ("history", "get", lambda w: reverse("tracking:action_history", args=[w["action"].pk]), None, READ),
    ("review form", "get", lambda w: reverse("tracking:review_update", args=[w["update"].pk]), None, EDIT_GET),
    (
        "review",
        "post",
        lambda w: reverse("tracking:review_update", args=[w["update"].pk]),
        lambda w: {"decision": "accept"},
        EDIT_POST,
    ),
    ("evidence", "get", lambda w: reverse("tracking:evidence_download", args=[w["evidence"].pk]), None, READ),
    ("plan activity", "get", lambda w: reverse("tracking:plan_activity", args=[w["plan"].pk]), None, READ),
    ("rag settings", "get", lambda w: reverse("tracking:rag_settings"), None, OWN_ORG_EDITORS),
    ("members", "get", lambda w: reverse("accounts:members"), None, ADMIN_ONLY),
    # Issue 16: members moved to accounts; the old address redirects every signed-in user.
    ("old members address", "get", lambda w: reverse("tracking:members_moved"), None, dict.fromkeys(PERSONAS, 301)),
    # --- issue 13: where sign-in lands, and email preferences (every member, their own) ---
    ("landing", "get", lambda w: reverse("tracking:landing"), None, EVERYONE_REDIRECTED),
    ("email preferences", "get", lambda w: reverse("tracking:email_preferences"), None, EVERYONE),
    (
        "save email preferences",
        "post",
        lambda w: reverse("tracking:email_preferences"),
        lambda w: {"update_signed_off": "on"},
        EVERYONE_POST,
    ),
    (
        "change role",
        "post",
        lambda w: reverse("accounts:member_role", args=[w["viewer_membership"].pk]),
        lambda w: {"role": "plan_manager"},
        ADMIN_ONLY_OBJECT,
    ),
    (
        "remove member",
        "post",
        lambda w: reverse("accounts:member_remove", args=[w["viewer_membership"].pk]),
        lambda w: {},
        ADMIN_ONLY_OBJECT,
    ),
    # --- JSON API (issue 15): token pages and the plan page's spreadsheet feed
    ("api tokens", "get", lambda w: reverse("api_web:token_list"), None, ADMIN_ONLY),
    (
        "make api token",
        "post",
        lambda w: reverse("api_web:token_list"),
        lambda w: {"user": w["viewer_membership"].user_id, "scope": "read"},
        ADMIN_ONLY,
    ),
    (
        "revoke api token",
        "post",
        lambda w: reverse("api_web:token_revoke", args=[w["api_token"].pk]),
        lambda w: {},
        ADMIN_ONLY_OBJECT,
    ),
    ("action feed", "get", lambda w: reverse("api_web:plan_feed", args=[w["plan"].pk, "csv"]), None, READ),
    # Sign-in and access (issue 17): everyone's own password, and their own invitations.
    ("change password", "get", lambda w: reverse("accounts:password_change"), None, EVERYONE),
    ("password changed", "get", lambda w: reverse("accounts:password_change_done"), None, EVERYONE),
    ("invitations", "get", lambda w: reverse("accounts:invitations"), None, EVERYONE),
    ("two-factor sign-in", "get", lambda w: reverse("accounts:two_factor"), None, EVERYONE),
    (
        "require two-factor",
        "post",
        lambda w: reverse("accounts:require_two_factor"),
        lambda w: {"require": ""},
        {**ADMIN_ONLY, "admin": 302},
    ),
]


# --- Issue 12: maintaining the plan, people and governance bodies (plans app) -------

ORG_EDITORS_POST = {"admin": 302, "plan_manager": 302, "owner": 403, "other_owner": 403, "viewer": 403}
# An outsider's post names Council A's people, which their own council's form cannot
# choose, so it is turned back (a redirect with an error) and changes nothing.
MERGE_POST = ORG_EDITORS_POST | {"outsider": 302}
BODY_POST = ORG_EDITORS_POST | {"outsider": 302}  # adds a body to the outsider's own council


def _rec(w: dict[str, Any]) -> Any:
    return w["action"].recommendation


def _plan_data(w: dict[str, Any]) -> dict[str, Any]:
    return {"title": "Renamed plan", "status": "active", "kind": "ILACS", "ended": "2026-01-23"}


def _rec_data(w: dict[str, Any]) -> dict[str, Any]:
    return {"ref": "9", "text": "A new recommendation"}


def _new_action_data(w: dict[str, Any]) -> dict[str, Any]:
    return {"text": "A new action", "new_owner": "Jo Bloggs"}


def _person(w: dict[str, Any]) -> Any:
    return w["action"].owner_links.first().person


def _body(w: dict[str, Any]) -> Any:
    return w["action"].report_links.first().body


CASES += [
    ("plan edit form", "get", lambda w: reverse("plans:plan_edit", args=[w["plan"].pk]), None, EDIT_GET),
    ("plan edit", "post", lambda w: reverse("plans:plan_edit", args=[w["plan"].pk]), _plan_data, EDIT_POST),
    ("plan archive", "get", lambda w: reverse("plans:plan_archive", args=[w["plan"].pk]), None, READ),
    ("add rec form", "get", lambda w: reverse("plans:recommendation_add", args=[w["plan"].pk]), None, EDIT_GET),
    ("add rec", "post", lambda w: reverse("plans:recommendation_add", args=[w["plan"].pk]), _rec_data, EDIT_POST),
    ("edit rec form", "get", lambda w: reverse("plans:recommendation_edit", args=[_rec(w).pk]), None, EDIT_GET),
    ("edit rec", "post", lambda w: reverse("plans:recommendation_edit", args=[_rec(w).pk]), _rec_data, EDIT_POST),
    ("move rec", "post", lambda w: reverse("plans:recommendation_move", args=[_rec(w).pk]), lambda w: {}, EDIT_POST),
    (
        "archive rec",
        "post",
        lambda w: reverse("plans:recommendation_archive", args=[_rec(w).pk]),
        lambda w: {},
        EDIT_POST,
    ),
    ("add action form", "get", lambda w: reverse("plans:action_add", args=[_rec(w).pk]), None, EDIT_GET),
    ("add action", "post", lambda w: reverse("plans:action_add", args=[_rec(w).pk]), _new_action_data, EDIT_POST),
    (
        "archive action",
        "post",
        lambda w: reverse("plans:action_archive", args=[w["action"].pk]),
        lambda w: {},
        EDIT_POST,
    ),
    ("move action", "post", lambda w: reverse("plans:action_move", args=[w["action"].pk]), lambda w: {}, EDIT_POST),
    ("people", "get", lambda w: reverse("plans:people"), None, EVERYONE),
    ("settings hub", "get", lambda w: reverse("accounts:organisation_settings"), None, EVERYONE),
    (
        "merge people",
        "post",
        lambda w: reverse("plans:people_merge"),
        lambda w: {"keep": _person(w).pk, "merge": [_person(w).pk]},
        MERGE_POST,
    ),
    ("person form", "get", lambda w: reverse("plans:person_edit", args=[_person(w).pk]), None, EDIT_GET),
    (
        "person edit",
        "post",
        lambda w: reverse("plans:person_edit", args=[_person(w).pk]),
        lambda w: {"name": _person(w).name, "email": "sm@example.test"},
        EDIT_POST,
    ),
    ("governance bodies", "get", lambda w: reverse("plans:governance_bodies"), None, EVERYONE),
    (
        "add body",
        "post",
        lambda w: reverse("plans:governance_bodies"),
        lambda w: {"name": "Scrutiny Panel"},
        BODY_POST,
    ),
    ("body form", "get", lambda w: reverse("plans:governance_body_edit", args=[_body(w).pk]), None, EDIT_GET),
    (
        "body edit",
        "post",
        lambda w: reverse("plans:governance_body_edit", args=[_body(w).pk]),
        lambda w: {"name": _body(w).name, "chair": "Cllr Patel"},
        EDIT_POST,
    ),
]


# A pending import is its uploader's alone: another admin of the council gets 404 too.
IMPORT_GET = {"admin": 404, "plan_manager": 200, "owner": 403, "other_owner": 403, "viewer": 403, "outsider": 404}
IMPORT_POST = {**IMPORT_GET, "plan_manager": 302}


def _session_url(name: str, *extra: int) -> Callable[[dict[str, Any]], str]:
    return lambda w: reverse(f"importing:{name}", args=[w["session"].pk, *extra])


CASES += [
    ("import preview", "get", _session_url("preview"), None, IMPORT_GET),
    ("import inspection", "post", _session_url("preview_inspection"), lambda w: {"ended": "2026-01-23"}, IMPORT_POST),
    (
        "import merge owners",
        "post",
        _session_url("preview_merge"),
        lambda w: {"keep": "Head of Corporate Parenting", "merge": ["Head of Corporate Parenting"]},
        IMPORT_POST,
    ),
    (
        "import reassign column",
        "post",
        _session_url("preview_reassign"),
        lambda w: {"source": "partners", "target": "measures"},
        IMPORT_POST,
    ),
    ("import correct form", "get", _session_url("preview_action", 0, 0), None, IMPORT_GET),
    (
        "import correct",
        "post",
        _session_url("preview_action", 0, 0),
        lambda w: {"text": "Corrected", "recommendation": "0"},
        IMPORT_POST,
    ),
]


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize(("label", "method", "url", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_role_matrix(client_for, persona, world, who, label, method, url, data, expected) -> None:  # type: ignore[no-untyped-def]
    client = client_for(persona[who])
    target = url(world)
    response = client.get(target) if method == "get" else client.post(target, data(world) if data else {})
    assert response.status_code == expected[who], f"{label} as {who}"
    if method == "get" and response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        # The browser tab and a screen reader announce the title: words only, no markup.
        title = re.search(rb"<title>(.*?)</title>", response.content, re.S)
        assert title is not None and b"<" not in title.group(1), f"{label}: markup in the page title"
    if who == "outsider" and response.status_code == 200 and method == "get":
        # Pages about their own organisation must show nothing of Council A's.
        assert b"Review every unsuitable placement" not in response.content


@pytest.mark.parametrize(("label", "method", "url", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_anonymous_visitors_are_sent_to_sign_in(client, world, label, method, url, data, expected) -> None:  # type: ignore[no-untyped-def]
    target = url(world)
    response = client.get(target) if method == "get" else client.post(target, data(world) if data else {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_owner_cannot_post_on_another_owners_action(client_for, other_owner, action_1b) -> None:
    response = client_for(other_owner).post(reverse("tracking:post_update", args=[action_1b.pk]), {"text": "Sneaky"})
    assert response.status_code == 403
    assert not action_1b.updates.filter(text="Sneaky").exists()


def test_viewer_changes_nothing(client_for, viewer, world) -> None:
    client = client_for(viewer)
    client.post(
        reverse("tracking:override_rag", args=[world["action"].pk]),
        {"rag_override": "green", "rag_override_reason": "x", "version": 1},
    )
    client.post(reverse("tracking:review_update", args=[world["update"].pk]), {"decision": "accept"})
    world["action"].refresh_from_db()
    world["update"].refresh_from_db()
    assert world["action"].rag_override == ""
    assert world["update"].review == "submitted"


# --- Issuing a board pack in the background (issue 14): its progress page and retry.
ISSUE_STATUS = {"admin": 200, "plan_manager": 200, "owner": 403, "other_owner": 403, "viewer": 403, "outsider": 404}
ISSUE_RETRY = {**ISSUE_STATUS, "admin": 302, "plan_manager": 302}


@pytest.mark.parametrize("who", PERSONAS)
def test_role_matrix_for_issuing_a_pack(client_for, persona, council, example_plan, who) -> None:  # type: ignore[no-untyped-def]
    from lineofsight.background.models import Job

    body = council.governance_bodies.first()
    job = Job.objects.create(
        kind="issue_pack",
        organisation=council,
        status=Job.Status.DONE,
        params={"body_id": body.pk, "meeting_date": "2026-07-01"},
    )
    client = client_for(persona[who])

    assert client.get(reverse("reports:issue_status", args=[job.pk])).status_code == ISSUE_STATUS[who]
    assert client.post(reverse("reports:issue_retry", args=[job.pk])).status_code == ISSUE_RETRY[who]
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.DONE, 0)  # a finished issue is never run again
