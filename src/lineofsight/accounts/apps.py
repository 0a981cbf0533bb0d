from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "lineofsight.accounts"
    label = "accounts"
    verbose_name = "Organisations and people's access"
