"""Every tracking view × every role, with the status code each should get.

Another council's user gets 404 for anything of Council A's (it cannot even learn the
object exists); a role that may not act gets 403; a page about the user's own
organisation (my actions, settings, members) answers for their organisation only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.accounts.models import Membership
from lineofsight.tracking import services
from lineofsight.tracking.models import EvidenceFile

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
    }


def _edit_data(w: dict[str, Any]) -> dict[str, Any]:
    a = w["action"]
    return {
        "text": a.text,
        "due_text": a.due_text,
        "due_date": "2026-06-30",
        "status": a.status,
        "rag_override": "",
        "rag_override_reason": "",
        "version": a.version,
        "owners": [link.person_id for link in a.owner_links.all()],
    }


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
    ("members", "get", lambda w: reverse("tracking:members"), None, ADMIN_ONLY),
    (
        "change role",
        "post",
        lambda w: reverse("tracking:member_role", args=[w["viewer_membership"].pk]),
        lambda w: {"role": "plan_manager"},
        ADMIN_ONLY_OBJECT,
    ),
    (
        "remove member",
        "post",
        lambda w: reverse("tracking:member_remove", args=[w["viewer_membership"].pk]),
        lambda w: {},
        ADMIN_ONLY_OBJECT,
    ),
]


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize(("label", "method", "url", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_role_matrix(client_for, persona, world, who, label, method, url, data, expected) -> None:  # type: ignore[no-untyped-def]
    client = client_for(persona[who])
    target = url(world)
    response = client.get(target) if method == "get" else client.post(target, data(world) if data else {})
    assert response.status_code == expected[who], f"{label} as {who}"
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
