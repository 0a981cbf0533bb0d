from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lineofsight.plans"
    label = "plans"
    verbose_name = "Improvement plans"

    def ready(self) -> None:
        # The plan's own export format; apps above plans add theirs in their ready().
        from lineofsight.plans.exports import register_plan_formats

        register_plan_formats()
