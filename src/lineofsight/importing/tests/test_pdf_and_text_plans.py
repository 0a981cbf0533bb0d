"""Plans as they reach the plan manager outside Word and Excel: the committee-paper PDF,
a scan, and text copied out of a PDF or a web page."""

from __future__ import annotations

import shutil

import pytest

from lineofsight.importing import ImportFailed, read_plan
from lineofsight.importing.tests.blind3._kit import pdf
from lineofsight.importing.tests.builders import glyphs, plan_actions

HEADER = "<tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th></tr>"


def test_unruled_pdf_table_is_read_from_how_its_text_lines_up():
    weasy = pytest.importorskip("weasyprint")
    assert weasy
    data = pdf(
        # Cells as Word lays them out: text at the top, a few points of padding, no borders.
        "<html><head><style>td,th{vertical-align:top;padding:3pt 6pt;text-align:left}</style></head>"
        "<body><p>Example Borough Council</p><table>"
        f"{HEADER}"
        "<tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker of every visit that is due</td>"
        "<td>Head of Service</td><td>31 March 2026</td></tr>"
        "<tr><td>2</td><td>Supervision is reflective.</td><td>Introduce a template</td>"
        "<td>Principal Social Worker</td><td>June 2026</td></tr></table></body></html>"
    )
    plan = read_plan(data, "plan.pdf").plan
    assert [r["ref"] for r in plan["recommendations"]] == ["1", "2"]
    first, second = plan_actions(plan)
    assert first["text"] == "Publish a weekly tracker of every visit that is due"
    assert first["owners"] == ["Head of Service"]
    assert first["due"]["date"] == "2026-03-31"
    assert second["due"]["date"] == "2026-06-30"


def test_pdf_table_over_pages_with_header_and_title_on_every_page_reads_as_one_table():
    pytest.importorskip("weasyprint")
    rows = "".join(
        f"<tr><td>{n}</td><td>Recommendation number {n} about practice.</td><td>Action number {n} for the teams.</td>"
        f"<td>Head of Service</td><td>{n} May 2026</td></tr>"
        for n in range(1, 29)
    )
    data = pdf(
        "<html><head><style>@page{size:A5;@top-center{content:'Example Council plan'}"
        "@bottom-center{content:'Page ' counter(page)}}td,th{border:1px solid #000}</style></head><body>"
        f"<table><thead>{HEADER}</thead>{rows}</table></body></html>"
    )
    plan = read_plan(data, "long plan.pdf").plan
    assert [r["ref"] for r in plan["recommendations"]] == [str(n) for n in range(1, 29)]
    assert all("Page" not in a["text"] and "Example Council" not in a["text"] for a in plan_actions(plan))


def test_text_with_cells_joined_by_slashes_keeps_a_slash_inside_the_lead_cell():
    text = (
        "Ref / Recommendation / Action / Lead / Deadline\n"
        "1 / Visits happen on time. / Publish a weekly tracker. / Head of Service / Performance Lead / April 2026\n"
    )
    (action,) = plan_actions(read_plan(text.encode(), "plan.txt").plan)
    assert action["text"] == "Publish a weekly tracker."
    assert action["owners"] == ["Head of Service", "Performance Lead"]
    assert action["due"]["date"] == "2026-04-30"


def test_text_with_a_cell_on_each_line_is_read_row_by_row():
    text = (
        "Ref\nRecommendation\nAction\nLead\nDeadline\n\n1\nVisits.\nPublish a tracker.\nHead of Service\nMay 2026\n\n"
    )
    text += "2\nSupervision.\nWrite a template.\nPrincipal Social Worker\nJune 2026\n"
    plan = read_plan(text.encode(), "copied from the website.txt").plan
    assert [(a["text"], a["owners"]) for a in plan_actions(plan)] == [
        ("Publish a tracker.", ["Head of Service"]),
        ("Write a template.", ["Principal Social Worker"]),
    ]


