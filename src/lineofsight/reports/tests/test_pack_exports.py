"""Every format says what the builder computed: counts, changes, exceptions, charts."""

from __future__ import annotations

import io
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from lineofsight.plans.models import ProgressUpdate
from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS
from lineofsight.reports.models import BoardPack

from .conftest import action

pytestmark = pytest.mark.django_db

MEETING = date(2026, 7, 1)


@pytest.fixture
def changed_pack(aged_plan, improvement_board):  # type: ignore[no-untyped-def]
    """The Improvement Board's July pack after a May pack: 2.1 completed, 1b's deadline
    moved to September with a new update, and a hostile formula typed into an update."""
    # Freeze May's content only: rendering its files is tested elsewhere and costs seconds.
    may = build_pack(improvement_board, date(2026, 5, 1))
    BoardPack.objects.create(
        organisation=improvement_board.organisation,
        body=improvement_board,
        meeting_date=may.meeting_date,
        issued_at=timezone.now(),
        content=may.to_json(),
    )
    tracker = action(aged_plan, "2")
    tracker.status, tracker.rag = "complete", "blue"
    tracker.save()
    review = action(aged_plan, "1b")
    review.due_text, review.due_date = "September 2026", date(2026, 9, 30)
    review.save()
    ProgressUpdate.objects.create(
        action=review, text="Twelve placements reviewed.", as_of=date(2026, 6, 1), review=ProgressUpdate.Review.ACCEPTED
    )
    ProgressUpdate.objects.create(
        action=review,
        text='=HYPERLINK("http://evil.example","click")',
        as_of=date(2026, 6, 2),
        review=ProgressUpdate.Review.ACCEPTED,
    )
    return build_pack(improvement_board, MEETING)


def html_words(pack) -> str:  # type: ignore[no-untyped-def]
    """The words of the HTML the PDF is printed from, with line breaks folded.

    A pack's words are checked here rather than read back out of the PDF: how a PDF's text
    comes back depends on the fonts a machine has (kerning splits "Twelve" into "T welve").
    """
    soup = BeautifulSoup(FORMATS["html"].export(pack), "html.parser")
    for hidden in soup(["style", "script"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def pdftotext_words(pdf: Path) -> str:
    """What poppler's pdftotext reads from a PDF, all whitespace removed (so kerning cannot matter)."""
    done = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return "".join(done.stdout.decode("utf-8").split())


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_the_pack_printed_to_pdf_holds_the_counts_the_changes_and_the_exceptions(changed_pack):
    text = html_words(changed_pack)

    assert "Improvement Board: board pack for the meeting on 1 July 2026" in text
    assert "Completed: 1 · Deadlines moved: 1 · RAG moved: 1 · New progress updates: 2 · New actions: 0" in text
    assert "September 2026 (30 September 2026)" in text
    assert "Twelve placements reviewed." in text
    assert "Exceptions (1)" in text
    assert "Red" in text and "Blue" in text


def test_pdf_is_a_landscape_document_of_pages_whose_text_can_be_read(changed_pack, tmp_path: Path):
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(FORMATS["pdf"].export(changed_pack))

    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 20
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape A4
    words = pdftotext_words(pdf)
    assert "ImprovementBoard:boardpackforthemeetingon1July2026" in words
    assert "Twelveplacementsreviewed." in words


def test_pdf_first_page_renders_to_an_image(changed_pack, tmp_path: Path):
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(FORMATS["pdf"].export(changed_pack))

    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )

    image = next(tmp_path.glob("page*.png"))
    assert image.read_bytes().startswith(b"\x89PNG")
    from PIL import Image

    with Image.open(image) as page:
        assert page.width > page.height  # landscape A4
        colours = page.convert("RGB").getcolors(maxcolors=1_000_000) or []
    # The RAG chart and tiles put red and blue ink on the first page.
    assert any(r > 180 and g < 90 and b < 60 for _n, (r, g, b) in colours)


def test_docx_is_landscape_and_lists_the_changes_and_exceptions(changed_pack):
    data = FORMATS["docx"].export(changed_pack)
    document = Document(io.BytesIO(data))
    text = docx_text(data)

    assert document.sections[0].page_width > document.sections[0].page_height
    assert "2 actions: Red 1, Amber 0, Green 0, Blue 1, No RAG 0." in text
    assert "Completed (1)" in text and "Deadlines moved (1)" in text
    assert "June 2026 (30 June 2026) | September 2026 (30 September 2026)" in text
    assert "Exceptions (1)" in text
    assert any(name.startswith("word/media/") for name in zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_xlsx_has_a_sheet_per_section_with_the_figures(changed_pack):
    workbook = load_workbook(io.BytesIO(FORMATS["xlsx"].export(changed_pack)))

    assert workbook.sheetnames[:4] == ["Summary", "Changes", "Exceptions", "Progress"]
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=6, max_row=11, values_only=True)}
    assert summary == {"Red": 1, "Amber": 0, "Green": 0, "Blue": 1, "No RAG": 0, "Total": 2}
    changes = list(workbook["Changes"].iter_rows(min_row=4, values_only=True))
    assert ("Completed", "2.1") in [(row[0], row[1]) for row in changes]
    assert ("Deadlines moved", "1b") in [(row[0], row[1]) for row in changes]
    assert [row[0] for row in workbook["Exceptions"].iter_rows(min_row=2, values_only=True)] == ["1b"]
    assert workbook["Summary"]._images  # the RAG chart


