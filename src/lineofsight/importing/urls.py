"""URLs of the plan import journey: upload, preview, confirm."""

from __future__ import annotations

from django.urls import path

from lineofsight.importing import views

app_name = "importing"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<uuid:session_id>/", views.preview, name="preview"),
    path("<uuid:session_id>/confirm/", views.confirm, name="confirm"),
    path("<uuid:session_id>/inspection/", views.preview_inspection, name="preview_inspection"),
    path("<uuid:session_id>/owners/", views.preview_merge, name="preview_merge"),
    path("<uuid:session_id>/columns/", views.preview_reassign, name="preview_reassign"),
    path("<uuid:session_id>/actions/<int:rec>/<int:index>/", views.preview_action, name="preview_action"),
]
