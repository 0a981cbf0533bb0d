"""Schemathesis drives every endpoint of the OpenAPI document through the WSGI app, with
generated parameters and bodies, as a plan manager's write token of Council A: no answer
may be a server error, and every answer must match the document (status, content type,
body). Path ids are swapped for Council A's real objects half of the time, so the
generated filters, edits, updates and uploads reach the code behind the 404s."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.files.base import ContentFile
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from lineofsight.api.tokens import create_token
from lineofsight.config.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Bounded, so the whole run stays within a minute on two cores.
MAX_EXAMPLES = 10


@pytest.fixture
def api_schema(db: Any) -> Iterator[Any]:
    # Calling the WSGI app directly would close the database connection after each
    # request, and with it the test's transaction on PostgreSQL; Django's own test
    # client keeps it open the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def council_a_world(example_plan, council, plan_manager, settings: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    from lineofsight.indicators.services import code_index, ensure_standard_indicators
    from lineofsight.reports.models import BoardPack, BoardPackFile

    settings.API_RATE_LIMIT = "100000/m"
    recommendation = example_plan.recommendations.first()
    action = recommendation.actions.first()
    body = council.governance_bodies.first()
    pack = BoardPack.objects.create(
        organisation=council, body=body, meeting_date=timezone.localdate(), issued_at=timezone.now(), content={}
    )
    BoardPackFile.objects.create(pack=pack, format="html", file=ContentFile(b"<p>Pack</p>", name="pack.html"), size=11)
    ensure_standard_indicators(council)
    return {
        "token": create_token(council, plan_manager, scope="write").raw,
        "ids": {
            "plan_id": example_plan.pk,
            "recommendation_id": recommendation.pk,
            "action_id": action.pk,
            "body_id": body.pk,
            "pack_id": pack.pk,
            "indicator_id": code_index(council)["NI147"].pk,
        },
    }


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,  # the same examples every run, and no .hypothesis/ folder left behind
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_answers_match_its_openapi_document(case: Any, council_a_world: dict[str, Any]) -> None:
    ids = council_a_world["ids"]
    if case.path_parameters and hash(repr(case.query) + repr(case.body)) % 2 == 0:
        for name in case.path_parameters:
            if name in ids:
                case.path_parameters[name] = ids[name]
    case.call_and_validate(headers={"Authorization": f"Bearer {council_a_world['token']}"}, checks=CHECKS)
