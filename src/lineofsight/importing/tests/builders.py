"""Plan documents written by the tests themselves, for a fictional council.

Example Borough Council's post-ILACS plan in the shapes councils send: Word with merged
cells, bullets and parallel date lists; Excel with merged recommendation cells and
several sheets; HTML, Markdown and CSV. Used by the tests and by ``bench/import.py``.
"""

from __future__ import annotations

import csv
import io
from typing import Any

HEADER = ["Ref", "Recommendation", "Action", "Lead officer", "Timescale", "Progress March 2026", "RAG"]


def _set_cell(cell: Any, lines: list[str], *, style: str | None = None, bold: bool = False) -> None:
    cell.text = ""
    first = cell.paragraphs[0]
    for k, line in enumerate(lines):
        para = first if k == 0 else cell.add_paragraph()
        if style:
            para.style = style
        run = para.add_run(line)
        run.bold = bold


def _bold_header(table: Any, header: list[str]) -> None:
    """Write ``header`` in bold across the table's first row."""
    for c, text in enumerate(header):
        _set_cell(table.cell(0, c), [text], bold=True)


def _workbook(title: str) -> tuple[Any, Any]:
    """A new workbook and its first sheet, named ``title``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    return wb, ws


def _saved(document: Any) -> bytes:
    """The bytes of a Word document or Excel workbook, as a council would send it."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def example_docx() -> bytes:
    """A Word plan: preamble, a budget table, a plan table, a headed table, a glossary."""
    import docx

    d = docx.Document()
    d.add_heading("Example Borough Council", level=1)
    d.add_paragraph("Post-ILACS Improvement Plan")
    d.add_paragraph("Following inspection - 12 to 23 January 2026")

    d.add_paragraph("Budget")
    budget = d.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["Budget line", "2025/26", "2026/27"],
            ["Social work academy", "£120,000", "£80,000"],
            ["Total", "£120,000", "£80,000"],
        ]
    ):
        for c, text in enumerate(row):
            budget.cell(r, c).text = text

    d.add_paragraph("Improvement actions")
    t = d.add_table(rows=7, cols=len(HEADER))
    _bold_header(t, HEADER)
    # A section row: one cell merged across the table.
    section = t.cell(1, 0).merge(t.cell(1, len(HEADER) - 1))
    _set_cell(section, ["Priority 1: within 3 months"], bold=True)
    # Recommendation 1: three bullets with a parallel list of dates, one lead for all.
    _set_cell(t.cell(2, 0), ["1."])
    _set_cell(t.cell(2, 1), ["Improve the timeliness of strategy meetings."])
    _set_cell(
        t.cell(2, 2),
        [
            "Audit every strategy meeting held in January.",
            "Publish a revised threshold guide for partners.",
            "Train all duty managers in the new guide.",
        ],
        style="List Bullet",
    )
    _set_cell(t.cell(2, 3), ["Head of Safeguarding"])
    _set_cell(t.cell(2, 4), ["March 2026 (complete)", "April 2026", "Summer 2026"])
    _set_cell(t.cell(2, 5), ["Audit finished and reported."])
    _set_cell(t.cell(2, 6), ["Green"])
    # A continuation row: no number, one more action with two leads.
    _set_cell(t.cell(3, 2), ["Add a weekly tracker of strategy meetings to the front door report."])
    _set_cell(t.cell(3, 3), ["Jo Bloggs – Service Manager, Front Door / Performance Lead"])
    _set_cell(t.cell(3, 4), ["Ongoing"])
    _set_cell(t.cell(3, 6), ["Amber"])
    # Recommendation 2 spans two rows through vertically merged cells; lettered items.
    t.cell(4, 0).merge(t.cell(5, 0))
    t.cell(4, 1).merge(t.cell(5, 1))
    _set_cell(t.cell(4, 0), ["2"])
    _set_cell(t.cell(4, 1), ["Strengthen management oversight of children in need plans."])
    _set_cell(
        t.cell(4, 2),
        ["a) Introduce monthly case supervision audits.", "b) Report audit findings to the Improvement Board."],
    )
    _set_cell(t.cell(4, 3), ["Head of Quality Assurance; Principal Social Worker"])
    _set_cell(t.cell(4, 4), ["Feb 27 – partially complete"])
    _set_cell(t.cell(4, 6), ["Red"])
    _set_cell(t.cell(5, 2), ["c) Refresh the supervision policy."])
    _set_cell(t.cell(5, 3), ["Principal Social Worker"])
    _set_cell(t.cell(5, 4), ["Sept-Oct 2026"])
    _set_cell(t.cell(5, 6), ["Blue"])
    # Recommendation 3 defers to recommendation 1.
    _set_cell(t.cell(6, 0), ["3"])
    _set_cell(t.cell(6, 1), ["Make sure partners know the outcome of their referrals."])
    _set_cell(t.cell(6, 2), ["See action 1"])

    # A plan table without a recommendation column: its heading is the recommendation.
    d.add_heading("Care leavers", level=2)
    c = d.add_table(rows=3, cols=4)
    _bold_header(c, ["Action", "Owner", "By when", "RAG"])
    for r, row in enumerate(
        [
            ["Open a joint housing panel for care leavers.", "Head of Corporate Parenting", "Implemented", "Green"],
            ["Offer every care leaver a personal adviser by 18.", "Leaving Care Manager", "6 months", "Amber"],
        ],
        1,
    ):
        for col, text in enumerate(row):
            _set_cell(c.cell(r, col), [text])

    d.add_paragraph("Glossary")
    g = d.add_table(rows=2, cols=2)
    g.cell(0, 0).text = "PSW"
    g.cell(0, 1).text = "Principal Social Worker"
    g.cell(1, 0).text = "IRO"
    g.cell(1, 1).text = "Independent Reviewing Officer"
    return _saved(d)


