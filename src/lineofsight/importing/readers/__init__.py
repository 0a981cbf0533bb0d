"""Readers: each a pure function from a file's bytes to a :class:`~.grid.Document`,
one module per format (word, excel, delimited, pdf, web, markdown, text).

:func:`read_document` detects the type from the content (magic bytes) and the filename,
checks the file is safe to open (size, zip bombs, password protection) and calls the
matching reader. Every failure raises :class:`~.errors.ImportFailed` naming the file and
what was expected, so a plan manager can fix the upload.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from ..errors import ImportFailed
from ..grid import Document
from .common import (
    EXPECTED,
    MAX_COMPRESSION_RATIO,
    MAX_UNZIPPED_BYTES,
    MAX_UPLOAD_BYTES,
    MAX_ZIP_MEMBERS,
    OLE_MAGIC,
    decode_text,
)
from .delimited import read_csv
from .excel import read_xlsx
from .markdown import read_markdown
from .pdf import read_pdf
from .text import read_text
from .web import read_html
from .word import read_docx

__all__ = [
    "EXPECTED",
    "MAX_UPLOAD_BYTES",
    "OLE_MAGIC",
    "READERS",
    "check_zip",
    "decode_text",
    "detect_type",
    "read_csv",
    "read_document",
    "read_docx",
    "read_html",
    "read_markdown",
    "read_pdf",
    "read_text",
    "read_xlsx",
]

# --------------------------------------------------------------------------- detection


def detect_type(data: bytes, filename: str) -> str:
    """Name the reader for ``data``: docx, xlsx, csv, pdf, html, md or text."""
    name = filename.lower()
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise ImportFailed(filename, f"the file is a damaged zip archive; expected {EXPECTED}") from exc
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        raise ImportFailed(filename, f"this zip archive is not a Word or Excel file; expected {EXPECTED}")
    if data.startswith(OLE_MAGIC):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise ImportFailed(
                filename,
                "the file is password-protected; remove the password in Word or Excel, "
                "save it again and upload that copy",
            )
        raise ImportFailed(
            filename,
            "this is an old-style Word or Excel file (.doc/.xls); save it as .docx or .xlsx and upload that copy",
        )
    if data.startswith(b"%PDF"):
        return "pdf"
    text = decode_text(data, filename)
    head = text[:5000].lower()
    if name.endswith((".html", ".htm")) or "<table" in head or "<html" in head:
        return "html"
    if name.endswith((".md", ".markdown")) or re.search(r"^\s*\|?\s*:?-{3,}:?\s*\|", text, re.M):
        return "md"
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".txt", ".tsv", ".text")) or "\t" in text:
        return "text"
    if text.count(",") > 2 and len(text.splitlines()) > 1:
        return "csv"
    raise ImportFailed(filename, f"the file type is not recognised; expected {EXPECTED}")


def check_zip(data: bytes, filename: str) -> None:
    """Refuse archives that would expand far beyond their size (zip bombs)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ImportFailed(filename, f"the file is damaged and cannot be opened; expected {EXPECTED}") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ImportFailed(filename, f"the archive holds {len(infos)} parts; a plan has far fewer")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise ImportFailed(
            filename,
            f"the file would expand to {total // (1024 * 1024)} MB; the limit is "
            f"{MAX_UNZIPPED_BYTES // (1024 * 1024)} MB",
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise ImportFailed(
                filename,
                f"part {info.filename} is compressed suspiciously far (a possible zip bomb); it was not opened",
            )


def read_document(data: bytes, filename: str) -> Document:
    """Read any supported upload into a grid :class:`Document`."""
    if not data or not data.strip():
        raise ImportFailed(filename, f"the file is empty; expected {EXPECTED}")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportFailed(
            filename,
            f"the file is {len(data) // (1024 * 1024)} MB; the limit is {MAX_UPLOAD_BYTES // (1024 * 1024)} MB",
        )
    kind = detect_type(data, filename)
    if kind in ("docx", "xlsx"):
        check_zip(data, filename)
    reader = READERS[kind]
    try:
        doc = reader(data, filename)
    except ImportFailed:
        raise
    except Exception as exc:  # a damaged file can fail anywhere inside a library
        raise ImportFailed(
            filename, f"the {kind} file could not be read ({exc.__class__.__name__}: {exc}); expected {EXPECTED}"
        ) from exc
    if not doc.tables:
        raise ImportFailed(filename, "no table was found; expected the plan laid out as a table")
    doc.shows_colour = kind not in _NO_COLOUR
    return doc


# Formats that carry no cell colours (a copy of a PDF's text loses its RAG shading).
_NO_COLOUR = frozenset({"csv", "md", "text"})


READERS: dict[str, Callable[[bytes, str], Document]] = {
    "docx": read_docx,
    "xlsx": read_xlsx,
    "csv": read_csv,
    "pdf": read_pdf,
    "html": read_html,
    "md": read_markdown,
    "text": read_text,
}
