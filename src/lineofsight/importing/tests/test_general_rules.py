"""The general rules added for plans from councils the project has not seen: deadline
wordings, owner separators, RAG shades, header wordings and inspection dates."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.importing.columns import map_columns, role_of
from lineofsight.importing.deadlines import normalise_due, split_due_list
from lineofsight.importing.grid import rag_colour
from lineofsight.importing.preamble import inspection_of
from lineofsight.importing.text import split_people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("w/c 5 Jan 2026", date(2026, 1, 11)),  # the week commencing ends six days on
        ("week commencing 12/01/2026", date(2026, 1, 18)),
        ("Q4 25/26", date(2026, 3, 31)),
        ("Q3 2025/26", date(2025, 12, 31)),
        ("03/2026", date(2026, 3, 31)),
        ("31-03-2026", date(2026, 3, 31)),
        ("End of March 2026", date(2026, 3, 31)),
        ("Mar-26", date(2026, 3, 31)),
        ("October 2025 then quarterly", date(2025, 10, 31)),
        ("From April 2025 to March 2026", date(2026, 3, 31)),
        ("Monthly from January 2025", None),  # a start, not a deadline
        ("September 2025 onwards", None),
        ("Dec 2025 (revised to March 2026)", date(2026, 3, 31)),
    ],
)
def test_council_deadline_wordings_give_the_last_day_committed_to(text, expected):
    assert normalise_due(text).date == expected


def test_timescales_keep_their_en_dashes_as_printed():
    assert split_due_list("April – June 2026") == ["April – June 2026"]
    assert split_due_list("April 2026 – May 2026") == ["April 2026 – May 2026"]
    assert split_due_list("April 2012 May 2012 Ongoing") == ["April 2012", "May 2012", "Ongoing"]


def test_a_slash_with_spaces_always_separates_owners():
    assert split_people("LBM C & H - HC / LBM CSF - JM") == ["LBM C & H - HC", "LBM CSF - JM"]
    assert split_people("LH/KB") == ["LH/KB"]  # initials joined without spaces stay


@pytest.mark.parametrize(
    ("fill", "rag"),
    [
        ("FF0000", "red"),
        ("C0504D", "red"),
        ("FFC000", "amber"),
        ("F79646", "amber"),
        ("B97034", "amber"),
        ("00B050", "green"),
        ("9BBB59", "green"),
        ("0070C0", "blue"),
        ("D9D9D9", None),
        ("C6EFCE", None),
        ("000000", None),
    ],
)
def test_rag_fill_is_read_by_hue_so_theme_shades_count(fill, rag):
    assert rag_colour(fill) == rag


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Improvement area", "recommendation"),
        ("What needs to improve", "recommendation"),
        ("What are we going to do?", "action"),
        ("Key tasks", "action"),
        ("Response", "action"),
        ("Lead(s)", "owner"),
        ("Leads", "owner"),
        ("Target", "due"),
        ("Completion by", "due"),
        ("Current status", "status"),
        ("Status update", "progress"),
        ("Latest position", "progress"),
        ("How we will know", "measure"),
        ("Accountable board", "reported_to"),
        ("Monitored through", "reported_to"),
        ("BRAG", "rag"),
        ("Area for priority action", "recommendation"),  # a JTAI letter's own term
    ],
)
def test_header_wordings_councils_use(header, role):
    assert role_of(header) == role


def test_update_columns_headed_by_a_date_are_progress_as_of_that_date():
    cmap = map_columns(["Ref", "Action", "Lead", "Due", "14 October 2025", "Nov-25"])
    assert cmap.roles[4] == cmap.roles[5] == "progress"
    assert cmap.as_of == {4: date(2025, 10, 14), 5: date(2025, 11, 30)}


@pytest.mark.parametrize(
    ("line", "started", "ended"),
    [
        ("Focused visit 14 and 15 October 2025", "2025-10-14", "2025-10-15"),
        ("Inspection date: 3 March 2025", "2025-03-03", "2025-03-03"),
        ("Inspection of children's services, 3 to 14 November 2025", "2025-11-03", "2025-11-14"),
    ],
)
def test_inspection_dates_above_the_plan(line, started, ended):
    inspection = inspection_of([line])
    assert (inspection["started"], inspection["ended"]) == (started, ended)


def test_outcome_paragraphs_dated_updates_and_exact_timescales_read_back_as_printed():
    from lineofsight.importing import read_plan
    from lineofsight.importing.tests.corpus import p11_word_outcomes_dated_progress as source

    got = read_plan(source.build(), source.FILENAME).plan
    want = source.expected()
    for rec_got, rec_want in zip(got["recommendations"], want["recommendations"], strict=True):
        assert rec_got["outcomes"] == rec_want["outcomes"]
        for a_got, a_want in zip(rec_got["actions"], rec_want["actions"], strict=True):
            assert a_got["updates"] == a_want["updates"]
            assert a_got["due"] == a_want["due"]
            assert a_got["owners"] == a_want["owners"]


def test_rag_shown_as_a_coloured_symbol_in_word_and_excel():
    import io

    import docx
    import openpyxl
    from docx.shared import RGBColor
    from openpyxl.styles import Font

    from lineofsight.importing import read_plan

    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    for c, text in enumerate(["Action", "Lead", "Deadline", "RAG"]):
        t.cell(0, c).text = text
    for r, (action, colour) in enumerate([("Audit twenty plans.", "00B050"), ("Train all managers.", "FF0000")], 1):
        t.cell(r, 0).text, t.cell(r, 1).text, t.cell(r, 2).text = action, "Head of QA", "May 2026"
        t.cell(r, 3).paragraphs[0].add_run("●").font.color.rgb = RGBColor.from_string(colour)
    out = io.BytesIO()
    d.save(out)
    word = read_plan(out.getvalue(), "symbols.docx").plan
    assert [a["rag"] for a in word["recommendations"][0]["actions"]] == ["green", "red"]

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Action", "Lead", "Deadline", "RAG"])
    ws.append(["Audit twenty plans.", "Head of QA", "May 2026", "●"])
    ws["D2"].font = Font(color="FFC000")
    out = io.BytesIO()
    wb.save(out)
    excel = read_plan(out.getvalue(), "symbols.xlsx").plan
    assert excel["recommendations"][0]["actions"][0]["rag"] == "amber"


def test_action_typed_on_into_the_next_spreadsheet_row_is_one_action():
    import io

    import openpyxl

    from lineofsight.importing import read_plan

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["No", "Recommendation", "Action", "Lead", "Deadline"])
    ws.append(
        [
            "1",
            "Improve plans for children in need.",
            "Introduce a plan template that sets out",
            "Head of CIN",
            "May 2026",
        ]
    )
    ws.append([None, None, "who will do what and by when for each child.", None, None])
    ws.append([None, None, "Audit ten plans each month.", "QA Manager", "June 2026"])
    out = io.BytesIO()
    wb.save(out)

    actions = read_plan(out.getvalue(), "plan.xlsx").plan["recommendations"][0]["actions"]

    assert [a["text"] for a in actions] == [
        "Introduce a plan template that sets out who will do what and by when for each child.",
        "Audit ten plans each month.",
    ]


def test_a_first_column_of_refs_under_an_unnamed_header_numbers_the_recommendations():
    # "Priority" names no column role; holding "P1", "P2" it is the number column, but
    # holding ratings ("High") it is not, and those words are not taken for refs.
    from lineofsight.importing import read_plan

    def refs(first: str, second: str) -> list[str | None]:
        text = (
            "Priority\tArea for development\tAction\tOwner\tTarget date\n"
            f"{first}\tPathway plans are not reviewed.\tAudit plans.\tTeam Manager\tMay 2026\n"
            f"{second}\tCaseloads are too high.\tRecruit advisers.\tHead of Service\tJune 2026\n"
        )
        return [r["ref"] for r in read_plan(text.encode(), "plan.txt").plan["recommendations"]]

    assert refs("P1", "P2") == ["P1", "P2"]
    assert refs("High", "Low") == [None, None]


def test_lettered_numbers_each_stating_a_finding_are_recommendations_of_their_own():
    # "1a" and "1b" under one finding are its actions a and b; "3a" and "3b" beside two
    # different findings are two recommendations, numbered as printed.
    from lineofsight.importing import read_plan

    text = (
        "Rec\tOfsted finding\tAction\tOwner\tDue\n"
        "1a\tImprove assessments.\tAudit assessments.\tTeam Manager\tMay 2026\n"
        "1b\t\tTrain assessors.\tPrincipal Social Worker\tJune 2026\n"
        "3a\tTrack children missing education.\tWeekly tracking meeting.\tCME Officer\tJuly 2026\n"
        "3b\tShare information with social care.\tGive read access.\tHead of Inclusion\tJune 2026\n"
    )
    recs = read_plan(text.encode(), "plan.txt").plan["recommendations"]
    assert [(r["ref"], [a["ref"] for a in r["actions"]]) for r in recs] == [
        ("1", ["1a", "1b"]),
        ("3a", [None]),
        ("3b", [None]),
    ]


def test_a_word_plan_of_labelled_action_blocks_naming_no_recommendation_is_still_read():
    # Some councils write only the actions, as "Action: / Lead: / Timescale:" paragraphs
    # under the plan's title, no recommendation named: like a table without a
    # recommendation column, the text above is the recommendation they answer, and it
    # names the inspection "3 months" counts from.
    import io

    import docx

    from lineofsight.importing import read_plan

    d = docx.Document()
    d.add_paragraph("Anyshire County Council")
    d.add_paragraph("Ofsted inspected our children's services (ILACS) from 12 to 23 January 2026.")
    d.add_paragraph("Return home interviews")
    for action, lead, due in [
        ("Recruit two specialist return home workers.", "Head of Service", "3 months"),
        ("Audit return home interviews.", "Practice Lead", "June 2026"),
    ]:
        d.add_paragraph(f"Action: {action}")
        d.add_paragraph(f"Lead: {lead}")
        d.add_paragraph(f"Timescale: {due}")
    out = io.BytesIO()
    d.save(out)
    plan = read_plan(out.getvalue(), "plan.docx").plan
    (rec,) = plan["recommendations"]
    assert (rec["ref"], rec["text"]) == (None, "Return home interviews")
    assert [(a["text"], a["owners"], a["due"]["date"]) for a in rec["actions"]] == [
        ("Recruit two specialist return home workers.", ["Head of Service"], "2026-04-23"),
        ("Audit return home interviews.", ["Practice Lead"], "2026-06-30"),
    ]


def test_leads_run_together_are_cut_only_where_every_piece_is_a_post():
    from lineofsight.importing.text import split_at_posts

    text = "Principal Social Worker Systems Lead QA Manager"
    starts = (text.index("Worker"), text.index("Systems"), text.index("QA"))
    assert split_at_posts(text, starts) == ["Principal Social Worker", "Systems Lead", "QA Manager"]
    # "Adoption" on the next line finishes the title: no cut.
    assert split_at_posts("Team Manager Adoption", (13,)) == ["Team Manager Adoption"]


def test_a_word_plan_of_headings_over_bulleted_actions_with_bracketed_leads_and_dates():
    # Headings over "List Bullet" paragraphs, each ending "(Lead: X; by June 2026)": the
    # same reading as text and PDF, so each heading is a recommendation (text whole, ref
    # null) and a bullet nested under an action is part of that action, not one of its own.
    import io

    import docx

    from lineofsight.importing import read_plan

    d = docx.Document()
    d.add_paragraph("Anyshire County Council improvement plan")
    d.add_heading("Recommendation 1: Improve the timeliness of assessments", level=2)
    d.add_paragraph("Publish a weekly timeliness report (Lead: Head of Service; by June 2026)", style="List Bullet")
    d.add_paragraph("shared with every team manager", style="List Bullet 2")
    d.add_paragraph("Audit assessments open over 45 days (Lead: Practice Lead; by 31 May 2026)", style="List Bullet")
    d.add_heading("Recommendation 2: Strengthen supervision", level=2)
    d.add_paragraph(
        "Introduce a supervision template (Owner: Principal Social Worker; Due: March 2027)", style="List Bullet"
    )
    out = io.BytesIO()
    d.save(out)
    plan = read_plan(out.getvalue(), "plan.docx").plan
    assert [(r["ref"], r["text"]) for r in plan["recommendations"]] == [
        (None, "Recommendation 1: Improve the timeliness of assessments"),
        (None, "Recommendation 2: Strengthen supervision"),
    ]
    actions = [a for r in plan["recommendations"] for a in r["actions"]]
    assert [(a["owners"], a["due"]["date"]) for a in actions] == [
        (["Head of Service"], "2026-06-30"),
        (["Practice Lead"], "2026-05-31"),
        (["Principal Social Worker"], "2027-03-31"),
    ]
    assert actions[0]["text"].startswith("Publish a weekly timeliness report")


def test_a_line_of_several_labels_gives_each_label_its_own_value():
    from lineofsight.importing.headed import labelled_parts

    # A label is the fewest capitalised words before a colon naming a role: "Timescale"
    # after a lead that is a title, "Lead officer" and "Target date" whole.
    assert labelled_parts(
        "Lead: Head of Safeguarding Partnerships Timescale: October 2026 Progress: Work has started"
    ) == [
        ("Lead", "owner", "Head of Safeguarding Partnerships"),
        ("Timescale", "due", "October 2026"),
        ("Progress", "progress", "Work has started"),
    ]
    assert labelled_parts("Lead officer: Team Managers Target date: 16:00 on 3 May 2026") == [
        ("Lead officer", "owner", "Team Managers"),
        ("Target date", "due", "16:00 on 3 May 2026"),
    ]
    assert labelled_parts("Dear all: thank you") is None


def test_a_date_after_the_last_comma_of_a_bracketed_lead_is_the_timescale():
    # "(Lead: Head of Service, Early Help, by June 2026)": the lead keeps its own comma,
    # the date after the last one is the timescale; a bracket naming no lead or date
    # ("(see appendix 2)") stays in the action's text.
    from lineofsight.importing import read_plan

    text = (
        "Improving assessments\n"
        "- Audit plans (Lead: Head of Service, Early Help, by June 2026)\n"
        "- Train managers (see appendix 2) (Lead: Practice Lead; by July 2026)\n"
    )
    plan = read_plan(text.encode(), "plan.txt").plan
    actions = [a for r in plan["recommendations"] for a in r["actions"]]
    assert [(a["text"], a["owners"], a["due"]["date"]) for a in actions] == [
        ("Audit plans", ["Head of Service, Early Help"], "2026-06-30"),
        ("Train managers (see appendix 2)", ["Practice Lead"], "2026-07-31"),
    ]
