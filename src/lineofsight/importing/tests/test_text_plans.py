"""Plain-text plans without tabs, as ``pdftotext -layout`` and copy-paste from a PDF give
them: each story is a shape of space-aligned text that lost actions or fields before."""

from __future__ import annotations

import pytest

from lineofsight.importing import ImportFailed, read_plan
from lineofsight.importing.readers import read_document
from lineofsight.importing.tests.builders import plan_actions


def _read(text: str) -> dict:
    return read_plan(text.encode(), "plan.txt").plan


def test_bullet_set_a_tab_before_its_item_stays_in_the_action_cell():
    # Word's list bullets sit a tab stop before the item, so pdftotext leaves a wide gap
    # after each "•": the bullet and its text are one cell, not two columns.
    # On a new page pdftotext lays the table out afresh, further left.
    plan = _read(
        "Ref   Recommendation        Action                   Lead              Deadline\n"
        "\n"
        "1     Visits are late.      •   Publish a weekly     Head of Service   March 2026\n"
        "                                tracker of visits.\n"
        "                            •   Audit ten visits     Practice Lead     June 2026\n"
        "                                each month.\n"
        "\f"
        "2   Supervision is      •   Introduce a        Principal Social  May 2026\n"
        "    not reflective.         template.          Worker\n"
    )
    assert [r["ref"] for r in plan["recommendations"]] == ["1", "2"]
    first = plan["recommendations"][0]
    assert first["text"] == "Visits are late."
    texts = [a["text"] for a in plan_actions(plan)]
    assert texts[0].startswith("Publish a weekly tracker of visits.")
    assert "Audit ten visits each month." in " ".join(texts[:2])
    assert texts[-1] == "Introduce a template."
    assert plan_actions(plan)[-1]["owners"] == ["Principal Social Worker"]


def test_a_lone_left_column_of_layout_text_is_not_taken_for_a_cell_per_line_transcript():
    # After a page break pdftotext prints a cell's rest alone at the left margin, one
    # short line each; some of those lines name plan columns ("action", "lead"). The
    # space-aligned reading of the whole text, which finds every row, wins.
    rows = []
    for n in range(1, 5):
        rows += [
            f"{n}          Practice {n} is         Review the           Head of        May 2026",
            "           not good enough.      action plan          Service",
            "",
        ]
    tail = ["\f", "lead to the", "action with", "review", "any issues.", ""]
    rows += [
        "5          Practice 5 is         Agree the            Head of        June 2026",
        "           not good enough.      actions that will    Service",
        *tail,
    ]
    text = "Ref        Recommendation        Action               Lead           Timescale\n\n" + "\n".join(rows)
    plan = _read(text)
    assert [r["ref"] for r in plan["recommendations"]] == ["1", "2", "3", "4", "5"]
    assert plan_actions(plan)[0]["owners"] == ["Head of Service"]


def test_text_without_a_plan_table_is_refused_and_names_what_was_expected():
    with pytest.raises(ImportFailed) as err:
        _read("Minutes of the improvement board\n\nAttendees   Apologies\nJo Bloggs   Sam Smith\n")
    assert "plan.txt" in str(err.value)
    assert "table" in str(err.value)


def test_a_long_word_run_up_to_the_next_column_does_not_merge_the_two_columns():
    # pdftotext keeps a single space where "oversights" fills its column up to the
    # next column's text, and on a new page it sets the table further left.
    plan = _read(
        "Ref   Recommendation      Action                  Lead              Deadline\n"
        "\n"
        "1     Visits are late.    Publish a tracker.      Head of Service   March 2026\n"
        "\f"
        "2   Leaders lack an     Extend the quality    Assistant         June 2026\n"
        "    clearer oversights audit framework to   Director\n"
        "    of practice.        disabled children.\n"
    )
    second = plan["recommendations"][1]
    assert second["ref"] == "2"
    assert second["text"] == "Leaders lack an clearer oversights of practice."
    assert second["actions"][0]["text"] == "Extend the quality audit framework to disabled children."
    assert second["actions"][0]["owners"] == ["Assistant Director"]
    assert second["actions"][0]["due"]["date"] == "2026-06-30"


def test_section_titles_and_bridged_words_in_one_block_keep_every_column_apart():
    # A section title over the first columns and lines where one column's text runs up to
    # the next with one space, all in one block without blank lines: the columns are still
    # found, and each title names the section of the rows below it.
    plan = _read(
        "Ref   Ofsted finding   Outcome we want  Key actions         Lead             Due\n"
        "Priority 1: Leadership and oversight\n"
        "1     Leaders lack any Leaders know     Extend the quality  Assistant        Nov 2025\n"
        "      clear            the quality of   audit framework.    Director\n"
        "      understanding of practice.\n"
        "Priority 2: Children in care\n"
        "2     Life story       Every child      Train staff in      Head of Service  June 2026\n"
        "      work is late.    knows their      life story work.\n"
        "                       history.\n"
    )
    first, second = plan["recommendations"]
    assert (first["ref"], second["ref"]) == ("1", "2")
    assert first["section"] == "Priority 1: Leadership and oversight"
    assert second["section"] == "Priority 2: Children in care"
    assert first["text"] == "Leaders lack any clear understanding of"
    assert first["actions"][0]["text"] == "Extend the quality audit framework."
    assert first["actions"][0]["owners"] == ["Assistant Director"]
    assert second["text"] == "Life story work is late."
    assert second["actions"][0]["text"] == "Train staff in life story work."
    assert second["actions"][0]["due"]["date"] == "2026-06-30"


