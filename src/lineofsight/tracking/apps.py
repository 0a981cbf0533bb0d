from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "lineofsight.tracking"
    label = "tracking"
    verbose_name = "Running the plan"

    def ready(self) -> None:
        from lineofsight.tracking import signals  # noqa: F401 – connects the receivers
