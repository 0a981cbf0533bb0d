"""Readers: each a pure function from a file's bytes to a :class:`~.grid.Document`.

:func:`read_document` detects the type from the content (magic bytes) and the filename,
checks the file is safe to open (size, zip bombs, password protection) and calls the
matching reader. Every failure raises :class:`~.errors.ImportFailed` naming the file and
what was expected, so a plan manager can fix the upload.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from ..errors import ImportFailed
from ..grid import Cell, Document, Para, Row, Table, cell_from_lines, para_from_text, rag_colour

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Office files are zip archives; these limits stop a small upload from expanding into
# gigabytes in memory ("zip bomb") before any reader touches it.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 5000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXPECTED = "a Word (.docx), Excel (.xlsx), CSV, PDF, HTML, Markdown or text plan with a table"

_BULLET_SPLIT = re.compile(r"\s*[•●▪■◦‣∙✓✔➢►]\s*")


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


def decode_text(data: bytes, filename: str) -> str:
    """Decode a text upload: UTF-8 (with or without BOM), else Windows-1252."""
    if b"\x00" in data[:4096]:
        raise ImportFailed(filename, f"the file is binary, not text; expected {EXPECTED}")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


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
    return doc


# --------------------------------------------------------------------------- helpers


def _clean_line(text: str) -> str:
    return re.sub(r"[ \t\r\f\v\u00a0]+", " ", text or "").strip()


def _split_bullets(text: str, *, in_list: bool = False) -> list[Para]:
    """Paragraphs from a run of text that may carry inline bullet characters."""
    text = _clean_line(text)
    if not text:
        return []
    if _BULLET_SPLIT.search(text):
        head, *items = _BULLET_SPLIT.split(text)
        paras = [para_from_text(head)] if head.strip() else []
        paras += [Para(_clean_line(i), "bullet") for i in items if i.strip()]
        return paras
    if in_list:
        return [Para(text, "bullet", unsplit=True)]
    return [para_from_text(text)]


def _finish(filename: str, blocks: Iterable[Table | str]) -> Document:
    """Assemble tables and the text lines around them into a Document."""
    doc = Document(filename)
    pending: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            line = _clean_line(block)
            if line:
                pending.append(line)
            continue
        if not block.rows:
            continue
        block.index = len(doc.tables) + 1
        block.text_before = pending
        block.heading = _heading(pending)
        if not doc.tables:
            doc.preamble = list(pending)
        doc.tables.append(block)
        pending = []
    return doc


_NOT_HEADING = re.compile(r"^(?:[*†‡¹²³]|this page|page \d|\d+$|source:|note:)", re.I)


def _heading(lines: list[str]) -> str | None:
    for line in reversed(lines):
        if not _NOT_HEADING.match(line) and len(line) < 400:
            return line
    return None


def _pad(rows: list[Row]) -> list[Row]:
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells += [Cell() for _ in range(width - len(r.cells))]
    return rows


# --------------------------------------------------------------------------- html


def _html_cell(element: Any) -> Cell:
    """Paragraphs of an HTML table cell: <p>, <ul>/<ol>/<li>, <br>, <b>, nested tables."""
    paras: list[Para] = []

    def bold_of(el: Any) -> bool:
        text = _clean_line(el.text_content())
        strong = " ".join(_clean_line(b.text_content()) for b in el.iter("b", "strong"))
        return bool(text) and strong.strip() == text

    def loose(text: str | None) -> None:
        for line in (text or "").split("\n"):
            paras.extend(_split_bullets(line))

    def walk(el: Any) -> None:
        loose(el.text)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("ul", "ol"):
                items = [li for li in child if getattr(li, "tag", "") == "li"]
                if items:
                    for n, li in enumerate(items, 1):
                        text = _clean_line(li.text_content())
                        if tag == "ol":
                            paras.append(Para(text, "number", str(n), bold_of(li)))
                        else:
                            paras.extend(_split_bullets(text, in_list=True))
                else:
                    walk_flat_list(child)
            elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li"):
                if (
                    child.find(".//ul") is not None
                    or child.find(".//ol") is not None
                    or (child.find(".//p") is not None)
                ):
                    walk(child)
                else:
                    for part in _br_lines(child):
                        for p in _split_bullets(part):
                            p.bold = bold_of(child)
                            paras.append(p)
            elif tag == "table":
                for tr in child.iter("tr"):
                    cells = [_clean_line(td.text_content()) for td in tr if td.tag in ("td", "th")]
                    line = " – ".join(c for c in cells if c)
                    if line:
                        paras.append(para_from_text(line))
            elif tag == "br":
                pass
            elif tag in ("b", "strong"):
                for p in _split_bullets(child.text_content()):
                    p.bold = True
                    paras.append(p)
            else:
                loose(child.text_content() if tag else "")
            loose(child.tail)

    def walk_flat_list(el: Any) -> None:
        # A <ul> whose <li> tags an extraction dropped: its loose text is the list, and
        # any <p> or nested list inside it is a paragraph of its own.
        paras.extend(_split_bullets(el.text or "", in_list=True))
        for sub in el:
            tag = sub.tag if isinstance(sub.tag, str) else ""
            if tag in ("ul", "ol") and not [li for li in sub if getattr(li, "tag", "") == "li"]:
                walk_flat_list(sub)
            elif tag in ("ul", "ol", "li"):
                walk(sub)
            elif tag:
                paras.extend(_split_bullets(sub.text_content()))
            paras.extend(_split_bullets(sub.tail or "", in_list=True))

    walk(element)
    return Cell(paras)


def _br_lines(el: Any) -> list[str]:
    """Text of an element split at <br>."""
    parts: list[str] = [el.text or ""]
    for child in el.iter():
        if child is el:
            continue
        if child.tag == "br":
            parts.append("")
        elif isinstance(child.tag, str) and child.getparent() is el:
            parts[-1] += child.text_content()
        if child.getparent() is el:
            parts[-1] += child.tail or ""
    return [p for p in (_clean_line(x) for x in parts) if p]


def _html_table_rows(table: Any) -> list[Row]:
    """Rows of an HTML table with rowspan/colspan expanded into merged copies."""
    grid: list[list[Cell]] = []
    carry: dict[tuple[int, int], Cell] = {}
    trs = [tr for tr in table.iter("tr") if _closest_table(tr) is table]
    for r, tr in enumerate(trs):
        row: list[Cell] = []
        col = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, col) in carry:
                row.append(carry.pop((r, col)))
                col += 1
            cell = _html_cell(td)
            cell.fill = _html_fill(td)
            if td.tag == "th":
                for p in cell.paras:
                    p.bold = True
            span = _int(td.get("colspan"), 1)
            down = _int(td.get("rowspan"), 1)
            cell.colspan = span
            for c in range(span):
                here = cell if c == 0 else Cell(list(cell.paras), merged=True)
                row.append(here)
                for k in range(1, down):
                    carry[(r + k, col + c)] = Cell(list(cell.paras), merged=True)
            col += span
        while (r, col) in carry:
            row.append(carry.pop((r, col)))
            col += 1
        grid.append(row)
    return _pad([Row(cells, n) for n, cells in enumerate(grid, 1) if cells])


def _html_fill(td: Any) -> str | None:
    style = td.get("style") or ""
    m = re.search(r"background(?:-color)?\s*:\s*([#\w]+)", style, re.I)
    return rag_colour(m.group(1) if m else td.get("bgcolor"))


def _closest_table(el: Any) -> Any:
    for anc in el.iterancestors():
        if anc.tag == "table":
            return anc
    return None


def _int(raw: str | None, default: int) -> int:
    try:
        return max(1, min(int(raw or default), 50))
    except ValueError:
        return default


def read_html(data: bytes | str, filename: str) -> Document:
    """Read the tables of an HTML page, with headings and paragraphs between them."""
    import lxml.html

    text = data if isinstance(data, str) else decode_text(data, filename)
    root = lxml.html.document_fromstring(text)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks: list[Table | str] = []
    for el in root.iter("table", "h1", "h2", "h3", "h4", "h5", "h6", "p", "caption", "title"):
        if el.tag == "table":
            if _closest_table(el) is None:
                blocks.append(Table(_html_table_rows(el), 0))
        elif _closest_table(el) is None:
            blocks.append(_clean_line(el.text_content()))
        elif el.tag == "caption":
            blocks.insert(len(blocks) - 1, _clean_line(el.text_content()))
    return _finish(filename, blocks)


# --------------------------------------------------------------------------- text


def _text_cell(raw: str) -> Cell:
    if "<" in raw and re.search(r"</?(?:p|ul|ol|li|b|strong|br|div)\b", raw, re.I):
        import lxml.html

        try:
            frag = lxml.html.fragment_fromstring(raw, create_parent="div")
            return _html_cell(frag)
        except Exception:  # noqa: S110 - fall back to the raw text of a broken fragment
            pass
    return Cell(_split_bullets(raw))


def read_text(data: bytes, filename: str) -> Document:
    """Read a text extraction: tab-separated lines, or else space-aligned columns.

    With tabs, tables are runs of lines holding tabs. Blank lines do not end a table; any
    other untabbed line does (a title repeated at a page break, a footnote, a heading),
    and that text becomes the next table's heading. Without a tabbed plan table, the
    columns are found from how the text lines up (:mod:`.aligned`).
    """
    text = decode_text(data, filename)
    doc = _read_tabbed(text, filename)
    if any(_may_be_plan(t) for t in doc.tables):
        return doc
    from .aligned import read_lines
    from .plaintext import cell_per_line_blocks, separated_blocks, text_lines

    for blocks in (separated_blocks(text), cell_per_line_blocks(text)):
        if blocks is not None:
            found = _finish(filename, blocks)
            if any(_may_be_plan(t) for t in found.tables):
                return found
    aligned = _finish(filename, read_lines(text_lines(text), split=2, shifting=True))
    return aligned if aligned.tables else doc


def _read_tabbed(text: str, filename: str) -> Document:
    blocks: list[Table | str] = []
    rows: list[Row] = []

    def flush() -> None:
        if rows:
            blocks.append(Table(_pad(list(rows)), 0))
            rows.clear()

    for lineno, line in enumerate(text.splitlines(), 1):
        if "\t" in line:
            fields = line.split("\t")
            if all(re.fullmatch(r"\s*[-=:|]*\s*", f) for f in fields):
                continue  # a ruled separator line
            rows.append(Row([_text_cell(f) for f in fields], lineno))
        elif line.strip():
            flush()
            blocks.append(line)
    flush()
    return _finish(filename, blocks)


# --------------------------------------------------------------------------- markdown


def read_markdown(data: bytes, filename: str) -> Document:
    """Read Markdown pipe tables (rendered to HTML first, so cells keep <br> and lists)."""
    from markdown_it import MarkdownIt

    text = decode_text(data, filename)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return read_html(html, filename)


# --------------------------------------------------------------------------- csv


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


# --------------------------------------------------------------------------- xlsx


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


# --------------------------------------------------------------------------- docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_numbering(document: Any) -> dict[tuple[str, str], str]:
    """Map (numId, level) to its number format: bullet, decimal, lowerLetter..."""
    formats: dict[tuple[str, str], str] = {}
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return formats
    abstract: dict[str, dict[str, str]] = {}
    for an in numbering.findall(f"{_W}abstractNum"):
        levels = {}
        for lvl in an.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[lvl.get(f"{_W}ilvl")] = fmt.get(f"{_W}val") if fmt is not None else "bullet"
        abstract[an.get(f"{_W}abstractNumId")] = levels
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        for ilvl, fmt in abstract.get(ref.get(f"{_W}val"), {}).items():
            formats[(num.get(f"{_W}numId"), ilvl)] = fmt
    return formats


_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag", f"{_W}ins"}


def _children(el: Any, *tags: str) -> list[Any]:
    """Direct children with one of ``tags``, looking through content controls (w:sdt),
    custom XML and tracked insertions, which Word wraps around tables, rows and cells."""
    out: list[Any] = []
    for child in el.iterchildren():
        if child.tag in _WRAPPERS:
            out.extend(_children(child, *tags))
        elif child.tag in tags:
            out.append(child)
    return out


class _Numbering:
    """Word's list counters, which run on across the document per list (numId)."""

    def __init__(self, formats: dict[tuple[str, str], str]) -> None:
        self.formats = formats
        self.counts: dict[str, list[int]] = {}

    def next(self, num_id: str, level: int) -> int:
        counts = self.counts.setdefault(num_id, [0] * 9)
        level = max(0, min(level, 8))
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        return counts[level]


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26)