def test_space_aligned_text_with_wrapped_cells_joins_each_cell_back():
    text = "\n".join(
        [
            "Ref   Recommendation        Action                      Lead               Deadline",
            "",
            "1     Visits happen on      Publish a weekly tracker    Head of Service    March 2026",
            "      time.                 of every visit due.",
            "",
            "2     Supervision is        Introduce a template.       Principal Social   June 2026",
            "      reflective.                                       Worker",
        ]
    )
    plan = read_plan(text.encode(), "pdftotext.txt").plan
    first, second = plan_actions(plan)
    assert first["text"] == "Publish a weekly tracker of every visit due."
    assert plan["recommendations"][0]["text"] == "Visits happen on time."
    assert second["owners"] == ["Principal Social Worker"]


def test_scan_without_ocr_installed_is_refused_naming_the_fix(monkeypatch):
    pytest.importorskip("weasyprint")
    from lineofsight.importing.tests.blind3._kit import scanned

    data = scanned(pdf(f"<html><body><table>{HEADER}</table></body></html>"), dpi=50)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ImportFailed) as info:
        read_plan(data, "scan.pdf")
    assert "tesseract-ocr" in str(info.value)
    assert str(info.value).startswith("scan.pdf: ")


def test_text_that_is_not_a_plan_table_is_still_refused():
    with pytest.raises(ImportFailed) as info:
        read_plan(b"Minutes of the meeting\n\nAll present agreed the budget.\n", "minutes.txt")
    assert "no table was found" in str(info.value)


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract-ocr is installed by scripts/install-test-deps.sh")
def test_scanned_plan_is_read_by_ocr_inside_the_bounded_import_that_may_write_no_file():
    from lineofsight.importing import sandbox
    from lineofsight.importing.tests.blind3._kit import scanned

    data = scanned(
        pdf(
            "<html><body><table>"
            f"{HEADER}"
            "<tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker of visits</td>"
            "<td>Head of Service</td><td>31 March 2026</td></tr></table></body></html>"
        ),
        dpi=200,
    )

    plan = sandbox.read_plan(data, "scan.pdf").plan

    (action,) = plan_actions(plan)
    assert "weekly tracker" in action["text"]
    assert action["due"]["date"] == "2026-03-31"


def test_a_scanned_bordered_plan_is_read_with_its_ruling_lines_left_out_of_the_words():
    # OCR reads a cell's side beside a word as letters ("[Ref", "__Lead"); with the rules
    # painted out first, the header names its columns and every lead is found.
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (scripts/install-test-deps.sh installs it)")
    pytest.importorskip("weasyprint")
    from lineofsight.importing.tests.blind3._kit import scanned

    rows = [
        (
            "1",
            "Assessments are late.",
            "Allocate within two days.",
            "Head of Assessment",
        ),
        (
            "2",
            "Supervision is weak.",
            "Audit supervision.",
            "Team Manager",
        ),
    ]
    body = "".join(
        f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td><td>30 June 2026</td></tr>" for a, b, c, d in rows
    )
    data = scanned(
        pdf(
            "<html><head><style>body{font:11pt sans-serif}table{border-collapse:collapse}"
            "td,th{border:1.5px solid #000;padding:5pt}</style></head><body><table style='width:100%'>"
            f"<tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Timescale</th></tr>{body}"
            "</table></body></html>"
        ),
        dpi=150,
    )
    plan = read_plan(data, "scan.pdf").plan
    assert [a["owners"] for a in plan_actions(plan)] == [["Head of Assessment"], ["Team Manager"]]


# --------------------------------------------------------------------------- ruled tables
# PDF tables printed from bordered Word and Excel tables are read from their ruling
# lines (readers/ruled.py). The first stories build a page's objects by hand, so they
# say exactly what is on the page; the last prints a bordered HTML table to PDF.


def _grid(xs: list[float], ys: list[float], *, missing: set[tuple[int, int]] = frozenset()) -> list:
    """Rules drawing a grid: every row and column edge, except the inner horizontal rule
    under grid position (row, column) for each pair in ``missing`` (a merged cell)."""
    from lineofsight.importing.readers.ruled import Rule

    rules = [Rule(False, x, ys[0], ys[-1]) for x in xs]
    for r, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if r == 0 or r == len(ys) - 1 or (r - 1, c) not in missing:
                rules.append(Rule(True, y, xs[c], xs[c + 1]))
    return rules


