from django.urls import path

from lineofsight.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("recommendations/<int:recommendation_id>/", views.recommendation_detail, name="recommendation_detail"),
    path("plans/<int:plan_id>/export.json", views.plan_export, name="plan_export"),
    path("actions/<int:action_id>/", views.action_detail, name="action_detail"),
]
