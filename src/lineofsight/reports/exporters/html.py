"""The board pack as a web page: one template for the screen, the print-out and the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.template.loader import render_to_string

from lineofsight.indicators.charts import svg_data_uri
from lineofsight.reports import charts
from lineofsight.reports.builder import ActionLine, BoardPackContent, RecommendationBlock, UpdateLine


@dataclass
class PrintedAction:
    """One action as the printed narrative shows it: its line and its latest update."""

    line: ActionLine
    latest: UpdateLine | None
    earlier: int  # updates before the latest, shown on screen and in Word but not on paper


def print_narrative(pack: BoardPackContent) -> list[tuple[RecommendationBlock, list[PrintedAction]]]:
    """The narrative for paper: each action once, as a sentence, with its latest update.

    On screen each recommendation is a table and every signed-off update is quoted; on
    paper that came to 80-96 pages for 300 actions. A board reads where each action
    stands now, so the print-out keeps every action and its latest word, and says how
    many earlier updates the screen, Word and Excel versions hold.
    """
    printed = []
    for block in pack.by_recommendation:
        by_action: dict[str, list[tuple[int, UpdateLine]]] = {}
        for position, update in enumerate(block.updates):
            by_action.setdefault(update.action_label, []).append((position, update))
        actions = []
        for line in block.actions:
            updates = by_action.get(line.label, [])
            latest = max(updates, key=lambda pair: (pair[1].as_of or date.min, pair[0]))[1] if updates else None
            actions.append(PrintedAction(line, latest, max(len(updates) - 1, 0)))
        printed.append((block, actions))
    return printed


def pack_context(pack: BoardPackContent) -> dict[str, Any]:
    """What the pack templates need: the content and its charts as image sources."""
    section_charts = {
        section.key: [(series, svg_data_uri(charts.trend_chart(series))) for series in section.series]
        for section in pack.sections
    }
    return {
        "pack": pack,
        "rag_chart": svg_data_uri(charts.rag_summary_chart(pack)) if pack.overall.total else None,
        "sections": [(section, section_charts[section.key]) for section in pack.sections],
        "changes_by_kind": pack.changes_by_kind(),
        "print_narrative": print_narrative(pack),
    }


def export_html(pack: BoardPackContent, *, for_pdf: bool = False) -> bytes:
    """A standalone HTML document (styles inline, charts embedded) for download or PDF.

    The download carries the screen and the paper layouts (CSS shows one or the other, so
    a browser prints the paper one). ``for_pdf`` leaves the screen-only narrative out:
    WeasyPrint would parse and style every hidden cell of it, a tenth of the PDF's time.
    """
    context = pack_context(pack) | {"for_pdf": for_pdf}
    return render_to_string("reports/pack_document.html", context).encode("utf-8")