def test_header_words_broken_over_three_lines_by_a_narrow_column_are_joined_back():
    # "Recommendation" did not fit its column, so Word broke it twice.
    plan = _read(
        "No      Recom      Action    Lead      Due\n"
        "        menda\n"
        "        tion\n"
        "\n"
        "1       Visits     Audit     Head of   June 2026\n"
        "        are late.  visits.   Service\n"
        "\n"
        "2       Plans are  Train     Practice  July 2026\n"
        "        vague.     staff.    Lead\n"
    )
    assert [r["text"] for r in plan["recommendations"]] == ["Visits are late.", "Plans are vague."]
    assert [a["text"] for a in plan_actions(plan)] == ["Audit visits.", "Train staff."]
    assert plan_actions(plan)[1]["owners"] == ["Practice Lead"]


def test_cells_going_on_in_lower_case_after_a_blank_line_stay_in_their_row():
    # Paragraph spacing inside the cells leaves a blank line in the middle of a row; the
    # text below it goes on mid-sentence, so it is not a new row.
    text = (
        "Rec   Area for improvement   Actions               Lead                Deadline\n"
        "\n"
        "1     The quality of         Recommission the      Head of             30\n"
        "      return home            service with a        Commissioning       September\n"
        "                                                                        2025\n"
        "\n"
        "      conversations for      single provider.      and Exploitation    October 2025\n"
        "      children who go\n"
        "      missing.\n"
        "\n"
        "2     Early help plans       Set up a weekly       Head of Early Help  March 2026\n"
        "      drift.                 allocation meeting.\n"
    )
    table = read_document(text.encode(), "plan.txt").tables[0]
    assert [row.cells[0].text for row in table.rows[1:]] == ["1", "2"]
    plan = _read(text)
    first, second = plan["recommendations"]
    assert first["text"] == "The quality of return home conversations for children who go missing."
    assert [a["text"] for a in first["actions"]] == ["Recommission the service with a single provider."]
    # The lead goes on in lower case too: one title, not two leads.
    assert first["actions"][0]["owners"] == ["Head of Commissioning and Exploitation"]
    assert second["actions"][0]["owners"] == ["Head of Early Help"]


def test_dates_broken_by_a_narrow_column_are_read_whole():
    plan = _read(
        "Ref    Action          Lead         Target      RAG\n"
        "\n"
        "1.1    Add children    Head of      30/11/202   Green\n"
        "       to triage.      MASH         5\n"
        "\n"
        "1.2    Commission a    Head of      Septembe    Amber\n"
        "       programme.      Service      r 2026\n"
    )
    first, second = plan_actions(plan)
    assert first["due"]["date"] == "2025-11-30"
    assert second["due"]["text"] == "September 2026"
    assert second["due"]["date"] == "2026-09-30"


def test_a_table_for_each_recommendation_with_the_same_header_reads_each_heading_whole():
    # Tables one after another on a page, each under its recommendation's heading of two
    # lines: the repeated header starts a new table, not more rows of the one above.
    plan = _read(
        "Improve the consistency of decision-making at the\n"
        "front door.\n"
        "\n"
        "Action          Owner          End date        Status\n"
        "\n"
        "Run weekly      MASH Team      November 2025   Completed\n"
        "moderation.     Manager\n"
        "\n"
        "\n"
        "Make sure children at risk outside the home have\n"
        "a plan that reduces risk.\n"
        "\n"
        "Action          Owner          End date        Status\n"
        "\n"
        "Adopt a         Exploitation   April 2026      Not started\n"
        "contextual      Lead\n"
        "model.\n"
    )
    first, second = plan["recommendations"]
    assert first["text"] == "Improve the consistency of decision-making at the front door."
    assert second["text"] == "Make sure children at risk outside the home have a plan that reduces risk."
    assert [a["text"] for a in second["actions"]] == ["Adopt a contextual model."]
    assert second["actions"][0]["owners"] == ["Exploitation Lead"]


def test_a_recommendation_lead_in_that_lost_its_bold_heads_its_first_action():
    # Word prints "Recommendation 1: ..." in bold over the row's first action, in the same
    # cell; the text has no bold, and a narrow column broke the word "Recommendation".
    # The lead-in is the recommendation; the sentence under it is the first action, with
    # the owner and date beside the lead-in.
    plan = _read(
        "Action              Owner              By when          Update\n"
        "Recommendati        Head of Service,   February 2026    Workshops\n"
        "on 1: Improve       CIN                                 held.\n"
        "the quality of\n"
        "plans.\n"
        "Relaunch the\n"
        "SMART guidance.\n"
        "Introduce a plan    Quality            March 2026       Complete.\n"
        "quality question.   Manager\n"
        "Recommendati        Team Manager       Ongoing          Started.\n"
        "on 2: Ensure\n"
        "carers are heard.\n"
        "Offer every carer\n"
        "an assessment.\n"
    )
    first, second = plan["recommendations"]
    assert first["text"] == "Recommendation 1: Improve the quality of plans."
    assert [a["text"] for a in first["actions"]] == [
        "Relaunch the SMART guidance.",
        "Introduce a plan quality question.",
    ]
    assert first["actions"][0]["owners"] == ["Head of Service, CIN"]
    assert first["actions"][0]["due"]["date"] == "2026-02-28"
    assert second["text"] == "Recommendation 2: Ensure carers are heard."
    assert [a["text"] for a in second["actions"]] == ["Offer every carer an assessment."]


def test_a_row_cut_by_a_page_break_goes_on_in_its_own_columns_when_moved_to_the_margin():
    # With the Ref column empty on the new page, pdftotext prints the rest of the row
    # from the left margin: the cells still open at the page's foot (the action in mid
    # sentence) are the columns those lines belong to, in order.
    plan = _read(
        "Ref         Action        Lead          Target      Progress     RAG\n"
        "                                        date\n"
        "\n"
        "2.1         Approve a     Director of   January     Completed    Blue\n"
        "            strategy.     Services      2026\n"
        "\n"
        "2.2         Recruit       Fostering     Septembe    Campaign     Amber\n"
        "            specialist    Service\n"
        "\f"
        "foster       Manager   r 2026   launched.\n"
        "carers for\n"
        "teenagers.\n"
        "\n"
        "2.3         Review        Head of       March       Not          Red\n"
        "            the offer.    Service       2026        started\n"
    )
    texts = [a["text"] for a in plan_actions(plan)]
    assert texts == ["Approve a strategy.", "Recruit specialist foster carers for teenagers.", "Review the offer."]
    recruit = plan_actions(plan)[1]
    assert recruit["owners"] == ["Fostering Service Manager"]
    assert recruit["due"]["date"] == "2026-09-30"
    assert recruit["rag"] == "amber"


