"""Plans as they reach the plan manager outside Word and Excel: the committee-paper PDF,
a scan, and text copied out of a PDF or a web page."""

from __future__ import annotations

import shutil

import pytest

from lineofsight.importing import ImportFailed, read_plan
from lineofsight.importing.tests.blind3._kit import pdf


def _actions(plan: dict) -> list[dict]:
    return [a for r in plan["recommendations"] for a in r["actions"]]


HEADER = "<tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th></tr>"


def test_unruled_pdf_table_is_read_from_how_its_text_lines_up():
    weasy = pytest.importorskip("weasyprint")
    assert weasy
    data = pdf(
        # Cells as Word lays them out: text at the top, a few points of padding, no borders.
        "<html><head><style>td,th{vertical-align:top;padding:3pt 6pt;text-align:left}</style></head>"
        "<body><p>Example Borough Council</p><table>"
        f"{HEADER}"
        "<tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker of every visit that is due</td>"
        "<td>Head of Service</td><td>31 March 2026</td></tr>"
        "<tr><td>2</td><td>Supervision is reflective.</td><td>Introduce a template</td>"
        "<td>Principal Social Worker</td><td>June 2026</td></tr></table></body></html>"
    )
    plan = read_plan(data, "plan.pdf").plan
    assert [r["ref"] for r in plan["recommendations"]] == ["1", "2"]
    first, second = _actions(plan)
    assert first["text"] == "Publish a weekly tracker of every visit that is due"
    assert first["owners"] == ["Head of Service"]
    assert first["due"]["date"] == "2026-03-31"
    assert second["due"]["date"] == "2026-06-30"


def test_pdf_table_over_pages_with_header_and_title_on_every_page_reads_as_one_table():
    pytest.importorskip("weasyprint")
    rows = "".join(
        f"<tr><td>{n}</td><td>Recommendation number {n} about practice.</td><td>Action number {n} for the teams.</td>"
        f"<td>Head of Service</td><td>{n} May 2026</td></tr>"
        for n in range(1, 29)
    )
    data = pdf(
        "<html><head><style>@page{size:A5;@top-center{content:'Example Council plan'}"
        "@bottom-center{content:'Page ' counter(page)}}td,th{border:1px solid #000}</style></head><body>"
        f"<table><thead>{HEADER}</thead>{rows}</table></body></html>"
    )
    plan = read_plan(data, "long plan.pdf").plan
    assert [r["ref"] for r in plan["recommendations"]] == [str(n) for n in range(1, 29)]
    assert all("Page" not in a["text"] and "Example Council" not in a["text"] for a in _actions(plan))


def test_text_with_cells_joined_by_slashes_keeps_a_slash_inside_the_lead_cell():
    text = (
        "Ref / Recommendation / Action / Lead / Deadline\n"
        "1 / Visits happen on time. / Publish a weekly tracker. / Head of Service / Performance Lead / April 2026\n"
    )
    (action,) = _actions(read_plan(text.encode(), "plan.txt").plan)
    assert action["text"] == "Publish a weekly tracker."
    assert action["owners"] == ["Head of Service", "Performance Lead"]
    assert action["due"]["date"] == "2026-04-30"


def test_text_with_a_cell_on_each_line_is_read_row_by_row():
    text = (
        "Ref\nRecommendation\nAction\nLead\nDeadline\n\n1\nVisits.\nPublish a tracker.\nHead of Service\nMay 2026\n\n"
    )
    text += "2\nSupervision.\nWrite a template.\nPrincipal Social Worker\nJune 2026\n"
    plan = read_plan(text.encode(), "copied from the website.txt").plan
    assert [(a["text"], a["owners"]) for a in _actions(plan)] == [
        ("Publish a tracker.", ["Head of Service"]),
        ("Write a template.", ["Principal Social Worker"]),
    ]


def test_space_aligned_text_with_wrapped_cells_joins_each_cell_back():
    text = "\n".join(
        [
            "Ref   Recommendation        Action                      Lead               Deadline",
            "",
            "1     Visits happen on      Publish a weekly tracker    Head of Service    March 2026",
            "      time.                 of every visit due.",
            "",
            "2     Supervision is        Introduce a template.       Principal Social   June 2026",
            "      reflective.                                       Worker",
        ]
    )
    plan = read_plan(text.encode(), "pdftotext.txt").plan
    first, second = _actions(plan)
    assert first["text"] == "Publish a weekly tracker of every visit due."
    assert plan["recommendations"][0]["text"] == "Visits happen on time."
    assert second["owners"] == ["Principal Social Worker"]


def test_scan_without_ocr_installed_is_refused_naming_the_fix(monkeypatch):
    pytest.importorskip("weasyprint")
    from lineofsight.importing.tests.blind3._kit import scanned

    data = scanned(pdf(f"<html><body><table>{HEADER}</table></body></html>"), dpi=50)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ImportFailed) as info:
        read_plan(data, "scan.pdf")
    assert "tesseract-ocr" in str(info.value)
    assert str(info.value).startswith("scan.pdf: ")


def test_text_that_is_not_a_plan_table_is_still_refused():
    with pytest.raises(ImportFailed) as info:
        read_plan(b"Minutes of the meeting\n\nAll present agreed the budget.\n", "minutes.txt")
    assert "no table was found" in str(info.value)


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract-ocr is installed by scripts/install-test-deps.sh")
def test_scanned_plan_is_read_by_ocr_inside_the_bounded_import_that_may_write_no_file():
    from lineofsight.importing import sandbox
    from lineofsight.importing.tests.blind3._kit import scanned

    data = scanned(
        pdf(
            "<html><body><table>"
            f"{HEADER}"
            "<tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker of visits</td>"
            "<td>Head of Service</td><td>31 March 2026</td></tr></table></body></html>"
        ),
        dpi=200,
    )

    plan = sandbox.read_plan(data, "scan.pdf").plan

    (action,) = _actions(plan)
    assert "weekly tracker" in action["text"]
    assert action["due"]["date"] == "2026-03-31"
