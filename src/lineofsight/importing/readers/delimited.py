"""CSV exports, with the delimiter sniffed; and spreadsheets saved as text (``.txt``)
with a delimiter between the cells."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..columns import header_score
from ..grid import Document, Row, Table, cell_from_lines
from .common import _finish, _pad, decode_text


def _records(text: str, delimiters: str) -> tuple[list[tuple[int, list[str]]], str | None]:
    """The non-blank records of delimited text with their record numbers, and the
    delimiter sniffed (None when the Sniffer found none and Excel's comma is assumed)."""
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20000], delimiters=delimiters)
        delimiter: str | None = dialect.delimiter
    except csv.Error:
        dialect, delimiter = csv.excel, None
    out = [
        (n, fields)
        for n, fields in enumerate(csv.reader(io.StringIO(text), dialect), 1)
        if any(f.strip() for f in fields)
    ]
    return out, delimiter


def _table(records: list[tuple[int, list[str]]]) -> Table:
    rows = [Row([cell_from_lines(f.splitlines()) for f in fields], n) for n, fields in records]
    return Table(_pad(rows), 0)


def read_csv(data: bytes, filename: str) -> Document:
    """Read a CSV export; the delimiter is sniffed (comma, semicolon, tab, pipe)."""
    records, _ = _records(decode_text(data, filename), ",;\t|")
    return _finish(filename, [_table(records)])


# Share of the records below the header that must have the header's number of cells for
# text to be taken for a spreadsheet saved with delimiters: prose has commas, but not the
# same number on nearly every line, with a plan's column headings split by them.
_SAME_WIDTH = 0.8


def delimited_text_table(text: str) -> Table | None:
    """The table of a spreadsheet saved as text with semicolons or commas between the
    cells (Excel's "CSV" in locales with a decimal comma uses semicolons), quoted where a
    cell holds the delimiter; None unless the text reads that way.

    A header record must name plan columns, and nearly every record below it must have
    as many cells as it (Excel pads the title rows above with empty cells, so their width
    is not asked), at least two of them.
    """
    records, delimiter = _records(text, ";,")
    if delimiter is None:
        return None
    head = next(
        (k for k, (_, f) in enumerate(records[:50]) if sum(1 for x in f if x.strip()) >= 3 and header_score(f) >= 5),
        None,
    )
    if head is None:
        return None
    width = len(records[head][1])
    body = records[head + 1 :]
    same = sum(1 for _, f in body if len(f) == width)
    if same < 2 or same < _SAME_WIDTH * len(body):
        return None
    return _table(records)
