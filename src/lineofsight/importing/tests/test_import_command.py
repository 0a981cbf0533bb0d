"""``lineofsight import``: dry runs print plan@1, real runs write one plan or nothing."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lineofsight.importing import validate_plan
from lineofsight.importing.tests import builders
from lineofsight.plans.models import Action, Plan


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def word_file(tmp_path):
    path = tmp_path / "example-plan.docx"
    path.write_bytes(builders.example_docx())
    return path


@pytest.mark.django_db
def test_dry_run_prints_plan_json_and_writes_nothing(word_file):
    out, err = _run(str(word_file), "--dry-run", "--format", "json")
    document = json.loads(out)
    validate_plan(document)
    assert document["title"] == "Post-ILACS Improvement Plan"
    assert document["recommendations"][0]["actions"][0]["text"].startswith("Audit every strategy")
    assert "example-plan.docx, table 1: ignored" in err  # warnings go to stderr
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_import_creates_the_plan_and_prints_its_id(word_file, council):
    out, _ = _run(str(word_file), "--org", council.slug)
    plan = Plan.objects.get(pk=int(out.strip()))
    assert plan.organisation == council
    assert Action.objects.filter(recommendation__plan=plan).count() == 9


@pytest.mark.django_db
def test_bad_input_fails_with_the_specific_message_and_writes_nothing(tmp_path, council):
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(CommandError, match=r"plan\.docx: the file is a damaged zip archive"):
        _run(str(bad), "--org", council.slug)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match=r"empty\.xlsx: the file is empty"):
        _run(str(empty), "--org", council.slug)
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_creating_needs_an_organisation(word_file):
    with pytest.raises(CommandError, match="--org is needed"):
        _run(str(word_file))
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_reimport_with_plan_updates_in_place(tmp_path, council):
    first = tmp_path / "v1.md"
    first.write_text(builders.EXAMPLE_MARKDOWN, encoding="utf-8")
    plan_id = int(_run(str(first), "--org", council.slug)[0])
    second = tmp_path / "v2.md"
    second.write_text(
        builders.EXAMPLE_MARKDOWN.replace("April 2026<br>May 2026", "April 2026<br>July 2026"),
        encoding="utf-8",
    )
    out, _ = _run(str(second), "--plan", str(plan_id), "--dry-run")
    assert "Deadline 'May 2026'" not in out  # the dry run shows the change as text
    assert "July 2026" in out
    assert Action.objects.get(text="Escalate overdue visits to heads of service").due_text == "May 2026"
    _run(str(second), "--plan", str(plan_id))
    action = Action.objects.get(text="Escalate overdue visits to heads of service")
    assert action.due_text == "July 2026"
    assert str(action.due_date) == "2026-07-31"
    assert Plan.objects.count() == 1