def test_two_leads_run_together_by_wrapping_are_read_as_two_leads():
    # Word's lead cell holds one post a paragraph; in the text the lines just wrap. A line
    # opening with a post's title ("Head of") after a whole title starts the next lead;
    # a title going on over the line ("Head of Service and" / "Head of") does not.
    plan = _read(
        "Ref   Action              Lead              Timescale\n"
        "\n"
        "1     Open a joint        Head of           May 2026\n"
        "      housing panel.      Corporate\n"
        "                          Parenting\n"
        "                          Head of\n"
        "                          Housing\n"
        "\n"
        "2     Agree the           Director of       June 2026\n"
        "      protocol.           Services and\n"
        "                          Head of Quality\n"
    )
    first, second = plan_actions(plan)
    assert first["owners"] == ["Head of Corporate Parenting", "Head of Housing"]
    assert second["owners"] == ["Director of Services and Head of Quality"]


def test_a_new_row_lower_down_a_page_does_not_join_the_row_cut_by_the_break():
    # The row cut by the page break goes on at the top of the next page; the row after it
    # has no reference (its recommendation cell is merged) but is a row of its own.
    plan = _read(
        "Ref   Recommendation   Action            Lead          Timescale\n"
        "\n"
        "1     Visits are       Audit visits      Head of       May 2026\n"
        "      late.            every month\n"
        "\f"
        "                       and report.       Service\n"
        "                       Publish a         Practice      June 2026\n"
        "                       tracker.          Lead\n"
        "                                         Head of\n"
        "                                         Quality\n"
    )
    audit, publish = plan_actions(plan)
    assert audit["text"] == "Audit visits every month and report."
    assert audit["owners"] == ["Head of Service"]
    assert publish["text"] == "Publish a tracker."
    assert publish["owners"] == ["Practice Lead", "Head of Quality"]
    assert publish["due"]["date"] == "2026-06-30"


def test_a_rating_run_up_against_a_right_aligned_date_is_the_rag_columns():
    # A spreadsheet prints dates right-aligned; pdftotext keeps one space between the
    # date and the RAG word beside it, so the two read as one piece of text.
    plan = _read(
        "Ref   What we will do                    Lead officer          Target date   RAG\n"
        "1     Audit every plan each month.       Head of Service      30 June 2025 Green\n"
        "2     Report findings each quarter.      Principal Social  30 September 2025 Amber\n"
        "                                         Worker\n"
    )
    first, second = plan_actions(plan)
    assert (first["due"]["date"], first["rag"]) == ("2025-06-30", "green")
    assert (second["due"]["date"], second["rag"]) == ("2025-09-30", "amber")
    assert second["owners"] == ["Principal Social Worker"]


def test_a_status_run_up_against_a_right_aligned_date_starts_under_its_own_header():
    # Every date ends one space before the status beside it, so no piece of text starts
    # under "Status"; its words do, and they are the status column, not the date's.
    plan = _read(
        "Ref   Action                            Owner               Due           Status\n"
        "1     Audit every plan each month.      Head of Service        30/06/2025 Complete\n"
        "2     Report findings each quarter.     Practice Lead          31/12/2025 In progress\n"
        "3     Train every team manager.         Head of Service        15/01/2026 Not started\n"
    )
    due = [(a["due"]["date"], a["status"]) for a in plan_actions(plan)]
    assert due == [("2025-06-30", "complete"), ("2025-12-31", "in_progress"), ("2026-01-15", "not_started")]


def test_a_recommendation_merged_down_beside_the_next_action_stays_whole():
    # The recommendation cell is merged over two action rows; its last lines print beside
    # the second action in lower case, in mid sentence. They finish the recommendation.
    plan = _read(
        "No.   Recommendation   Action            Lead          Timescale\n"
        "\n"
        "1.    The quality of   Introduce a       Head of       May 2026\n"
        "      supervision      dashboard.        Assessment\n"
        "      in the\n"
        "      assessment       Run training      Principal     June 2026\n"
        "      teams.           for managers.     Social Worker\n"
    )
    (rec,) = plan["recommendations"]
    assert rec["ref"] == "1"
    assert rec["text"] == "The quality of supervision in the assessment teams."
    assert [a["text"] for a in rec["actions"]] == ["Introduce a dashboard.", "Run training for managers."]
    assert rec["actions"][1]["owners"] == ["Principal Social Worker"]


def test_update_columns_whose_header_month_a_narrow_column_broke_keep_their_dates():
    # "Progress September 2025" wrapped over five lines, the month broken mid-word: the
    # whole band is the header, and each update is dated by its column's month.
    plan = _read(
        "No      Action    Lead      Due       Progre    Progre\n"
        "                                      ss        ss\n"
        "                                      Septe     Decem\n"
        "                                      mber      ber\n"
        "                                      2025      2025\n"
        "\n"
        "1       Audit     Head of   May 2026  Not       Done.\n"
        "        visits.   Service             started.\n"
    )
    (action,) = plan_actions(plan)
    assert [(u["as_of"], u["text"]) for u in action["updates"]] == [
        ("2025-09-30", "Not started."),
        ("2025-12-31", "Done."),
    ]


