"""URL map: each app owns its own URLs under a prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("lineofsight.accounts.urls")),
    path("import/", include("lineofsight.importing.urls")),
    path("tracking/", include("lineofsight.tracking.urls")),
    path("reports/", include("lineofsight.reports.urls")),
    path("scorecard/", include("lineofsight.indicators.urls")),
    path("api/", include("lineofsight.api.urls")),  # JSON API, its docs, tokens and the spreadsheet feed
    path("", include("lineofsight.plans.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)  # type: ignore[arg-type]
