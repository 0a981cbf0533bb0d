"""Helpers for the corpus: writing Word and Excel cells, and writing expected answers.

Expected answers are plan@1 dicts written by hand from ``plan-format.md``; the helpers
only fill in the fields a plan leaves empty so each answer reads like the table it
describes.
"""

from __future__ import annotations

import io
from typing import Any

SCHEMA = "lineofsight/plan@1"


# --------------------------------------------------------------------------- expected answers


def act(
    text: str,
    owners: list[str] | str | None = None,
    due: str | None = None,
    date: str | None = None,
    *,
    status: str | None = None,
    rag: str | None = None,
    ref: str | None = None,
    partners: list[str] | None = None,
    measures: list[str] | None = None,
    reported_to: list[str] | None = None,
    updates: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One expected action."""
    if isinstance(owners, str):
        owners = [owners]
    return {
        "ref": ref,
        "text": text,
        "owners": owners or [],
        "partners": partners or [],
        "due": {"text": due, "date": date} if due is not None else None,
        "status": status,
        "rag": rag,
        "measures": measures or [],
        "reported_to": reported_to or [],
        "updates": updates or [],
    }


def rec(
    ref: str | None,
    text: str,
    actions: list[dict[str, Any]],
    *,
    section: str | None = None,
    outcomes: list[str] | None = None,
    see_also: list[str] | None = None,
) -> dict[str, Any]:
    """One expected recommendation."""
    return {
        "ref": ref,
        "text": text,
        "section": section,
        "outcomes": outcomes or [],
        "see_also": see_also or [],
        "actions": actions,
    }


def plan(
    recommendations: list[dict[str, Any]],
    *,
    title: str | None = None,
    organisation: str | None = None,
    inspection: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One expected plan."""
    return {
        "schema": SCHEMA,
        "title": title,
        "organisation": organisation,
        "inspection": inspection,
        "recommendations": recommendations,
    }


# --------------------------------------------------------------------------- Word


def set_cell(cell: Any, lines: list[str] | str, *, style: str | None = None, bold: bool = False) -> None:
    """Write paragraphs into a Word cell (one per line), optionally as a list style."""
    if isinstance(lines, str):
        lines = [lines]
    cell.text = ""
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        para = first if k == 0 else cell.add_paragraph()
        if style:
            para.style = style
        para.add_run(line).bold = bold


def set_lines(cell: Any, lines: list[str]) -> None:
    """Write lines into one Word paragraph separated by manual line breaks (Shift+Enter)."""
    cell.text = ""
    para = cell.paragraphs[0]
    for k, line in enumerate(lines):
        run = para.add_run(line)
        if k < len(lines) - 1:
            run.add_break()


def shade(cell: Any, hex_fill: str) -> None:
    """Colour a Word cell's background, as plans do for RAG."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    cell._tc.get_or_add_tcPr().append(shd)


def landscape(document: Any) -> None:
    """Turn the page, as councils do for wide plan tables."""
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def header_row(table: Any, texts: list[str], row: int = 0) -> None:
    for c, text in enumerate(texts):
        if text:
            set_cell(table.cell(row, c), text, bold=True)


def docx_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(workbook: Any) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


RED, AMBER, GREEN, BLUE = "FF0000", "FFC000", "00B050", "0070C0"
