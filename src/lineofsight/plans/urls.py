from django.urls import path

from lineofsight.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("recommendations/<int:recommendation_id>/", views.recommendation_detail, name="recommendation_detail"),
    path("plans/<int:plan_id>/export.json", views.plan_export, name="plan_export"),
    path("actions/<int:action_id>/", views.action_detail, name="action_detail"),
    # Maintaining the plan in the browser (plan managers)
    path("plans/<int:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/archive/", views.plan_archive, name="plan_archive"),
    path("plans/<int:plan_id>/recommendations/new/", views.recommendation_add, name="recommendation_add"),
    path("recommendations/<int:recommendation_id>/edit/", views.recommendation_edit, name="recommendation_edit"),
    path(
        "recommendations/<int:recommendation_id>/archive/", views.recommendation_archive, name="recommendation_archive"
    ),
    path("recommendations/<int:recommendation_id>/move/", views.recommendation_move, name="recommendation_move"),
    path("recommendations/<int:recommendation_id>/actions/new/", views.action_add, name="action_add"),
    path("actions/<int:action_id>/archive/", views.action_archive, name="action_archive"),
    path("actions/<int:action_id>/move/", views.action_move, name="action_move"),
    path("people/", views.people, name="people"),
    path("people/merge/", views.people_merge, name="people_merge"),
    path("people/<int:person_id>/", views.person_edit, name="person_edit"),
    path("bodies/", views.governance_bodies, name="governance_bodies"),
    path("bodies/<int:body_id>/", views.governance_body_edit, name="governance_body_edit"),
]
