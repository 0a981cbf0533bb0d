"""The board pack as a Word document a council can edit: landscape pages, real tables."""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

from django.utils import timezone
from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tc
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from lineofsight.indicators.charts import to_png
from lineofsight.reports import charts
from lineofsight.reports.builder import BoardPackContent, long_date

RAG_FILLS = {
    "red": ("D4351C", "FFFFFF"),
    "amber": ("FFDD00", "0B0C0C"),
    "green": ("00703C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
}


def landscape_document() -> WordDocument:
    """A new Word document on landscape A4 with modest margins and a readable font."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    return document


def shade(cell: _Cell, fill: str, colour: str | None = None) -> None:
    """Fill a table cell (and colour its text) the way councils shade RAG columns."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)
    if colour:
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = RGBColor.from_string(colour)


def repeat_header(table: Table) -> None:
    """Repeat the header row on every page a long table runs onto."""
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row_properties.append(marker)


def set_cell(cell: _Cell, text: str, *, bold: bool = False) -> None:
    """Write text into a cell, one Word paragraph per line so lists stay lists."""
    if len(cell.paragraphs) > 1 or cell.paragraphs[0].text:
        cell.text = ""  # a merged or reused cell: start again
    first = cell.paragraphs[0]
    for index, line in enumerate((text or "").split("\n")):
        paragraph = first if index == 0 else cell.add_paragraph()
        if line:
            run = paragraph.add_run(line)
            if bold:  # only ever set, so plain cells carry no formatting to override
                run.bold = True


def _fill_new_cell(tc: CT_Tc, text: str) -> None:
    """Write text into a fresh cell's XML (one empty paragraph), one paragraph per line.

    The same Word markup as :func:`set_cell`, built directly: going through python-docx's
    cell, paragraph and run objects for every cell of a 300-action pack costs seconds.
    """
    paragraph = tc.p_lst[0]
    for index, line in enumerate((text or "").split("\n")):
        if index:
            paragraph = tc.add_p()
        if not line:
            continue
        run = paragraph.add_r()
        if "\t" in line:
            run.text = line  # python-docx turns tabs into Word tab marks
        else:
            run.add_t(line)


def add_table(
    document: WordDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float] | None = None,
    rag_column: int | None = None,
    rags: Sequence[str] | None = None,
) -> Table:
    """A bordered table with a repeating bold header; RAG cells shaded when given.

    Column widths go on the table grid once; every body row is a copy of one empty
    row carrying those widths, filled in directly (see :func:`_fill_new_cell`).
    """
    table = document.add_table(rows=1, cols=len(header))
    # The style's id straight onto the table: python-docx's ``table.style`` setter
    # re-checks the style on every call, a noticeable cost over 60-odd tables.
    table._tbl.tblStyle_val = document.styles["Table Grid"].style_id
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
    header_cells = table.rows[0].cells
    for column, (cell, title) in enumerate(zip(header_cells, header, strict=True)):
        set_cell(cell, title, bold=True)
        shade(cell, "F3F2F1")
        if widths:
            cell.width = Cm(widths[column])
    repeat_header(table)
    blank = table.add_row()._tr  # each cell: its width and one empty paragraph
    tbl = table._tbl
    tbl.remove(blank)
    for index, values in enumerate(rows):
        tr = copy.deepcopy(blank)
        tbl.append(tr)
        cells = tr.tc_lst
        for tc, value in zip(cells, values, strict=True):
            _fill_new_cell(tc, value)
        if rag_column is not None and rags is not None and rags[index] in RAG_FILLS:
            fill, colour = RAG_FILLS[rags[index]]
            shade(_Cell(cells[rag_column], table), fill, colour)
    return table