def test_a_rag_column_left_empty_in_text_is_flagged_as_colours_text_cannot_keep():
    # The council shaded some RAG cells instead of writing in them; the text copy of the
    # PDF keeps the words and loses the shading. Nothing is guessed: the importer names
    # the actions whose RAG is missing and says how to get it back.
    text = (
        "Ref   Recommendation       Action                            Owner              Deadline       RAG\n"
        "1     Plans are late.      Audit every plan each month.      Head of Service    June 2026      Green\n"
        "1     Plans are late.      Report findings each quarter.     Practice Lead      July 2026\n"
        "2     Training is thin.    Train every team manager.         Head of Service    May 2026\n"
    )
    result = read_plan(text.encode(), "plan.txt")
    assert [r["ref"] for r in result.plan["recommendations"]] == ["1", "2"]
    assert [a["rag"] for a in plan_actions(result.plan)] == ["green", None, None]
    (warning,) = [w for w in result.warnings if "RAG column is empty" in w.message]
    assert "2 of 3 actions" in warning.message
    assert "1.2, 2.1" in warning.message
    assert "upload the Word, Excel or PDF version" in warning.message


def test_a_text_plan_with_every_rag_written_is_not_flagged():
    text = (
        "Ref   Action                            Owner              Deadline       RAG\n"
        "1     Audit every plan each month.      Head of Service    June 2026      Green\n"
        "2     Train every team manager.         Head of Service    May 2026       Amber\n"
    )
    result = read_plan(text.encode(), "plan.txt")
    assert [a["rag"] for a in plan_actions(result.plan)] == ["green", "amber"]
    assert not [w for w in result.warnings if "RAG" in w.message]


def test_recommendation_lead_ins_printed_across_the_columns_head_the_rows_below():
    # A spreadsheet's merged "Recommendation N: ..." rows come out of pdftotext as lines
    # from the left margin over the No. and Action columns, one wrapping onto a second
    # line: each is the recommendation of the numbered rows under it.
    plan = _read(
        "No.          Action                                   Responsible          Deadline\n"
        "Recommendation 1: Strengthen the response to children at risk of\n"
        "exploitation.\n"
        "\n"
        "1.1          Launch a contextual safeguarding panel.  Head of Service      June 2026\n"
        "\n"
        "1.2          Map children missing from education.     Virtual School Head  May 2026\n"
        "\n"
        "Recommendation 2: Improve the timeliness of pre-proceedings work for children.\n"
        "\n"
        "2.1          Introduce a legal gateway tracker.       Head of Service      April 2026\n"
    )
    recs = plan["recommendations"]
    assert [r["text"] for r in recs] == [
        "Recommendation 1: Strengthen the response to children at risk of exploitation.",
        "Recommendation 2: Improve the timeliness of pre-proceedings work for children.",
    ]
    assert [[a["text"] for a in r["actions"]] for r in recs] == [
        ["Launch a contextual safeguarding panel.", "Map children missing from education."],
        ["Introduce a legal gateway tracker."],
    ]


def test_a_lead_that_ended_before_the_page_did_is_not_run_into_the_next_pages_lead():
    # Actions under one reference, printed with no blank lines, the recommendation going
    # on beside them: the first action's lead ended lines before the foot of the page, so
    # the lead at the top of the next page is the next action's, not the same lead going
    # on ("Quality Lead Quality Lead").
    plan = _read(
        "Ref   Recommendation   Action            Lead              Timescale   Status        RAG\n"
        "4     Make sure that   Audit every       Quality Lead      May 2026    in progress   green\n"
        "      plans for        plan each\n"
        "      children are     month and\n"
        "      reviewed and     report to\n"
        "      kept up to       the board.\n"
        "\f"
        "      date so that     Publish a         Quality Lead      June 2026   in progress   green\n"
        "      they do not      tracker.\n"
        "      drift.\n"
    )
    owners = [a["owners"] for a in plan_actions(plan)]
    assert owners == [["Quality Lead"], ["Quality Lead"]]


def test_a_lead_run_up_against_a_long_action_and_a_totals_line_keep_the_columns_in_place():
    # pdftotext keeps one space between a long action's full stop and the lead beside it,
    # and prints a totals line's count under no column: each lead and date is still read
    # from its own column.
    plan = _read(
        "Ref   Action                                         Lead                    Target date   RAG\n"
        "1     Audit every plan open longer than nine         Head of Service         30 June 2025  Green\n"
        "      months.\n"
        "\n"
        "2     Recommission the service with a 72-hour standard. Commissioning Manager  31 October 2025 Red\n"
        "3     Add disabled children's reviews to the     IRO Service Manager         31 May 2025 Green\n"
        "      tracker.\n"
        "Total actions                                  3\n"
    )
    read = [(a["text"], a["owners"], a["due"]["date"]) for a in plan_actions(plan)]
    assert read == [
        ("Audit every plan open longer than nine months.", ["Head of Service"], "2025-06-30"),
        ("Recommission the service with a 72-hour standard.", ["Commissioning Manager"], "2025-10-31"),
        ("Add disabled children's reviews to the tracker.", ["IRO Service Manager"], "2025-05-31"),
    ]


def test_list_items_set_with_a_hanging_indent_in_a_narrow_column_are_separate_actions():
    # Word's list lost its bullets in the text: each item starts one character left of its
    # wrapped lines. A blank line the lead column's spacing puts inside an item's sentence
    # (going on in lower case) does not end it.
    plan = _read(
        "Ref   Recommendation    Actions            Lead             Deadline\n"
        "\n"
        "1     Return home       Recommission       Head of          30 September\n"
        "      conversations      the service       Commissioning    2025\n"
        "      are late.          with a\n"
        "                                           Exploitation     November\n"
        "                         single            Lead             2025\n"
        "                         provider.\n"
        "                        Report themes\n"
        "                         to the panel\n"
        "                         each month.\n"
    )
    assert [(a["text"], a["owners"], a["due"]["date"]) for a in plan_actions(plan)] == [
        ("Recommission the service with a single provider.", ["Head of Commissioning"], "2025-09-30"),
        ("Report themes to the panel each month.", ["Exploitation Lead"], "2025-11-30"),
    ]


