"""Issuing lays a pack out once: one HTML page for both HTML and PDF, each chart drawn once."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from lineofsight.reports import charts
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS, export_all

from .test_pack_exports import pdftotext_words

pytestmark = pytest.mark.django_db

MEETING = date(2026, 7, 1)


def test_issuing_lays_the_html_out_once_and_draws_each_chart_once(improvement_board, monkeypatch, tmp_path):
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

    def page(content):  # type: ignore[no-untyped-def]
        drawn.append("html")
        return real_html(content)

    monkeypatch.setattr(charts.vl_convert, "vegalite_to_svg", svg)
    monkeypatch.setattr(charts.vl_convert, "vegalite_to_png", png)
    monkeypatch.setattr(html, "export_html", page)

    files = export_all(pack)

    assert list(files) == list(FORMATS)
    assert sorted(drawn) == ["html", "png", "svg"]  # Word and Excel share the PNG
    assert files["html"].startswith(b"<!DOCTYPE html>")
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
