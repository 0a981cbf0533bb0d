"""``lineofsight pack``: a board pack from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from lineofsight.reports.models import BoardPack

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("pack", *args, stdout=out)
    return out.getvalue()


def test_pack_by_short_name_writes_the_chosen_format(improvement_board, tmp_path: Path):
    target = tmp_path / "ib.xlsx"

    said = run("IB", "--org", "example-test", "--date", "2026-07-01", "--format", "xlsx", "-o", str(target))

    assert "2 actions (1 red, 1 amber, 0 green, 0 blue)" in said
    summary = load_workbook(target)["Summary"]
    assert summary["A1"].value == "Improvement Board: board pack for the meeting on 1 July 2026"
    assert BoardPack.objects.count() == 0


def test_pack_by_full_name_and_issue_freezes_it(parenting_board, tmp_path: Path):
    target = tmp_path / "cpb.html"

    said = run(
        "corporate parenting board",
        "--org",
        "Example Borough Council",
        "--date",
        "2026-07-01",
        "--format",
        "html",
        "-o",
        str(target),
        "--issue",
    )

    assert "issued the pack" in said
    pack = BoardPack.objects.get()
    assert pack.body == parenting_board
    assert target.read_bytes() == pack.file_for("html").file.open("rb").read()
    with pytest.raises(CommandError, match="already been issued"):
        run("corporate parenting board", "--org", "example-test", "--date", "2026-07-01", "-o", str(target), "--issue")


def test_unknown_body_lists_the_bodies_there_are(improvement_board, tmp_path: Path):
    with pytest.raises(CommandError) as error:
        run("Scrutiny", "--org", "example-test", "--date", "2026-07-01", "-o", str(tmp_path / "x.pdf"))

    message = str(error.value)
    assert "has no governance body called 'Scrutiny'" in message
    assert "Corporate Parenting Board" in message and "IB (Improvement Board)" in message


def test_bad_date_and_unknown_organisation_are_explained(improvement_board, tmp_path: Path):
    with pytest.raises(CommandError, match="--date: expected a date as YYYY-MM-DD, got '1 July'"):
        run("IB", "--org", "example-test", "--date", "1 July", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="--org: no organisation 'nowhere'"):
        run("IB", "--org", "nowhere", "--date", "2026-07-01", "-o", str(tmp_path / "x.pdf"))