def test_a_ruled_pdf_table_repeats_its_merged_recommendation_cell_in_every_row_it_covers():
    from lineofsight.importing.readers.ruled import ruled_tables

    xs, ys = [50.0, 150.0, 350.0, 450.0], [100.0, 120.0, 160.0, 200.0]
    chars = [
        *glyphs("Recommendation", 55, 114, bold=True),
        *glyphs("Action", 155, 114, bold=True),
        *glyphs("Lead", 355, 114, bold=True),
        *glyphs("Visits are late", 55, 134),
        *glyphs("Publish a tracker", 155, 134),
        *glyphs("Head of Service", 355, 134),
        *glyphs("Train the teams", 155, 174),
        *glyphs("Principal", 355, 174),
        *glyphs("Example Council", 50, 60),  # a title above the table
    ]
    # No rule under "Visits are late": the recommendation cell spans both action rows.
    tables, outside = ruled_tables(chars, _grid(xs, ys, missing={(1, 0)}), [], page=1)

    (found,) = tables
    rows = found.table.rows
    assert [c.text for c in rows[0].cells] == ["Recommendation", "Action", "Lead"]
    assert [c.text for c in rows[1].cells] == ["Visits are late", "Publish a tracker", "Head of Service"]
    assert [c.text for c in rows[2].cells] == ["Visits are late", "Train the teams", "Principal"]
    assert not rows[1].cells[0].merged and rows[2].cells[0].merged
    assert rows[0].cells[0].bold
    assert "".join(g.text for g in outside) == "ExampleCouncil"


def test_a_line_ending_short_in_a_ruled_cell_is_a_line_break_and_a_full_line_wraps():
    from lineofsight.importing.readers.ruled import cell_paras

    # A 115 pt cell with 5 pt of padding: text may run to 155.
    lines = [
        *glyphs("Designated Nurse and", 50, 20),  # ends at 146: "Lead" did not fit, so it wrapped
        *glyphs("Lead for Health", 50, 32),  # ends at 116: "Head" would have fitted
        *glyphs("Head of Service", 50, 44),
        *glyphs("• Audit cases", 50, 56),
    ]
    paras = cell_paras(lines, 45.0, 160.0)

    assert [(p.kind, p.text) for p in paras] == [
        ("text", "Designated Nurse and Lead for Health"),
        ("text", "Head of Service"),
        ("bullet", "Audit cases"),
    ]
    # Where the PDF keeps a space at the end of each wrapped line (Word and LibreOffice
    # do), a line without one was ended by the writer, even if the next word was long.
    wrapped, ended = glyphs("Run a campaign with", 50, 20), glyphs("schools and GPs", 50, 32)
    wrapped[-1].wraps = True
    kept = cell_paras([*wrapped, *ended, *glyphs("Report notifications", 50, 44)], 45.0, 160.0, trailing=True)
    assert [p.text for p in kept] == ["Run a campaign with schools and GPs", "Report notifications"]
    # A word too long for a narrow cell is broken where the line is full, with no hyphen.
    broken = cell_paras([*glyphs("Recommendati", 50, 20), *glyphs("on", 50, 32)], 45.0, 115.0)
    assert [p.text for p in broken] == ["Recommendation"]


