from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The JSON API under /api/v1/, its tokens, and the spreadsheet feed."""

    name = "lineofsight.api"
    label = "api"
    verbose_name = "API"
