"""Small builders shared by the blind plans: Word/Excel helpers and the plan@1 answer shape.

The blind plans are written the way councils write them, not the way the importer reads
them; these helpers only save repeating python-docx/openpyxl boilerplate.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

# --- answer shape ---------------------------------------------------------------------


def act(
    text: str,
    owners: list[str] | None = None,
    due: tuple[str, str | None] | None = None,
    *,
    ref: str | None = None,
    status: str | None = None,
    rag: str | None = None,
    partners: list[str] | None = None,
    measures: list[str] | None = None,
    reported_to: list[str] | None = None,
    updates: list[tuple[str | None, str]] | None = None,
) -> dict[str, Any]:
    """One expected action."""
    return {
        "ref": ref,
        "text": text,
        "owners": list(owners or []),
        "partners": list(partners or []),
        "due": {"text": due[0], "date": due[1]} if due else None,
        "status": status,
        "rag": rag,
        "measures": list(measures or []),
        "reported_to": list(reported_to or []),
        "updates": [{"as_of": a, "text": t} for a, t in (updates or [])],
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
        "outcomes": list(outcomes or []),
        "see_also": list(see_also or []),
        "actions": actions,
    }


def plan(
    title: str | None,
    organisation: str | None,
    kind: str | None,
    started: str | None,
    ended: str | None,
    recommendations: list[dict[str, Any]],
) -> dict[str, Any]:
    """The expected plan@1 document."""
    return {
        "schema": "lineofsight/plan@1",
        "title": title,
        "organisation": organisation,
        "inspection": {"kind": kind, "started": started, "ended": ended},
        "recommendations": recommendations,
    }


# --- Word -----------------------------------------------------------------------------


def new_doc(landscape: bool = False) -> Document:
    """A blank Word document, optionally landscape."""
    doc = Document()
    if landscape:
        sec = doc.sections[0]
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    return doc


def shade(cell: Any, fill: str) -> None:
    """Give a table cell a background colour, as councils do for header rows."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row: Any) -> None:
    """Mark a table row as a header row repeated on each page."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def set_cell(cell: Any, text: str | list[str], bold: bool = False) -> None:
    """Fill a cell; a list gives one paragraph per item (plain new lines, no bullets)."""
    lines = text if isinstance(text, list) else [text]
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        para = first if i == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold = bold


def fill_row(row: Any, values: list[Any], bold: bool = False, fill: str | None = None) -> None:
    """Fill a whole table row."""
    for cell, value in zip(row.cells, values, strict=True):
        if value is None:
            continue
        set_cell(cell, value, bold=bold)
        if fill:
            shade(cell, fill)


def page_break(doc: Any) -> None:
    """Start a new page."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def docx_bytes(doc: Any) -> bytes:
    """Serialise a Word document."""
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def xlsx_bytes(wb: Any) -> bytes:
    """Serialise an Excel workbook."""
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
