"""Excel workbooks: every visible sheet a table, merged ranges copied into each cell
they cover, fills and theme colours read as RAG."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from typing import Any

from ..grid import Cell, Document, Row, Table, cell_from_lines, rag_colour
from .common import _SHORT_RAG_TEXT, _finish, _pad


def _xl_text(value: Any, number_format: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, (datetime, date)) and _month_only_format(number_format):
        # Shown as "Apr-25" or "April 2025": the cell names a month, not its first day.
        return value.strftime("%B %Y")
    if isinstance(value, datetime):
        return value.strftime("%-d %B %Y")
    if isinstance(value, date):
        return value.strftime("%-d %B %Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _month_only_format(number_format: str) -> bool:
    """A date number format that shows month and year but no day ("mmm-yy", "mmmm yyyy")."""
    fmt = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", (number_format or "").lower())
    return "m" in fmt and "y" in fmt and "d" not in fmt and "h" not in fmt and "s" not in fmt


def _xl_fill(cell: Any, theme: list[str] | None = None) -> str | None:
    """The RAG colour of a cell's solid fill, whether set as RGB, as one of Excel's
    indexed colours, or as a theme colour with a tint (Excel's colour picker)."""
    fill = getattr(cell, "fill", None)
    if fill is None or fill.fill_type != "solid":
        return None
    colour = fill.fgColor
    kind = getattr(colour, "type", None)
    if kind == "rgb":
        rgb = getattr(colour, "rgb", None)
        return rag_colour(rgb) if isinstance(rgb, str) else None
    if kind == "indexed":
        from openpyxl.styles.colors import COLOR_INDEX

        index = colour.indexed
        return rag_colour(COLOR_INDEX[index]) if isinstance(index, int) and index < 64 else None
    if kind == "theme" and theme and isinstance(colour.theme, int) and colour.theme < len(theme):
        return rag_colour(_tinted(theme[colour.theme], float(colour.tint or 0.0)))
    return None


def _xl_font_colour(colour: Any, theme: list[str]) -> str | None:
    """The RAG colour of a short cell's text ("●" in green)."""
    if colour is None:
        return None
    kind = getattr(colour, "type", None)
    if kind == "rgb" and isinstance(colour.rgb, str):
        return rag_colour(colour.rgb)
    if kind == "theme" and theme and isinstance(colour.theme, int) and colour.theme < len(theme):
        return rag_colour(_tinted(theme[colour.theme], float(colour.tint or 0.0)))
    return None


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: towards white when positive, towards black when negative."""
    channels = [int(rgb[i : i + 2], 16) for i in (0, 2, 4)]
    if tint > 0:
        channels = [round(c + (255 - c) * tint) for c in channels]
    elif tint < 0:
        channels = [round(c * (1 + tint)) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def _xl_theme(workbook: Any) -> list[str]:
    """The workbook's theme colours in Excel's theme-index order (light 1, dark 1,
    light 2, dark 2, accents 1 to 6, links)."""
    raw = getattr(workbook, "loaded_theme", None)
    if not raw:
        return []
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        return []
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    scheme = root.find(f".//{ns}clrScheme")
    if scheme is None:
        return []
    colours: dict[str, str] = {}
    for slot in scheme:
        name = slot.tag.replace(ns, "")
        for child in slot:
            value = child.get("val") if child.tag == f"{ns}srgbClr" else child.get("lastClr")
            if value and re.fullmatch(r"[0-9A-Fa-f]{6}", value):
                colours[name] = value.upper()
    order = [
        "lt1",
        "dk1",
        "lt2",
        "dk2",
        "accent1",
        "accent2",
        "accent3",
        "accent4",
        "accent5",
        "accent6",
        "hlink",
        "folHlink",
    ]
    return [colours.get(name, "FFFFFF") for name in order]


def read_xlsx(data: bytes, filename: str) -> Document:
    """Read every visible sheet of a workbook; each sheet is one table.

    Merged ranges are copied into each covered cell and flagged, so a merged
    recommendation or owner applies to every row it spans.
    """
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    theme = _xl_theme(wb)
    blocks: list[Table | str] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        merged[(r, c)] = (rng.min_row, rng.min_col)
        rows: list[Row] = []
        values = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None or _xl_fill(cell, theme):
                    values[(cell.row, cell.column)] = cell
        # Hidden columns are a spreadsheet's workings (lookups, sort keys), not printed.
        hidden = {
            c
            for dim in ws.column_dimensions.values()
            if dim.hidden and dim.min
            for c in range(dim.min, (dim.max or dim.min) + 1)
        }
        values = {k: v for k, v in values.items() if k[1] not in hidden}
        max_col = max((c for _, c in values), default=0)
        # Rows and columns beyond the last value are only formatting; never walk them.
        max_row = max((r for r, _ in values), default=0)
        for r in range(1, max_row + 1):
            cells: list[Cell] = []
            for c in range(1, max_col + 1):
                if c in hidden:
                    continue
                origin = merged.get((r, c))
                src = values.get(origin or (r, c))
                if src is None:
                    cells.append(Cell(merged=origin is not None))
                    continue
                bold = bool(src.font and src.font.b)
                made = cell_from_lines(_xl_text(src.value, src.number_format).splitlines(), bold=bold)
                made.merged = origin is not None
                made.fill = _xl_fill(src, theme)
                if made.fill is None and 0 < len(made.text) <= _SHORT_RAG_TEXT and src.font:
                    made.fill = _xl_font_colour(src.font.color, theme)
                cells.append(made)
            if any(not c.is_empty for c in cells):
                rows.append(Row(cells, r))
            elif rows and any(c.fill for c in cells):
                rows.append(Row(cells, r))  # a row whose only content is a RAG colour
        if rows:
            blocks.append(Table(_pad(rows), 0, sheet=ws.title))
    doc = _finish(filename, blocks)
    for table in doc.tables:
        table.heading = None  # the sheet name is kept in table.sheet, not as a heading
    return doc