def test_a_bullet_opening_the_next_page_at_the_margin_is_the_next_item_of_the_open_cell():
    # The last row's action list goes on over the page; pdftotext prints it from the left
    # margin. It is that cell's next bullet, with the second lead and date of the row.
    plan = _read(
        "Ref   Recommendation    Actions            Lead               Deadline\n"
        "\n"
        "3     Disabled          • Schedule a       Team Manager       Dec-25\n"
        "      children's        review of every    Principal Social   Feb-26\n"
        "      plans drift.      plan.              Worker\n"
        "\f"
        "• Train the team in\n"
        "writing plans.\n"
    )
    assert [(a["text"], a["owners"], a["due"]["date"]) for a in plan_actions(plan)] == [
        ("Schedule a review of every plan.", ["Team Manager"], "2025-12-31"),
        ("Train the team in writing plans.", ["Principal Social Worker"], "2026-02-28"),
    ]


_LABEL_BLOCKS = (
    "Skip to main content\n"
    "Anyshire County Council\n"
    "Home > Children and families > Ofsted inspection\n"
    "\n"
    "Our improvement plan after the Ofsted inspection\n"
    "\n"
    "Recommendation: 1. Improve the timeliness of return home interviews.\n"
    "Action: Recruit two specialist return home workers.\n"
    "Lead officer: Head of Adolescent Services\n"
    "Target date: June 2026\n"
    "RAG: Amber\n"
    "Update: Two posts advertised.\n"
    "\n"
    "Recommendation: 1. Improve the timeliness of return home interviews.\n"
    "Action: Report completion rates to the exploitation panel.\n"
    "Lead officer: Missing Children Coordinator\n"
    "Target date: Monthly\n"
    "RAG: Green\n"
    "Update: Reported in March.\n"
    "\n"
    "Recommendation: 2. Make sure care leavers know their entitlements.\n"
    "Action: Publish a local offer in plain English.\n"
    "Lead officer: Head of Leaving Care\n"
    "Target date: September 2026\n"
    "RAG: Red\n"
    "Update: Draft with care leavers for comment.\n"
    "\n"
    "Was this page useful? Yes / No\n"
    "Contact us | Accessibility | Cookies\n"
)


def test_a_web_page_of_labelled_action_blocks_is_read_as_a_plan():
    # A council's progress page copied as text: each action a block of "Label: value"
    # lines. Four short labelled lines in a row ("Lead officer: ...", "Target date: ...")
    # name plan columns, but each carries its value, so they are not the header of a
    # table copied a cell a line: the blocks are read as labelled paragraphs.
    plan = _read(_LABEL_BLOCKS)
    actions = plan_actions(plan)
    assert [a["text"] for a in actions] == [
        "Recruit two specialist return home workers.",
        "Report completion rates to the exploitation panel.",
        "Publish a local offer in plain English.",
    ]
    assert [a["owners"] for a in actions] == [
        ["Head of Adolescent Services"],
        ["Missing Children Coordinator"],
        ["Head of Leaving Care"],
    ]
    assert plan["organisation"] == "Anyshire County Council"


def test_a_recommendation_number_printed_in_a_labels_value_is_its_ref():
    # "Recommendation: 2. Make sure ...": the label has no number, the value starts with
    # it. It is the recommendation's ref, as in a table's recommendation column.
    recs = _read(_LABEL_BLOCKS)["recommendations"]
    assert [(r["ref"], r["text"]) for r in recs] == [
        ("1", "Improve the timeliness of return home interviews."),
        ("2", "Make sure care leavers know their entitlements."),
    ]


def test_the_page_footer_below_the_last_labelled_block_is_not_its_last_value():
    # No value in the plan goes on past a blank line, so the footer below the last
    # block ("Was this page useful?") is the page's, not the last action's update.
    actions = plan_actions(_read(_LABEL_BLOCKS))
    assert [[u["text"] for u in a["updates"]] for a in actions] == [
        ["Two posts advertised."],
        ["Reported in March."],
        ["Draft with care leavers for comment."],
    ]
    assert [a["rag"] for a in actions] == ["amber", "green", "red"]


def test_a_contact_page_of_labelled_lines_is_still_refused():
    # Labels that name plan columns, but no action among them: not a plan.
    with pytest.raises(ImportFailed) as err:
        _read(
            "Children's services contacts\n\n"
            "Lead officer: Head of Safeguarding\nTelephone: 01234 567890\nTarget date: n/a\n"
            "Status: open\nEmail: safeguarding@example.gov.uk\n"
        )
    assert str(err.value).startswith("plan.txt: no table was found")


def test_a_table_copied_a_cell_a_line_with_no_blank_lines_between_rows_is_read_row_by_row():
    # A browser table pasted as text: the headings once, then every cell on its own
    # line, rows running on with no blank line between them. Each "1.1" opening a row
    # under the "No." heading says where rows start; a "Recommendation N:" line heads the
    # rows under it. The plan has no recommendation column, so, as plan-format.md says of
    # such headings, its text is the line whole and its ref null.
    plan = _read(
        "Anyshire Council\n"
        "Improvement plan following the monitoring visit\n"
        "\n"
        "No.\nAction\nResponsible officer\nTimescale\n"
        "Recommendation 1: Ensure that children are seen alone.\n"
        "1.1\nRecord whether the child was seen alone.\nSystems Lead\nJuly 2026\n"
        "1.2\nAudit visits each month.\nPrincipal Social Worker\nMonthly\n"
        "Recommendation 2: Improve core group meetings.\n"
        "2.1\nUse a core group template.\nChild Protection Chair\nAugust 2026\n"
        "\n"
        "Plan owner: Assistant Director. Next review: November 2026.\n"
    )
    recs = plan["recommendations"]
    assert [r["text"] for r in recs] == [
        "Recommendation 1: Ensure that children are seen alone.",
        "Recommendation 2: Improve core group meetings.",
    ]
    assert [[(a["ref"], a["text"], a["owners"], a["due"]["text"]) for a in r["actions"]] for r in recs] == [
        [
            ("1.1", "Record whether the child was seen alone.", ["Systems Lead"], "July 2026"),
            ("1.2", "Audit visits each month.", ["Principal Social Worker"], "Monthly"),
        ],
        [("2.1", "Use a core group template.", ["Child Protection Chair"], "August 2026")],
    ]