def test_a_ruled_table_continued_on_the_next_page_is_one_table_and_a_broken_row_stays_one_row():
    from lineofsight.importing.readers.ruled import join_pages, ruled_tables

    xs = [50.0, 150.0, 350.0, 450.0]
    first_page = [
        *glyphs("Ref", 55, 114),
        *glyphs("Action", 155, 114),
        *glyphs("Lead", 355, 114),
        *glyphs("1", 55, 134),
        *glyphs("Publish a weekly tracker of", 155, 134),
        *glyphs("Head of Service", 355, 134),
    ]
    next_page = [
        *glyphs("every visit due", 155, 64),  # the rest of the action, cut by the page break
        *glyphs("2", 55, 94),
        *glyphs("Train the teams", 155, 94),
        *glyphs("Principal", 355, 94),
    ]
    one, _ = ruled_tables(first_page, _grid(xs, [100.0, 120.0, 140.0]), [], page=1)
    two, _ = ruled_tables(next_page, _grid(xs, [50.0, 80.0, 110.0]), [], page=2)

    (table,) = join_pages([*one, *two], {(0, 1): False})

    assert [r.texts for r in table.table.rows] == [
        ["Ref", "Action", "Lead"],
        ["1", "Publish a weekly tracker of every visit due", "Head of Service"],
        ["2", "Train the teams", "Principal"],
    ]
    assert table.table.rows[2].page_break_before


def test_a_bordered_plan_printed_to_pdf_keeps_its_merged_recommendation_and_shaded_rag():
    pytest.importorskip("weasyprint")
    data = pdf(
        "<html><head><style>table{border-collapse:collapse}"
        "td,th{border:1px solid #000;vertical-align:top;padding:3pt 6pt;text-align:left}</style></head>"
        "<body><p>Example Borough Council</p><table>"
        "<tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Deadline</th><th>RAG</th></tr>"
        "<tr><td rowspan=2>1</td><td rowspan=2>Visits happen on time.</td><td>Publish a weekly tracker</td>"
        "<td>Head of Service</td><td>31 March 2026</td><td style='background:#00b050'></td></tr>"
        "<tr><td>Audit twenty visits</td><td>Principal Social Worker</td><td>June 2026</td>"
        "<td style='background:#ff0000'></td></tr></table></body></html>"
    )
    plan = read_plan(data, "bordered plan.pdf").plan

    (rec,) = plan["recommendations"]
    assert rec["ref"] == "1" and rec["text"] == "Visits happen on time."
    first, second = rec["actions"]
    assert (first["text"], first["owners"], first["rag"]) == ("Publish a weekly tracker", ["Head of Service"], "green")
    assert (second["text"], second["owners"], second["rag"]) == (
        "Audit twenty visits",
        ["Principal Social Worker"],
        "red",
    )
    assert second["due"]["date"] == "2026-06-30"


def test_a_recommendation_merged_down_three_action_rows_of_a_bordered_pdf_keeps_all_three_actions():
    pytest.importorskip("weasyprint")
    # A browser or WeasyPrint draws each cell's own borders: beside a cell merged down
    # three rows, the middle row's piece of the column rule touches no row rule.
    actions = "".join(
        f"<tr>{cells}<td>{text}</td><td>Head of Service</td><td>{due}</td></tr>"
        for cells, text, due in [
            ("<td rowspan=3 class=mid>1</td><td rowspan=3 class=mid>Visits happen on time.</td>",
             "Publish a weekly tracker", "March 2026"),
            ("", "Audit twenty visits", "June 2026"),
            ("", "Report to the board", "July 2026"),
        ]
    )  # fmt: skip
    data = pdf(
        "<html><head><style>table{border-collapse:collapse}td,th{border:1px solid #000;padding:3pt 6pt;"
        "vertical-align:top;text-align:left}td.mid{vertical-align:middle}</style></head><body><table>"
        f"{HEADER}{actions}<tr><td>2</td><td>Supervision is reflective.</td><td>Introduce a template</td>"
        "<td>Principal Social Worker</td><td>May 2026</td></tr></table></body></html>"
    )
    plan = read_plan(data, "merged down.pdf").plan

    first, second = plan["recommendations"]
    assert (first["ref"], first["text"], first["section"]) == ("1", "Visits happen on time.", None)
    assert [a["text"] for a in first["actions"]] == [
        "Publish a weekly tracker",
        "Audit twenty visits",
        "Report to the board",
    ]
    assert [a["text"] for a in second["actions"]] == ["Introduce a template"]


