from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "lineofsight.reports"
    label = "reports"
    verbose_name = "Board packs and exports"
