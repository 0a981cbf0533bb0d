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


@pytest.mark.django_db
def test_an_edit_in_admin_makes_older_copies_of_the_action_out_of_date(client, django_user_model, example_plan):
    superuser = django_user_model.objects.create_superuser("root", "root@example.test", "pw-for-tests-1")
    client.force_login(superuser)
    action = example_plan.recommendations.first().actions.first()
    url = reverse("admin:plans_action_change", args=[action.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"text": "Open a joint housing panel with Housing Options.", "due_date": "2026-04-30"})
    for prefix in ("owner_links", "report_links", "updates"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    action.refresh_from_db()
    assert (action.text, action.version) == ("Open a joint housing panel with Housing Options.", 2)
