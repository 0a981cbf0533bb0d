"""CSV exports, with the delimiter sniffed."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..grid import Document, Row, Table, cell_from_lines
from .common import _finish, _pad, decode_text


def read_csv(data: bytes, filename: str) -> Document:
    """Read a CSV export; the delimiter is sniffed (comma, semicolon, tab, pipe)."""
    text = decode_text(data, filename)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[Row] = []
    for n, fields in enumerate(csv.reader(io.StringIO(text), dialect), 1):
        if any(f.strip() for f in fields):
            rows.append(Row([cell_from_lines(f.splitlines()) for f in fields], n))
    return _finish(filename, [Table(_pad(rows), 0)])
