"""Issuing draws each chart once; the PDF prints the HTML pack's paper layout, which
leaves the screen's narrative tables out rather than making WeasyPrint style them hidden."""

from __future__ import annotations

import io
from datetime import date

import pytest
from bs4 import BeautifulSoup
from docx import Document

from lineofsight.indicators import charts
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS, export_all

from .test_pack_exports import pdftotext_words

pytestmark = pytest.mark.django_db

MEETING = date(2026, 7, 1)


def test_issuing_draws_each_chart_once_and_prints_the_paper_layout(improvement_board, monkeypatch, tmp_path):
    from lineofsight.reports.exporters import html

    pack = build_pack(improvement_board, MEETING)
    charts.clear_cache()
    drawn: list[str] = []
    real_svg, real_png = charts.vl_convert.vegalite_to_svg, charts.vl_convert.vegalite_to_png
    real_html = html.export_html

    def svg(spec, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append("svg")
        return real_svg(spec, *args, **kwargs)

    def png(spec, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append("png")
        return real_png(spec, *args, **kwargs)

    def page(content, *, for_pdf=False):  # type: ignore[no-untyped-def]
        drawn.append("paper" if for_pdf else "html")
        return real_html(content, for_pdf=for_pdf)

    monkeypatch.setattr(charts.vl_convert, "vegalite_to_svg", svg)
    monkeypatch.setattr(charts.vl_convert, "vegalite_to_png", png)
    monkeypatch.setattr(html, "export_html", page)

    files = export_all(pack)

    assert list(files) == list(FORMATS)
    # Two cheap template renders (the download, the paper); Word and Excel share the PNG.
    assert sorted(drawn) == ["html", "paper", "png", "svg"]
    assert files["html"].startswith(b"<!DOCTYPE html>")
    assert b'id="narrative"' in files["html"] and b'id="narrative-print"' in files["html"]
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(files["pdf"])
    assert "ImprovementBoard:boardpackforthemeetingon1July2026" in pdftotext_words(pdf)
    assert files["docx"].startswith(b"PK") and files["xlsx"].startswith(b"PK")


def test_word_tables_keep_their_column_widths_in_the_grid_and_every_row(improvement_board):
    document = Document(io.BytesIO(FORMATS["docx"].export(build_pack(improvement_board, MEETING))))

    # The "By recommendation" table: a wide first column, then the RAG counts.
    table = document.tables[1]
    grid = [column.width for column in table.columns]
    assert grid[0] > 4 * grid[1]
    for row in table.rows:
        assert [cell.width for cell in row.cells] == grid


def test_the_pdf_prints_each_action_once_with_its_latest_update(improvement_board, example_plan):
    from lineofsight.plans.models import Action, ProgressUpdate

    action = Action.objects.get(recommendation__plan=example_plan, recommendation__ref="1", ref="b")
    for day, text in ((3, "First audit of placements done."), (20, "Reviewed twelve of fifteen placements.")):
        ProgressUpdate.objects.create(action=action, text=text, as_of=date(2026, 6, day), review="accepted")
    pack = build_pack(improvement_board, MEETING)

    html = FORMATS["html"].export(pack).decode()
    # The paper layout is the HTML's print section; its words are checked there, not read back
    # out of the PDF, whose text depends on the machine's fonts (see html_words).
    paper = BeautifulSoup(html, "html.parser").find(id="narrative-print")
    assert paper is not None
    text = " ".join(paper.get_text(" ").split())

    assert "Progress by recommendation" in text
    assert "20 June 2026: Reviewed twelve of fifteen placements. (+1 earlier)" in text
    assert "First audit of placements done." not in text  # on screen and in Word, not on paper
    assert "First audit of placements done." in html
