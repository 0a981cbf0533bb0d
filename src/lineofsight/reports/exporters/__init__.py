"""Exporters lay a built board pack out in one format each; they compute nothing.

:data:`FORMATS` maps a format name to its exporter, media type and file extension, so
the views, the ``pack`` command and issuing all offer the same formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lineofsight.reports.builder import BoardPackContent


@dataclass(frozen=True)
class Format:
    """One way of laying a pack out."""

    name: str
    label: str
    media_type: str
    extension: str
    export: Callable[[BoardPackContent], bytes]


def _html(pack: BoardPackContent) -> bytes:
    from lineofsight.reports.exporters.html import export_html

    return export_html(pack)


def _pdf(pack: BoardPackContent) -> bytes:
    from lineofsight.reports.exporters.pdf import export_pdf

    return export_pdf(pack)


def _docx(pack: BoardPackContent) -> bytes:
    from lineofsight.reports.exporters.docx import export_docx

    return export_docx(pack)


def _xlsx(pack: BoardPackContent) -> bytes:
    from lineofsight.reports.exporters.xlsx import export_xlsx

    return export_xlsx(pack)


FORMATS: dict[str, Format] = {
    "html": Format("html", "Web page (HTML)", "text/html; charset=utf-8", "html", _html),
    "pdf": Format("pdf", "PDF", "application/pdf", "pdf", _pdf),
    "docx": Format(
        "docx",
        "Word (DOCX)",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        _docx,
    ),
    "xlsx": Format(
        "xlsx",
        "Excel (XLSX)",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        _xlsx,
    ),
}


def export_all(pack: BoardPackContent, progress: Callable[[str], None] | None = None) -> dict[str, bytes]:
    """Every format's file for one built pack, as issuing keeps them.

    The PDF is printed from the HTML's paper layout; charts are drawn once per image
    type (see ``reports.charts``), so issuing costs little more than its slowest format.
    """
    from lineofsight.reports.exporters.html import export_html
    from lineofsight.reports.exporters.pdf import html_to_pdf

    say = progress or (lambda text: None)
    say("Laying out the web page")
    files = {"html": export_html(pack)}
    say("Printing the PDF")
    # Charts are drawn once (reports.charts caches them), so the PDF's own HTML is cheap.
    files["pdf"] = html_to_pdf(export_html(pack, for_pdf=True))
    for name, fmt in FORMATS.items():
        if name not in files:
            say(f"Writing the {fmt.label} file")
            files[name] = fmt.export(pack)
    return {name: files[name] for name in FORMATS}


def pack_filename(pack: BoardPackContent, fmt: str) -> str:
    """A file name a board secretary can file: body, meeting date, format."""
    from django.utils.text import slugify

    body = slugify(pack.body_short_name) or "board"
    draft = "DRAFT-" if pack.draft else ""
    return f"{draft}{body}-board-pack-{pack.meeting_date:%Y-%m-%d}.{FORMATS[fmt].extension}"
