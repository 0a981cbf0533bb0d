"""A browser's ``<input type="date">`` accepts only an ISO 8601 value (YYYY-MM-DD); any
other value is shown as an empty field, so saving the form unchanged would clear the date.
Found by the accessibility tests: the edit action page renders 1b's deadline as 30/06/2026."""

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


@pytest.mark.xfail(
    strict=True,
    reason="tracking/forms.py: ActionEditForm.due_date's DateInput needs format='%Y-%m-%d' "
    "(reports/forms.py does this); until then saving the edit form unchanged clears the deadline",
)
def test_edit_action_shows_the_deadline_in_its_date_input(client_for, plan_manager, example_plan) -> None:
    action = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    html = client_for(plan_manager).get(reverse("tracking:edit_action", args=[action.pk])).content.decode()
    assert date_input_values(html)["due_date"] == "2026-06-30"
