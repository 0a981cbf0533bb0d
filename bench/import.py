"""Import speed: median time per document and actions per second.

Run: .venv/bin/python bench/import.py [--runs N]
Reads each seed in ../shared/seeds (when present), a generated 500-action .docx and
.xlsx plan, and a generated 20-page PDF plan (and its pdftotext -layout text, when
poppler is installed), reporting PDF pages per second beside the Word figures. Prints
figures; asserts nothing (tests are never timing-based).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lineofsight.importing import read_plan
from lineofsight.importing.tests.builders import large_docx, large_xlsx

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _rows(pages: int) -> int:
    return pages * 11 + 4  # about 11 rows a landscape page


LARGE_PDF_ROWS = _rows(20)


def large_pdf(pages: int = 20) -> bytes:
    """A PDF plan of about ``pages`` pages: a ruled landscape table printed by WeasyPrint."""
    import weasyprint

    rows = "".join(
        f"<tr><td>{n // 3 + 1}</td><td>Recommendation {n // 3 + 1}: improve how the service works with families.</td>"
        f"<td>Action {n}: review the arrangements and report the findings to the improvement board.</td>"
        f"<td>Head of Service {n % 7}</td><td>{n % 28 + 1} March 2026</td><td>In progress</td>"
        f"<td>{'Progress has been reported to the board. ' * 3}</td></tr>"
        for n in range(_rows(pages))
    )
    html = (
        "<html><head><style>@page{size:A4 landscape;margin:1.5cm}body{font:9pt sans-serif}"
        "table{border-collapse:collapse}td,th{border:0.5pt solid #000;vertical-align:top;padding:3pt}"
        "tr{break-inside:avoid}</style></head><body><h1>Benchmark Council</h1><p>Improvement plan</p>"
        "<table><thead><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead officer</th>"
        f"<th>Timescale</th><th>Status</th><th>Progress</th></tr></thead>{rows}</table></body></html>"
    )
    return weasyprint.HTML(string=html).write_pdf()


def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def measure(name: str, data: bytes, runs: int, pages: int | None = None, expected: int | None = None) -> None:
    """Time ``runs`` imports of ``data`` and print the median; with ``expected``, say
    when the import found a different number of actions (a fast wrong reading is no win)."""
    times = []
    actions = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = read_plan(data, name)
        times.append(time.perf_counter() - start)
        actions = result.action_count
    median = statistics.median(times)
    rate = actions / median if median else 0.0
    per_page = f"  {pages / median:6.1f} pages/s ({pages} pages)" if pages and median else ""
    print(
        f"{name:40} {len(data) / 1024:8.0f} KB {actions:5d} actions "
        f"median {median * 1000:8.1f} ms  {rate:8.0f} actions/s{per_page}"
        + (f"  FOUND {actions} OF {expected} ACTIONS" if expected is not None and actions != expected else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if SHARED.is_dir() else []
    for path in seeds:
        try:
            measure(path.name, path.read_bytes(), args.runs)
        except Exception as exc:  # a seed without a plan table (minutes) is reported, not fatal
            print(f"{path.name:40} not a plan: {exc}")
    measure("generated-500-actions.docx", large_docx(500), args.runs, expected=500)
    measure("generated-500-actions.xlsx", large_xlsx(500), args.runs, expected=500)
    pdf = large_pdf(20)
    pages = pdf_pages(pdf)
    measure("generated-20-pages.pdf", pdf, args.runs, pages, expected=LARGE_PDF_ROWS)
    import shutil
    import subprocess

    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        run = subprocess.run  # poppler found on PATH, fixed arguments
        text = run([pdftotext, "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        measure("generated-20-pages-layout.txt", text, args.runs, pages, expected=LARGE_PDF_ROWS)


if __name__ == "__main__":
    main()
