"""Scorecard URLs, mounted at /scorecard/."""

from django.urls import path

from lineofsight.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.scorecard, name="scorecard"),
    path("upload/", views.values_upload, name="values_upload"),
    path("links/", views.links, name="links"),
    path("links/new/", views.link_add, name="link_add"),
    path("links/<int:link_id>/decide/", views.link_decide, name="link_decide"),
    path("indicators/new/", views.indicator_new, name="indicator_new"),
    path("indicators/<int:indicator_id>/", views.indicator_detail, name="indicator_detail"),
    path("indicators/<int:indicator_id>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:indicator_id>/targets/new/", views.target_new, name="target_new"),
    path("indicators/<int:indicator_id>/values/new/", views.value_new, name="value_new"),
]