def _docx_paras(container: Any, numbering: _Numbering, *, tables: bool = True) -> list[Para]:
    """Paragraphs of a docx cell, with list kind, level and letter from the numbering part
    (and the text of a nested table, row by row, unless ``tables`` is False)."""
    formats = numbering.formats
    paras: list[Para] = []
    for child in _children(container, f"{_W}tbl", f"{_W}p"):
        if child.tag == f"{_W}tbl":  # a nested table: keep its text, row by row
            if not tables:
                continue
            for tr in child.iter(f"{_W}tr"):
                cells = ["".join(t.text or "" for t in tc.iter(f"{_W}t")) for tc in tr.findall(f"{_W}tc")]
                line = " – ".join(_clean_line(c) for c in cells if c.strip())
                if line:
                    paras.append(para_from_text(line))
            continue
        if child.tag != f"{_W}p":
            continue
        text_parts: list[str] = []
        bold_runs: list[bool] = []
        for node in child.iter(f"{_W}t", f"{_W}br", f"{_W}tab", f"{_W}cr"):
            if node.tag == f"{_W}t":
                text_parts.append(node.text or "")
                run = node.getparent()
                rpr = run.find(f"{_W}rPr") if run is not None else None
                b = rpr.find(f"{_W}b") if rpr is not None else None
                is_bold = b is not None and b.get(f"{_W}val") not in ("0", "false")
                if (node.text or "").strip():
                    bold_runs.append(is_bold)
            else:
                text_parts.append("\n" if node.tag != f"{_W}tab" else " ")
        full = "".join(text_parts)
        ppr = child.find(f"{_W}pPr")
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = style.get(f"{_W}val") if style is not None else ""
        kind: str | None = None
        key: tuple[str, str] | None = None
        if num is not None:
            ilvl = num.find(f"{_W}ilvl")
            num_id = num.find(f"{_W}numId")
            key = (
                num_id.get(f"{_W}val") if num_id is not None else "0",
                ilvl.get(f"{_W}val") if ilvl is not None else "0",
            )
            kind = formats.get(key, "bullet")
            if key[0] == "0":
                kind = None  # numId 0 switches numbering off
        elif style_id and "list" in style_id.lower():
            kind = "decimal" if "number" in style_id.lower() else "bullet"
            depth = re.search(r"(\d)$", style_id)  # "ListBullet2" is the second level
            key = (re.sub(r"\d$", "", style_id), str(int(depth.group(1)) - 1) if depth else "0")
        bold = (bool(bold_runs) and all(bold_runs)) or style_id.lower().startswith("heading")
        lines = [ln for ln in full.split("\n") if ln.strip()]
        for i, line in enumerate(lines):
            if kind and i == 0 and key is not None:
                level = int(key[1]) if key[1].isdigit() else 0
                n = numbering.next(key[0], level)
                if kind in ("lowerLetter", "upperLetter"):
                    para = Para(_clean_line(line), "letter", _letter(n), bold)
                elif kind in ("decimal", "decimalZero"):
                    para = Para(_clean_line(line), "number", str(n), bold)
                elif kind in ("lowerRoman", "upperRoman"):
                    para = Para(_clean_line(line), "letter", None, bold)
                else:
                    para = Para(_clean_line(line), "bullet", None, bold)
                para.level = level
                paras.append(para)
            else:
                paras.append(para_from_text(line, bold=bold))
    return paras


