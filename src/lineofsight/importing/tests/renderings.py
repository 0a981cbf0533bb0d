"""Every scored plan printed to PDF by LibreOffice and extracted with ``pdftotext -layout``.

Councils send the committee-paper PDF of their Word plan, or text copied out of it; these
renderings let the suite score the importer on exactly that. LibreOffice takes seconds to
start, so all missing renderings are converted in one ``soffice`` call and kept in a cache
keyed by the document's content hash (``$XDG_CACHE_HOME/lineofsight-renderings``, else
``~/.cache/lineofsight-renderings``): a rerun converts nothing.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import json
import os
import pkgutil
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Bump when the way documents are rendered changes, so old cached files are not reused.
RENDER_VERSION = "1"
SHARED = Path(__file__).resolve().parents[5] / "shared"


@dataclass
class ScoredPlan:
    """One plan of a scored corpus: its source document and its hand-checked answer."""

    name: str
    filename: str
    build: Callable[[], bytes]
    expected: dict[str, Any]
    # The actions whose RAG the document shows only as a colour (True: every action).
    rag_shown_as_colour_only: bool | tuple[str, ...] = ()

    def expected_from_text(self) -> dict[str, Any]:
        """The answer for a text rendering: text keeps no colours, so an action whose RAG
        is only a colour has no RAG there, and the importer must not invent one."""
        colour_only = self.rag_shown_as_colour_only
        if not colour_only:
            return self.expected
        answer = json.loads(json.dumps(self.expected))
        for rec in answer["recommendations"]:
            for action in rec["actions"]:
                if colour_only is True or action["text"] in colour_only:
                    action["rag"] = None
        return answer


def cache_dir() -> Path:
    """Where renderings are kept between runs (created on first use)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "lineofsight-renderings"
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_hash(data: bytes) -> str:
    """A hash of what a document says, not when it was written: Office files carry their
    creation time in docProps and zip timestamps, which change on every build."""
    digest = hashlib.sha256(RENDER_VERSION.encode())
    if data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in sorted(zf.namelist()):
                if name.startswith("docProps/"):
                    continue
                digest.update(name.encode())
                digest.update(zf.read(name))
    else:
        digest.update(data)
    return digest.hexdigest()[:24]


def scored_plans() -> list[ScoredPlan]:
    """The plans written in code under importing/tests (corpus, blind rounds) and the
    seed answers, each as a document with its answer."""
    from lineofsight.importing.tests import blind, blind2, corpus

    out: list[ScoredPlan] = []
    for module in corpus.plans():
        out.append(
            ScoredPlan(
                module.__name__.rsplit(".", 1)[-1],
                module.FILENAME,
                module.build,
                module.expected(),
                getattr(module, "RAG_SHOWN_AS_COLOUR_ONLY", ()),
            )
        )
    for package in (blind, blind2):
        names = sorted(
            m.name for m in pkgutil.iter_modules(package.__path__) if m.name[0] in "bp" and m.name[1:3].isdigit()
        )
        for name in names:
            module = importlib.import_module(f"{package.__name__}.{name}")
            out.append(
                ScoredPlan(
                    f"{package.__name__.rsplit('.', 1)[-1]}.{name}", module.FILENAME, module.build, module.EXPECTED
                )
            )
    for answer in sorted((SHARED / "truth").glob("*.json")) if (SHARED / "truth").is_dir() else []:
        expected = json.loads(answer.read_text(encoding="utf-8"))
        out.append(ScoredPlan(f"seed.{answer.stem}", f"{answer.stem}.docx", _answer_docx(expected), expected))
    return out