def test_a_bordered_plan_printed_from_a_web_page_keeps_long_words_in_their_cells_and_wrapped_words_apart():
    pytest.importorskip("weasyprint")
    # A browser or WeasyPrint breaks no word: "Recommendation" and "Safeguarding" run on
    # over their narrow cells' sides, across the text of the cell beside them, while
    # "Target date" wraps between its two words at a full line.
    data = pdf(
        "<html><head><style>table{border-collapse:collapse;width:420pt;table-layout:fixed}"
        "td,th{border:0.5pt solid #000;padding:3pt;vertical-align:top;text-align:left;font:10pt serif}"
        "</style></head><body><table><colgroup><col style='width:30pt'><col style='width:60pt'>"
        "<col style='width:170pt'><col style='width:60pt'><col style='width:40pt'><col style='width:60pt'>"
        "</colgroup><tr><th>Ref</th><th>Recommendation</th><th>Action</th><th>Lead</th><th>Target date</th>"
        "<th>RAG</th></tr><tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker</td>"
        "<td>Head of Safeguarding and Quality</td><td>June 2026</td><td>Green</td></tr></table></body></html>"
    )
    plan = read_plan(data, "printed from the intranet.pdf").plan

    (action,) = plan_actions(plan)
    assert action["text"] == "Publish a weekly tracker"
    assert action["owners"] == ["Head of Safeguarding and Quality"]
    assert action["due"] == {"text": "June 2026", "date": "2026-06-30"}
    assert plan["recommendations"][0]["text"] == "Visits happen on time."


def test_a_ruled_row_cut_by_a_page_break_under_a_repeated_header_stays_one_row():
    pytest.importorskip("weasyprint")
    long_update = " ".join(f"Sentence {n} of the update on the audit." for n in range(1, 60))
    rows = "".join(
        f"<tr><td>{n}</td><td>Action number {n} for the teams.</td><td>Head of Service</td>"
        f"<td>{n} May 2026</td><td>{long_update if n == 2 else 'On track.'}</td></tr>"
        for n in range(1, 4)
    )
    data = pdf(
        "<html><head><style>@page{size:A5}table{border-collapse:collapse}thead{display:table-header-group}"
        "td,th{border:0.5pt solid #000;vertical-align:top;text-align:left}</style></head><body><table><thead>"
        "<tr><th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th><th>Progress update</th></tr></thead>"
        f"{rows}</table></body></html>"
    )
    plan = read_plan(data, "plan over pages.pdf").plan

    actions = plan_actions(plan)
    assert [a["text"] for a in actions] == [f"Action number {n} for the teams." for n in range(1, 4)]
    # The rest of the update printed under the next page's header is the same row's.
    assert actions[1]["updates"][0]["text"] == long_update


def test_an_unruled_pdf_lead_whose_long_word_runs_over_the_deadline_beside_it_keeps_both_cells_apart():
    pytest.importorskip("weasyprint")
    # Printed from a web page with no borders: "Safeguarding" is wider than the lead
    # column and is printed over the start of "June 2026"; sorted by position alone their
    # letters interleave ("SafeguarJduinnge").
    data = pdf(
        "<html><head><style>table{width:400pt;table-layout:fixed}"
        "td,th{padding:3pt;vertical-align:top;text-align:left;font:10pt serif}</style></head><body>"
        "<p>Example Council</p><table><colgroup><col style='width:30pt'><col style='width:110pt'>"
        "<col style='width:130pt'><col style='width:45pt'><col style='width:75pt'></colgroup>"
        f"{HEADER}<tr><td>1</td><td>Visits happen on time.</td><td>Publish a weekly tracker</td>"
        "<td>Safeguarding Manager</td><td>June 2026</td></tr><tr><td>2</td><td>Supervision is reflective.</td>"
        "<td>Introduce a template</td><td>Principal Social Worker</td><td>May 2026</td></tr></table></body></html>"
    )
    first, second = plan_actions(read_plan(data, "unruled web print.pdf").plan)

    assert first["owners"] == ["Safeguarding Manager"]
    assert first["due"] == {"text": "June 2026", "date": "2026-06-30"}
    assert second["owners"] == ["Principal Social Worker"]


