"""Builders for the fourth blind round: a plan's rows drawn as an HTML page printed to PDF
by WeasyPrint (no LibreOffice needed), or written out as text.

Each plan lists its rows once (:class:`R`); the layout code in each module decides how
they are printed, and :func:`expected` gives the plan@1 answer from the same rows.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from typing import Any

from lineofsight.importing.tests.blind._kit import act, plan, rec


@dataclass
class R:
    """One action row: its recommendation, the action and what the plan says of it."""

    ref: str
    recommendation: str
    action: str
    owners: list[str]
    due: str
    date: str | None
    status: str | None = None
    rag: str | None = None
    status_text: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def expected(title: str, organisation: str, kind: str, started: str, ended: str, rows: list[R]) -> dict[str, Any]:
    """The plan@1 answer: recommendations in order, each with its actions."""
    recs: list[dict[str, Any]] = []
    for r in rows:
        if not recs or recs[-1]["ref"] != r.ref:
            recs.append(rec(r.ref, r.recommendation, []))
        recs[-1]["actions"].append(act(r.action, r.owners, (r.due, r.date), status=r.status, rag=r.rag))
    return plan(title, organisation, kind, started, ended, recs)


def esc(text: str) -> str:
    return html.escape(text)


def pdf(page_html: str) -> bytes:
    """Print an HTML page to PDF."""
    import weasyprint

    return weasyprint.HTML(string=page_html).write_pdf()


def two_up(data: bytes) -> bytes:
    """Print a PDF two pages to a sheet, side by side, as a committee clerk does."""
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf._page import PageObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    pages = list(reader.pages)
    for k in range(0, len(pages), 2):
        first = pages[k]
        w, h = float(first.mediabox.width), float(first.mediabox.height)
        sheet = PageObject.create_blank_page(width=2 * w, height=h)
        sheet.merge_transformed_page(first, Transformation())
        if k + 1 < len(pages):
            sheet.merge_transformed_page(pages[k + 1], Transformation().translate(w, 0))
        writer.add_page(sheet)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def scanned(data: bytes, dpi: int = 150) -> bytes:
    """The PDF as a scanner gives it back: every page an image, with no text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    images = [doc[k].render(scale=dpi / 72).to_pil().convert("L") for k in range(len(doc))]
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue()
