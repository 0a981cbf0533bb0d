"""Pre-checks on an upload's raw bytes, run before any reader builds anything in memory.

A 10 KB spreadsheet can declare a cell at its far corner, a million merged cells or a
sheet that expands to gigabytes, and the readers (openpyxl, python-docx, lxml, PDFium)
would faithfully try to build all of it. These checks read only what the file *declares*
(the zip's central directory, a sheet's cell references and merged ranges streamed from
its XML, an HTML page's spans and nesting, a PDF's page count and compressed streams)
and refuse anything past a limit with a message naming the file and the limit.

Pure Python on bytes, no Django; :func:`check_upload` is the one entry point, and the
sandbox (``sandbox.py``) runs it in the resource-limited child before the reader.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any

from .errors import ImportFailed


@dataclass(frozen=True)
class Limits:
    """How much one upload may hold. The defaults are far above any real plan (a large
    council plan is a few hundred rows and a few thousand cells) and far below what
    would stall a web worker."""

    max_bytes: int = 20 * 1024 * 1024
    max_unzipped_bytes: int = 100 * 1024 * 1024
    max_part_bytes: int = 25 * 1024 * 1024  # any one XML part of a Word or Excel file
    max_compression_ratio: int = 100
    max_zip_members: int = 2000
    max_sheets: int = 50
    max_rows: int = 20_000  # per sheet or table
    max_columns: int = 200
    max_cells: int = 200_000  # per file: stored cells, or the grid a sheet's extent spans
    max_merged_ranges: int = 5_000
    max_merged_cells: int = 200_000
    max_spanned_cells: int = 200_000  # HTML: the cells rowspan x colspan expand into
    max_nesting_depth: int = 64  # elements inside elements (HTML, Word XML)
    max_table_nesting: int = 8  # tables inside tables
    max_elements: int = 500_000  # HTML elements
    max_pages: int = 100
    max_pdf_stream_bytes: int = 100 * 1024 * 1024  # all of a PDF's streams, decompressed


DEFAULT_LIMITS = Limits()

_MB = 1024 * 1024
_OFFICE = "a Word (.docx) or Excel (.xlsx) file"

# Files people upload by mistake, named by their first bytes: the message says what it is.
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"{\\rtf", "a Rich Text (.rtf) file; save it as .docx"),
]


def display_name(filename: str) -> str:
    """The uploaded name without any folders or control characters, for messages.

    A browser may send ``..\\..\\plan.xlsx`` or a name with newlines in it; neither is a
    path the server uses, but it should not appear in a message as one either.
    """
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip()
    return name[:200] or "upload"


def _mb(n: int) -> str:
    return f"{n / _MB:.0f} MB" if n >= _MB else f"{n:,} bytes"


def check_upload(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Refuse ``data`` if it is past any limit; return the bytes the reader should get.

    UTF-16 and UTF-32 text comes back re-encoded as UTF-8 (the readers take UTF-8 or
    Windows-1252); everything else comes back unchanged. Raises :class:`ImportFailed`.
    """
    if len(data) > limits.max_bytes:
        raise ImportFailed(filename, f"the file is {_mb(len(data))}; the limit is {_mb(limits.max_bytes)}")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFailed(filename, f"this is {what}, not a plan document")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        check_office(data, filename, limits)
        return data
    if data.startswith(b"%PDF") or (b"%PDF-" in data[:1024] and not data.lstrip().startswith(b"<")):
        check_pdf(data, filename, limits)
        return data
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return data  # an OLE file: the reader names it (password-protected, or old .doc/.xls)
    text = decode_upload_text(data, filename)
    if text is None:
        # Plain UTF-8 or Windows-1252: the reader decodes it itself; "replace" is enough to count.
        check_text(data.decode("utf-8", "replace"), filename, limits)
        return data
    check_text(text, filename, limits)
    return text.encode("utf-8")


# --------------------------------------------------------------------------- text


PLAN_EXPECTED = "a Word, Excel, CSV, PDF, HTML, Markdown or text plan"


