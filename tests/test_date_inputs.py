"""A browser's ``<input type="date">`` accepts only an ISO 8601 value (YYYY-MM-DD); any
other value is shown as an empty field, so saving the form unchanged would clear the date.
Found by the accessibility tests: the edit action page rendered 1b's deadline as 30/06/2026."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from lineofsight.plans.models import Action

pytestmark = pytest.mark.django_db


def date_input_values(html: str) -> dict[str, str]:
    """The value of every date input on a page, by its name."""
    soup = BeautifulSoup(html, "html.parser")
    return {tag["name"]: tag.get("value", "") for tag in soup.select("input[type=date]")}


def test_edit_action_shows_the_deadline_in_its_date_input(client_for, plan_manager, example_plan) -> None:
    action = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    html = client_for(plan_manager).get(reverse("tracking:edit_action", args=[action.pk])).content.decode()
    assert date_input_values(html)["due_date"] == "2026-06-30"


def form_as_a_browser_sends_it(html: str) -> dict[str, list[str]]:
    """The fields of the page's main form with the values shown, as a browser posts them."""
    form = BeautifulSoup(html, "html.parser").select_one("main form[method=post]")
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "select":
            values = [o.get("value", o.text) for o in field.select("option[selected]")]
        elif field.name == "textarea":
            values = [field.text]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def test_saving_the_edit_form_unchanged_keeps_the_deadline(client_for, plan_manager, example_plan) -> None:
    action = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    client = client_for(plan_manager)
    url = reverse("tracking:edit_action", args=[action.pk])
    response = client.post(url, form_as_a_browser_sends_it(client.get(url).content.decode()))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due_date.isoformat() == "2026-06-30"
