"""What the readers share: upload limits, the message naming what was expected, text
decoding, and assembling tables and the lines around them into a Document."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import ImportFailed
from ..grid import Cell, Document, Para, Row, Table, para_from_text

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Office files are zip archives; these limits stop a small upload from expanding into
# gigabytes in memory ("zip bomb") before any reader touches it.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 5000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXPECTED = "a Word (.docx), Excel (.xlsx), CSV, PDF, HTML, Markdown or text plan with a table"

_BULLET_SPLIT = re.compile(r"\s*[•●▪■◦‣∙✓✔➢►]\s*")


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


def _int(raw: str | None, default: int) -> int:
    try:
        return max(1, min(int(raw or default), 50))
    except ValueError:
        return default


def _may_be_plan(table: Table) -> bool:
    """True when a row near the top of the table reads like a plan's header."""
    from ..columns import header_score

    return any(
        header_score(texts := [c.text for c in row.cells]) >= 4 and not _labels_with_values(texts)
        for row in table.rows[:30]
    )


def _labels_with_values(texts: list[str]) -> bool:
    """True for a row whose every cell is a label and its value ("Lead: Head of HR",
    "Timescale: June 2026"): a labelled line under an action, spaced out on the page,
    not a header naming columns."""
    from ..labelled import is_plan_label

    filled = [t for t in texts if t.strip()]
    # The last value may have wrapped onto the next line ("Progress:" / "Complete").
    return all(is_plan_label(t) for t in filled) and any(t.split(":", 1)[1].strip() for t in filled)


# A RAG shown as a coloured symbol ("●", "■" or a letter in green) is read from the text
# colour; words in colour are emphasis or a house style, not a rating.
_SHORT_RAG_TEXT = 3


def labelled_blocks(lines: list[tuple[str, bool, bool]], *, wrapped: bool = False) -> list[Table | str] | None:
    """The plan of :func:`labelled_from_lines` with the lines above its first labelled
    block, which carry the title, the council and the inspection's dates (from which a
    timescale of "3 months" counts); None when the lines are not such a plan.

    ``wrapped`` says the lines were wrapped by the page (a PDF), so those not starting
    a paragraph are joined to the one above."""
    from ..labelled import is_plan_label

    table = labelled_from_lines(lines)
    if table is None:
        # No "Action:" blocks: the plan may be headings over bullets whose lead and date
        # are in a bracket or on a labelled line under each.
        return headed_blocks(lines, wrapped=wrapped)
    top = next((k for k, (line, _, _) in enumerate(lines) if is_plan_label(_clean_line(line))), 0)
    # A PDF wraps the introduction's sentences; joined back, a date split over two lines
    # ("12 to 23 January" / "2026.") is read whole.
    paras: list[str] = []
    for line, starts, _ in lines[:top]:
        if paras and wrapped and not starts:
            paras[-1] = f"{paras[-1]} {_clean_line(line)}"
        else:
            paras.append(_clean_line(line))
    return [*paras, table]


def labelled_from_lines(lines: list[tuple[str, bool, bool]]) -> Table | None:
    """A plan written as labelled paragraphs ("Action: …", "Lead: …"), from lines of a
    PDF or text file: ``(text, starts_paragraph, indented)`` for each line. A label, a
    bullet or an indented line under a label starts a paragraph; other lines continue
    the one above. None when the lines are not such a plan."""
    from ..labelled import is_plan_label, labelled_table

    paras: list[Para] = []
    # Paragraphs after a gap that are neither labelled nor list items: the value above
    # going on, or the page's own text.
    loose: list[bool] = []
    for text, starts, indented in lines:
        text = _clean_line(text)
        if not text:
            continue
        para = para_from_text(text, list_hint=indented)
        labelled = re.match(r"^[A-Za-z][A-Za-z0-9 /()&'’.\-]{0,40}?\s*:", text) is not None
        if paras and not starts and not labelled and para.kind == "text" and not indented:
            paras[-1].text = f"{paras[-1].text} {text}"
        else:
            paras.append(para)
            loose.append(bool(paras[1:]) and starts and not labelled and para.kind == "text" and not indented)
    labels = [k for k, p in enumerate(paras) if is_plan_label(p.text)]
    first, last = (labels[0], labels[-1]) if labels else (0, len(paras))
    if not any(loose[first:last]):
        # The plan's values never go on past a gap, so the paragraphs after a gap below
        # its last block are the page's footer ("Was this page useful?"), not its last
        # value.
        cut = next((k for k in range(last + 1, len(paras)) if loose[k]), len(paras))
        paras = paras[:cut]
    return labelled_table(paras) if paras else None


def headed_blocks(lines: list[tuple[str, bool, bool]], *, wrapped: bool = False) -> list[Table | str] | None:
    """A plan written as headings over bulleted actions (:mod:`..headed`), from lines of
    a PDF or text file as :func:`labelled_from_lines` takes them, with the paragraphs
    above its first heading (the preamble); None when the lines are not such a plan.

    A line continues the paragraph above when the page wrapped it (``wrapped``, no gap
    before it, set in as the line above is) or, in text, when it opens in lower case (an
    e-mail wraps its lines); a bullet or a label always starts a paragraph."""
    from ..headed import headed_table, labelled_parts

    paras: list[Para] = []
    raw: list[str] = []
    indented: list[bool] = []
    for text, starts, inset in lines:
        text = _clean_line(text)
        if not text:
            continue
        para = para_from_text(text)
        labelled = labelled_parts(text) is not None
        wraps = (wrapped and not starts and inset == indented[-1]) if paras else False
        if paras and para.kind == "text" and not labelled and (wraps or (not wrapped and text[:1].islower())):
            paras[-1].text = f"{paras[-1].text} {text}"
            raw[-1] = f"{raw[-1]} {text}"
            continue
        paras.append(para)
        raw.append(text)
        indented.append(inset)
    found = headed_table(paras, indented)
    if found is None:
        return None
    start, table = found
    return [*raw[:start], table]
