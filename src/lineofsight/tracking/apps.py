from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "lineofsight.tracking"
    label = "tracking"
    verbose_name = "Running the plan"
