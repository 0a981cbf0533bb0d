"""Spreadsheet cell text made safe: nothing a council typed can run as a formula.

Spreadsheet programs treat text starting with ``=``, ``+``, ``-`` or ``@`` (and, via
DDE tricks, a leading tab or carriage return) as a formula. Every text cell we write is
stored as a string cell with Excel's "quote prefix" flag, which is exactly what Excel
records when a user types an apostrophe before the text: the cell shows and reads back
the council's words unchanged (so an exported plan re-imports word for word), and
neither opening nor re-editing the cell evaluates it.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_dangerous(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula."""
    return text.startswith(DANGEROUS_STARTS)


def set_text(cell: Cell, value: Any) -> Cell:
    """Write ``value`` into ``cell``; text is always a string cell, never a formula."""
    if value is None:
        cell.value = None
        return cell
    if isinstance(value, int | float) and not isinstance(value, bool):
        cell.value = value
        return cell
    text = str(value)
    # openpyxl would store "=..." as a formula; setting the type afterwards keeps it text.
    cell.value = text
    cell.data_type = "s"
    if is_dangerous(text):
        cell.quotePrefix = True
    return cell