def test_rows_a_cell_a_line_without_refs_are_counted_off_between_recommendation_lead_ins():
    # With no "No." column, the lead-ins alone show where rows start: the lines between
    # two of them are whole rows of the header's width.
    plan = _read(
        "Action\nLead\nDeadline\n"
        "Recommendation 1: Strengthen the response to exploitation.\n"
        "Launch a contextual safeguarding panel.\nHead of Service\nJune 2026\n"
        "Map children missing from education.\nVirtual School Head\nMay 2026\n"
        "Recommendation 2: Improve pre-proceedings work.\n"
        "Introduce a legal gateway tracker.\nHead of Legal\nApril 2026\n"
    )
    assert [[(a["text"], a["owners"]) for a in r["actions"]] for r in plan["recommendations"]] == [
        [
            ("Launch a contextual safeguarding panel.", ["Head of Service"]),
            ("Map children missing from education.", ["Virtual School Head"]),
        ],
        [("Introduce a legal gateway tracker.", ["Head of Legal"])],
    ]


def test_an_empty_cell_copied_as_a_blank_line_keeps_the_rest_of_its_row_in_place():
    # The browser copies an empty cell as an empty line: the row's later cells stay under
    # their own headings, and the next row still starts at its ref.
    plan = _read(
        "No.\nAction\nLead\nTimescale\n"
        "1.1\nAgree a visits standard.\n\nMonthly\n"
        "1.2\nAudit visits each month.\nPrincipal Social Worker\nJune 2026\n"
    )
    assert [(a["ref"], a["owners"], a["due"]["text"]) for a in plan_actions(plan)] == [
        ("1.1", [], "Monthly"),
        ("1.2", ["Principal Social Worker"], "June 2026"),
    ]


def test_a_labelled_page_counts_a_timescale_in_months_from_the_inspection_it_names():
    # The lines above the first block are the page's title and introduction: they name
    # the council and the inspection, and "3 months" counts from its last day.
    plan = _read(
        "Anyshire County Council\n\n"
        "Ofsted inspected our children's services (ILACS) from 12 to 23 January 2026.\n\n"
        "Action: Recruit two specialist return home workers.\nLead: Head of Service\nTimescale: 3 months\n\n"
        "Action: Audit return home interviews.\nLead: Practice Lead\nTimescale: June 2026\n"
    )
    assert plan["organisation"] == "Anyshire County Council"
    assert plan["inspection"]["ended"] == "2026-01-23"
    assert [a["due"]["date"] for a in plan_actions(plan)] == ["2026-04-23", "2026-06-30"]


def test_several_actions_in_one_cell_without_bullets_pair_with_their_own_leads_and_dates():
    # Word's paragraphs lost their breaks in the text: three dates say three actions,
    # each starting a line with a capital after a line ending in lower case, and the
    # leads, one a line, are cut where a post's title ends.
    plan = _read(
        "Recommendation           Actions                 Lead                   Timescale\n"
        "1. Improve the           Provide direct work     Principal Social       May 2025\n"
        "consistency of direct    toolkits to every       Worker                 June 2025\n"
        "work with children.      social work team        Systems Lead           Sept 25\n"
        "                         Add a 'child's voice'   QA Manager\n"
        "                         section to all\n"
        "                         assessment templates\n"
        "                         Audit the quality of\n"
        "                         direct work each\n"
        "                         quarter\n"
    )
    assert [(a["text"], a["owners"], a["due"]["date"]) for a in plan_actions(plan)] == [
        ("Provide direct work toolkits to every social work team", ["Principal Social Worker"], "2025-05-31"),
        ("Add a 'child's voice' section to all assessment templates", ["Systems Lead"], "2025-06-30"),
        ("Audit the quality of direct work each quarter", ["QA Manager"], "2025-09-30"),
    ]


def test_text_whose_columns_cut_every_word_into_pieces_is_refused_naming_the_fix():
    # A table nested in a narrow cell prints four letters a line: nothing can be read
    # reliably, so the plan manager is told why and which version to upload instead.
    lines = ["No   Recommendation    Actions            RAG", "1    Partners should                      Amber"]
    pieces = ["Acti on", "Lau nch", "a", "mul ti-", "age ncy", "negl ect", "refe rral", "guid e.", "Trai n"]
    pieces += ["desi gnat", "ed", "safe gua", "rdin g", "lead s", "usin g", "the", "guid e.", "Co mmi", "ssio n"]
    for piece in pieces:
        for part in piece.split():
            lines.append(" " * 23 + part)
    with pytest.raises(ImportFailed) as error:
        _read("\n".join(lines) + "\n")
    assert "cut into pieces" in str(error.value)
    assert "upload the PDF or Word version" in str(error.value)


