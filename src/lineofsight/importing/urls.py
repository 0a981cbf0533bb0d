"""URLs of the plan import journey (upload, preview, confirm)."""

from __future__ import annotations

from django.urls import path  # noqa: F401 - routes are added with the views

app_name = "importing"

urlpatterns: list = []