def example_xlsx() -> bytes:
    """An Excel plan: a merged title, merged recommendation cells, a budget sheet."""
    from openpyxl.styles import Font

    wb, ws = _workbook("Action plan")
    ws["A1"] = "Example Borough Council – Focused visit action plan"
    ws.merge_cells("A1:G1")
    headers = [
        "No.",
        "Area for improvement",
        "What will we do",
        "Responsible officer",
        "Target date",
        "Update January 2026",
        "RAG rating",
    ]
    for col, text in enumerate(headers, 1):
        ws.cell(row=3, column=col, value=text).font = Font(bold=True)
    rows = [
        [
            "1",
            "Return home interviews are not always offered.",
            "• Commission a new return home interview service\n• Report take-up monthly",
            "Head of Adolescent Services",
            "31/03/2026\nMay 2026",
            "Contract awarded",
            "Green",
        ],
        [
            None,
            None,
            "Review missing episodes at the weekly MASH meeting",
            "MASH Manager",
            "Ongoing",
            "Started",
            "Amber",
        ],
        [
            "2",
            "Care plans do not always say what will change for the child.",
            "Run care planning workshops for all social workers",
            "Principal Social Worker",
            "Autumn 2026",
            None,
            "Red",
        ],
    ]
    for r, row in enumerate(rows, 4):
        for col, value in enumerate(row, 1):
            ws.cell(row=r, column=col, value=value)
    ws.merge_cells("A4:A5")
    ws.merge_cells("B4:B5")
    budget = wb.create_sheet("Budget")
    budget.append(["Item", "Cost"])
    budget.append(["Return home interviews", 45000])
    return _saved(wb)


EXAMPLE_HTML = """<html><body>
<h1>Example Borough Council</h1>
<p>JTAI action plan</p>
<table>
<tr><th>No.</th><th>Recommendation</th><th>Actions</th><th>Lead</th><th>Deadline</th></tr>
<tr><td colspan="5"><b>Neglect</b></td></tr>
<tr><td>1</td><td><p>Partners do not recognise neglect early enough.</p></td>
<td><ul><li>Launch the neglect toolkit</li><li>Train school safeguarding leads</li></ul></td>
<td><p>Head of Early Help</p></td><td><ul><li>June 2026</li><li>Sept 2026</li></ul></td></tr>
<tr><td></td><td></td><td><p>Audit 20 neglect cases &amp; report <b>findings</b></p></td>
<td>Head of QA + Designated Nurse</td><td>By 1 st December 2026</td></tr>
</table>
<h2>Staffing</h2>
<table><tr><th>Post</th><th>FTE</th></tr><tr><td>Social worker</td><td>4</td></tr></table>
</body></html>"""

EXAMPLE_MARKDOWN = "\n".join(
    [
        "# Example Borough Council monitoring visit plan",
        "",
        "| Ref | Area for improvement | Action | Owner | By when | Status |",
        "|-----|----------------------|--------|-------|---------|--------|",
        "| 1 | Visits to children in care are not always on time. "
        "| Publish a weekly visits tracker<br>Escalate overdue visits to heads of service "
        "| Service Manager, Children in Care | April 2026<br>May 2026 | In progress |",
        "| 2 | Supervision records are thin. | Introduce a supervision template "
        "| Principal Social Worker | Completed | Complete |",
        "",
    ]
)