def test_a_ref_header_run_into_the_next_with_one_space_keeps_both_columns_on_every_page():
    # pdftotext prints the narrow "Ref" header one space from "Recommendation", and lays
    # the next page out narrower: the refs and the text keep their own columns, so every
    # page's actions, leads and dates are read.
    themes = ["visits", "supervision", "plans", "records", "reviews", "audits"]
    leads = ["Quality", "Safeguarding", "Fostering", "Adoption", "Assessment", "Commissioning"]

    def page(widths: list[int], first: int) -> list[str]:
        head = ["Ref Recommendation", "Action", "Lead", "Timescale"]
        out = ["".join(h.ljust(w) for h, w in zip(head, [widths[0] + widths[1], *widths[2:]], strict=True))]
        for n in range(first, first + 3):
            cells = [
                [str(n), ""],
                [f"Improve {themes[n - 1]} so", "that children benefit."],
                [f"Audit {themes[n - 1]} and", "report to the board."],
                ["Head of", leads[n - 1]],
                [f"{n} March", "2026"],
            ]
            for k in range(2):
                out.append("".join(c[k].ljust(w) for c, w in zip(cells, widths, strict=True)))
        return [line.rstrip() for line in out]

    second = page([5, 28, 24, 16, 12], 4)
    plan = _read("\n".join([*page([5, 34, 28, 16, 12], 1), "\f" + second[0], *second[1:]]) + "\n")
    assert [r["ref"] for r in plan["recommendations"]] == ["1", "2", "3", "4", "5", "6"]
    read = [(a["text"], a["owners"], a["due"]["date"]) for a in plan_actions(plan)]
    assert read[3] == ("Audit records and report to the board.", ["Head of Adoption"], "2026-03-04")
    assert [owners for _, owners, _ in read] == [[f"Head of {lead}"] for lead in leads]


def test_a_spreadsheet_saved_as_text_with_semicolons_is_read_cell_by_cell():
    # Excel in a locale with a decimal comma saves "CSV" with semicolons, quoting a cell
    # that holds one; saved as .txt it is still that table, title rows padded with ";".
    plan = _read(
        "Anyshire Council - action tracker;;;;\r\n"
        ";;;;\r\n"
        "Ref;Recommendation;Action;Lead officer;Target date\r\n"
        '1;Improve supervision.;"Audit supervision; report to the board.";"Head of QA; PSW";June 2026\r\n'
        "2;Improve visits.;Publish a weekly tracker of visits.;Head of Service;May 2026\r\n"
    )
    assert [(a["text"], a["owners"], a["due"]["text"]) for a in plan_actions(plan)] == [
        ("Audit supervision; report to the board.", ["Head of QA", "PSW"], "June 2026"),
        ("Publish a weekly tracker of visits.", ["Head of Service"], "May 2026"),
    ]
    assert plan["organisation"] == "Anyshire Council"


def test_a_grid_table_drawn_with_rules_reads_each_wrapped_cell_as_one():
    # An export drawn with "+----+" rules between rows and "|" between cells: a row is
    # everything between two rules, so a cell wrapped over three lines is one cell, and a
    # bullet inside it starts the next action.
    plan = _read(
        "Anyshire Council\n"
        "+-----+------------------+----------------------+-----------------+------------+\n"
        "| Ref | Recommendation   | Action               | Lead            | Timescale  |\n"
        "+=====+==================+======================+=================+============+\n"
        "| 1   | Improve the      | • Publish a weekly   | Head of Service | March 2026 |\n"
        "|     | timeliness of    | tracker of visits.   |                 | June 2026  |\n"
        "|     | visits.          | • Audit ten visits   |                 |            |\n"
        "|     |                  | each month.          |                 |            |\n"
        "+-----+------------------+----------------------+-----------------+------------+\n"
        "| 2   | Improve          | Introduce a          | Principal       | May 2026   |\n"
        "|     | supervision.     | reflective template. | Social Worker   |            |\n"
        "+-----+------------------+----------------------+-----------------+------------+\n"
    )
    assert [(r["ref"], r["text"]) for r in plan["recommendations"]] == [
        ("1", "Improve the timeliness of visits."),
        ("2", "Improve supervision."),
    ]
    assert [(a["text"], a["owners"], a["due"]["text"]) for a in plan_actions(plan)] == [
        ("Publish a weekly tracker of visits.", ["Head of Service"], "March 2026"),
        ("Audit ten visits each month.", ["Head of Service"], "June 2026"),
        ("Introduce a reflective template.", ["Principal Social Worker"], "May 2026"),
    ]


def test_a_console_table_in_box_drawing_reads_a_row_a_line_and_a_heading_across_it():
    # A reporting console prints one line a row, rules only round the header and the
    # table, in box-drawing characters; a line crossing no inner wall is a heading.
    plan = _read(
        "┌─────┬───────────────────────────────┬─────────────────┬────────────┐\n"
        "│ Ref │ Action                        │ Lead            │ Timescale  │\n"
        "├─────┼───────────────────────────────┼─────────────────┼────────────┤\n"
        "│ Recommendation 1: Improve the timeliness of visits.                │\n"
        "│ 1.1 │ Publish a tracker of visits.  │ Head of Service │ March 2026 │\n"
        "│ 1.2 │ Audit ten visits each month.  │ Practice Lead   │ June 2026  │\n"
        "└─────┴───────────────────────────────┴─────────────────┴────────────┘\n"
    )
    assert [(a["ref"], a["text"], a["owners"], a["due"]["text"]) for a in plan_actions(plan)] == [
        ("1.1", "Publish a tracker of visits.", ["Head of Service"], "March 2026"),
        ("1.2", "Audit ten visits each month.", ["Practice Lead"], "June 2026"),
    ]
    assert plan["recommendations"][0]["text"] == "Recommendation 1: Improve the timeliness of visits."