def test_a_page_drawing_thousands_of_rules_is_read_from_its_text_not_searched_as_a_grid():
    from lineofsight.importing.readers.ruled import MAX_RULES, Rule, ruled_tables

    # A hatched background: more crossing lines than any plan's page draws.
    hatching = [Rule(k % 2 == 0, float(k), 0.0, 5000.0) for k in range(MAX_RULES + 2)]
    text = glyphs("Ref Action Lead", 55, 114)

    tables, outside = ruled_tables(text, hatching, [], page=1)

    assert tables == [] and outside == text


def test_a_right_aligned_date_printed_against_the_next_column_stays_in_its_own_column():
    # A spreadsheet printed without gridlines right-aligns its dates, so each date ends a
    # hair before the status beside it: closer than two words of one cell. The status
    # starts exactly where its header does, which is what tells the two cells apart.
    pytest.importorskip("weasyprint")
    data = pdf(
        "<html><head><style>td,th{padding:0 0 0 1pt;vertical-align:top;text-align:left;font-weight:normal}"
        "td.due{text-align:right}table{border-collapse:collapse;width:100%}th{width:20%}</style></head>"
        "<body><p>Example Borough Council tracker</p><table>"
        "<tr><th>Ref</th><th>Action</th><th>Owner</th><th>Due date</th><th>Status</th></tr>"
        "<tr><td>1</td><td>Publish a weekly tracker</td><td>Head of Service</td>"
        "<td class=due>30/09/2025</td><td>Complete</td></tr>"
        "<tr><td>2</td><td>Audit twenty visits</td><td>Principal Social Worker</td>"
        "<td class=due>31/12/2025</td><td>In progress</td></tr></table></body></html>"
    )
    plan = read_plan(data, "tracker.pdf").plan

    first, second = plan_actions(plan)
    assert (first["text"], first["due"]["date"], first["status"]) == (
        "Publish a weekly tracker",
        "2025-09-30",
        "complete",
    )
    assert (second["due"]["date"], second["status"]) == ("2025-12-31", "in_progress")


def test_an_unruled_pdf_plan_takes_each_rag_from_the_shading_behind_its_row_in_a_column_with_no_text():
    # Printed without borders, a RAG column holds only colour (beside a header that
    # wraps onto a second line), and its cells reach well below their row's text: each
    # shade belongs to the row whose first line it is behind.
    pytest.importorskip("weasyprint")
    rows = "".join(
        f"<tr><td>{ref}</td><td>{action}</td><td>{lead}</td><td>March 2026</td><td>Fewer visits late</td>"
        f"<td style='background:#{colour}'></td></tr>"
        for ref, action, lead, colour in (
            ("1", "Publish a weekly tracker", "Head of Service", "00b050"),
            ("2", "Audit twenty visits", "Principal Social Worker", "ffc000"),
            ("3", "Train every team manager", "Workforce Lead", "ff0000"),
        )
    )
    data = pdf(
        "<html><head><style>table{border-collapse:collapse;width:100%}"
        "td,th{vertical-align:top;text-align:left;padding:0 4pt 16pt 4pt}</style></head>"
        "<body><p>Example Borough Council</p><table>"
        "<tr><th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th><th>Success<br>measure</th><th>RAG</th></tr>"
        f"{rows}</table></body></html>"
    )
    plan = read_plan(data, "unruled plan.pdf").plan

    assert [(a["text"], a["rag"]) for a in plan_actions(plan)] == [
        ("Publish a weekly tracker", "green"),
        ("Audit twenty visits", "amber"),
        ("Train every team manager", "red"),
    ]


