"""The API (namespace ``api``, from django-ninja) and the web pages that go with it:
token management for admins and the plan page's spreadsheet feed (``api_web``)."""

from django.urls import include, path

from lineofsight.api import views
from lineofsight.api.endpoints import api

web_patterns = [
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("feed/plans/<int:plan_id>/actions.<str:fmt>", views.plan_feed, name="plan_feed"),
]

urlpatterns = [
    path("", api.urls),
    path("", include((web_patterns, "api_web"))),
]
