"""Every model of the project can be managed in Django admin, and each admin page opens."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse


def project_models() -> list[type]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("lineofsight.") and not model.__name__.startswith("Historical")
    ]


def test_every_project_model_is_registered_in_admin():
    missing = [model._meta.label for model in project_models() if not admin.site.is_registered(model)]
    assert missing == []


@pytest.mark.django_db
def test_every_admin_list_page_opens_for_a_superuser(client, django_user_model, example_plan):
    superuser = django_user_model.objects.create_superuser("root", "root@example.test", "pw-for-tests-1")
    client.force_login(superuser)
    for model in project_models():
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