def test_an_unruled_pdf_cell_joins_a_word_its_narrow_column_broke_but_not_two_words_at_a_wrap():
    # Word and LibreOffice keep a space at the end of a line that wrapped between two
    # words; a word too long for its column breaks with no space ("Safeguardi" / "ng").
    from lineofsight.importing.readers.aligned import read_lines
    from lineofsight.importing.readers.pdf import _Page

    chars: list[tuple] = []
    wrapped: set[int] = set()

    def put(text: str, x: float, baseline: float, *, wraps: bool = False, bold: bool = False) -> None:
        for ch in text:
            if ch != " ":
                chars.append((baseline, x, x + 5.0, 10.0, ch, bold))
            x += 5.0
        if wraps:
            wrapped.add(len(chars) - 1)

    for text, x in (("Ref", 50), ("Action", 100), ("Lead", 250), ("Deadline", 400)):
        put(text, x, 100, bold=True)
    put("1", 50, 120)
    put("Assess all", 100, 120, wraps=True)
    put("Safeguardi", 250, 120)
    put("March 2026", 400, 120)
    put("assessments", 100, 132, wraps=True)
    put("ng Lead", 250, 132)
    put("of children", 100, 144)
    put("2", 50, 168)
    put("Train the team", 100, 168, wraps=True)
    put("Head of Children's", 250, 168, wraps=True)
    put("June 2026", 400, 168)
    put("managers", 100, 180)
    put("Services", 250, 180)
    page = _Page(1, chars, set(), wrapped, [], [], [], [], [])

    (table,) = read_lines(page.lines(0), split=6.0)

    assert [r.texts for r in table.rows[1:]] == [
        ["1", "Assess all assessments of children", "Safeguarding Lead", "March 2026"],
        ["2", "Train the team managers", "Head of Children's Services", "June 2026"],
    ]


def test_a_bold_section_row_right_under_an_unruled_header_is_a_recommendation_not_part_of_the_header():
    # A spreadsheet printed without gridlines sets its recommendation rows in bold across
    # the table, the first one hard under the bold header: it runs into the next
    # column, which a header's wrapped word never does.
    pytest.importorskip("weasyprint")
    data = pdf(
        "<html><head><style>table{border-collapse:collapse;width:100%}"
        "td,th{vertical-align:top;text-align:left;padding:0 4pt;line-height:1.1}"
        "td.rec{font-weight:bold}</style></head>"
        "<body><p>Example Borough Council</p><table>"
        "<tr><th>No.</th><th>Action</th><th>Responsible</th><th>Deadline</th><th>Status</th></tr>"
        "<tr><td class=rec colspan=5>Recommendation 1: Strengthen the response to children at risk of"
        " exploitation.</td></tr>"
        "<tr><td>1.1</td><td>Launch a contextual safeguarding panel</td><td>Head of Youth Justice</td>"
        "<td>30/06/2026</td><td>Not started</td></tr>"
        "<tr><td class=rec colspan=5>Recommendation 2: Improve the timeliness of pre-proceedings work.</td></tr>"
        "<tr><td>2.1</td><td>Introduce a legal gateway tracker</td><td>Head of Service</td>"
        "<td>30/04/2026</td><td>Complete</td></tr></table></body></html>"
    )
    plan = read_plan(data, "tracker.pdf").plan

    assert [(r["text"], [a["text"] for a in r["actions"]]) for r in plan["recommendations"]] == [
        (
            "Recommendation 1: Strengthen the response to children at risk of exploitation.",
            ["Launch a contextual safeguarding panel"],
        ),
        ("Recommendation 2: Improve the timeliness of pre-proceedings work.", ["Introduce a legal gateway tracker"]),
    ]


def test_a_bold_heading_wrapped_over_two_lines_above_each_ruled_table_is_read_whole():
    # A table per recommendation, each under a bold heading that wraps: the whole heading,
    # not its last line, is the recommendation, and the plain text above it is not.
    pytest.importorskip("weasyprint")
    long = "Recommendation {n}: Partners should improve how they identify neglect of young children, especially by health visitors."
    tables = "".join(
        f"<p style='font-weight:bold;margin-top:14pt'>{long.format(n=n)}</p>"
        "<table><tr><th>Action</th><th>Lead</th><th>Deadline</th></tr>"
        f"<tr><td>Train every health visitor in the neglect tool.</td><td>Head of Nursing</td><td>May 202{n}</td></tr>"
        "</table>"
        for n in (1, 2)
    )
    data = pdf(
        "<html><head><style>@page{size:A4;margin:2cm}body{font:10pt sans-serif}"
        "table{border-collapse:collapse;width:100%}td,th{border:0.5pt solid #444;padding:3pt}</style></head>"
        f"<body><p>Written statement of action after the inspection.</p>{tables}</body></html>"
    )
    plan = read_plan(data, "plan.pdf").plan
    assert [r["text"] for r in plan["recommendations"]] == [long.format(n=1), long.format(n=2)]


