"""Bad uploads fail with a specific message naming the file and what was expected."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from lineofsight.importing import MAX_UPLOAD_BYTES, ImportFailed, detect_type, read_plan
from lineofsight.importing.readers import OLE_MAGIC
from lineofsight.importing.tests import builders


def _fails(data: bytes, filename: str) -> str:
    with pytest.raises(ImportFailed) as info:
        read_plan(data, filename)
    assert info.value.filename == filename
    assert str(info.value).startswith(f"{filename}: ")
    return str(info.value)


def test_empty_file_is_refused():
    assert "the file is empty" in _fails(b"", "plan.docx")
    assert "the file is empty" in _fails(b"  \n", "plan.csv")


def test_unknown_type_is_refused():
    assert "not recognised" in _fails(b"just some words without any table", "notes.bin")
    assert "binary" in _fails(b"\x00\x01\x02garbage" * 10, "image.png")


def test_damaged_word_file_is_refused():
    message = _fails(b"PK\x03\x04" + b"\x00" * 200, "plan.docx")
    assert "damaged" in message


def test_zip_that_is_not_office_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "not a Word or Excel file" in _fails(buf.getvalue(), "plan.docx")


def test_password_protected_office_file_is_refused():
    # An encrypted .docx/.xlsx is an OLE container holding an "EncryptedPackage" stream.
    data = OLE_MAGIC + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    message = _fails(data, "plan.xlsx")
    assert "password-protected" in message


def test_old_binary_office_file_asks_for_docx_or_xlsx():
    assert "save it as .docx or .xlsx" in _fails(OLE_MAGIC + b"\x00" * 512, "plan.doc")


def test_zip_bomb_is_refused_before_it_is_opened():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\x00" * (3 * 1024 * 1024))
    message = _fails(buf.getvalue(), "plan.docx")
    assert "zip bomb" in message


def test_oversize_upload_is_refused():
    message = _fails(b"a,b\n" * (MAX_UPLOAD_BYTES // 4 + 1), "plan.csv")
    assert "the limit is 20 MB" in message


def test_pdf_without_tables_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    message = _fails(buf.getvalue(), "scan.pdf")
    assert "no table was found in the PDF" in message


def test_document_without_a_plan_table_is_refused():
    message = _fails(b"Item\tCost\nSocial worker\t40000\n", "budget.txt")
    assert "no recommendations or actions were found" in message


@pytest.mark.parametrize(
    ("maker", "filename", "kind"),
    [
        (builders.example_docx, "anything.bin", "docx"),
        (builders.example_xlsx, "plan", "xlsx"),
        (lambda: builders.EXAMPLE_HTML.encode(), "plan.txt", "html"),
        (lambda: builders.EXAMPLE_MARKDOWN.encode(), "plan.md", "md"),
        (builders.example_csv, "plan.csv", "csv"),
        (lambda: b"No.\tAction\tLead\n1\tDo it\tMe\n", "plan.txt", "text"),
    ],
)
def test_type_is_detected_from_content_and_name(maker, filename, kind):
    assert detect_type(maker(), filename) == kind


def test_importer_does_not_need_django():
    code = (
        "import sys, lineofsight.importing as i; "
        "assert not [m for m in sys.modules if m.startswith('django')], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