def export_docx(pack: BoardPackContent) -> bytes:
    """The pack as an editable Word document."""
    document = landscape_document()
    document.core_properties.title = pack.title
    if pack.draft:
        # On every page, so a printed page cannot pass for the issued pack.
        for page_section in document.sections:
            page_section.header.paragraphs[0].text = "DRAFT – not issued"
    document.add_heading(pack.title, level=0)
    document.add_paragraph(f"{pack.organisation} · {'; '.join(pack.plans) or 'No active plan reports to this body'}")
    document.add_paragraph(
        f"Built {timezone.localtime(pack.generated_at):%d %B %Y %H:%M}. "
        f"Changes are compared with {pack.baseline.description}."
    )

    document.add_heading("Summary", level=1)
    counts = ", ".join(f"{label} {count}" for _rag, label, count in pack.overall.items())
    document.add_paragraph(f"{pack.overall.total} actions: {counts}.")
    if pack.overall.total:
        document.add_picture(io.BytesIO(to_png(charts.rag_summary_chart(pack))), width=Cm(18))
    labels = [label for _rag, label, _count in pack.overall.items()]
    document.add_heading("By theme", level=2)
    add_table(
        document,
        ["Theme", *labels, "Total"],
        [[t.theme, *(str(c) for _r, _l, c in t.counts.items()), str(t.counts.total)] for t in pack.by_theme],
    )
    document.add_heading("By recommendation", level=2)
    add_table(
        document,
        ["Recommendation", *labels, "Total"],
        [[b.heading, *(str(c) for _r, _l, c in b.counts.items()), str(b.counts.total)] for b in pack.by_recommendation],
        widths=[12.5] + [2.0] * (len(labels) + 1),
    )

    changed_heading = "What changed since the last pack" if pack.baseline.kind == "pack" else "What changed"
    document.add_heading(changed_heading, level=1)
    if pack.baseline.kind == "none":
        document.add_paragraph("This is the first pack for this body, so there is nothing to compare with.")
    else:
        summary = " · ".join(f"{label}: {len(changes)}" for _k, label, changes in pack.changes_by_kind())
        document.add_paragraph(f"Compared with {pack.baseline.description}: {summary}.")
        for _kind, label, changes in pack.changes_by_kind():
            if changes:
                document.add_heading(f"{label} ({len(changes)})", level=2)
                add_table(
                    document,
                    ["Action", "Was", "Now"],
                    [[f"{c.action_label} {c.action_text}", c.before, c.after] for c in changes],
                    widths=[12.0, 6.0, 8.7],
                )

    document.add_heading(f"Exceptions ({len(pack.exceptions)})", level=1)
    document.add_paragraph(
        "Actions that are red, past their deadline, or without a progress update for "
        f"{pack.stale_after_days} days or more (stale)."
    )
    if pack.exceptions:
        add_table(
            document,
            ["Action", "Lead", "Timescale", "RAG", "Why it is here"],
            [
                [
                    f"{e.action.label} {e.action.text}" + (f"\n{e.action.rag_summary}" if e.action.rag_reason else ""),
                    " / ".join(e.action.owners),
                    e.action.due,
                    e.action.rag_label,
                    "\n".join(e.reasons),
                ]
                for e in pack.exceptions
            ],
            widths=[10.0, 4.5, 3.5, 2.2, 6.5],
            rag_column=3,
            rags=[e.action.rag for e in pack.exceptions],
        )
    else:
        document.add_paragraph("No exceptions.")

    document.add_heading("Progress by recommendation", level=1)
    for block in pack.by_recommendation:
        document.add_heading(block.heading, level=2)
        document.add_paragraph(f"{block.plan} · {block.theme}")
        if block.outcomes:
            document.add_paragraph(f"Outcome: {'; '.join(block.outcomes)}")
        add_table(
            document,
            ["Action", "Lead", "Timescale", "Status", "RAG"],
            [
                [
                    f"{a.label} {a.text}" + (f"\n{a.rag_summary}" if a.rag_reason else ""),
                    " / ".join(a.owners),
                    a.due,
                    a.status_label,
                    a.rag_label,
                ]
                for a in block.actions
            ],
            widths=[12.0, 5.0, 4.0, 3.0, 2.7],
            rag_column=4,
            rags=[a.rag for a in block.actions],
        )
        if not block.updates:
            document.add_paragraph("No signed-off progress updates yet.")
        for update in block.updates:
            paragraph = document.add_paragraph()
            when = f", as of {long_date(update.as_of)}" if update.as_of else ""
            paragraph.add_run(f"{update.action_label}{when}: ").bold = True
            paragraph.add_run(update.text)
            if update.impact:
                paragraph.add_run(f"\nImpact: {update.impact}").italic = True

    for section in pack.sections:
        document.add_heading(section.title, level=1)
        if section.intro:
            document.add_paragraph(section.intro)
        add_table(document, section.columns, section.rows)
        for series in section.series:
            document.add_picture(io.BytesIO(to_png(charts.trend_chart(series))), width=Cm(12))

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
