from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "lineofsight.plans"
    label = "plans"
    verbose_name = "Improvement plans"