def read_docx(data: bytes, filename: str) -> Document:
    """Read a Word document's tables (merged and nested cells, lists) and the text between."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise ImportFailed(filename, f"the Word file is damaged; expected {EXPECTED}") from exc
    numbering = _Numbering(_docx_numbering(document))
    blocks: list[Table | str] = []

    def visit(container: Any) -> None:
        for child in _children(container, f"{_W}p", f"{_W}tbl"):
            if child.tag == f"{_W}p":
                text = "".join(t.text or "" for t in child.iter(f"{_W}t"))
                if text.strip():
                    blocks.append(text)
            elif _is_layout_table(child):
                # A one-column table used only to frame the page: read what is inside.
                for tr in _children(child, f"{_W}tr"):
                    for tc in _children(tr, f"{_W}tc"):
                        visit(tc)
            else:
                blocks.append(Table(_docx_rows(child, numbering), 0))

    visit(document.element.body)
    if not any(isinstance(b, Table) and _may_be_plan(b) for b in blocks):
        # No table with a plan's header: the plan may be written as labelled paragraphs.
        from ..labelled import labelled_table

        body = _docx_paras(document.element.body, _Numbering(numbering.formats))
        table = labelled_table(body)
        if table is not None:
            first = table.rows[1].cells[1].text if len(table.rows) > 1 else ""
            cut = next((k for k, b in enumerate(blocks) if isinstance(b, str) and first and first in b), len(blocks))
            blocks = [*blocks[:cut], table, *(b for b in blocks[cut:] if isinstance(b, Table))]
    return _finish(filename, blocks)


def _may_be_plan(table: Table) -> bool:
    """True when a row near the top of the table reads like a plan's header."""
    from ..columns import header_score

    return any(header_score([c.text for c in row.cells]) >= 4 for row in table.rows[:30])


