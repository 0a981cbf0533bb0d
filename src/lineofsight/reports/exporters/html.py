"""The board pack as a web page: one template for the screen, the print-out and the PDF."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from lineofsight.reports import charts
from lineofsight.reports.builder import BoardPackContent


def pack_context(pack: BoardPackContent) -> dict[str, Any]:
    """What the pack templates need: the content and its charts as image sources."""
    section_charts = {
        section.key: [(series, charts.svg_data_uri(charts.trend_chart(series))) for series in section.series]
        for section in pack.sections
    }
    return {
        "pack": pack,
        "rag_chart": charts.svg_data_uri(charts.rag_summary_chart(pack)) if pack.overall.total else None,
        "sections": [(section, section_charts[section.key]) for section in pack.sections],
        "changes_by_kind": pack.changes_by_kind(),
    }


def export_html(pack: BoardPackContent) -> bytes:
    """A standalone HTML document (styles inline, charts embedded) for download or PDF."""
    return render_to_string("reports/pack_document.html", pack_context(pack)).encode("utf-8")
