"""The JSON API, told as the council's other systems use it: Power BI reads the plan,
the performance team's system posts progress and values, and Council B never sees
anything of Council A's."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import load_workbook

from lineofsight.accounts.models import Membership
from lineofsight.api.endpoints import api
from lineofsight.api.models import ApiToken
from lineofsight.indicators.models import IndicatorValue, Target
from lineofsight.indicators.services import code_index, ensure_standard_indicators
from lineofsight.plans.interchange import export_plan, plan_queryset
from lineofsight.plans.models import Action, ProgressUpdate
from lineofsight.reports.models import BoardPack, BoardPackFile
from lineofsight.tracking import audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_a(example_plan, council, plan_manager) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One of each object Council A has, by the path parameter that names it."""
    recommendation = example_plan.recommendations.order_by("order").first()
    action = recommendation.actions.order_by("order").first()
    body = council.governance_bodies.order_by("name").first()
    pack = BoardPack.objects.create(
        organisation=council, body=body, meeting_date=timezone.localdate(), issued_at=timezone.now(), content={}
    )
    BoardPackFile.objects.create(pack=pack, format="html", file=ContentFile(b"<p>Pack</p>", name="pack.html"), size=11)
    ensure_standard_indicators(council)
    indicator = code_index(council)["NI147"]
    Target.objects.create(indicator=indicator, value=90)
    return {
        "plan_id": example_plan.pk,
        "recommendation_id": recommendation.pk,
        "action_id": action.pk,
        "body_id": body.pk,
        "pack_id": pack.pk,
        "indicator_id": indicator.pk,
        "fmt": "html",
        "action": action,
        "plan": example_plan,
    }


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path template, operation) of every endpoint in the OpenAPI document."""
    schema = api.get_openapi_schema()
    return [
        (method, path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method in ("get", "post", "patch", "put", "delete")
    ]


def fill(path: str, objects: dict[str, Any]) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "fmt":
            return "csv" if "actions." in path else objects["fmt"]
        return str(objects[name])

    return re.sub(r"\{(\w+)\}", value, path)


def test_every_endpoint_refuses_a_request_without_a_token(call, council_a):
    checked = 0
    for method, path, _ in operations():
        response = call(None, method, fill(path, council_a))
        assert response.status_code == 401, f"{method} {path} gave {response.status_code}"
        checked += 1
    assert checked >= 18


def test_council_b_token_gets_404_or_an_empty_list_for_every_council_a_object(
    call, token_for, council_a, outsider, other_council
):
    token = token_for(outsider, other_council, scope="write")
    for method, path, _ in operations():
        url = fill(path, council_a)
        response = call(token, method, url, {"version": 1, "text": "Council B was here"})
        if "{" in path:
            assert response.status_code == 404, f"{method} {url} gave {response.status_code}"
        elif method == "get":
            assert response.status_code == 200, f"{method} {url} gave {response.status_code}"
            assert response.json()["items"] == [], f"{method} {url} listed Council A's objects"
    # Council A's board packs, filtered by Council A's body, are an empty list too.
    response = call(token, "get", "/api/v1/board-packs", {"body": council_a["body_id"]})
    assert response.json() == {"items": [], "count": 0}
    assert not ProgressUpdate.objects.filter(text="Council B was here").exists()


def test_a_member_of_both_councils_sees_only_the_tokens_council(
    call, token_for, council_a, plan_manager, other_council
):
    Membership.objects.create(user=plan_manager, organisation=other_council, role="plan_manager")
    token = token_for(plan_manager, other_council)
    assert call(token, "get", f"/api/v1/plans/{council_a['plan_id']}").status_code == 404
    assert call(token, "get", "/api/v1/plans").json()["count"] == 0
    own = token_for(plan_manager, council_a["plan"].organisation)
    assert call(own, "get", f"/api/v1/plans/{council_a['plan_id']}").status_code == 200


def test_read_token_cannot_write(call, token_for, council_a, plan_manager, council):
    token = token_for(plan_manager, council, scope="read")
    action = council_a["action"]
    posted = call(token, "post", f"/api/v1/actions/{action.pk}/updates", {"text": "Read token"})
    edited = call(token, "patch", f"/api/v1/actions/{action.pk}", {"version": action.version, "text": "Changed"})
    csv_file = ContentFile(b"code,period,value\nNI147,2025-26 Q2,79\n", name="values.csv")
    uploaded = call(token, "post", "/api/v1/indicator-values", {"file": csv_file}, multipart=True)
    assert (posted.status_code, edited.status_code, uploaded.status_code) == (403, 403, 403)
    assert "only read" in posted.json()["detail"]
    action.refresh_from_db()
    assert action.text != "Changed"
    assert not ProgressUpdate.objects.filter(text="Read token").exists()
    assert not IndicatorValue.objects.exists()


def test_revoked_expired_and_departed_tokens_get_401(call, token_for, council_a, plan_manager, viewer, council):
    revoked = token_for(plan_manager, council)
    assert call(revoked, "get", "/api/v1/plans").status_code == 200
    from lineofsight.api.tokens import hash_token, revoke_token

    revoke_token(ApiToken.objects.get(token_hash=hash_token(revoked)))
    assert call(revoked, "get", "/api/v1/plans").status_code == 401

    expired = token_for(plan_manager, council, expires_days=1)
    ApiToken.objects.filter(token_hash=hash_token(expired)).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert call(expired, "get", "/api/v1/plans").status_code == 401

    departed = token_for(viewer, council)
    Membership.objects.filter(user=viewer).delete()
    assert call(departed, "get", "/api/v1/plans").status_code == 401
    assert call("los_not-a-real-token", "get", "/api/v1/plans").status_code == 401


def test_only_a_hash_of_the_token_is_stored(token_for, plan_manager, council):
    raw = token_for(plan_manager, council)
    stored = ApiToken.objects.get()
    assert raw not in {stored.token_hash, stored.prefix, stored.name}
    assert len(stored.token_hash) == 64 and raw.startswith(stored.prefix)


def test_api_action_count_equals_the_json_export(call, token_for, council_a, viewer, council):
    token = token_for(viewer, council)
    response = call(token, "get", f"/api/v1/plans/{council_a['plan_id']}/actions")
    exported = export_plan(plan_queryset().get(pk=council_a["plan_id"]))
    assert response.json()["count"] == sum(len(r["actions"]) for r in exported["recommendations"]) == 3


def test_actions_filter_as_on_the_plan_page(call, token_for, council_a, viewer, council):
    token = token_for(viewer, council)
    url = f"/api/v1/plans/{council_a['plan_id']}/actions"
    overdue = call(token, "get", url, {"due": "overdue"}).json()
    # The example plan's deadlines are in 2026; "Review every unsuitable placement" is
    # due 30 June 2026 and in progress, so it is overdue from July 2026.
    expected = (
        ["Review every unsuitable placement of a care leaver."]
        if timezone.localdate().isoformat() > "2026-06-30"
        else []
    )
    assert [a["text"] for a in overdue["items"]] == expected
    reds = call(token, "get", url, {"rag": "red"}).json()["items"]
    assert reds and all(a["effective_rag"] == "red" for a in reds)
    body = call(token, "get", "/api/v1/governance-bodies").json()["items"]
    improvement = next(b for b in body if b["name"] == "Improvement Board")
    reported = call(token, "get", url, {"body": improvement["id"]}).json()
    assert reported["count"] == 2
    assert call(token, "get", url, {"due": "soon"}).status_code == 422


def test_changed_since_keeps_actions_edited_or_updated_since(call, token_for, council_a, action_owner, council):
    token = token_for(action_owner, council, scope="write")
    url = f"/api/v1/plans/{council_a['plan_id']}/actions"
    since = timezone.now()
    assert call(token, "get", url, {"changed_since": since.isoformat()}).json()["count"] == 0
    owned = Action.objects.get(text__startswith="Review every unsuitable")
    call(token, "post", f"/api/v1/actions/{owned.pk}/updates", {"text": "Two placements reviewed"})
    changed = call(token, "get", url, {"changed_since": since.isoformat()}).json()
    assert [a["id"] for a in changed["items"]] == [owned.pk]


@pytest.mark.parametrize("since", ["1181-12-07T03:12:56-21:59", "0001-01-01T00:00:00", "9999-12-31T23:59:59+14:00"])
def test_changed_since_takes_any_iso_moment(call, token_for, council_a, viewer, council, since):
    # Schemathesis found these: PostgreSQL refuses offsets past ±15:59, and the edges of
    # the calendar overflow when moved between zones.
    token = token_for(viewer, council)
    response = call(token, "get", f"/api/v1/plans/{council_a['plan_id']}/actions", {"changed_since": since})
    assert response.status_code == 200
    assert response.json()["count"] == (3 if since.startswith(("1181", "0001")) else 0)


def test_lists_are_paginated(call, token_for, council_a, viewer, council):
    token = token_for(viewer, council)
    url = f"/api/v1/plans/{council_a['plan_id']}/actions"
    first = call(token, "get", url, {"limit": 2}).json()
    second = call(token, "get", url, {"limit": 2, "offset": 2}).json()
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {a["id"] for a in first["items"]}.isdisjoint({a["id"] for a in second["items"]})
    assert call(token, "get", url, {"limit": 501}).status_code == 422


def test_owner_posts_an_update_through_the_api_into_the_same_history(call, token_for, council_a, action_owner, council):
    owned = Action.objects.get(text__startswith="Review every unsuitable")
    token = token_for(action_owner, council, scope="write")
    response = call(
        token,
        "post",
        f"/api/v1/actions/{owned.pk}/updates",
        {"text": "Six of nine reviewed", "status": "in_progress", "rag": "amber"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["review"] == "submitted" and body["author"] == "owen.owner"
    update = ProgressUpdate.objects.get(pk=body["id"])
    assert update.history.first().history_user == action_owner
    assert update.rag == "amber"
    owned.refresh_from_db()
    # As on the web, a proposed RAG is only a proposal until the plan manager signs it off.
    assert owned.rag == "red"
    assert owned.history.filter(history_user=action_owner).exists()
    # The plan's activity feed, which the web shows, names the token's user.
    _page, entries = audit.activity_page([owned], 1)
    assert any("owen.owner" in str(vars(entry)) for entry in entries)


def test_update_follows_the_web_rules(call, token_for, council_a, action_owner, council):
    token = token_for(action_owner, council, scope="write")
    owned = Action.objects.get(text__startswith="Review every unsuitable")
    blank = call(token, "post", f"/api/v1/actions/{owned.pk}/updates", {"text": ""})
    assert blank.status_code == 400
    assert blank.json()["errors"]["text"] == ["Enter what has happened since the last update"]
    other = Action.objects.get(text__startswith="Weekly tracker")
    assert call(token, "post", f"/api/v1/actions/{other.pk}/updates", {"text": "Not mine"}).status_code == 403


def test_edit_with_a_stale_version_gets_409_with_the_current_state(call, token_for, council_a, plan_manager, council):
    token = token_for(plan_manager, council, scope="write")
    action = council_a["action"]
    url = f"/api/v1/actions/{action.pk}"
    read = call(token, "get", url).json()
    first = call(token, "patch", url, {"version": read["version"], "due_text": "May 2026"})
    assert first.status_code == 200, first.content
    assert first.json()["version"] == read["version"] + 1
    assert first.json()["text"] == read["text"]  # fields left out are kept
    stale = call(token, "patch", url, {"version": read["version"], "due_text": "June 2026"})
    assert stale.status_code == 409
    conflict = stale.json()
    assert conflict["current"]["due_text"] == "May 2026"
    assert conflict["current"]["version"] == read["version"] + 1
    assert any(change["field"] == "due_text" and change["who"] == "priya.manager" for change in conflict["changes"])
    action.refresh_from_db()
    assert action.due_text == "May 2026"
    edit = action.history.filter(history_change_reason="Edited").get()
    assert edit.history_user == plan_manager


def test_edit_is_checked_like_the_web_form(call, token_for, council_a, plan_manager, action_owner, council):
    action = council_a["action"]
    url = f"/api/v1/actions/{action.pk}"
    token = token_for(plan_manager, council, scope="write")
    refused_owners = call(token, "get", url).json()["owners"]
    assert refused_owners
    refused = call(token, "patch", url, {"version": action.version, "rag_override": "green"})
    assert refused.status_code == 400
    assert "rag_override_reason" in refused.json()["errors"]
    kept = call(token, "patch", url, {"version": action.version, "owners": None, "due_text": "Spring 2026"})
    assert kept.status_code == 200 and kept.json()["owners"] == refused_owners
    owner_token = token_for(action_owner, council, scope="write")
    assert call(owner_token, "patch", url, {"version": action.version, "text": "Owner edit"}).status_code == 403


def test_a_deadline_moved_through_the_api_needs_a_reason_as_on_the_web(
    call, token_for, council_a, plan_manager, council
):
    action = council_a["action"]
    assert action.due_date is not None
    url = f"/api/v1/actions/{action.pk}"
    token = token_for(plan_manager, council, scope="write")
    later = action.due_date.replace(year=action.due_date.year + 1).isoformat()

    refused = call(token, "patch", url, {"version": action.version, "due_date": later})
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Say why the deadline moved"

    moved = call(
        token, "patch", url, {"version": action.version, "due_date": later, "due_date_reason": "Panel delayed"}
    )
    assert moved.status_code == 200, moved.content
    first = action.due_date
    action.refresh_from_db()
    assert action.due_date.isoformat() == later
    assert action.original_due_date == first


def test_an_owner_id_too_large_for_the_database_is_refused_as_invalid(
    call, token_for, council_a, plan_manager, council
):
    action = council_a["action"]
    token = token_for(plan_manager, council, scope="write")

    refused = call(token, "patch", f"/api/v1/actions/{action.pk}", {"version": action.version, "owners": [2**70]})

    assert refused.status_code == 422
    action.refresh_from_db()
    assert action.version == council_a["action"].version


def test_values_upload_is_all_or_nothing_with_row_errors(call, token_for, council_a, plan_manager, council):
    token = token_for(plan_manager, council, scope="write")
    bad = ContentFile(b"code,period,value\nNI147,2025-26 Q2,79\nNI147,2025-26 Q3,n/a\n", name="values.csv")
    refused = call(token, "post", "/api/v1/indicator-values", {"file": bad}, multipart=True)
    assert refused.status_code == 400
    assert refused.json()["errors"] == ["row 3, column 'value': expected a number, got 'n/a'"]
    assert not IndicatorValue.objects.exists()
    good = ContentFile(b"code,period,value\nNI147,2025-26 Q2,79\n", name="values.csv")
    stored = call(token, "post", "/api/v1/indicator-values", {"file": good}, multipart=True)
    assert stored.json() == {"created": 1, "updated": 0, "unchanged": 0}
    value = IndicatorValue.objects.get()
    assert value.entered_by == plan_manager and "API upload" in value.provenance
    values = call(token, "get", f"/api/v1/indicators/{council_a['indicator_id']}/values").json()
    assert [v["value"] for v in values["items"]] == [79.0]


def test_board_pack_list_and_download(call, token_for, council_a, viewer, council):
    token = token_for(viewer, council)
    packs = call(token, "get", "/api/v1/board-packs").json()
    assert packs["count"] == 1 and packs["items"][0]["formats"] == ["html"]
    download = call(token, "get", f"/api/v1/board-packs/{council_a['pack_id']}/files/html")
    assert download.status_code == 200 and download.content == b"<p>Pack</p>"
    assert call(token, "get", f"/api/v1/board-packs/{council_a['pack_id']}/files/pdf").status_code == 404


def test_spreadsheet_feed_quotes_formulas_and_takes_a_token_in_the_url(call, token_for, council_a, viewer, council):
    action = council_a["action"]
    Action.objects.filter(pk=action.pk).update(text='=HYPERLINK("http://evil.example","Click")')
    token = token_for(viewer, council)
    url = f"/api/v1/plans/{council_a['plan_id']}/actions.csv"
    response = call(None, "get", url, {"token": token, "rag": "blue"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Action id", "Recommendation"]
    assert [row[4] for row in rows[1:]] == ['\'=HYPERLINK("http://evil.example","Click")']
    xlsx = call(token, "get", f"/api/v1/plans/{council_a['plan_id']}/actions.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    cells = [sheet.cell(row=r, column=5) for r in range(2, sheet.max_row + 1)]
    assert len(cells) == 3
    danger = next(c for c in cells if str(c.value).startswith("=HYPERLINK"))
    assert danger.data_type == "s" and danger.quotePrefix


def test_rate_limit_answers_429(call, token_for, council_a, viewer, council, settings):
    settings.API_RATE_LIMIT = "3/m"
    token = token_for(viewer, council)
    statuses = [call(token, "get", "/api/v1/plans").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    # Another token has its own allowance.
    assert call(token_for(viewer, council), "get", "/api/v1/plans").status_code == 200


def test_docs_are_served_from_our_own_static_files(client):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    for attributes, _body in scripts:
        # Every script is a file from /static/, or a JSON data block the browser never runs.
        assert 'src="/static/' in attributes or 'type="application/json"' in attributes, attributes
        assert "http" not in attributes
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.") and "/api/v1/plans/{plan_id}/actions" in schema["paths"]