def test_rows_copied_with_spaces_among_tabbed_rows_are_rows_of_the_same_table():
    # A PDF viewer's copy gives tabs between the cells of some rows and runs of spaces in
    # others; an indented row holds only its last cells, the ref and recommendation being
    # the row's above. A key or a line alone after the table is still the page's text.
    plan = _read(
        "Ref\tRecommendation\tAction\tLead\tBy when\n"
        "1\tImprove visits.\tPublish a weekly tracker of visits.\tHead of Service\tMarch 2026\n"
        "      Audit ten visits each month.   Practice Lead   June 2026\n"
        "2   Improve supervision.   Introduce a reflective template.   Principal Social Worker   May 2026\n"
        "\n"
        "Key:  C = Complete   O = Open   N = Not started\n"
        "Page 1 of 1\n"
    )
    assert [(r["ref"], r["text"]) for r in plan["recommendations"]] == [
        ("1", "Improve visits."),
        ("2", "Improve supervision."),
    ]
    assert [(a["text"], a["owners"], a["due"]["text"]) for a in plan_actions(plan)] == [
        ("Publish a weekly tracker of visits.", ["Head of Service"], "March 2026"),
        ("Audit ten visits each month.", ["Practice Lead"], "June 2026"),
        ("Introduce a reflective template.", ["Principal Social Worker"], "May 2026"),
    ]


def test_an_emailed_plan_of_capital_headings_over_bullets_with_the_lead_and_date_in_brackets():
    # No table: each recommendation a heading line, each action a dash bullet ending
    # "(Lead: X; by June 2026)". The heading is the recommendation whole with no ref
    # (plan-format.md, no recommendation column); the e-mail's header and signature are
    # not part of it, and a line the mail client wrapped continues its bullet.
    plan = _read(
        "From: Assistant Director\n"
        "Subject: FW: improvement plan\n"
        "\n"
        "Dear all, please see the plan below following the focused visit of 3 and 4 February 2026.\n"
        "\n"
        "REC 1 - IMPROVE THE TIMELINESS OF ASSESSMENTS\n"
        "- Publish a weekly report of assessments due (Lead: Head of Service; by June 2026)\n"
        "- Audit every assessment open for more than 45 days and agree a plan\n"
        "for each (Lead: Team Manager; Practice Lead; by 31 May 2026)\n"
        "\n"
        "REC 2 - STRENGTHEN SUPERVISION\n"
        "- Introduce a reflective supervision template (Lead: Principal Social Worker; ongoing)\n"
        "\n"
        "Kind regards,\n"
        "Assistant Director\n"
    )
    assert [(r["ref"], r["text"]) for r in plan["recommendations"]] == [
        (None, "REC 1 - IMPROVE THE TIMELINESS OF ASSESSMENTS"),
        (None, "REC 2 - STRENGTHEN SUPERVISION"),
    ]
    assert [(a["text"], a["owners"], a["due"]["text"], a["due"]["date"]) for a in plan_actions(plan)] == [
        ("Publish a weekly report of assessments due", ["Head of Service"], "by June 2026", "2026-06-30"),
        (
            "Audit every assessment open for more than 45 days and agree a plan for each",
            ["Team Manager", "Practice Lead"],
            "by 31 May 2026",
            "2026-05-31",
        ),
        ("Introduce a reflective supervision template", ["Principal Social Worker"], "ongoing", None),
    ]


def test_text_headings_over_bullets_with_a_line_of_labels_under_each_bullet():
    # "Lead: … Timescale: … Progress: …" on one line under each bullet, spaced out: each
    # label takes its own value, and the closing "Next review by the Board: …" at the
    # margin is the page's, not the last action's progress.
    plan = _read(
        "Anyshire Council improvement plan\n"
        "\n"
        "Priority 1 - Children are seen regularly\n"
        "- Set the visiting frequency in every plan.\n"
        "  Lead: Head of Safeguarding   Timescale: June 2026   Progress: Complete\n"
        "- Check visits in monthly supervision.\n"
        "  Lead officer: Team Managers   Target date: September 2026   Progress: Work has started\n"
        "Next review by the Improvement Board: January 2027\n"
    )
    (rec,) = plan["recommendations"]
    assert (rec["ref"], rec["text"]) == (None, "Priority 1 - Children are seen regularly")
    first, second = rec["actions"]
    assert (first["owners"], first["due"]["date"], first["status"]) == (
        ["Head of Safeguarding"],
        "2026-06-30",
        "complete",
    )
    assert (second["owners"], second["due"]["date"]) == (["Team Managers"], "2026-09-30")
    assert [u["text"] for u in second["updates"]] == ["Work has started"]


@pytest.mark.parametrize(
    "text",
    [
        # A letter with a list: no bullet names a lead or a date.
        "Dear Ms Smith,\n\nThank you for your letter of 3 May 2026. We discussed:\n"
        "- the timeliness of assessments\n- supervision\n- the new template\n\nYours sincerely,\nJo Bloggs\n",
        # Minutes: numbered items, one bracket naming a lead, actions labelled as such.
        "Improvement Board minutes, 12 March 2026\n\nPresent: Chair, Director\n\n"
        "1. Apologies were received from the Head of Service.\n"
        "2. The board noted the audit findings (Lead: Principal Social Worker).\n"
        "Action: circulate the audit report.\n"
        "3. Any other business: none.\n",
    ],
)
def test_a_letter_or_minutes_with_a_list_in_them_is_still_refused(text):
    with pytest.raises(ImportFailed) as error:
        _read(text)
    assert "no table was found" in str(error.value)


def test_a_numbered_line_over_dash_bullets_is_the_heading_they_answer_not_an_action():
    # "1. Improve assessments" with dash bullets under it: a list of another kind below a
    # numbered line makes that line the recommendation, whole as printed, ref null.
    plan = _read(
        "Anyshire Council improvement plan\n\n"
        "1. Improve assessments\n"
        "- Publish a weekly report (Lead: Head of Service; by June 2026)\n"
        "- Audit open assessments (Lead: Practice Lead; by July 2026)\n"
        "2. Strengthen supervision\n"
        "- Introduce a template (Lead: Principal Social Worker; by May 2026)\n"
    )
    assert [(r["ref"], r["text"], len(r["actions"])) for r in plan["recommendations"]] == [
        (None, "1. Improve assessments", 2),
        (None, "2. Strengthen supervision", 1),
    ]