def decode_upload_text(data: bytes, filename: str, expected: str = PLAN_EXPECTED) -> str | None:
    """Text in UTF-16 or UTF-32 (Excel's "Unicode text" saves UTF-16), decoded; None for
    bytes that hold no NUL (UTF-8 and Windows-1252, which the readers decode).

    Raises for bytes that are neither: a binary file, named as such.
    """
    boms = [
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ]
    for bom, encoding in boms:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, filename)
    head = data[:4096]
    if b"\x00" not in head:
        return None
    # No byte-order mark: UTF-16 text has a NUL in every other byte for Latin letters.
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
        return _decode(data, "utf-16-le", filename)
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
        return _decode(data, "utf-16-be", filename)
    raise ImportFailed(
        filename,
        f"the file is binary, not text (it is not UTF-8, Windows-1252 or UTF-16 text); expected {expected}",
    )


def _decode(data: bytes, encoding: str, filename: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            filename, f"the file looks like {encoding.upper()} text but byte {exc.start} is not valid {encoding}"
        ) from exc
    return text.lstrip("\ufeff")


def check_text(text: str, filename: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Rows and columns of CSV or tab-separated text, and spans and nesting of HTML."""
    head = text[:5000].lower()
    if "<table" in head or "<html" in head or "<td" in text.lower():
        check_html(text, filename, limits)
    lines = text.count("\n") + 1
    if lines > limits.max_rows:
        raise ImportFailed(filename, f"the file has {lines:,} lines; the limit is {limits.max_rows:,} rows")
    widest = max((line.count("\t") + 1 for line in text.splitlines()), default=0)
    if widest > limits.max_columns:
        raise ImportFailed(
            filename, f"a line has {widest:,} tab-separated columns; the limit is {limits.max_columns:,}"
        )
    if filename.lower().endswith(".csv") or (text.count(",") > 2 and "\t" not in text[:5000]):
        _check_csv(text, filename, limits)


def _check_csv(text: str, filename: str, limits: Limits) -> None:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    cells = 0
    try:
        for n, fields in enumerate(csv.reader(io.StringIO(text), dialect), 1):
            if len(fields) > limits.max_columns:
                raise ImportFailed(
                    filename, f"row {n} has {len(fields):,} columns; the limit is {limits.max_columns:,}"
                )
            cells += len(fields)
    except csv.Error as exc:
        raise ImportFailed(filename, f"the CSV cannot be read ({exc}); expected a comma-separated table") from exc
    if cells > limits.max_cells:
        raise ImportFailed(filename, f"the file has {cells:,} cells; the limit is {limits.max_cells:,}")


# --------------------------------------------------------------------------- html


def check_html(text: str, filename: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Count elements, nesting and the cells rowspan/colspan would expand into, streaming
    the page through lxml's HTML parser without keeping a tree."""
    from lxml import etree

    parser = etree.HTMLPullParser(events=("start", "end"), huge_tree=False, no_network=True)
    depth = tables = elements = spanned = 0
    for start in range(0, len(text), 65536):
        parser.feed(text[start : start + 65536])
        for event, el in parser.read_events():
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "end":
                depth -= 1
                if tag == "table":
                    tables -= 1
                el.clear()
                continue
            depth += 1
            elements += 1
            if depth > limits.max_nesting_depth:
                raise ImportFailed(
                    filename, f"elements are nested more than {limits.max_nesting_depth} deep; a plan is far flatter"
                )
            if elements > limits.max_elements:
                raise ImportFailed(filename, f"the page has more than {limits.max_elements:,} elements")
            if tag == "table":
                tables += 1
                if tables > limits.max_table_nesting:
                    raise ImportFailed(
                        filename,
                        f"tables are nested more than {limits.max_table_nesting} deep inside each other",
                    )
            elif tag in ("td", "th"):
                # The reader caps each span at 50, so count what it would build.
                spanned += _span(el.get("colspan")) * _span(el.get("rowspan"))
                if spanned > limits.max_spanned_cells:
                    raise ImportFailed(
                        filename,
                        f"the tables' rowspan and colspan would expand into more than "
                        f"{limits.max_spanned_cells:,} cells; the limit is {limits.max_spanned_cells:,}",
                    )
    parser.close()


def _span(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or 1), 50))
    except ValueError:
        return 1


