from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "lineofsight.indicators"
    label = "indicators"
    verbose_name = "Scorecard and indicators"