def _answer_docx(plan: dict[str, Any]) -> Callable[[], bytes]:
    """A Word plan table written from an answer file, as a council would lay it out."""

    def build() -> bytes:
        import docx
        from docx.enum.section import WD_ORIENT

        d = docx.Document()
        section = d.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        if plan.get("title"):
            d.add_paragraph(plan["title"])
        head = ["Ref", "Recommendation", "Action", "Lead", "Timescale", "Status", "RAG"]
        table = d.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for c, text in enumerate(head):
            table.cell(0, c).paragraphs[0].add_run(text).bold = True
        for rec in plan["recommendations"]:
            first = len(table.rows)
            for act in rec["actions"]:
                cells = table.add_row().cells
                due = act.get("due") or {}
                values = [
                    "",
                    "",
                    act["text"],
                    "\n".join(act.get("owners") or []),
                    due.get("text") or "",
                    (act.get("status") or "").replace("_", " "),
                    act.get("rag") or "",
                ]
                for c, value in enumerate(values):
                    lines = value.split("\n")
                    cells[c].text = lines[0]
                    for line in lines[1:]:
                        cells[c].add_paragraph(line)
            last = len(table.rows) - 1
            if last >= first:
                ref = table.cell(first, 0)
                text = table.cell(first, 1)
                if last > first:
                    ref = ref.merge(table.cell(last, 0))
                    text = text.merge(table.cell(last, 1))
                ref.text = rec.get("ref") or ""
                text.text = rec.get("text") or ""
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()

    return build


def printable_workbook(data: bytes) -> bytes:
    """A workbook set up for printing the way a plan manager prints one: columns wide
    enough for their text (at most about 60 characters, wrapping beyond), text wrapped
    and aligned to the top, landscape, each sheet fitted to the page width. Printed as
    it is, Calc cuts every cell at its narrow default width and shows dates as "###"."""
    import openpyxl
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        widths: dict[int, int] = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                longest = max((len(part) for part in str(cell.value).splitlines()), default=0)
                widths[cell.column] = max(widths.get(cell.column, 8), min(longest + 2, 60))
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column, width in widths.items():
            letter = get_column_letter(column)
            if not ws.column_dimensions[letter].hidden:
                ws.column_dimensions[letter].width = width
        # Calc keeps an .xlsx file's row heights; give each row room for its wrapped lines.
        for row in ws.iter_rows():
            lines = 1
            for cell in row:
                if cell.value is None:
                    continue
                width = widths.get(cell.column, 8)
                parts = str(cell.value).splitlines() or [""]
                lines = max(lines, sum(max(1, -(-len(part) // max(width - 2, 1))) for part in parts))
            ws.row_dimensions[row[0].row].height = 15 * lines + 2
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def soffice() -> str | None:
    """The LibreOffice binary, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_all(plans: list[ScoredPlan]) -> dict[str, tuple[Path, Path]]:
    """Each plan's PDF and ``pdftotext -layout`` text, converting only what the cache lacks."""
    cache = cache_dir()
    wanted: dict[str, tuple[str, bytes, str]] = {}
    for p in plans:
        data = p.build()
        if p.filename.lower().endswith(".xlsx"):
            data = printable_workbook(data)
        key = content_hash(data)
        wanted[p.name] = (key, data, Path(p.filename).suffix or ".docx")
    missing = {key: (data, suffix) for key, data, suffix in wanted.values() if not (cache / f"{key}.pdf").exists()}
    if missing:
        binary = soffice()
        if binary is None:
            raise RuntimeError("LibreOffice (soffice) is not installed; run scripts/install-test-deps.sh")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src"
            src.mkdir()
            files = []
            for key, (data, suffix) in missing.items():
                path = src / f"{key}{suffix}"
                path.write_bytes(data)
                files.append(str(path))
            # A private profile: several runs (or engineers) at once must not share one.
            profile = Path(tmp) / "profile"
            subprocess.run(
                [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(Path(tmp) / "out"), *files],
                check=True, capture_output=True, timeout=1200,
            )  # fmt: skip
            for key in missing:
                produced = Path(tmp) / "out" / f"{key}.pdf"
                if produced.exists():
                    shutil.move(str(produced), cache / f"{key}.pdf")
    out: dict[str, tuple[Path, Path]] = {}
    for name, (key, _, _) in wanted.items():
        pdf = cache / f"{key}.pdf"
        text = cache / f"{key}.txt"
        if pdf.exists() and not text.exists():
            subprocess.run(["pdftotext", "-layout", str(pdf), str(text)], check=True, timeout=120)
        out[name] = (pdf, text)
    return out
