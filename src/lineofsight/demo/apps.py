from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "lineofsight.demo"
    label = "demo"
    verbose_name = "Demo council"