# --------------------------------------------------------------------------- zip / office


def check_office(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """The zip's central directory, every XML part's prolog, and a workbook's sheets or a
    Word document's tables, all before python-docx or openpyxl opens the file."""
    with _zip(data, filename) as zf:
        names = _check_members(zf, filename, limits)
        if any(n.startswith("xl/") for n in names):
            _check_workbook(zf, names, filename, limits)
        elif "word/document.xml" in names:
            _check_word(zf, filename, limits)


def check_zip(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Only the archive: readable, no zip bomb, no path outside it, no DTD in its XML
    (for Office files the server stores but never lays out, such as evidence)."""
    with _zip(data, filename) as zf:
        _check_members(zf, filename, limits)


def _zip(data: bytes, filename: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ImportFailed(
            filename, f"the file is a damaged zip archive and cannot be opened; expected {_OFFICE}"
        ) from exc


def _check_members(zf: zipfile.ZipFile, filename: str, limits: Limits) -> set[str]:
    infos = zf.infolist()
    if len(infos) > limits.max_zip_members:
        raise ImportFailed(filename, f"the archive holds {len(infos):,} parts; the limit is {limits.max_zip_members:,}")
    total = 0
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in PurePosixPath(name.replace("\\", "/")).parts:
            raise ImportFailed(filename, f"part {name!r} has a path outside the archive; it was not opened")
        if info.flag_bits & 0x1:
            raise ImportFailed(
                filename, "the file is password-protected; remove the password, save it again and upload that copy"
            )
        if info.file_size > limits.max_part_bytes:
            raise ImportFailed(
                filename,
                f"part {name} would expand to {_mb(info.file_size)}; the limit for one part is "
                f"{_mb(limits.max_part_bytes)}",
            )
        if info.file_size > _MB and info.file_size > limits.max_compression_ratio * max(info.compress_size, 1):
            raise ImportFailed(
                filename, f"part {name} is compressed suspiciously far (a possible zip bomb); it was not opened"
            )
        total += info.file_size
    if total > limits.max_unzipped_bytes:
        raise ImportFailed(
            filename, f"the file would expand to {_mb(total)}; the limit is {_mb(limits.max_unzipped_bytes)}"
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")) or info.filename == "[Content_Types].xml":
            _check_prolog(zf, info, filename)
    return {i.filename for i in infos}


def _open(zf: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> IO[bytes]:
    try:
        return zf.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, zlib.error) as exc:
        raise ImportFailed(filename, f"part {info.filename} is damaged ({exc}); expected {_OFFICE}") from exc


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str) -> None:
    """Refuse a part that declares a DTD: Office never writes one, and a DTD is how
    entity expansion ("billion laughs") and external entities get into XML."""
    with _open(zf, info, filename) as stream:
        try:
            head = stream.read(65536)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise ImportFailed(filename, f"part {info.filename} is damaged ({exc}); expected {_OFFICE}") from exc
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    text = head.lstrip(b"\xef\xbb\xbf")
    # Skip the declaration, processing instructions, comments and whitespace up to the root.
    text = re.sub(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->)*", b"", text, flags=re.S)
    if text[:9].upper() == b"<!DOCTYPE" or b"<!ENTITY" in head:
        raise ImportFailed(
            filename,
            f"part {info.filename} declares a DTD or entities, which Office files never hold; it was not opened",
        )
    if not text.startswith(b"<") and len(head) == 65536:
        raise ImportFailed(filename, f"part {info.filename} has no XML element in its first 64 KB; it was not opened")


def _iterparse(stream: IO[bytes], tags: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    from lxml import etree

    return etree.iterparse(  # type: ignore[no-any-return]
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        tag=tags or None,
    )


_SSML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _ref(ref: str) -> tuple[int, int] | None:
    m = _REF.match(ref.strip())
    return (int(m.group(2)), _col_number(m.group(1))) if m else None


def _check_workbook(zf: zipfile.ZipFile, names: set[str], filename: str, limits: Limits) -> None:
    """Sheet count, then each sheet's extent, cells and merged ranges, streamed."""
    sheets = sorted(n for n in names if re.fullmatch(r"xl/(?:worksheets|chartsheets|dialogsheets)/[^/]+\.xml", n))
    declared = 0
    if "xl/workbook.xml" in names:
        with _open(zf, zf.getinfo("xl/workbook.xml"), filename) as stream:
            try:
                for event, _el in _iterparse(stream, (f"{_SSML}sheet",)):
                    if event == "start":
                        declared += 1
            except Exception as exc:
                raise ImportFailed(filename, f"the workbook part is damaged ({exc.__class__.__name__})") from exc
    count = max(declared, len(sheets))
    if count > limits.max_sheets:
        raise ImportFailed(filename, f"the workbook has {count:,} sheets; the limit is {limits.max_sheets}")
    total_cells = 0
    for name in sheets:
        total_cells += _check_sheet(zf, zf.getinfo(name), filename, limits, total_cells)


def _check_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str, limits: Limits, before: int) -> int:
    sheet = PurePosixPath(info.filename).stem
    cells = max_row = max_col = merged_ranges = merged_cells = 0
    row = col = 0

    def refuse(problem: str) -> ImportFailed:
        return ImportFailed(filename, f"sheet {sheet}: {problem}")

    with _open(zf, info, filename) as stream:
        try:
            for event, el in _iterparse(stream, ()):
                tag = el.tag
                if event == "end":
                    if tag in (f"{_SSML}c", f"{_SSML}row", f"{_SSML}mergeCell"):
                        el.clear()
                    continue
                if tag == f"{_SSML}row":
                    r = el.get("r")
                    row = int(r) if r and r.isdigit() else row + 1
                    col = 0
                    if row > limits.max_rows:
                        raise refuse(f"row {row:,} is used; the limit is {limits.max_rows:,} rows")
                elif tag == f"{_SSML}c":
                    pos = _ref(el.get("r") or "")
                    if pos is not None:
                        row, col = max(row, pos[0]), pos[1]
                    else:
                        col += 1
                    cells += 1
                    if col > limits.max_columns:
                        raise refuse(f"column {col:,} is used; the limit is {limits.max_columns} columns")
                    if row > limits.max_rows:
                        raise refuse(f"row {row:,} is used; the limit is {limits.max_rows:,} rows")
                    max_row, max_col = max(max_row, row), max(max_col, col)
                    if before + cells > limits.max_cells:
                        raise ImportFailed(filename, f"the workbook holds more than {limits.max_cells:,} cells")
                    if max_row * max_col > limits.max_cells:
                        raise refuse(
                            f"its cells span {max_row:,} rows by {max_col:,} columns, more than the "
                            f"{limits.max_cells:,}-cell limit"
                        )
                elif tag == f"{_SSML}mergeCell":
                    first, _, last = (el.get("ref") or "").partition(":")
                    a, b = _ref(first), _ref(last or first)
                    if a is None or b is None:
                        continue
                    merged_ranges += 1
                    rows, cols = abs(b[0] - a[0]) + 1, abs(b[1] - a[1]) + 1
                    merged_cells += rows * cols
                    if max(a[0], b[0]) > limits.max_rows or max(a[1], b[1]) > limits.max_columns:
                        raise refuse(
                            f"merged range {el.get('ref')} reaches past the limit of {limits.max_rows:,} rows "
                            f"and {limits.max_columns} columns"
                        )
                    if merged_ranges > limits.max_merged_ranges:
                        raise refuse(f"it has more than {limits.max_merged_ranges:,} merged ranges")
                    if merged_cells > limits.max_merged_cells:
                        raise refuse(
                            f"its merged ranges cover more than {limits.max_merged_cells:,} cells; "
                            f"the limit is {limits.max_merged_cells:,}"
                        )
        except ImportFailed:
            raise
        except Exception as exc:  # lxml's XMLSyntaxError, a truncated stream, a bad CRC
            raise refuse(f"the sheet is damaged ({exc.__class__.__name__}); expected {_OFFICE}") from exc
    return cells


_WML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_word(zf: zipfile.ZipFile, filename: str, limits: Limits) -> None:
    """A Word document's nesting, table nesting, cells and column spans, streamed."""
    depth = tables = cells = 0
    rows_in: list[int] = []
    with _open(zf, zf.getinfo("word/document.xml"), filename) as stream:
        try:
            for event, el in _iterparse(stream, ()):
                tag = el.tag
                if event == "end":
                    depth -= 1
                    if tag == f"{_WML}tbl":
                        tables -= 1
                        rows_in.pop()
                    elif tag == f"{_WML}p":
                        el.clear()
                    continue
                depth += 1
                if depth > limits.max_nesting_depth:
                    raise ImportFailed(
                        filename,
                        f"the document's parts are nested more than {limits.max_nesting_depth} deep; a plan is flatter",
                    )
                if tag == f"{_WML}tbl":
                    tables += 1
                    rows_in.append(0)
                    if tables > limits.max_table_nesting:
                        raise ImportFailed(
                            filename, f"tables are nested more than {limits.max_table_nesting} deep inside each other"
                        )
                elif tag == f"{_WML}tr" and rows_in:
                    rows_in[-1] += 1
                    if rows_in[-1] > limits.max_rows:
                        raise ImportFailed(filename, f"a table has more than {limits.max_rows:,} rows")
                elif tag == f"{_WML}tc":
                    cells += 1
                    if cells > limits.max_cells:
                        raise ImportFailed(filename, f"the document's tables hold more than {limits.max_cells:,} cells")
                elif tag == f"{_WML}gridSpan":
                    span = el.get(f"{_WML}val") or "1"
                    if not span.isdigit() or int(span) > limits.max_columns:
                        raise ImportFailed(
                            filename, f"a table cell spans {span} columns; the limit is {limits.max_columns}"
                        )
        except ImportFailed:
            raise
        except Exception as exc:
            raise ImportFailed(
                filename, f"the Word document is damaged ({exc.__class__.__name__}); expected {_OFFICE}"
            ) from exc


# --------------------------------------------------------------------------- pdf

_STREAM = re.compile(rb"stream\r?\n")
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")


def check_pdf(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Encryption, page count, and the decompressed size of every stream (flate bombs)."""
    if _ENCRYPT.search(data):
        raise ImportFailed(
            filename,
            "the PDF is encrypted (password-protected or locked against copying), so its text cannot be read; "
            "open it, print it to a new PDF without a password, and upload that copy",
        )
    total = 0
    for match in _STREAM.finditer(data):
        total += _inflated_size(data, match.end(), limits.max_pdf_stream_bytes - total)
        if total > limits.max_pdf_stream_bytes:
            raise ImportFailed(
                filename,
                f"the PDF's compressed streams would expand to more than {_mb(limits.max_pdf_stream_bytes)} "
                "(a possible flate bomb); it was not opened",
            )
    pages = _pdf_pages(data, filename)
    if pages > limits.max_pages:
        raise ImportFailed(filename, f"the PDF has {pages:,} pages; the limit is {limits.max_pages}")


def _inflated_size(data: bytes, start: int, room: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, stopping past ``room``."""
    inflater = zlib.decompressobj()
    size = 0
    pos = start
    try:
        while pos < len(data) and size <= room:
            chunk = data[pos : pos + 65536]
            pos += len(chunk)
            # At most 1 MB out per call, so counting never holds the inflated stream.
            out = inflater.decompress(chunk, _MB)
            size += len(out)
            while inflater.unconsumed_tail and size <= room:
                out = inflater.decompress(inflater.unconsumed_tail, _MB)
                size += len(out)
            if inflater.eof:
                break
    except zlib.error:
        return size  # not zlib data (or a damaged stream): the reader reports it
    return size


def _pdf_pages(data: bytes, filename: str) -> int:
    """The page count from the PDF's page tree, read by PDFium (the PDF reader's own library)
    without laying out any page."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ImportFailed(filename, "the PDF is password-protected; upload an unlocked copy") from exc
        raise ImportFailed(
            filename,
            f"the PDF is damaged and its pages cannot be counted ({exc}); save it again from the program "
            "that made it and upload that copy",
        ) from exc
    try:
        return len(document)
    finally:
        document.close()
