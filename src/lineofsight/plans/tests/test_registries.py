"""The plan app's extension points, filled by the apps above it in AppConfig.ready():
plan export formats, parts of the action page, and the signal that has changed actions
re-rated. The plan app imports none of those apps (tests/test_layers.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from lineofsight.plans.changes import actions_changed, change_action
from lineofsight.plans.exports import plan_formats
from lineofsight.plans.models import Action
from lineofsight.plans.pages import action_page_parts

pytestmark = pytest.mark.django_db


def test_the_ofsted_table_formats_come_from_the_reports_app(example_plan, tmp_path):
    assert plan_formats.keys() == ["json", "docx", "xlsx"]
    assert plan_formats.get("docx").export.__module__ == "lineofsight.reports.plan_table"
    out = tmp_path / "plan.xlsx"
    call_command("export", str(example_plan.pk), "--format", "xlsx", "-o", str(out))
    assert out.read_bytes()[:4] == b"PK\x03\x04"


def test_a_format_nobody_registered_is_refused_by_name(example_plan):
    with pytest.raises(CommandError, match="invalid choice: 'pdf'"):
        call_command("export", str(example_plan.pk), "--format", "pdf")


def test_the_action_page_shows_what_each_registered_part_adds(client_for, plan_manager, example_plan):
    action = Action.objects.filter(recommendation__plan=example_plan).order_by("pk").first()

    def probe(request: Any, shown: Action, membership: Any) -> dict[str, Any]:
        return {"probe": f"{shown.pk} for {membership.role}"}

    action_page_parts.register("probe", probe)
    try:
        page = client_for(plan_manager).get(reverse("plans:action_detail", args=[action.pk]))
    finally:
        action_page_parts.unregister("probe")
    assert page.context["probe"] == f"{action.pk} for plan_manager"
    # Tracking's part: the panel's permissions and the newest page of history.
    assert page.context["can_edit"] is True
    assert page.context["history_page"].number == 1
    assert "Edit the action" in page.content.decode()


def test_a_change_through_the_write_path_is_announced_and_re_rated(plan_manager, example_plan):
    action = Action.objects.filter(recommendation__plan=example_plan, due_date__isnull=False).order_by("pk").first()
    Action.objects.filter(pk=action.pk).update(rag_computed="", rag_reason="")
    heard: list[Any] = []

    def listener(sender: Any, actions: Any, today: Any = None, **kwargs: Any) -> None:
        heard.append(actions)

    actions_changed.connect(listener)
    try:
        change_action(action, plan_manager, fields={"text": "Review every placement, weekly."})
    finally:
        actions_changed.disconnect(listener)
    assert heard == [action]
    # Tracking's receiver rated it in the same call: the rules' reason is back.
    action.refresh_from_db()
    assert (action.rag_computed, action.rag_reason) == ("blue", "complete and signed off")
