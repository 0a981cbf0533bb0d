"""Plans printed with very narrow columns: a second header row under a merged header
cell, and words the column was too narrow for, broken across lines."""

from __future__ import annotations

from lineofsight.importing import read_plan
from lineofsight.importing.readers import broken_words
from lineofsight.importing.tests.builders import glyphs, plan_actions


def _read(text: str) -> dict:
    return read_plan(text.encode(), "plan.txt").plan


def test_second_header_row_under_a_merged_cell_after_a_blank_line_names_the_columns():
    # "Delivery" is merged over Lead, Partners and By when; the cell's padding leaves a
    # blank line between the two header rows in pdftotext's layout, and the first row
    # already takes three lines ("Recom" / "mendati" / "on").
    plan = _read(
        "Ref   Recom      Action                 Delivery                        Success\n"
        "      mendati                                                           measure\n"
        "      on\n"
        "\n"
        "                                         Lead         Partner    By\n"
        "                                                      s          when\n"
        "\n"
        "1     Supervisi  Train every team       Head of      Finance    March   Fewer cases\n"
        "      on is not  manager in reflective  Service                 2026    drifting\n"
        "      good.      supervision.\n"
        "\n"
        "2     Visits     Publish a weekly       Practice     Housing    June    Visits on\n"
        "      are late.  tracker of visits.     Lead                    2026    time\n"
    )
    actions = plan_actions(plan)
    assert [a["owners"] for a in actions] == [["Head of Service"], ["Practice Lead"]]
    assert [a["due"]["date"] for a in actions] == ["2026-03-31", "2026-06-30"]
    assert [a["partners"] for a in actions] == [["Finance"], ["Housing"]]
    assert actions[0]["text"] == "Train every team manager in reflective supervision."


def test_words_a_narrow_column_broke_are_joined_back_in_a_text_plan():
    plan = _read(
        "Ref   Recommendation  Action        Lead          Due\n"
        "\n"
        "1     Managers'       Recruit       Head of       April\n"
        "      supervision     permane       Workfor       2026\n"
        "      is not          nt social     ce\n"
        "      reflective.     workers.\n"
        "\n"
        "2     Plans are       Provide       Assistan      June\n"
        "      late.           emergen       t             2026\n"
        "                      cy homes.     Director\n"
    )
    actions = plan_actions(plan)
    assert [a["owners"] for a in actions] == [["Head of Workforce"], ["Assistant Director"]]
    assert [a["text"] for a in actions] == ["Recruit permanent social workers.", "Provide emergency homes."]


def test_broken_pieces_are_told_from_real_words():
    known = broken_words.vocabulary(["the", "review", "of", "the", "plan", "in", "the", "north", "team"])
    # Pieces that are no word: one letter, no vowel, an onset no word starts with.
    assert broken_words.is_broken("Workfor", "ce", known)
    assert broken_words.is_broken("Assistan", "t", known)
    assert broken_words.is_broken("Adolesce", "nt", known)
    assert broken_words.is_broken("Dire", "ctor", known)
    assert broken_words.is_broken("assessm", "ent", known)
    assert broken_words.is_broken("202", "5", known)  # "May 202" / "5"
    # Real words go on being two words, after a line that wrapped at its edge.
    assert not broken_words.is_broken("the", "north", known)
    assert not broken_words.is_broken("review", "of", known)
    assert not broken_words.is_broken("is", "essential", known)
    assert not broken_words.is_broken("plan", "a", known)
    assert not broken_words.is_broken("team", "Leader", known)
    assert not broken_words.is_broken("2026", "5", known)


def test_a_word_printed_whole_elsewhere_is_joined_when_broken():
    known = broken_words.vocabulary(["the", "programme", "starts;", "a", "programme", "review"])
    assert broken_words.is_broken("program", "me", known)
    assert not broken_words.is_broken("program", "me", broken_words.vocabulary(["a", "plan"]))


def test_a_ruled_pdf_cell_joins_a_broken_word_and_a_broken_year_but_not_a_short_word():
    from lineofsight.importing.readers.ruled import cell_paras

    # Cells with 5 pt of padding; each first line is full to the cell's side.
    owner = cell_paras([*glyphs("Assistant Dire", 50, 20), *glyphs("ctor", 50, 32)], 45.0, 123.0)
    due = cell_paras([*glyphs("October 202", 50, 20), *glyphs("5", 50, 32)], 45.0, 112.0)
    # "By" fills a narrow header cell but is a word: "when" wraps under it, itself broken.
    header = cell_paras([*glyphs("By", 50, 20), *glyphs("whe", 50, 32), *glyphs("n", 50, 44)], 45.0, 70.0)
    assert [p.text for p in owner] == ["Assistant Director"]
    assert [p.text for p in due] == ["October 2025"]
    assert [p.text for p in header] == ["By when"]


def test_a_ruled_row_broken_by_the_page_joins_the_word_broken_at_the_page_foot():
    from lineofsight.importing.grid import Cell, para_from_text
    from lineofsight.importing.readers.ruled import _run_on

    cell = Cell([para_from_text("Assistant Dire")])
    _run_on(cell, [para_from_text("ctor")])
    other = Cell([para_from_text("Head of")])
    _run_on(other, [para_from_text("service")])
    assert cell.text == "Assistant Director"
    assert other.text == "Head of service"


def test_a_short_word_of_grammar_is_whole():
    assert broken_words.is_whole("By") and broken_words.is_whole("the")
    assert not broken_words.is_whole("Recommendati")