def test_xlsx_never_writes_council_text_as_a_formula(changed_pack):
    data = FORMATS["xlsx"].export(changed_pack)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in sheet for sheet in sheets)
    workbook = load_workbook(io.BytesIO(data))
    hostile = [
        cell
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert hostile
    for cell in hostile:
        assert cell.data_type == "s"
        if cell.value.startswith("="):
            assert cell.quotePrefix  # Excel's own "typed with an apostrophe" flag


def test_html_pack_escapes_council_text_and_embeds_its_charts(improvement_board, example_plan):
    review = action(example_plan, "1b")
    review.text = "<script>alert(1)</script> Review placements"
    review.save()
    html = FORMATS["html"].export(build_pack(improvement_board, MEETING)).decode()

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "@page" in html and "@media print" in html


def test_indicators_section_appears_with_trend_charts_when_indicators_are_linked(improvement_board, example_plan):
    indicators = pytest.importorskip("lineofsight.indicators.models")
    indicator = indicators.Indicator.objects.create(
        organisation=example_plan.organisation, code="NI66", title="Reviews on time", unit="percent"
    )
    for quarter, value in enumerate([71.0, 78.5, 84.0], start=1):
        indicators.IndicatorValue.objects.create(
            indicator=indicator,
            period_kind="quarter",
            period_start=date(2026, 3 * quarter - 2, 1),
            period_end=date(2026, 3 * quarter, 28),
            period_label=f"2026 Q{quarter}",
            value=value,
        )
    indicators.Target.objects.create(indicator=indicator, value=90, by_date=date(2026, 12, 31))
    indicators.IndicatorLink.objects.create(indicator=indicator, action=action(example_plan, "2"), confirmed=True)

    pack = build_pack(improvement_board, MEETING)

    section = next(s for s in pack.sections if s.key == "indicators")
    assert section.rows[0][0] == "NI66 Reviews on time"
    assert [p.value for p in section.series[0].points] == [71.0, 78.5, 84.0]
    assert section.series[0].target == 90
    html = FORMATS["html"].export(pack).decode()
    assert "Trend chart of NI66 Reviews on time" in html
    assert "NI66 Reviews on time" in html_words(pack)
    assert FORMATS["pdf"].export(pack).startswith(b"%PDF-")
    assert "Indicators" in load_workbook(io.BytesIO(FORMATS["xlsx"].export(pack))).sheetnames


def test_indicators_section_is_left_out_when_nothing_is_linked(improvement_board):
    assert [s.key for s in build_pack(improvement_board, MEETING).sections] == []


def test_rag_chart_draws_large_packs_too(improvement_board):
    from lineofsight.indicators.charts import to_svg
    from lineofsight.reports.charts import rag_summary_chart

    pack = build_pack(improvement_board, MEETING)
    pack.overall.red = 250  # beyond the range where every whole number gets a tick

    assert to_svg(rag_summary_chart(pack)).startswith("<svg")


def test_a_body_with_no_actions_still_gets_a_readable_pack_in_every_format(council):
    from lineofsight.plans.models import GovernanceBody

    body = GovernanceBody.objects.create(organisation=council, name="Scrutiny Panel")
    pack = build_pack(body, MEETING)

    files = {name: fmt.export(pack) for name, fmt in FORMATS.items()}

    assert "No active plan reports to this body" in html_words(pack)
    assert len(PdfReader(io.BytesIO(files["pdf"])).pages) >= 1
    assert "0 actions" in docx_text(files["docx"])
    assert load_workbook(io.BytesIO(files["xlsx"]))["Summary"]["B11"].value == 0
