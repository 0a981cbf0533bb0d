"""The browsable API docs work in a real browser under a policy that allows scripts only
from this site: no CDN, no inline script."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"


def test_swagger_ui_renders_every_endpoint_with_scripts_from_self_only(page: Any, live_server: Any) -> None:
    blocked: list[str] = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )

    def with_policy(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": POLICY})

    page.route("**/api/docs", with_policy)
    page.goto("/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/plans/{plan_id}/actions" in [p.strip() for p in paths]
    assert len(paths) >= 19
    assert [text for text in blocked if "script" in text.lower()] == []
