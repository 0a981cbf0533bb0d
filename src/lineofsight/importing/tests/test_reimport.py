"""Re-import: a newer version of the document updates the plan without losing app data."""

from __future__ import annotations

import copy

import pytest

from lineofsight.importing.merge import compute_changes
from lineofsight.importing.services import StaleChanges, apply_reimport, held_document, preview_reimport
from lineofsight.plans.models import Action, ProgressUpdate, Recommendation


def _held() -> dict:
    return {
        "recommendations": [
            {
                "id": 1,
                "ref": "1",
                "text": "Care leavers' housing is not always suitable.",
                "outcomes": [],
                "see_also": [],
                "actions": [
                    {
                        "id": 10,
                        "ref": "a",
                        "text": "Open a joint housing panel.",
                        "owners": ["Head of CP"],
                        "due": {"text": "April 2026", "date": "2026-04-30"},
                        "status": None,
                        "rag": "amber",
                        "partners": [],
                        "measures": [],
                        "reported_to": [],
                        "updates": [{"as_of": "2026-02-01", "text": "Typed in the app by the owner."}],
                    },
                    {
                        "id": 11,
                        "ref": "b",
                        "text": "Review unsuitable placements.",
                        "owners": ["SM Leaving Care"],
                        "due": None,
                        "status": "in_progress",
                        "rag": None,
                        "partners": [],
                        "measures": [],
                        "reported_to": [],
                        "updates": [],
                    },
                ],
            },
        ]
    }


def test_changes_match_actions_by_ref_and_text_and_list_field_changes():
    incoming = copy.deepcopy(_held())
    action = incoming["recommendations"][0]["actions"][0]
    action["text"] = "Open a joint housing panel with Housing."
    action["due"] = {"text": "May 2026", "date": "2026-05-31"}
    action["updates"] = [{"as_of": "2026-03-31", "text": "Panel meets fortnightly."}]
    changes = compute_changes(_held(), incoming)
    assert [c.action_id for c in changes.updated_actions] == [10]
    fields = {c.field: c.new for c in changes.updated_actions[0].changes}
    assert fields["text"] == "Open a joint housing panel with Housing."
    assert fields["due"] == {"text": "May 2026", "date": "2026-05-31"}
    assert changes.updated_actions[0].new_updates == [{"as_of": "2026-03-31", "text": "Panel meets fortnightly."}]
    assert changes.new_actions == []


def test_document_silence_never_blanks_what_the_app_holds():
    incoming = copy.deepcopy(_held())
    second = incoming["recommendations"][0]["actions"][1]
    second["status"] = None
    second["owners"] = []
    first = incoming["recommendations"][0]["actions"][0]
    first["updates"] = []
    changes = compute_changes(_held(), incoming)
    assert changes.is_empty


def test_missing_actions_are_kept_and_new_ones_added():
    incoming = copy.deepcopy(_held())
    actions = incoming["recommendations"][0]["actions"]
    actions.pop(1)
    actions.append({"ref": "c", "text": "Recruit two housing officers.", "owners": ["Head of Housing"]})
    incoming["recommendations"].append({"ref": "2", "text": "Reviews are late.", "actions": []})
    changes = compute_changes(_held(), incoming)
    assert [k["id"] for k in changes.kept_actions] == [11]
    assert [n.action["text"] for n in changes.new_actions] == ["Recruit two housing officers."]
    assert [r["ref"] for r in changes.new_recommendations] == ["2"]


@pytest.mark.django_db
def test_apply_updates_fields_adds_updates_and_keeps_app_entries(example_plan):
    held = held_document(example_plan)
    incoming = copy.deepcopy(held)
    for rec in incoming["recommendations"]:
        rec.pop("id")
        for action in rec["actions"]:
            action.pop("id")
    target = incoming["recommendations"][0]["actions"][1]
    target["due"] = {"text": "September 2026", "date": "2026-09-30"}
    target["owners"] = ["Service Manager, Leaving Care", "Housing Options Manager"]
    target["updates"] = [{"as_of": "2026-06-30", "text": "Twelve placements reviewed."}]
    incoming["recommendations"][1]["actions"] = []  # the new version drops an action
    action = Action.objects.get(text__startswith="Review every unsuitable placement")
    ProgressUpdate.objects.create(action=action, text="Entered in the app", review="accepted")
    before = action.version

    changes = preview_reimport(example_plan, incoming)
    assert len(changes.kept_actions) == 1
    apply_reimport(example_plan, incoming, expected=changes.fingerprint())

    action.refresh_from_db()
    assert action.due_text == "September 2026"
    assert action.owner_names() == ["Service Manager, Leaving Care", "Housing Options Manager"]
    assert action.version == before + 1
    texts = list(action.updates.values_list("text", flat=True))
    assert "Entered in the app" in texts and "Twelve placements reviewed." in texts
    # Nothing deleted: the dropped action is still there.
    assert Action.objects.filter(text__startswith="Weekly tracker of reviews").exists()
    assert Recommendation.objects.filter(plan=example_plan).count() == 2


@pytest.mark.django_db
def test_apply_refuses_when_the_plan_changed_since_the_preview(example_plan):
    incoming = copy.deepcopy(held_document(example_plan))
    incoming["recommendations"][0]["actions"][0]["rag"] = "green"
    changes = preview_reimport(example_plan, incoming)
    Action.objects.filter(text__startswith="Open a joint housing panel").update(rag="red")
    with pytest.raises(StaleChanges):
        apply_reimport(example_plan, incoming, expected=changes.fingerprint())
    assert Action.objects.get(text__startswith="Open a joint housing panel").rag == "red"


@pytest.mark.django_db
def test_reimporting_the_same_document_changes_nothing(council):
    from lineofsight.importing import read_plan
    from lineofsight.importing.services import create_plan
    from lineofsight.importing.tests import builders

    document = read_plan(builders.example_docx(), "plan.docx").plan
    plan = create_plan(document, council, source="plan.docx")
    changes = preview_reimport(plan, read_plan(builders.example_docx(), "plan.docx").plan)
    assert changes.is_empty
    assert changes.kept_actions == [] and changes.new_recommendations == []