def _is_layout_table(tbl: Any) -> bool:
    rows = _children(tbl, f"{_W}tr")
    return (
        bool(rows)
        and all(len(_children(tr, f"{_W}tc")) == 1 for tr in rows)
        and any(_children(tc, f"{_W}tbl") for tr in rows for tc in _children(tr, f"{_W}tc"))
    )


# A RAG shown as a coloured symbol ("●", "■" or a letter in green) is read from the text
# colour; words in colour are emphasis or a house style, not a rating.
_SHORT_RAG_TEXT = 3


def _docx_text_colour(tc: Any) -> str | None:
    """The RAG colour all coloured runs of a short cell share, else None."""
    colours = set()
    for rpr in tc.iter(f"{_W}rPr"):
        colour = rpr.find(f"{_W}color")
        if colour is not None and colour.get(f"{_W}val") not in (None, "auto", "000000"):
            colours.add(rag_colour(colour.get(f"{_W}val")))
    return colours.pop() if len(colours) == 1 else None


def _docx_rows(tbl: Any, numbering: _Numbering) -> list[Row]:
    rows: list[Row] = []
    above: dict[int, Cell] = {}
    nested: dict[tuple[int, int], Any] = {}  # (row, column) -> a table inside that cell
    for n, tr in enumerate(_children(tbl, f"{_W}tr"), 1):
        cells: list[Cell] = []
        col = 0
        for tc in _children(tr, f"{_W}tc"):
            inner = _children(tc, f"{_W}tbl")
            if inner:
                nested[(len(rows), col)] = (tc, inner[0])
            tcpr = tc.find(f"{_W}tcPr")
            span = 1
            vmerge: str | None = None
            if tcpr is not None:
                gs = tcpr.find(f"{_W}gridSpan")
                if gs is not None:
                    span = _int(gs.get(f"{_W}val"), 1)
                vm = tcpr.find(f"{_W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{_W}val") or "continue"
            if vmerge == "continue" and col in above:
                cell = Cell(list(above[col].paras), merged=True)
            else:
                cell = Cell(_docx_paras(tc, numbering))
            if tcpr is not None:
                shd = tcpr.find(f"{_W}shd")
                if shd is not None:
                    cell.fill = rag_colour(shd.get(f"{_W}fill"))
            if cell.fill is None and 0 < len(cell.text) <= _SHORT_RAG_TEXT:
                cell.fill = _docx_text_colour(tc)
            cell.colspan = span
            for c in range(span):
                here = cell if c == 0 else Cell(list(cell.paras), merged=True)
                cells.append(here)
                above[col + c] = cell if c == 0 else here
            col += span
        rows.append(Row(cells, n))
    return _unfold_nested(_pad(rows), nested, numbering)


