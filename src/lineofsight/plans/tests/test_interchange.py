"""The interchange format round-trips: load a plan, export it, get the same document."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from conftest import example_plan_document
from lineofsight.plans.interchange import PlanDocumentError, export_plan, load_plan, plan_queryset
from lineofsight.plans.models import Action, Plan

pytestmark = pytest.mark.django_db


def answer_files(shared: Path) -> list[Path]:
    return sorted((shared / "truth").glob("*.json"))


def without_notes(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "notes"}


def assert_same_plan(expected: dict, got: dict) -> None:
    """Compare field by field so a failure names the exact place that differs."""
    for key in ("schema", "title", "organisation", "inspection"):
        assert got[key] == expected[key], key
    assert len(got["recommendations"]) == len(expected["recommendations"])
    for r, (want_rec, got_rec) in enumerate(zip(expected["recommendations"], got["recommendations"], strict=True)):
        for key in ("ref", "text", "section", "outcomes", "see_also"):
            assert got_rec[key] == want_rec[key], f"recommendation {r} {key}"
        assert len(got_rec["actions"]) == len(want_rec["actions"]), f"recommendation {r} action count"
        for a, (want, have) in enumerate(zip(want_rec["actions"], got_rec["actions"], strict=True)):
            for key in want:
                assert have[key] == want[key], f"recommendation {r} action {a} {key}"
    assert got == expected


def test_each_answer_file_round_trips_through_the_database(shared_dir, council):
    files = answer_files(shared_dir)
    assert files, "no answer files in ../shared/truth"
    for path in files:
        document = without_notes(json.loads(path.read_text(encoding="utf-8")))
        plan = load_plan(document, council, source=path.name)
        exported = export_plan(plan_queryset().get(pk=plan.pk))
        assert_same_plan(document, exported)


def test_project_example_round_trips(council):
    document = example_plan_document()
    plan = load_plan(document, council)
    assert_same_plan(document, export_plan(plan_queryset().get(pk=plan.pk)))


def test_export_of_a_plan_costs_a_fixed_number_of_queries(council, django_assert_max_num_queries):
    plan = load_plan(example_plan_document(), council)
    with django_assert_max_num_queries(8):
        export_plan(plan_queryset().get(pk=plan.pk))


def test_people_and_bodies_are_shared_between_actions(council):
    load_plan(example_plan_document(), council)
    load_plan(example_plan_document(), council)
    assert council.governance_bodies.filter(name="Corporate Parenting Board").count() == 1
    assert council.people.filter(name="Head of Corporate Parenting").count() == 1


def test_invalid_document_names_the_place_and_writes_nothing(council):
    document = example_plan_document()
    document["recommendations"][1]["actions"][0]["status"] = "nearly done"
    with pytest.raises(PlanDocumentError) as error:
        load_plan(document, council, source="plan.json")
    assert "plan.json: at recommendations/1/actions/0/status" in str(error.value)
    assert Plan.objects.count() == 0
    assert Action.objects.count() == 0


def test_load_and_export_commands(tmp_path, council):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(example_plan_document()), encoding="utf-8")
    out = StringIO()
    call_command("load", str(source), "--org", council.slug, stdout=out)
    plan_id = int(out.getvalue().strip())

    listing = StringIO()
    call_command("plans", "--org", council.slug, stdout=listing)
    assert f"{plan_id}\tactive\t3 actions\tTest Borough post-ILACS plan" in listing.getvalue()

    exported = StringIO()
    call_command("export", str(plan_id), "--format", "json", stdout=exported)
    assert json.loads(exported.getvalue()) == example_plan_document()


def test_load_command_rejects_a_file_that_is_not_json(tmp_path, council):
    source = tmp_path / "plan.json"
    source.write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match=r"plan\.json: not a JSON document"):
        call_command("load", str(source), "--org", council.slug)
    assert Plan.objects.count() == 0


def test_unknown_organisation_lists_the_known_ones(council):
    with pytest.raises(CommandError, match=r"--org: no organisation 'nowhere'\. Known organisations: example-test"):
        call_command("plans", "--org", "nowhere")


def test_load_command_rates_the_new_plan_by_the_councils_rules(tmp_path, council):
    source = tmp_path / "plan.json"
    document = example_plan_document()
    document["recommendations"][0]["actions"][1]["rag"] = "green"  # the document was optimistic
    source.write_text(json.dumps(document), encoding="utf-8")
    call_command("load", str(source), "--org", council.slug, stdout=StringIO())
    overdue = Action.objects.get(text="Review every unsuitable placement of a care leaver.")
    assert overdue.rag == "green"  # what the document said is kept
    assert overdue.rag_computed == "red"  # June 2026 has passed and it is not complete
    assert overdue.effective_rag == "red"


def test_every_inspection_kind_the_importer_names_is_one_the_plan_model_keeps():
    from lineofsight.importing.preamble import _KINDS
    from lineofsight.plans.models import Inspection

    assert {kind for kind, _ in _KINDS} <= set(Inspection.Kind.values)
