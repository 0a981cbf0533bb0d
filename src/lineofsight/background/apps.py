from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "lineofsight.background"
    label = "background"
    verbose_name = "Background work"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The daily jobs; apps above add their kinds of job in their own ready().
        from lineofsight.background.daily import register_job_kinds

        register_job_kinds()
