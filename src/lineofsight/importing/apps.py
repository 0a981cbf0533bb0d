from django.apps import AppConfig


class ImportingConfig(AppConfig):
    name = "lineofsight.importing"
    label = "importing"
    verbose_name = "Importing plan documents"