def example_csv() -> bytes:
    """A semicolon-separated CSV saved in Windows-1252, as Excel does in some locales."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(["Rec no", "Finding", "Action", "Responsible", "Deadline", "RAG"])
    w.writerow(
        [
            "1",
            "Step-down to early help is slow.",
            "Agree a step–down protocol",
            "Head of Early Help",
            "Winter 2026",
            "A",
        ]
    )
    w.writerow(["", "", "Track step-down cases weekly", "Early Help Manager", "TBC", "G"])
    return out.getvalue().encode("cp1252")


def large_plan_rows(n_actions: int) -> list[list[str]]:
    """Rows of a plan with ``n_actions`` actions, five per recommendation."""
    rows: list[list[str]] = []
    for k in range(n_actions):
        rec = k // 5 + 1
        first = k % 5 == 0
        rows.append(
            [
                f"{rec}." if first else "",
                f"Recommendation {rec}: improve the quality of practice area {rec}." if first else "",
                f"Action {k + 1}: deliver improvement step {k % 5 + 1} for area {rec}.",
                f"Head of Service {rec % 7} / Service Manager {k % 11}",
                f"{['March', 'June', 'Sept', 'December'][k % 4]} 202{6 + k % 3}",
                "Progress is on track." if k % 3 else "Complete",
                ["Green", "Amber", "Red"][k % 3],
            ]
        )
    return rows


def large_docx(n_actions: int = 500) -> bytes:
    """A Word plan with ``n_actions`` action rows, for the benchmark."""
    import docx

    d = docx.Document()
    d.add_paragraph("Example Borough Council improvement plan")
    rows = large_plan_rows(n_actions)
    t = d.add_table(rows=len(rows) + 1, cols=len(HEADER))
    for c, text in enumerate(HEADER):
        t.cell(0, c).text = text
    for r, row in enumerate(rows, 1):
        cells = t.rows[r].cells
        for c, text in enumerate(row):
            cells[c].text = text
    return _saved(d)


def large_xlsx(n_actions: int = 500) -> bytes:
    """An Excel plan with ``n_actions`` action rows, for the benchmark."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in large_plan_rows(n_actions):
        ws.append(row)
    return _saved(wb)


