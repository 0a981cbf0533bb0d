"""Word documents: tables with merged and nested cells, list numbering, bold and
shading; labelled paragraphs when no table is a plan."""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import ImportFailed
from ..grid import Cell, Document, Para, Row, Table, para_from_text, rag_colour
from .common import _SHORT_RAG_TEXT, EXPECTED, _clean_line, _finish, _int, _may_be_plan, _pad

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
        from ..headed import headed_table
        from ..labelled import is_plan_label, labelled_table

        body = _docx_paras(document.element.body, _Numbering(numbering.formats))
        table = labelled_table(body)
        headed = headed_table(body) if table is None else None
        if headed is not None:
            # Headings over bulleted actions: the plan starts at its first heading.
            first_text = body[headed[0]].text
            cut = next(
                (k for k, b in enumerate(blocks) if isinstance(b, str) and first_text in _clean_line(b)), len(blocks)
            )
            blocks = [*blocks[:cut], headed[1], *(b for b in blocks[cut:] if isinstance(b, Table))]
        elif table is not None:
            # The plan starts at its first recommendation, or, when the blocks name none,
            # at the first labelled line.
            named = table.rows[0].cells[1].text == "Recommendation"
            first = table.rows[1].cells[1].text if named and len(table.rows) > 1 else ""
            cut = next(
                (
                    k
                    for k, b in enumerate(blocks)
                    if isinstance(b, str) and ((first and first in b) or (not named and is_plan_label(b)))
                ),
                len(blocks),
            )
            blocks = [*blocks[:cut], table, *(b for b in blocks[cut:] if isinstance(b, Table))]
    return _finish(filename, blocks)


def _is_layout_table(tbl: Any) -> bool:
    rows = _children(tbl, f"{_W}tr")
    return (
        bool(rows)
        and all(len(_children(tr, f"{_W}tc")) == 1 for tr in rows)
        and any(_children(tc, f"{_W}tbl") for tr in rows for tc in _children(tr, f"{_W}tc"))
    )


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
