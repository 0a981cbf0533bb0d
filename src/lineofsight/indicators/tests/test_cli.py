"""The command line: ``lineofsight values import`` and ``lineofsight scorecard``."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lineofsight.indicators.models import Indicator, IndicatorValue, Target

GOOD = "code,period,value,numerator,denominator\nNI147,2025-26 Q1,70,35,50\nNI147,2025-26 Q2,78.8,41,52\n"


def test_values_import_loads_a_csv_into_the_named_council(council, other_council, tmp_path):
    path = tmp_path / "q2.csv"
    path.write_text(GOOD)
    out = StringIO()

    call_command("values", "import", str(path), "--org", council.slug, stdout=out)

    assert (
        "Stored 2 value(s) for Example Borough Council from q2.csv (2 new, 0 replaced, 0 already held)."
        in out.getvalue()
    )
    assert IndicatorValue.objects.filter(indicator__organisation=council).count() == 2
    assert not IndicatorValue.objects.filter(indicator__organisation=other_council).exists()
    assert IndicatorValue.objects.first().provenance.startswith("Command-line import of q2.csv on ")


def test_values_import_lists_every_problem_and_stores_nothing(council, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(GOOD + "NI66,2025-26 Q2,n/a,,\nXX1,2025-26 Q2,5,,\n")

    with pytest.raises(CommandError) as caught:
        call_command("values", "import", str(path), "--org", council.slug)

    message = str(caught.value)
    assert "nothing was stored; 2 problem(s)" in message
    assert "row 4, column 'value': expected a number, got 'n/a'" in message
    assert "row 5, column 'code': unknown indicator code 'XX1'" in message
    assert not IndicatorValue.objects.exists()


def test_values_import_names_an_unknown_organisation(council, tmp_path):
    path = tmp_path / "q2.csv"
    path.write_text(GOOD)
    with pytest.raises(CommandError, match="no organisation 'nowhere'"):
        call_command("values", "import", str(path), "--org", "nowhere")


def test_scorecard_prints_a_table_and_json(council, tmp_path):
    path = tmp_path / "q2.csv"
    path.write_text(GOOD)
    call_command("values", "import", str(path), "--org", council.slug, stdout=StringIO())
    Target.objects.create(indicator=Indicator.objects.get(organisation=council, code="NI147"), value=80, tolerance=3)

    table = StringIO()
    call_command("scorecard", "--org", council.slug, stdout=table)
    line = next(line for line in table.getvalue().splitlines() if line.startswith("NI147"))
    assert "78.8%" in line and "41 of 52" in line and "AMBER" in line and "improving" in line

    out = StringIO()
    call_command("scorecard", "--org", council.slug, "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    ni147 = next(i for i in data["indicators"] if i["code"] == "NI147")
    assert ni147 == {
        "code": "NI147",
        "title": "% of care leavers aged 19–21 in suitable accommodation",
        "unit": "percent",
        "polarity": "higher",
        "period": "2025-26 Q2",
        "value": 78.8,
        "numerator": 41.0,
        "denominator": 52.0,
        "target": 80.0,
        "target_by": None,
        "tolerance": 3.0,
        "rag": "amber",
        "trend": "improving",
        "previous": 70.0,
    }
    assert len(data["indicators"]) == 15
