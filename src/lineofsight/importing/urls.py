"""URLs of the plan import journey: upload, preview, confirm."""

from __future__ import annotations

from django.urls import path

from lineofsight.importing import views

app_name = "importing"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<uuid:session_id>/", views.preview, name="preview"),
    path("<uuid:session_id>/confirm/", views.confirm, name="confirm"),
]
