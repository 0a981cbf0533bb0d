"""Helpers for building Word plans with python-docx."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentType
from docx.table import Table


def new_document() -> DocumentType:
    """A blank Word document."""
    return Document()


def fill_table(table: Table, rows: list[list[str]]) -> None:
    """Write text into the table's cells, row by row (None leaves a cell empty)."""
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value is not None:
                table.cell(r, c).text = value


def add_table(doc: DocumentType, rows: list[list[str]]) -> Table:
    """Append a bordered table holding the rows."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    fill_table(table, rows)
    return table


def to_bytes(doc: DocumentType) -> bytes:
    """The saved .docx bytes."""
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
