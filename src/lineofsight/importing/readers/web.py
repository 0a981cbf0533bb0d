"""HTML pages: their tables, with rowspan/colspan, lists, <br> and bold kept in cells."""

from __future__ import annotations

import re
from typing import Any

from ..grid import Cell, Document, Para, Row, Table, para_from_text, rag_colour
from .common import _clean_line, _finish, _int, _pad, _split_bullets, decode_text


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
