"""One write path: web edits, re-imports, the admin and archiving all change an action
through ``plans.changes.change_action``, which checks the version, records the history (owner
links and updates included) and refreshes the RAG."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lineofsight.importing.services import apply_reimport, held_document
from lineofsight.plans import changes
from lineofsight.plans.models import Action, ActionOwner, ProgressUpdate
from lineofsight.reports.builder import build_pack
from lineofsight.tracking import audit, services

pytestmark = pytest.mark.django_db


def _feed(plan) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    actions = list(Action.all_objects.filter(recommendation__plan=plan))
    _page, entries = audit.activity_page(actions, 1)
    return [(e.what, e.text) for e in entries]


def test_reimport_with_a_changed_owner_and_a_new_update_writes_both_to_history_and_feed(example_plan, plan_manager):
    document = held_document(example_plan)
    action_doc = document["recommendations"][0]["actions"][1]
    action_doc["owners"] = ["Head of Service, Leaving Care"]
    action_doc["updates"] = [{"as_of": "2026-05-01", "text": "Twenty placements reviewed; four moves agreed."}]

    apply_reimport(example_plan, document, user=plan_manager, source="plan-v2.docx")

    action = Action.objects.get(pk=action_doc["id"])
    assert action.owner_names() == ["Head of Service, Leaving Care"]
    assert action.version == 2
    owner_history = ActionOwner.history.filter(action_id=action.pk).order_by("history_date")
    assert [(h.history_type, h.person.name) for h in owner_history] == [
        ("+", "Service Manager, Leaving Care"),
        ("-", "Service Manager, Leaving Care"),
        ("+", "Head of Service, Leaving Care"),
    ]
    assert ProgressUpdate.history.filter(action_id=action.pk, history_type="+").count() == 1
    feed = _feed(example_plan)
    assert ("Owner added", "Head of Service, Leaving Care") in feed
    assert ("Owner removed", "Service Manager, Leaving Care") in feed
    assert ("Update imported", "Twenty placements reviewed; four moves agreed.") in feed
    edit = action.history.get(history_change_reason="Re-imported from plan-v2.docx")
    assert edit.history_user == plan_manager


def test_a_moved_deadline_needs_a_reason_and_keeps_the_original_date(action_1b, plan_manager):
    with pytest.raises(changes.DeadlineReasonMissing):
        services.edit_action(action_1b, plan_manager, expected_version=1, fields={"due_date": date(2026, 9, 30)})
    action_1b.refresh_from_db()
    assert (action_1b.due_date, action_1b.version) == (date(2026, 6, 30), 1)

    services.edit_action(
        action_1b,
        plan_manager,
        expected_version=1,
        fields={"due_date": date(2026, 9, 30)},
        deadline_reason="Housing panel started late",
    )
    services.edit_action(
        action_1b, plan_manager, expected_version=2, fields={"due_date": date(2026, 12, 31)}, deadline_reason="Again"
    )
    action_1b.refresh_from_db()
    assert action_1b.due_date == date(2026, 12, 31)
    assert action_1b.original_due_date == date(2026, 6, 30)
    assert action_1b.due_date_reason == "Again"


def test_a_first_deadline_needs_no_reason(action_2, plan_manager):
    services.edit_action(action_2, plan_manager, expected_version=1, fields={"due_date": date(2026, 10, 31)})
    action_2.refresh_from_db()
    assert (action_2.due_date, action_2.original_due_date) == (date(2026, 10, 31), None)


def test_archived_actions_leave_counts_and_packs_but_stay_in_history(example_plan, plan_manager, action_1b):
    body = example_plan.organisation.governance_bodies.get(name="Improvement Board")
    before = build_pack(body, date(2026, 7, 1))

    changes.archive_action(action_1b, plan_manager)

    assert not Action.objects.filter(pk=action_1b.pk).exists()
    assert Action.all_objects.filter(pk=action_1b.pk).exists()
    after = build_pack(body, date(2026, 7, 1))
    assert after.overall.total == before.overall.total - 1
    assert action_1b.pk not in [line.id for line in after.actions]
    assert action_1b.recommendation.actions.count() == 1
    history = action_1b.history.first()
    assert (history.history_change_reason, history.history_user) == ("Archived", plan_manager)
    assert "Action edited" in [what for what, _text in _feed(example_plan)]


def test_archived_action_is_left_out_of_the_plan_page_counts_and_my_actions(
    client_for, plan_manager, action_owner, action_1b
):
    plan = action_1b.recommendation.plan
    changes.archive_action(action_1b, plan_manager)
    html = client_for(plan_manager).get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "Review every unsuitable placement" not in html
    assert "2 actions" in html
    listing = client_for(plan_manager).get(reverse("plans:plan_list")).context["plans"][0]
    assert listing.action_count == 2
    buckets = services.my_actions(action_owner, plan.organisation_id)
    assert buckets.total == 0


def test_an_edit_in_admin_is_recorded_in_history_with_its_reason(client, django_user_model, action_2):
    superuser = django_user_model.objects.create_superuser("root", "root@example.test", "pw-for-tests-1")
    client.force_login(superuser)
    url = reverse("admin:plans_action_change", args=[action_2.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"due_text": "By March 2027"})
    for prefix in ("owner_links", "report_links", "updates"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    assert client.post(url, data).status_code == 302
    edit = action_2.history.get(history_change_reason="Edited in Django admin")
    assert (edit.due_text, edit.version, edit.history_user) == ("By March 2027", 2, superuser)


def test_reimport_matches_an_archived_action_instead_of_creating_it_again(example_plan, plan_manager, action_1b):
    document = held_document(example_plan)
    changes.archive_action(action_1b, plan_manager)
    for rec in document["recommendations"]:
        for action in rec["actions"]:
            action.pop("id")
        rec.pop("id")

    change_set = apply_reimport(example_plan, document, user=plan_manager)

    assert change_set.new_actions == []
    assert Action.all_objects.filter(recommendation__plan=example_plan).count() == 3
    assert not Action.objects.filter(pk=action_1b.pk).exists()
