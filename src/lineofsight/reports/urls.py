"""Board pack URLs, mounted at /reports/."""

from django.urls import path

from lineofsight.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.body_list, name="body_list"),
    path("bodies/<int:body_id>/", views.body_detail, name="body_detail"),
    path("bodies/<int:body_id>/preview/", views.pack_preview, name="pack_preview"),
    path("bodies/<int:body_id>/preview/<str:fmt>/", views.pack_preview_download, name="pack_preview_download"),
    path("bodies/<int:body_id>/issue/", views.pack_issue, name="pack_issue"),
    path("issuing/<int:job_id>/", views.issue_status, name="issue_status"),
    path("issuing/<int:job_id>/retry/", views.issue_retry, name="issue_retry"),
    path("packs/<int:pack_id>/", views.pack_detail, name="pack_detail"),
    path("packs/<int:pack_id>/<str:fmt>/", views.pack_download, name="pack_download"),
    path("plans/<int:plan_id>/ofsted-table.<str:fmt>", views.plan_table_download, name="plan_table"),
]
