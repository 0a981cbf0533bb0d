"""Tokens and clients for the API tests: Council A's members and Council B's plan
manager each get a token, and ``call`` sends a request with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from lineofsight.api.tokens import create_token


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Each test starts with every token's allowance unused."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def token_for(db) -> Callable[..., str]:  # type: ignore[no-untyped-def]
    """``token_for(user, organisation, scope="read")`` makes a token and returns it."""

    def make(user: Any, organisation: Any, scope: str = "read", **kwargs: Any) -> str:
        return create_token(organisation, user, scope=scope, **kwargs).raw

    return make


@pytest.fixture
def call() -> Callable[..., Any]:
    """``call(token, "get", "/api/v1/plans", data)`` with ``Authorization: Bearer token``."""
    client = Client()

    def send(token: str | None, method: str, url: str, data: Any = None, **extra: Any) -> Any:
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        if method in ("post", "patch", "put") and not extra.get("multipart"):
            return getattr(client, method)(url, data or {}, content_type="application/json", **headers)
        extra.pop("multipart", None)
        return getattr(client, method)(url, data or {}, **headers)

    return send