def _shade(cell: Any, hex_fill: str) -> None:
    """Colour a Word table cell's background, as plans do for RAG."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    cell._tc.get_or_add_tcPr().append(shd)


def priorities_docx() -> bytes:
    """A Word plan with one table per priority, numbered actions and RAG by cell colour."""
    import docx

    d = docx.Document()
    d.add_paragraph("Northfield Council")
    d.add_paragraph("Joint targeted area inspection (JTAI) action plan")
    d.add_paragraph("Inspection dates: 3rd – 7th March 2025")
    header = ["No.", "Action", "Lead", "Start date", "Target date", "RAG"]
    tables = [
        (
            "Priority 1: Early help",
            [
                [
                    "1.1",
                    "Launch the family hub offer in two localities",
                    "Head of Early Help",
                    "Jan 2025",
                    "Q1 2025/26",
                    "00B050",
                ],
                ["1.2", "Publish the early help strategy", "Head of Early Help", "Feb 2025", "Q2 2025/26", "FFC000"],
            ],
        ),
        (
            "Priority 2: Neglect",
            [
                [
                    "2.1",
                    "Roll out the graded care profile to all teams",
                    "Principal Social Worker + Named Nurse",
                    "April 2025",
                    "Dec-25",
                    "FF0000",
                ],
            ],
        ),
    ]
    for heading, rows in tables:
        d.add_heading(heading, level=2)
        t = d.add_table(rows=len(rows) + 1, cols=len(header))
        _bold_header(t, header)
        for r, row in enumerate(rows, 1):
            for c, text in enumerate(row[:-1]):
                _set_cell(t.cell(r, c), [text])
            _shade(t.cell(r, len(header) - 1), row[-1])
    return _saved(d)


def repeated_rows_xlsx() -> bytes:
    """An Excel plan exported from a tracker: every row repeats its recommendation."""
    wb, ws = _workbook("Tracker")
    ws.append(
        ["Rec", "Theme", "Recommendation", "Action", "Owner", "Due", "Date completed", "Status (RAG)", "Comments"]
    )
    ws.append(
        [
            "1",
            "Care leavers",
            "1. Pathway plans are not always up to date.",
            "Audit all pathway plans",
            "Leaving Care Manager",
            "Q3 2026",
            "12/09/2026",
            "Blue",
            "Audit done",
        ]
    )
    ws.append(
        [
            "1",
            "Care leavers",
            "1. Pathway plans are not always up to date.",
            "Train personal advisers in pathway planning",
            "Leaving Care Manager",
            "Q4 2026",
            None,
            "Amber",
            "Dates booked",
        ]
    )
    ws.append(
        [
            "2",
            "Children in care",
            "Visits are not always within timescale.",
            "Weekly visits report to team managers",
            "Head of Children in Care",
            "Sep 26",
            "N/A",
            "Off track",
            None,
        ]
    )
    return _saved(wb)


def nested_docx() -> bytes:
    """A Word plan framed in a one-cell layout table, with sub-bullets and a numbered list."""
    import docx

    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    outer = frame.cell(0, 0)
    outer.paragraphs[0].add_run("Example Borough Council SEND improvement plan")
    inner = outer.add_table(rows=2, cols=4)
    for c, text in enumerate(["Recommendation", "Actions", "Lead", "Timescale"]):
        inner.cell(0, c).text = text
    inner.cell(1, 0).text = "Improve the quality of EHC plans."
    cell = inner.cell(1, 1)
    cell.text = ""
    items = [
        ("List Bullet", "Train case officers in writing outcomes:"),
        ("List Bullet 2", "new starters first"),
        ("List Bullet 2", "then all officers"),
        ("List Bullet", "Audit ten plans each month."),
    ]
    for k, (style, text) in enumerate(items):
        para = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        para.style = style
        para.add_run(text)
    inner.cell(1, 2).text = "SEND Manager"
    inner.cell(1, 3).text = "September 2026"
    return _saved(d)


def ilacs_docx() -> bytes:
    """A Word plan with a recommendation merged down its action rows, names over roles,
    a measure column and RAG written or coloured."""
    import docx

    d = docx.Document()
    d.add_paragraph("Example Borough Council")
    d.add_paragraph("ILACS Improvement Plan 2025-2026")
    d.add_paragraph("Inspection: 3 to 14 February 2025")
    header = [
        "Ofsted recommendation",
        "What we will do",
        "Lead officer",
        "Timescale",
        "Measure of success",
        "Progress RAG",
    ]
    t = d.add_table(rows=5, cols=len(header))
    _bold_header(t, header)
    t.cell(1, 0).merge(t.cell(3, 0))
    _set_cell(t.cell(1, 0), ["1. The quality and impact of supervision for social workers."])
    rows = [
        (
            "Introduce a supervision audit tool.",
            ["Jo Bloggs", "Head of Quality Assurance"],
            "Q1 2025/26",
            "80% of audits good",
            "Green",
        ),
        (
            "Run reflective supervision training for all managers.",
            ["Principal Social Worker"],
            "September 2025",
            "All managers trained",
            "",
        ),
        ("Review supervision policy.", ["Head of Service/PSW"], "Complete", "Policy published", "Blue"),
    ]
    for r, (action, leads, due, measure, rag) in enumerate(rows, 1):
        _set_cell(t.cell(r, 1), [action])
        _set_cell(t.cell(r, 2), leads)
        _set_cell(t.cell(r, 3), [due])
        _set_cell(t.cell(r, 4), [measure])
        if rag:
            _set_cell(t.cell(r, 5), [rag])
    _shade(t.cell(2, 5), "FFC000")
    _set_cell(t.cell(4, 0), ["2. Management oversight of pre-proceedings."])
    _set_cell(
        t.cell(4, 1), ["a) Track all PLO cases weekly", "b) Legal gateway panel to review every case at 12 weeks"]
    )
    _set_cell(t.cell(4, 2), ["Head of Service CIN/CP"])
    _set_cell(t.cell(4, 3), ["April 2025", "June 2025"])
    return _saved(d)


def plan_actions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action of an imported plan@1 dict, in order across its recommendations."""
    return [a for r in plan["recommendations"] for a in r["actions"]]


def glyphs(text: str, x: float, baseline: float, *, size: float = 10.0, bold: bool = False) -> list[Any]:
    """The PDF characters of ``text`` set from ``x`` on ``baseline``, 5 pt each, a space 3 pt
    (what ``readers.ruled`` receives from a page)."""
    from lineofsight.importing.readers.ruled import Glyph

    out = []
    space = False
    for ch in text:
        if ch == " ":
            x += 3.0
            space = True
            continue
        out.append(Glyph(baseline, x, x + 5.0, size, ch, bold, space_before=space))
        x += 5.0
        space = False
    return out