def test_a_pdf_of_labelled_action_blocks_keeps_the_inspection_named_above_them():
    # A plan written as "Action: / Lead: / Timescale:" paragraphs, printed to PDF: the
    # paragraphs above the first block name the inspection, and "3 months" counts from it.
    pytest.importorskip("weasyprint")
    blocks = "".join(
        f"<p>Action: {action}<br>Lead: {lead}<br>Timescale: {due}</p>"
        for action, lead, due in [
            ("Recruit two specialist return home workers.", "Head of Service", "3 months"),
            ("Audit return home interviews.", "Practice Lead", "June 2026"),
        ]
    )
    data = pdf(
        "<html><body><p>Anyshire County Council</p>"
        "<p>Ofsted inspected our children's services (ILACS) from 12 to 23 January 2026.</p>"
        f"{blocks}</body></html>"
    )
    plan = read_plan(data, "plan.pdf").plan
    assert plan["inspection"]["ended"] == "2026-01-23"
    assert [a["due"]["date"] for a in plan_actions(plan)] == ["2026-04-23", "2026-06-30"]


def test_a_pdf_of_headings_over_bullets_with_a_line_of_labels_under_each_reads_as_a_plan():
    # No table: a coloured heading per priority, its actions bullets, under each a line
    # of "Lead: … Timescale: … Progress: …" spaced apart. That line is no table header
    # (every piece is a label with its value); the headings are the recommendations,
    # whole and without a ref, and the closing review date is not the last action's.
    pytest.importorskip("weasyprint")
    items = [
        (
            "Priority 1 – Children are safe at home",
            "Publish the neglect strategy.",
            "Head of Service",
            "June 2026",
            "Complete",
        ),
        (
            "Priority 1 – Children are safe at home",
            "Train every social worker in the neglect tool.",
            "Practice Lead",
            "October 2026",
            "Work has started",
        ),
        (
            "Priority 2 – A stable workforce",
            "Open a social work academy.",
            "Principal Social Worker",
            "September 2026",
            "Not yet started",
        ),
    ]
    body = ""
    for k, (heading, action, lead, due, progress) in enumerate(items):
        if k == 0 or items[k - 1][0] != heading:
            body += ("</ul>" if k else "") + f"<h2 style='color:white;background:#5b2c6f'>{heading}</h2><ul>"
        body += (
            f"<li><p style='margin:0'>{action}</p><p style='margin:0'><b>Lead:</b> {lead}&#160;&#160;&#160; "
            f"<b>Timescale:</b> {due}&#160;&#160;&#160; <b>Progress:</b> {progress}</p></li>"
        )
    data = pdf(
        "<html><body><h1>Anyshire Council</h1><p>Our improvement plan after the inspection (ILACS) "
        f"from 11 to 22 May 2026.</p>{body}</ul><p>Next review by the Improvement Board: January 2027.</p></body></html>"
    )
    plan = read_plan(data, "plan.pdf").plan
    assert [(r["ref"], r["text"]) for r in plan["recommendations"]] == [
        (None, "Priority 1 – Children are safe at home"),
        (None, "Priority 2 – A stable workforce"),
    ]
    assert [(a["text"], a["owners"], a["due"]["date"], a["status"]) for a in plan_actions(plan)] == [
        ("Publish the neglect strategy.", ["Head of Service"], "2026-06-30", "complete"),
        ("Train every social worker in the neglect tool.", ["Practice Lead"], "2026-10-31", "in_progress"),
        ("Open a social work academy.", ["Principal Social Worker"], "2026-09-30", "not_started"),
    ]
    assert all("January 2027" not in u["text"] for a in plan_actions(plan) for u in a["updates"])