def _unfold_nested(rows: list[Row], nested: dict[tuple[int, int], Any], numbering: _Numbering) -> list[Row]:
    """Spread a column of nested sub-tables ("Action | Owner | By when" inside the action
    cell) into columns of the plan table, one plan row per sub-table row.

    Only when the first nested table starts with a header naming plan columns; the
    header row above takes its column names, and the outer row's other cells cover its
    sub-rows as a merged span (one recommendation and RAG over several sub-actions).
    """
    from ..columns import role_of

    if not nested:
        return rows
    col = min(c for _, c in nested)
    tables = {r: _docx_rows(tbl, numbering) for (r, c), (_, tbl) in nested.items() if c == col}
    first_row = min(tables)
    first = tables[first_row]
    if not first or len(first[0].cells) < 2:
        return rows
    header = [c.text for c in first[0].cells]
    if sum(role_of(t) is not None for t in header) < 2:
        return rows
    width = max(len(t[0].cells) for t in tables.values() if t)
    head_at = next((k for k in range(first_row - 1, -1, -1) if rows[k].cells[col].text), None)
    if head_at is not None:
        outer_roles = {role_of(c.text) for i, c in enumerate(rows[head_at].cells) if i != col}
        if {"owner", "due"} <= outer_roles:
            return rows  # the plan already names its leads and dates; the inner table is detail
    out: list[Row] = []
    for k, row in enumerate(rows):
        before, cell, after = row.cells[:col], row.cells[col], row.cells[col + 1 :]
        sub = tables.get(k)
        if sub is None:
            if k == head_at:
                spliced = [_para_cell(t) for t in header] + [Cell() for _ in range(width - len(header))]
            else:
                spliced = [cell] + [Cell(merged=cell.merged) for _ in range(width - 1)]
            out.append(Row([*before, *spliced, *after], row.number, row.page_break_before))
            continue
        body = sub[1:] if [c.text for c in sub[0].cells] == header else sub
        lead_in = _docx_paras_outside_tables(nested[(k, col)][0], numbering)
        for j, inner in enumerate(body or [Row([Cell()], row.number)]):
            inner_cells = list(inner.cells) + [Cell() for _ in range(width - len(inner.cells))]
            if j == 0 and lead_in:
                inner_cells[0] = Cell([*lead_in, *inner_cells[0].paras])
            if j == 0:
                outer_before, outer_after = before, after
            else:
                outer_before = [Cell(list(c.paras), merged=True, fill=c.fill) for c in before]
                outer_after = [Cell(list(c.paras), merged=True, fill=c.fill) for c in after]
            out.append(
                Row([*outer_before, *inner_cells[:width], *outer_after], row.number, row.page_break_before and j == 0)
            )
    return _pad(out)


def _para_cell(text: str) -> Cell:
    """A cell holding one line of text."""
    return Cell([para_from_text(text)] if text else [])


def _docx_paras_outside_tables(tc: Any, numbering: _Numbering) -> list[Para]:
    """The cell's own paragraphs, leaving out any table nested inside it."""
    return [p for p in _docx_paras(tc, numbering, tables=False) if p.text]


# --------------------------------------------------------------------------- pdf


def read_pdf(data: bytes, filename: str) -> Document:
    """Read a PDF plan (see :mod:`.pdf`)."""
    from .pdf import read_pdf as read

    return read(data, filename)


READERS: dict[str, Callable[[bytes, str], Document]] = {
    "docx": read_docx,
    "xlsx": read_xlsx,
    "csv": read_csv,
    "pdf": read_pdf,
    "html": read_html,
    "md": read_markdown,
    "text": read_text,
}
