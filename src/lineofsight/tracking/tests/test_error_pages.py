"""Refused, missing and broken pages say what happened and how to go on, in the
service's own layout (GOV.UK Frontend), never a bare "403 Forbidden"."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_a_refused_page_names_the_role_and_how_to_go_on(client_for, viewer) -> None:
    response = client_for(viewer).get(reverse("tracking:rag_settings"))
    assert response.status_code == 403
    page = response.content.decode()
    assert '<h1 class="govuk-heading-l">You cannot do this</h1>' in page
    assert "viewer at Example Borough Council" in page
    assert "ask your organisation's administrator to change your role" in page
    assert 'class="govuk-header' in page  # the service's layout


def test_a_missing_page_says_what_to_check(client_for, viewer) -> None:
    response = client_for(viewer).get("/actions/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "If you typed the web address, check it is correct." in page
    assert reverse("plans:plan_list") in page


def test_another_councils_action_is_just_not_found(client_for, outsider, action_1b) -> None:
    response = client_for(outsider).get(reverse("plans:action_detail", args=[action_1b.pk]))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Review every unsuitable placement" not in response.content.decode()


def test_a_server_error_page_renders_without_a_request_context() -> None:
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Sorry, there is a problem with the service" in page
    assert 'class="govuk-header' in page


def test_an_expired_form_explains_that_nothing_was_saved(client, viewer) -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(viewer)
    response = strict.post(reverse("tracking:email_preferences"), {})
    assert response.status_code == 403
    assert "Your form has expired" in response.content.decode()
    assert "Nothing was saved." in response.content.decode()
