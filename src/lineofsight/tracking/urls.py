"""Running the plan, mounted at /tracking/."""

from django.contrib.auth.decorators import login_required
from django.urls import path
from django.views.generic import RedirectView

from lineofsight.tracking import views

app_name = "tracking"
urlpatterns = [
    path("start/", views.landing, name="landing"),
    path("my-actions/", views.my_actions, name="my_actions"),
    path("actions/<int:action_id>/updates/", views.action_updates, name="action_updates"),
    path("actions/<int:action_id>/updates/new/", views.post_update, name="post_update"),
    path("actions/<int:action_id>/edit/", views.edit_action, name="edit_action"),
    path("actions/<int:action_id>/rag/", views.override_rag, name="override_rag"),
    path("actions/<int:action_id>/history/", views.action_history, name="action_history"),
    path("updates/<int:update_id>/review/", views.review_update, name="review_update"),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence_download"),
    path("plans/<int:plan_id>/activity/", views.plan_activity, name="plan_activity"),
    path("settings/rag/", views.rag_settings, name="rag_settings"),
    path("settings/emails/", views.email_preferences, name="email_preferences"),
    # Members moved to accounts (issue 16); a bookmark of the old page still finds it.
    path(
        "members/",
        login_required(RedirectView.as_view(pattern_name="accounts:members", permanent=True)),
        name="members_moved",
    ),
]
